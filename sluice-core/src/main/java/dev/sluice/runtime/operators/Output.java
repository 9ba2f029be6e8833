package dev.sluice.runtime.operators;

import dev.sluice.util.OutputTag;

/** Where an operator sends what it produces. Called on the operator's subtask thread only. */
public interface Output<T> {
  /** Emits a record with a timestamp ({@code RecordBatch.NO_TIMESTAMP} for none). */
  void collect(T value, long timestamp);

  /** Emits a record to the side output named by {@code tag}. */
  <X> void collect(OutputTag<X> tag, X value, long timestamp);

  /**
   * Emits {@code size} records at once. The arrays are read-only for the receiver and valid only
   * during the call; chained operators pass whole batches this way so that each operator's loop
   * calls one user function (the JIT can inline it) instead of one virtual call chain per record.
   */
  @SuppressWarnings("unchecked")
  default void collectBatch(Object[] values, long[] timestamps, int size) {
    for (int i = 0; i < size; i++) {
      collect((T) values[i], timestamps[i]);
    }
  }

  /** Advances event time downstream. */
  void emitWatermark(long watermark);

  /**
   * This output will send nothing for a while (idle) or sends again (active); idle outputs do not
   * hold back event time downstream.
   */
  default void emitIdleStatus(boolean idle) {}
}
