package dev.sluice.runtime.operators;

import dev.sluice.util.OutputTag;

/** Where an operator sends what it produces. Called on the operator's subtask thread only. */
public interface Output<T> {
  /** Emits a record with a timestamp ({@code RecordBatch.NO_TIMESTAMP} for none). */
  void collect(T value, long timestamp);

  /** Emits a record to the side output named by {@code tag}. */
  <X> void collect(OutputTag<X> tag, X value, long timestamp);

  /** Advances event time downstream. */
  void emitWatermark(long watermark);
}
