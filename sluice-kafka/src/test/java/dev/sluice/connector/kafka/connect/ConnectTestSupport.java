package dev.sluice.connector.kafka.connect;

import dev.sluice.api.common.functions.MapFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Files of numbered lines, and maps that slow a source down or fail once after a checkpoint. */
final class ConnectTestSupport {
  private ConnectTestSupport() {}

  static List<String> lines(int n) {
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add("line-" + i);
    }
    return lines;
  }

  static List<String> upper(List<String> lines) {
    return lines.stream().map(String::toUpperCase).toList();
  }

  static List<String> read(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest checkpoint started (its directory exists) or completed (its metadata too). */
  static int newestCheckpoint(Path checkpoints, boolean completed) throws IOException {
    if (!Files.isDirectory(checkpoints)) {
      return 0;
    }
    try (var dirs = Files.list(checkpoints)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("chk-"))
          .filter(d -> !completed || Files.exists(d.resolve("_metadata")))
          .mapToInt(d -> Integer.parseInt(d.getFileName().toString().substring(4))).max().orElse(0);
    }
  }

  /**
   * Slows its subtask down, 1 ms every 10 records. Chained to a source it makes the reading slow, so
   * that periodic checkpoints fall within the input however fast the machine is.
   */
  static final class Throttle implements MapFunction<String, String> {
    private long seen;

    @Override
    public String map(String value) throws Exception {
      if (++seen % 10 == 0) {
        Thread.sleep(1);
      }
      return value;
    }
  }

  /** Shared between a test and the map below (one test at a time uses them). */
  static final AtomicBoolean FAILED = new AtomicBoolean();
  static final AtomicLong SEEN = new AtomicLong();
  static final AtomicLong SEEN_AT_FAILURE = new AtomicLong();

  static void reset() {
    FAILED.set(false);
    SEEN.set(0);
    SEEN_AT_FAILURE.set(0);
  }

  /**
   * Fails once, when a checkpoint that started after this subtask had seen {@code after} records
   * has completed: that checkpoint's barrier left the source after those records, so the offsets
   * it holds are past them.
   */
  static final class FailOnceAfterCheckpoint implements MapFunction<String, String> {
    private final String checkpoints;
    private final long after;
    private long seen;
    private int needed = Integer.MAX_VALUE;

    FailOnceAfterCheckpoint(Path checkpoints, long after) {
      this.checkpoints = checkpoints.toString();
      this.after = after;
    }

    @Override
    public String map(String value) throws Exception {
      SEEN.incrementAndGet();
      if (++seen == after) {
        needed = newestCheckpoint(Path.of(checkpoints), false) + 1;
      }
      if (seen > after && !FAILED.get() && newestCheckpoint(Path.of(checkpoints), true) >= needed
          && FAILED.compareAndSet(false, true)) {
        SEEN_AT_FAILURE.set(SEEN.get());
        throw new IllegalStateException("injected failure");
      }
      return value;
    }
  }
}
