package dev.sluice.runtime.operators;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.connector.sink2.Committer;
import dev.sluice.api.connector.sink2.CommittingSinkWriter;
import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
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
  public void open() throws Exception {
    writer = sink.createWriter(new WriterInitContext() {
      @Override
      public TaskInfo getTaskInfo() {
        return context.taskInfo();
      }

      @Override
      public long currentProcessingTime() {
        return context.currentProcessingTime();
      }
    });
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

  @Override
  @SuppressWarnings("unchecked")
  public void finish() throws Exception {
    writer.flush(true);
    if (writer instanceof CommittingSinkWriter<?, ?> committing
        && sink instanceof SupportsCommitter<?> supports) {
      Collection<Object> committables =
          ((CommittingSinkWriter<IN, Object>) committing).prepareCommit();
      if (!committables.isEmpty()) {
        try (Committer<Object> committer = ((SupportsCommitter<Object>) supports).createCommitter()) {
          committer.commit(committables);
        }
      }
    }
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
