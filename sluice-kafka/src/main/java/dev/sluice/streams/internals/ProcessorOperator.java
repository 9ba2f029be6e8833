package dev.sluice.streams.internals;

import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.processor.api.Processor;
import dev.sluice.streams.processor.api.ProcessorContext;
import dev.sluice.streams.processor.api.ProcessorSupplier;
import dev.sluice.streams.processor.api.Record;

/** Runs a {@link Processor} (one per parallel task) for {@code KStream.process}. */
final class ProcessorOperator<KI, VI, KO, VO> extends AbstractStreamOperator<KeyValue<KO, VO>>
    implements OneInputStreamOperator<KeyValue<KI, VI>, KeyValue<KO, VO>> {
  private final ProcessorSupplier<? super KI, ? super VI, KO, VO> supplier;
  private final String applicationId;
  private Processor<? super KI, ? super VI, KO, VO> processor;
  private long streamTime = -1;

  ProcessorOperator(ProcessorSupplier<? super KI, ? super VI, KO, VO> supplier, String applicationId) {
    this.supplier = supplier;
    this.applicationId = applicationId;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void open() {
    processor = supplier.get();
    if (processor == null) {
      throw new IllegalStateException("The ProcessorSupplier of '" + context.operatorName() + "' returned null");
    }
    ((Processor) processor).init(new ProcessorContext<KO, VO>() {
      @Override
      public <K extends KO, V extends VO> void forward(Record<K, V> record) {
        output.collect(new KeyValue<>(record.key(), record.value()), record.timestamp());
      }

      @Override
      public String applicationId() {
        return applicationId;
      }

      @Override
      public int taskId() {
        return context.taskInfo().getIndexOfThisSubtask();
      }

      @Override
      public long currentSystemTimeMs() {
        return context.currentProcessingTime();
      }

      @Override
      public long currentStreamTimeMs() {
        return streamTime;
      }
    });
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void processElement(KeyValue<KI, VI> value, long timestamp) {
    long ts = Math.max(0, timestamp);
    streamTime = Math.max(streamTime, ts);
    ((Processor) processor).process(new Record<>(value.key, value.value, ts));
  }

  @Override
  public void close() {
    if (processor != null) {
      processor.close();
    }
  }
}
