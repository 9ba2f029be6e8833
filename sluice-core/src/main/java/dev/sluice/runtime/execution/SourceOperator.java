package dev.sluice.runtime.execution;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.connector.source.SourceSplit;
import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.core.io.SimpleVersionedSerializer;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.runtime.checkpoint.OperatorRestore;
import dev.sluice.runtime.checkpoint.OperatorStateMode;
import dev.sluice.runtime.checkpoint.SnapshotContext;
import java.util.ArrayList;
import java.util.List;

/** The head of a source chain: runs the subtask's {@link SourceReader}. */
final class SourceOperator<T, SplitT extends SourceSplit> extends AbstractStreamOperator<T> {
  private final Source<T, SplitT, ?> source;
  private final WatermarkStrategy<T> watermarkStrategy;
  private final SourceCoordinator<SplitT> coordinator;
  private final long autoWatermarkIntervalMs;
  private SourceReader<T, SplitT> reader;
  private SourceOutputs<T> outputs;
  private long nextPeriodicEmit;
  private List<SplitT> restoredSplits = List.of();
  private static final String SPLITS_STATE = "source-splits";

  SourceOperator(Source<T, SplitT, ?> source, WatermarkStrategy<T> watermarkStrategy,
      SourceCoordinator<SplitT> coordinator, long autoWatermarkIntervalMs) {
    this.source = source;
    this.watermarkStrategy = watermarkStrategy;
    this.coordinator = coordinator;
    this.autoWatermarkIntervalMs = autoWatermarkIntervalMs;
  }

  /** Opens the reader; {@code subtask} receives split assignments through its mailbox. */
  void open(Subtask subtask) throws Exception {
    int index = context.taskInfo().getIndexOfThisSubtask();
    outputs = new SourceOutputs<>(output, watermarkStrategy, subtask::emitIdleStatus,
        context::currentProcessingTime);
    reader = source.createReader(new SourceReaderContext() {
      @Override
      public TaskInfo getTaskInfo() {
        return context.taskInfo();
      }

      @Override
      public void sendSplitRequest() {
        coordinator.requestSplit(index);
      }

      @Override
      public long currentProcessingTime() {
        return context.currentProcessingTime();
      }

      @Override
      public dev.sluice.runtime.metrics.OperatorMetrics metrics() {
        return context.metrics();
      }
    });
    if (!restoredSplits.isEmpty()) {
      reader.addSplits(restoredSplits);
      restoredSplits = List.of();
    }
    coordinator.registerReader(index, subtask, this);
    reader.start();
    nextPeriodicEmit = context.currentProcessingTime() + autoWatermarkIntervalMs;
  }

  /** The reader's splits (with their positions) as they were at the checkpoint. */
  @Override
  protected void initializeOperatorState(OperatorRestore restore) throws Exception {
    List<byte[]> elements = restore.operatorState(SPLITS_STATE);
    if (elements.isEmpty()) {
      return;
    }
    SimpleVersionedSerializer<SplitT> serializer = source.getSplitSerializer();
    List<SplitT> splits = new ArrayList<>(elements.size());
    for (byte[] e : elements) {
      DataInputDeserializer in = new DataInputDeserializer(e);
      int version = in.readInt();
      byte[] bytes = new byte[in.available()];
      in.readFully(bytes);
      splits.add(serializer.deserialize(version, bytes));
    }
    restoredSplits = splits;
  }

  @Override
  protected void snapshotOperatorState(SnapshotContext snapshot) throws Exception {
    SimpleVersionedSerializer<SplitT> serializer = source.getSplitSerializer();
    List<byte[]> elements = new ArrayList<>();
    DataOutputSerializer out = new DataOutputSerializer(64);
    for (SplitT split : reader.snapshotState(snapshot.checkpointId())) {
      out.clear();
      out.writeInt(serializer.getVersion());
      out.write(serializer.serialize(split));
      elements.add(out.getCopyOfBuffer());
    }
    snapshot.addOperatorState(SPLITS_STATE, OperatorStateMode.SPLIT_DISTRIBUTE, elements);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (reader != null) {
      reader.notifyCheckpointComplete(checkpointId);
    }
  }

  InputStatus emitNext() throws Exception {
    return reader.pollNext(outputs);
  }

  void addSplits(List<SplitT> splits) {
    reader.addSplits(splits);
  }

  void noMoreSplits() {
    reader.notifyNoMoreSplits();
  }

  /** Hands records staged by the reader's output down the chain. */
  void flush() {
    outputs.flush();
  }

  /** Runs the periodic watermark generators when their interval has passed. */
  void maybeEmitPeriodicWatermark() {
    if (autoWatermarkIntervalMs > 0 && outputs.generatesWatermarks()) {
      long now = context.currentProcessingTime();
      if (now >= nextPeriodicEmit) {
        nextPeriodicEmit = now + autoWatermarkIntervalMs;
        outputs.emitPeriodicWatermark();
      }
    }
  }

  /** A bounded input ended: event time advances to the end of time. */
  void emitFinalWatermark() {
    outputs.emitFinalWatermark();
  }

  @Override
  public void close() throws Exception {
    if (reader != null) {
      SourceReader<T, SplitT> r = reader;
      reader = null;
      r.close();
    }
  }
}
