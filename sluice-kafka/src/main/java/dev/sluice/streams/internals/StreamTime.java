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
 * The stream time of one task (the largest record timestamp it has seen), which closes the windows
 * and joins of the DSL, and the records dropped as late against it: counted in {@code
 * numLateRecordsDropped} and logged (the first and every thousandth).
 *
 * <p>In checkpoints each task writes (its index, the parallelism, its stream time) into union
 * state. A task restored at the same parallelism takes back its own stream time; after a change of
 * parallelism it takes the smallest of the old ones (so no record is dropped as late that would not
 * have been before).
 */
final class StreamTime {
  static final String STATE = "dsl-stream-time";
  private static final Logger LOG = LoggerFactory.getLogger(StreamTime.class);

  private long time = Long.MIN_VALUE;
  private OperatorMetrics.Counter late;
  private String operator;

  /** Called from the operator's {@code open()}. */
  void open(OperatorContext context) {
    late = context.metrics().counter("numLateRecordsDropped");
    operator = context.operatorName();
  }

  /** Moves stream time on to {@code timestamp} if that is later; returns stream time. */
  long advance(long timestamp) {
    time = Math.max(time, timestamp);
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
          operator, record, timestamp, time, count);
    }
  }

  void snapshot(SnapshotContext snapshot, TaskInfo task) {
    byte[] entry = ByteBuffer.allocate(16).putInt(task.getIndexOfThisSubtask())
        .putInt(task.getNumberOfParallelSubtasks()).putLong(time).array();
    snapshot.addOperatorState(STATE, OperatorStateMode.UNION, List.of(entry));
  }

  void restore(OperatorRestore restore, TaskInfo task) {
    List<byte[]> entries = restore.operatorState(STATE);
    if (entries == null || entries.isEmpty()) {
      return;
    }
    long min = Long.MAX_VALUE;
    for (byte[] e : entries) {
      ByteBuffer b = ByteBuffer.wrap(e);
      int index = b.getInt();
      int oldParallelism = b.getInt();
      long t = b.getLong();
      if (oldParallelism == task.getNumberOfParallelSubtasks() && index == task.getIndexOfThisSubtask()) {
        time = t;
        return;
      }
      min = Math.min(min, t);
    }
    time = min;
  }
}
