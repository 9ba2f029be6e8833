package dev.sluice.runtime.operators;

import dev.sluice.core.io.SimpleVersionedSerializer;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.runtime.checkpoint.OperatorRestore;
import dev.sluice.runtime.checkpoint.OperatorStateMode;
import dev.sluice.runtime.checkpoint.SnapshotContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.connector.sink2.Committer;
import dev.sluice.api.connector.sink2.CommittingSinkWriter;
import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.StatefulSinkWriter;
import dev.sluice.api.connector.sink2.SupportsWriterState;
import dev.sluice.api.connector.sink2.SupportsCommitter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.runtime.elements.RecordBatch;
import java.util.Collection;

/**
 * Feeds a {@link Sink}'s writer. At the end of a bounded input it flushes the writer and, for a
 * committing sink, prepares and commits the last stage.
 */
public final class SinkWriterOperator<IN> extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<IN, Void>, BatchOperator {
  private final Sink<IN> sink;
  private SinkWriter<IN> writer;
  private long elementTimestamp;
  private final SinkWriter.Context writerContext = new SinkWriter.Context() {
    @Override
    public long currentWatermark() {
      return currentWatermark;
    }

    @Override
    public Long timestamp() {
      return elementTimestamp == RecordBatch.NO_TIMESTAMP ? null : elementTimestamp;
    }
  };

