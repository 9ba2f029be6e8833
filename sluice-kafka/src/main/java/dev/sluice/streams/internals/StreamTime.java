package dev.sluice.streams.internals;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.runtime.checkpoint.OperatorRestore;
import dev.sluice.runtime.checkpoint.OperatorStateMode;
import dev.sluice.runtime.checkpoint.SnapshotContext;
import dev.sluice.runtime.metrics.OperatorMetrics;
import dev.sluice.runtime.operators.OperatorContext;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream time of one task, which closes the windows and joins of the DSL, and the records
 * dropped as late against it: counted in {@code numLateRecordsDropped} and logged (the first and
 * every thousandth).
 *
 * <p>Kafka Streams' stream time is the largest record timestamp the task has seen; a Kafka
 * Streams task takes the records of its partitions in timestamp order, so a partition with a
 * backlog does not see its records made late by another's. A DSL task receives the records of
 * every source partition interleaved as fast as each is read, so here stream time is the largest
 * timestamp seen held back to the task's input watermark — the least partition time ({@link
 * PartitionTime}) of the source partitions that still have records to deliver — while the input
 * is active. A partition read to its end is idle and holds nothing back; when the whole input is
 * idle (every partition caught up) stream time is the largest timestamp seen, as in Kafka
 * Streams. Stream time never goes back.
 *
 * <p>In checkpoints each task writes (its index, the parallelism, the largest timestamp seen, its
 * input watermark, its stream time) into union state. A task restored at the same parallelism
 * takes back its own; after a change of parallelism it takes the smallest of the old ones (so no
 * record is dropped as late that would not have been before).
 */
final class StreamTime {
  static final String STATE = "dsl-stream-time";
  private static final Logger LOG = LoggerFactory.getLogger(StreamTime.class);

  /** The largest record timestamp seen. */
  private long seen = Long.MIN_VALUE;
  /** The input watermark. */
  private long watermark = Long.MIN_VALUE;
  /** Whether the whole input is idle. */
  private boolean idle;
  /** Stream time. */
  private long time = Long.MIN_VALUE;
  private OperatorMetrics.Counter late;
  private String operator;

  void open(OperatorContext context) {
    late = context.metrics().counter("numLateRecordsDropped");
    operator = context.operatorName();
  }

  /** A record at {@code timestamp} arrived; returns stream time. */
  long advance(long timestamp) {
    seen = Math.max(seen, timestamp);
    return update();
  }

  /** The task's input watermark advanced (it never goes back); returns stream time. */
  long onWatermark(long inputWatermark) {
    watermark = Math.max(watermark, inputWatermark);
    return update();
  }

  /** The task's whole input became idle or active again; returns stream time. */
  long onIdleStatus(boolean inputIdle) {
    idle = inputIdle;
    return update();
  }

  private long update() {
    time = Math.max(time, idle ? seen : Math.min(seen, watermark));
    return time;
  }

  long now() {
    return time;
  }

  /** A record too late for every window or join it belongs to: counted and reported. */
  void dropLate(Object record, long timestamp) {
    late.inc();
    long count = late.getCount();
    if (count == 1 || count % 1000 == 0) {
      LOG.warn("{}: dropped a late record: {} at {} (stream time {}; {} so far, metric numLateRecordsDropped)",
          operator, record, timestamp, now(), count);
    }
  }

  void snapshot(SnapshotContext snapshot, TaskInfo task) {
    byte[] entry = ByteBuffer.allocate(32).putInt(task.getIndexOfThisSubtask())
        .putInt(task.getNumberOfParallelSubtasks()).putLong(seen).putLong(watermark).putLong(time).array();
    snapshot.addOperatorState(STATE, OperatorStateMode.UNION, List.of(entry));
  }

  void restore(OperatorRestore restore, TaskInfo task) {
    List<byte[]> entries = restore.operatorState(STATE);
    if (entries == null || entries.isEmpty()) {
      return;
    }
    long minSeen = Long.MAX_VALUE;
    long minWatermark = Long.MAX_VALUE;
    long minTime = Long.MAX_VALUE;
    for (byte[] e : entries) {
      ByteBuffer b = ByteBuffer.wrap(e);
      int index = b.getInt();
      int oldParallelism = b.getInt();
      long s = b.getLong();
      // entries of 16 bytes (stream time was the largest timestamp seen) and of 24 (no stream time)
      long w = b.remaining() >= 8 ? b.getLong() : s;
      long t = b.remaining() >= 8 ? b.getLong() : Math.min(s, w);
      if (oldParallelism == task.getNumberOfParallelSubtasks() && index == task.getIndexOfThisSubtask()) {
        seen = s;
        watermark = w;
        time = t;
        return;
      }
      minSeen = Math.min(minSeen, s);
      minWatermark = Math.min(minWatermark, w);
      minTime = Math.min(minTime, t);
    }
    seen = minSeen;
    watermark = minWatermark;
    time = minTime;
  }
}
