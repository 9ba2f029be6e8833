package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice demo} checkpoints; killed with SIGKILL and started again, it resumes from its
 * newest checkpoint. {@code sluice checkpoints} lists and shows what it wrote.
 */
class DemoResumeTest {
  @TempDir Path tmp;

  private Process demo(Path checkpoints, Path log) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", classPath, SluiceCli.class.getName(), "demo", "--rate", "20k", "--plain",
        "--parallelism", "2", "--checkpoint-interval", "200", "--checkpoint-dir", checkpoints.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static boolean hasCompleteCheckpoint(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.anyMatch(p -> Files.exists(p.resolve("_metadata")));
    }
  }

  @Test
  void aKilledDemoResumesFromItsNewestCheckpoint() throws Exception {
    Path checkpoints = tmp.resolve("checkpoints");
    Process first = demo(checkpoints, tmp.resolve("first.log"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!hasCompleteCheckpoint(checkpoints) && System.nanoTime() < deadline && first.isAlive()) {
      Thread.sleep(50);
    }
    assertThat(hasCompleteCheckpoint(checkpoints)).as(Files.readString(tmp.resolve("first.log"))).isTrue();
    first.destroyForcibly(); // SIGKILL
    first.waitFor(10, TimeUnit.SECONDS);

    Path secondLog = tmp.resolve("second.log");
    Process second = demo(checkpoints, secondLog);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.readString(secondLog).contains("elapsed") && System.nanoTime() < deadline && second.isAlive()) {
      Thread.sleep(50);
    }
    second.destroy(); // SIGTERM: the demo stops its job cleanly
    second.waitFor(20, TimeUnit.SECONDS);
    assertThat(Files.readString(secondLog)).contains("resumed from checkpoint " + checkpoints.resolve("chk-"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertThat(SluiceCli.run(out, out, "checkpoints", checkpoints.toString())).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("chk-").contains("complete");
    String newest;
    try (Stream<Path> entries = Files.list(checkpoints)) {
      newest = entries.filter(p -> Files.exists(p.resolve("_metadata"))).map(Path::toString).sorted().findFirst().orElseThrow();
    }
    bytes.reset();
    assertThat(SluiceCli.run(out, out, "checkpoints", newest)).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("of job 'Sluice demo: revenue per category'")
        .contains("Revenue per category")
        .contains("keyed state in");
  }
}