  public SinkWriterOperator(Sink<IN> sink) {
    this.sink = sink;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void open() throws Exception {
    WriterInitContext init = new WriterInitContext() {
      @Override
      public TaskInfo getTaskInfo() {
        return context.taskInfo();
      }

      @Override
      public long currentProcessingTime() {
        return context.currentProcessingTime();
      }

      @Override
      public dev.sluice.runtime.metrics.OperatorMetrics metrics() {
        return context.metrics();
      }

      @Override
      public java.util.OptionalLong getRestoredCheckpointId() {
        return restoredCheckpointId > 0 ? java.util.OptionalLong.of(restoredCheckpointId)
            : java.util.OptionalLong.empty();
      }
    };
    if (restoredCheckpointId > 0 && sink instanceof SupportsWriterState supports) {
      SimpleVersionedSerializer<Object> serializer = supports.getWriterStateSerializer();
      List<Object> states = new ArrayList<>(recoveredWriterState.size());
      for (byte[] e : recoveredWriterState) {
        states.add(decode(serializer, e));
      }
      writer = supports.restoreWriter(init, states);
    } else {
      writer = sink.createWriter(init);
    }
    recoveredWriterState = List.of();
  }

  /** Writer states of the checkpoint being restored, until the writer is made. */
  private List<byte[]> recoveredWriterState = List.of();

  private static Object decode(SimpleVersionedSerializer<Object> serializer, byte[] e) throws java.io.IOException {
    DataInputDeserializer in = new DataInputDeserializer(e);
    int version = in.readInt();
    byte[] bytes = new byte[in.available()];
    in.readFully(bytes);
    return serializer.deserialize(version, bytes);
  }

  private static byte[] encode(SimpleVersionedSerializer<Object> serializer, Object value, DataOutputSerializer out)
      throws java.io.IOException {
    out.clear();
    out.writeInt(serializer.getVersion());
    out.write(serializer.serialize(value));
    return out.getCopyOfBuffer();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    elementTimestamp = timestamp;
    writer.write(value, writerContext);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processBatch(Object[] values, long[] timestamps, int size) throws Exception {
    SinkWriter<IN> w = writer;
    for (int i = 0; i < size; i++) {
      recordsIn++;
      elementTimestamp = timestamps[i];
      w.write((IN) values[i], writerContext);
    }
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    writer.writeWatermark(watermark);
  }

  /**
   * End of input: flushes the writer and stages the last output. Without checkpoints it is
   * committed at once; with checkpoints it waits, like all staged output, for the checkpoint that
   * covers it (here, the job's final checkpoint) to complete.
   */
  @Override
  @SuppressWarnings("unchecked")
  public void finish() throws Exception {
    writer.flush(true);
    if (writer instanceof CommittingSinkWriter<?, ?> committing
        && sink instanceof SupportsCommitter<?>) {
      Collection<Object> committables =
          ((CommittingSinkWriter<IN, Object>) committing).prepareCommit();
      if (context.isCheckpointingEnabled()) {
        staged.addAll(committables);
      } else {
        commit(committables);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void commit(Collection<Object> committables) throws Exception {
    if (!committables.isEmpty()) {
      try (Committer<Object> committer = ((SupportsCommitter<Object>) sink).createCommitter()) {
        committer.commit(committables);
      }
    }
  }

  private static final String COMMITTABLES_STATE = "sink-committables";
  private static final String WRITER_STATE = "sink-writer-state";
  /** Staged output not yet covered by a checkpoint. */
  private final List<Object> staged = new ArrayList<>();
  /** Staged output per checkpoint that covers it, waiting for that checkpoint to complete. */
  private final TreeMap<Long, List<Object>> pendingCommits = new TreeMap<>();

  /**
   * Pre-commit: the writer flushes and closes its current stage; the committables of every
   * checkpoint not yet known complete go into the snapshot, so a restore can commit them. Then a
   * stateful writer's own state.
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected void snapshotOperatorState(SnapshotContext snapshot) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(128);
    if (writer instanceof CommittingSinkWriter<?, ?> committing && sink instanceof SupportsCommitter<?> supports) {
      writer.flush(false);
      List<Object> now = new ArrayList<>(staged);
      staged.clear();
      now.addAll(((CommittingSinkWriter<IN, Object>) committing).prepareCommit());
      if (!now.isEmpty()) {
        pendingCommits.put(snapshot.checkpointId(), now);
      }
      SimpleVersionedSerializer<Object> serializer = committableSerializer(supports);
      List<byte[]> elements = new ArrayList<>();
      for (List<Object> list : pendingCommits.values()) {
        for (Object c : list) {
          elements.add(encode(serializer, c, out));
        }
      }
      snapshot.addOperatorState(COMMITTABLES_STATE, OperatorStateMode.SPLIT_DISTRIBUTE, elements);
    }
    if (writer instanceof StatefulSinkWriter<?, ?> stateful) {
      List<?> states = stateful.snapshotState(snapshot.checkpointId());
      if (sink instanceof SupportsWriterState supports) {
        SimpleVersionedSerializer<Object> serializer = supports.getWriterStateSerializer();
        List<byte[]> elements = new ArrayList<>(states.size());
        for (Object state : states) {
          elements.add(encode(serializer, state, out));
        }
        snapshot.addOperatorState(WRITER_STATE, OperatorStateMode.SPLIT_DISTRIBUTE, elements);
      } else if (!states.isEmpty()) {
        throw new IllegalStateException("The writer of sink " + sink.getClass().getName()
            + " has state, but the sink does not implement SupportsWriterState to encode and restore it");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private SimpleVersionedSerializer<Object> committableSerializer(SupportsCommitter<?> supports) {
    SimpleVersionedSerializer<Object> serializer =
        (SimpleVersionedSerializer<Object>) supports.getCommittableSerializer();
    if (serializer == null) {
      throw new IllegalStateException("The sink " + sink.getClass().getName()
          + " cannot be checkpointed: it provides no committable serializer");
    }
    return serializer;
  }

  /** Commit: every checkpoint up to {@code checkpointId} is durable, so its output is published. */
  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    Map<Long, List<Object>> done = pendingCommits.headMap(checkpointId, true);
    if (done.isEmpty()) {
      return;
    }
    List<Object> committables = new ArrayList<>();
    done.values().forEach(committables::addAll);
    commit(committables);
    done.clear();
  }

  /**
   * Output staged before the checkpoint being restored and not known to be committed: the
   * checkpoint is complete, so it is committed now (committing is idempotent).
   */
  @Override
  protected void initializeOperatorState(OperatorRestore restore) throws Exception {
    recoveredWriterState = restore.operatorState(WRITER_STATE);
    List<byte[]> elements = restore.operatorState(COMMITTABLES_STATE);
    if (elements.isEmpty() || !(sink instanceof SupportsCommitter<?> supports)) {
      return;
    }
    SimpleVersionedSerializer<Object> serializer = committableSerializer(supports);
    List<Object> committables = new ArrayList<>();
    for (byte[] e : elements) {
      committables.add(decode(serializer, e));
    }
    commit(committables);
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      SinkWriter<IN> w = writer;
      writer = null;
      w.close();
    }
  }
}
