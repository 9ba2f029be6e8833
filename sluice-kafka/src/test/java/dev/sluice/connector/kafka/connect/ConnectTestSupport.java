package dev.sluice.connector.kafka.connect;

import dev.sluice.connector.kafka.KafkaTestUtil;
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
        needed = KafkaTestUtil.newestCheckpoint(Path.of(checkpoints), false) + 1;
      }
      if (seen > after && !FAILED.get() && KafkaTestUtil.newestCheckpoint(Path.of(checkpoints), true) >= needed
          && FAILED.compareAndSet(false, true)) {
        SEEN_AT_FAILURE.set(SEEN.get());
        throw new IllegalStateException("injected failure");
      }
      return value;
    }
  }
}
