package dev.sluice.runtime.checkpoint;

import static dev.sluice.runtime.checkpoint.CheckpointRecoveryTest.assertExactlyOnce;
import static dev.sluice.runtime.checkpoint.CheckpointRecoveryTest.committedLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a checkpointing job's JVM with SIGKILL at random moments, starts it again on the same
 * checkpoint directory each time, and checks the committed output equals an uninterrupted run:
 * every record once, none missing.
 *
 * <p>The default suite runs a short version (80,000 events at 10,000 per second, 4 kills); the {@code crash-soak}
 * Maven profile runs the long one: {@code ./mvnw -pl sluice-core -am verify -Pcrash-soak}
 * (10 M events at full speed, 20 kills), configurable with {@code -Dsluice.crash.events},
 * {@code -Dsluice.crash.rate} (0 = unlimited) and {@code -Dsluice.crash.kills}.
 */
class CrashRecoveryTest {
  @TempDir Path tmp;

  static final long EVENTS = Long.getLong("sluice.crash.events", 80_000);
  static final double RATE = Double.parseDouble(System.getProperty("sluice.crash.rate", "10000"));
  static final int KILLS = Integer.getInteger("sluice.crash.kills", 4);
  /** Each run is killed after 0.7 s plus up to this many milliseconds. */
  static final int KILL_SPREAD_MS = Integer.getInteger("sluice.crash.spreadMs", 900);

  static Process start(Path checkpoints, Path out, Path log) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", classPath, CrashTestJob.class.getName(),
        checkpoints.toString(), out.toString(), Long.toString(EVENTS), Double.toString(RATE)));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void killedWithSigkillAndRestartedTheJobWritesEveryRecordExactlyOnce() throws Exception {
    Path checkpoints = tmp.resolve("checkpoints");
    Path out = tmp.resolve("out");
    Random random = new Random();
    int kills = 0;
    long started = System.nanoTime();
    for (int run = 0; run <= KILLS + 8; run++) {
      Path log = tmp.resolve("run-" + run + ".log");
      Process p = start(checkpoints, out, log);
      boolean kill = run < KILLS;
      if (kill) {
        long aliveMs = 700 + random.nextInt(KILL_SPREAD_MS);
        if (!p.waitFor(aliveMs, TimeUnit.MILLISECONDS)) {
          p.destroyForcibly(); // SIGKILL on Linux
          p.waitFor(10, TimeUnit.SECONDS);
          kills++;
          continue;
        }
      } else if (!p.waitFor(Math.max(60, EVENTS / 20_000), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the job did not finish: " + Files.readString(log));
      }
      assertThat(p.exitValue()).as("exit code; log:%n%s", Files.readString(log)).isZero();
      break;
    }
    assertThat(kills).as("runs killed").isGreaterThanOrEqualTo(Math.max(1, KILLS - 1));
    List<String> lines = committedLines(out);
    assertExactlyOnce(lines, CrashTestJob.expected(EVENTS));
    System.out.printf("crash test: %,d events, %d kills, %,d output lines exactly once, %.1f s%n",
        EVENTS, kills, lines.size(), (System.nanoTime() - started) / 1e9);
  }
}
