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
 */
class CrashRecoveryTest {
  @TempDir Path tmp;

  static final long EVENTS = 30_000;
  static final double RATE = 10_000;

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
    for (int run = 0; run < 12; run++) {
      Path log = tmp.resolve("run-" + run + ".log");
      Process p = start(checkpoints, out, log);
      boolean kill = run < 4;
      if (kill) {
        long aliveMs = 700 + random.nextInt(900);
        if (!p.waitFor(aliveMs, TimeUnit.MILLISECONDS)) {
          p.destroyForcibly(); // SIGKILL on Linux
          p.waitFor(10, TimeUnit.SECONDS);
          kills++;
          continue;
        }
      } else if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the job did not finish: " + Files.readString(log));
      }
      assertThat(p.exitValue()).as("exit code; log:%n%s", Files.readString(log)).isZero();
      break;
    }
    assertThat(kills).as("runs killed").isGreaterThanOrEqualTo(3);
    assertExactlyOnce(committedLines(out), CrashTestJob.expected(EVENTS));
  }
}
