package dev.sluice.runtime.operators.co;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.runtime.operators.Output;
import dev.sluice.runtime.operators.OperatorContext;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.runtime.state.HeapKeyedStateBackend;
import dev.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a two-input operator on the test thread as one subtask (0 of 1) would: sets the key of
 * each element of a keyed input, forwards watermarks, records what the operator emits.
 */
final class TwoInputHarness<IN1, IN2, OUT> implements AutoCloseable {
  record Rec<T>(T value, long timestamp) {}

  final TwoInputStreamOperator<IN1, IN2, OUT> operator;
  final HeapKeyedStateBackend keyedState;
  private final KeySelector<IN1, ?> key1;
  private final KeySelector<IN2, ?> key2;
  long processingTime;
  final List<Rec<OUT>> output = new ArrayList<>();
  final Map<OutputTag<?>, List<Rec<?>>> sideOutputs = new LinkedHashMap<>();
  final List<Long> watermarks = new ArrayList<>();

  TwoInputHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator, KeySelector<IN1, ?> key1,
      KeySelector<IN2, ?> key2) throws Exception {
    this.operator = operator;
    this.key1 = key1;
    this.key2 = key2;
    this.keyedState = key1 == null ? null : new HeapKeyedStateBackend(128, 0, 1);
    OperatorContext context = new OperatorContext("Harnessed", new TaskInfo("Harnessed", 0, 1, 128),
        "job", keyedState, () -> processingTime);
    operator.setup(context, new Output<>() {
      @Override
      public void collect(OUT value, long timestamp) {
        output.add(new Rec<>(value, timestamp));
      }

      @Override
      public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
        sideOutputs.computeIfAbsent(tag, t -> new ArrayList<>()).add(new Rec<>(value, timestamp));
      }

      @Override
      public void emitWatermark(long watermark) {
        watermarks.add(watermark);
      }
    });
    operator.open();
  }

  void processElement1(IN1 value, long timestamp) throws Exception {
    if (key1 != null) {
      keyedState.setCurrentKey(key1.getKey(value));
    }
    ((AbstractStreamOperator<?>) operator).recordsIn++;
    operator.processElement1(value, timestamp);
  }

  void processElement2(IN2 value, long timestamp) throws Exception {
    if (key2 != null) {
      keyedState.setCurrentKey(key2.getKey(value));
    }
    ((AbstractStreamOperator<?>) operator).recordsIn++;
    operator.processElement2(value, timestamp);
  }

  void processWatermark(long watermark) throws Exception {
    operator.processWatermark(watermark);
  }

  List<OUT> values() {
    return output.stream().map(Rec::value).toList();
  }

  @Override
  public void close() throws Exception {
    operator.close();
  }
}
