package dev.sluice.runtime.checkpoint;

import dev.sluice.api.connector.sink2.CommittingSinkWriter;
import dev.sluice.api.connector.sink2.Committer;
import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.SupportsCommitter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.core.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A two-phase-commit sink for tests: each checkpoint stages what was written since the last one as
 * one committable (the values joined by commas); the committer publishes it to a queue per
 * {@code name}. Only committed values are visible, so a job whose last checkpoint never completes
 * leaves values unpublished.
 */
final class CommitRecordingSink<T> implements Sink<T>, SupportsCommitter<String> {
  private static final Map<String, Queue<String>> COMMITTED = new ConcurrentHashMap<>();
  private static final Set<String> FAIL_NEXT_COMMIT = ConcurrentHashMap.newKeySet();
  private static final Map<String, AtomicLong> WRITTEN = new ConcurrentHashMap<>();

  private final String name;

  CommitRecordingSink(String name) {
    this.name = name;
  }

  /** The values committed under {@code name} so far. */
  static List<String> committed(String name) {
    List<String> values = new ArrayList<>();
    for (String committable : COMMITTED.getOrDefault(name, new ConcurrentLinkedQueue<>())) {
      for (String v : committable.split(",")) {
        if (!v.isEmpty()) {
          values.add(v);
        }
      }
    }
    return values;
  }

  static void forget(String name) {
    COMMITTED.remove(name);
    FAIL_NEXT_COMMIT.remove(name);
    WRITTEN.remove(name);
  }

  /** How many values the writers under {@code name} were given (committed or not). */
  static long written(String name) {
    AtomicLong n = WRITTEN.get(name);
    return n == null ? 0 : n.get();
  }

  /** The next commit under {@code name} throws (once). */
  static void failNextCommit(String name) {
    FAIL_NEXT_COMMIT.add(name);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new Writer<>(WRITTEN.computeIfAbsent(name, n -> new AtomicLong()));
  }

  @Override
  public Committer<String> createCommitter() {
    return committables -> {
      if (FAIL_NEXT_COMMIT.remove(name)) {
        throw new IOException("commit failed (as the test asked)");
      }
      COMMITTED.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).addAll(committables);
    };
  }

  @Override
  public SimpleVersionedSerializer<String> getCommittableSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(String obj) {
        return obj.getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public String deserialize(int version, byte[] serialized) {
        return new String(serialized, StandardCharsets.UTF_8);
      }
    };
  }

  private static final class Writer<T> implements CommittingSinkWriter<T, String> {
    private final StringBuilder stage = new StringBuilder();
    private final AtomicLong written;

    Writer(AtomicLong written) {
      this.written = written;
    }

    @Override
    public void write(T element, Context context) {
      stage.append(element).append(',');
      written.incrementAndGet();
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public Collection<String> prepareCommit() {
      if (stage.length() == 0) {
        return List.of();
      }
      String committable = stage.toString();
      stage.setLength(0);
      return List.of(committable);
    }

    @Override
    public void close() {}
  }
}
