package dev.sluice.runtime.execution;

import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.runtime.checkpoint.CheckpointCoordinator;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.BlobRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.NativeStateRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.OperatorStateRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.SubtaskRef;
import dev.sluice.runtime.checkpoint.CheckpointStats;
import dev.sluice.runtime.checkpoint.CheckpointStorage.StateFileWriter;
import dev.sluice.runtime.checkpoint.KeyedStateSnapshot;
import dev.sluice.runtime.checkpoint.OperatorStateMode;
import dev.sluice.runtime.checkpoint.SnapshotContext;
import dev.sluice.runtime.elements.CheckpointBarrier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** What one operator handed over at a barrier; written to the subtask's state file later. */
final class OperatorSnapshot implements SnapshotContext {
  private record ListStateCopy(String name, OperatorStateMode mode, List<byte[]> elements) {}

  private final String operatorId;
  private final CheckpointBarrier barrier;
  private final List<ListStateCopy> listStates = new ArrayList<>();
  private KeyedStateSnapshot keyed;

  OperatorSnapshot(String operatorId, CheckpointBarrier barrier) {
    this.operatorId = operatorId;
    this.barrier = barrier;
  }

  @Override
  public long checkpointId() {
    return barrier.id();
  }

  @Override
  public long checkpointTimestamp() {
    return barrier.timestamp();
  }

  @Override
  public boolean savepoint() {
    return barrier.savepoint();
  }

  @Override
  public void addOperatorState(String name, OperatorStateMode mode, List<byte[]> elements) {
    for (ListStateCopy c : listStates) {
      if (c.name.equals(name)) {
        throw new IllegalStateException("Operator state '" + name + "' was snapshotted twice");
      }
    }
    listStates.add(new ListStateCopy(name, mode, List.copyOf(elements)));
  }

  @Override
  public void setKeyedState(KeyedStateSnapshot snapshot) {
    this.keyed = snapshot;
  }

  /**
   * Writes a subtask's snapshots into {@code file} in the checkpoint directory and acknowledges
   * them, or declines the checkpoint if that fails. Runs on a checkpoint writer thread.
   */
  static void write(CheckpointCoordinator coordinator, CheckpointBarrier barrier, String file,
      int subtask, List<OperatorSnapshot> snapshots, String taskName, long alignmentNanos,
      long syncNanos) {
    long start = System.nanoTime();
    try (StateFileWriter writer = new StateFileWriter(barrier.directory().resolve(file))) {
      DataOutputSerializer buffer = new DataOutputSerializer(64 * 1024);
      Map<String, SubtaskRef> partial = new LinkedHashMap<>();
      long nativeBytes = 0;
      for (OperatorSnapshot s : snapshots) {
        BlobRef meta = null;
        NativeStateRef nativeState = null;
        Map<Integer, BlobRef> keyGroups = new TreeMap<>();
        int first = 0;
        int end = 0;
        if (s.keyed != null) {
          first = s.keyed.firstKeyGroup();
          end = s.keyed.endKeyGroup();
          buffer.clear();
          s.keyed.writeMeta(buffer);
          meta = writer.append(buffer.getSharedBuffer(), buffer.length());
          for (int kg = first; kg < end; kg++) {
            buffer.clear();
            if (s.keyed.writeKeyGroup(kg, buffer)) {
              keyGroups.put(kg, writer.append(buffer.getSharedBuffer(), buffer.length()));
            }
          }
          nativeState = s.keyed.writeNativeFiles(barrier.directory());
          nativeBytes += s.keyed.nativeBytesWritten();
        }
        List<OperatorStateRef> states = new ArrayList<>(s.listStates.size());
        for (ListStateCopy c : s.listStates) {
          List<BlobRef> elements = new ArrayList<>(c.elements.size());
          for (byte[] e : c.elements) {
            elements.add(writer.append(e, e.length));
          }
          states.add(new OperatorStateRef(c.name, c.mode, elements));
        }
        partial.put(s.operatorId, new SubtaskRef(subtask, file, 0, 0, meta, first, end, keyGroups, states,
            nativeState));
      }
      writer.finish();
      Map<String, SubtaskRef> refs = new LinkedHashMap<>();
      partial.forEach((op, r) -> refs.put(op, new SubtaskRef(r.subtask(), r.file(), writer.size(),
          writer.checksum(), r.keyedMeta(), r.firstKeyGroup(), r.endKeyGroup(), r.keyGroups(),
          r.operatorStates(), r.nativeState())));
      long asyncNanos = System.nanoTime() - start;
      coordinator.acknowledge(barrier.id(), refs, new CheckpointStats.SubtaskStats(taskName, subtask,
          TimeUnit.NANOSECONDS.toMillis(alignmentNanos), TimeUnit.NANOSECONDS.toMillis(syncNanos),
          TimeUnit.NANOSECONDS.toMillis(asyncNanos), writer.size() + nativeBytes));
    } catch (Throwable e) {
      coordinator.decline(barrier.id(), e);
    } finally {
      release(snapshots);
    }
  }

  /** Frees what the keyed snapshots hold (after writing, or when they will not be written). */
  static void release(List<OperatorSnapshot> snapshots) {
    for (OperatorSnapshot s : snapshots) {
      if (s.keyed != null) {
        try {
          s.keyed.release();
        } catch (RuntimeException e) {
          // best effort: the backend removes its files when it closes
        }
      }
    }
  }
}
