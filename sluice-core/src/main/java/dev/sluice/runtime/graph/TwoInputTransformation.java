package dev.sluice.runtime.graph;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.java.functions.KeySelector;
import java.util.List;

/**
 * An operator with two inputs; keyed when the first key selector is set. The second is set too,
 * except when input 2 is a broadcast input (broadcast state pattern), which has no key.
 */
public final class TwoInputTransformation<IN1, IN2, OUT> extends Transformation<OUT> {
  private final Transformation<IN1> input1;
  private final Transformation<IN2> input2;
  private final OperatorFactory<OUT> factory;
  private final KeySelector<IN1, ?> keySelector1;
  private final KeySelector<IN2, ?> keySelector2;

  public TwoInputTransformation(int id, String name, Transformation<IN1> input1,
      Transformation<IN2> input2, OperatorFactory<OUT> factory, KeySelector<IN1, ?> keySelector1,
      KeySelector<IN2, ?> keySelector2, int parallelism, TypeInformation<OUT> type) {
    super(id, name, parallelism, type);
    this.input1 = input1;
    this.input2 = input2;
    this.factory = factory;
    this.keySelector1 = keySelector1;
    this.keySelector2 = keySelector2;
  }

  public Transformation<IN1> input1() {
    return input1;
  }

  public Transformation<IN2> input2() {
    return input2;
  }

  public OperatorFactory<OUT> factory() {
    return factory;
  }

  public KeySelector<IN1, ?> keySelector1() {
    return keySelector1;
  }

  public KeySelector<IN2, ?> keySelector2() {
    return keySelector2;
  }

  @Override
  public List<Transformation<?>> inputs() {
    return List.of(input1, input2);
  }
}
