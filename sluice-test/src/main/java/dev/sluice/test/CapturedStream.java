package dev.sluice.test;

import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.elements.StreamRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one stream of a job produced, from {@link SluiceTestKit#capture}. Filled while the job runs;
 * read it after {@link SluiceTestKit#execute} has returned (or thrown). Thread-safe.
 *
 * @param <T> the element type
 */
public final class CapturedStream<T> {
  private final List<StreamRecord<T>> records = Collections.synchronizedList(new ArrayList<>());

  CapturedStream() {}

  /** The elements received so far, in arrival order. */
  public List<T> values() {
    synchronized (records) {
      List<T> values = new ArrayList<>(records.size());
      for (StreamRecord<T> r : records) {
        values.add(r.value());
      }
      return Collections.unmodifiableList(values);
    }
  }

  /** The elements received so far with their timestamps, in arrival order. */
  public List<StreamRecord<T>> records() {
    synchronized (records) {
      return Collections.unmodifiableList(new ArrayList<>(records));
    }
  }

  /** How many elements were received so far. */
  public int size() {
    return records.size();
  }

  Sink<T> sink() {
    return new CaptureSink<>(this);
  }

  void add(T value, long timestamp) {
    records.add(new StreamRecord<>(value, timestamp));
  }

  /**
   * Appends to a {@link CapturedStream} of the same JVM. The runtime uses a sink instance as is
   * (sinks are not copied per subtask), so the transient target is present when writers are made.
   */
  private static final class CaptureSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final transient CapturedStream<T> target;

    CaptureSink(CapturedStream<T> target) {
      this.target = target;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      if (target == null) {
        throw new IllegalStateException("The test kit's capture sink was copied by serialization; "
            + "it only works when the runtime uses the sink instance it was given");
      }
      return new SinkWriter<>() {
        @Override
        public void write(T element, Context ctx) {
          Long ts = ctx.timestamp();
          target.add(element, ts == null ? RecordBatch.NO_TIMESTAMP : ts);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
