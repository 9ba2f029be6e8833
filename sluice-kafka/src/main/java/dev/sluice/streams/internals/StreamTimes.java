package dev.sluice.streams.internals;

import dev.sluice.runtime.checkpoint.OperatorRestore;
import dev.sluice.runtime.checkpoint.OperatorStateMode;
import dev.sluice.runtime.checkpoint.SnapshotContext;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Stream time in checkpoints: each task writes (its index, the parallelism, its stream time) into
 * union state. A task restored at the same parallelism takes back its own stream time; after a
 * change of parallelism it takes the smallest of the old ones (so no record is dropped as late
 * that would not have been before).
 */
final class StreamTimes {
  static final String STATE = "dsl-stream-time";

  private StreamTimes() {}

  static void snapshot(SnapshotContext snapshot, int subtask, int parallelism, long streamTime) {
    byte[] entry = ByteBuffer.allocate(16).putInt(subtask).putInt(parallelism).putLong(streamTime).array();
    snapshot.addOperatorState(STATE, OperatorStateMode.UNION, List.of(entry));
  }

  static long restore(OperatorRestore restore, int subtask, int parallelism) {
    List<byte[]> entries = restore.operatorState(STATE);
    if (entries == null || entries.isEmpty()) {
      return Long.MIN_VALUE;
    }
    long min = Long.MAX_VALUE;
    for (byte[] e : entries) {
      ByteBuffer b = ByteBuffer.wrap(e);
      int index = b.getInt();
      int oldParallelism = b.getInt();
      long time = b.getLong();
      if (oldParallelism == parallelism && index == subtask) {
        return time;
      }
      min = Math.min(min, time);
    }
    return min;
  }
}
