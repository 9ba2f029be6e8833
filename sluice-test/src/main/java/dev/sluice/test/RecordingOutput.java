package dev.sluice.test;

import dev.sluice.runtime.elements.StreamRecord;
import dev.sluice.runtime.operators.Output;
import dev.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link Output} that keeps everything an operator emits, for harnesses. Single-threaded. */
final class RecordingOutput<T> implements Output<T> {
  final List<StreamRecord<T>> records = new ArrayList<>();
  final Map<OutputTag<?>, List<StreamRecord<?>>> sideOutputs = new LinkedHashMap<>();
  final List<Long> watermarks = new ArrayList<>();

  @Override
  public void collect(T value, long timestamp) {
    records.add(new StreamRecord<>(value, timestamp));
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    if (tag == null) {
      throw new IllegalArgumentException("The side output tag must not be null");
    }
    sideOutputs.computeIfAbsent(tag, t -> new ArrayList<>()).add(new StreamRecord<>(value, timestamp));
  }

  @Override
  public void emitWatermark(long watermark) {
    watermarks.add(watermark);
  }

  void clear() {
    records.clear();
    sideOutputs.clear();
    watermarks.clear();
  }
}
