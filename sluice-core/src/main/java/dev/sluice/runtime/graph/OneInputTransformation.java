package dev.sluice.runtime.graph;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.java.functions.KeySelector;
import java.util.List;

/** An operator with one input; keyed when {@link #keySelector()} is set. */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {
  private final Transformation<IN> input;
  private final OperatorFactory<OUT> factory;
  private final KeySelector<IN, ?> keySelector;

  public OneInputTransformation(int id, String name, Transformation<IN> input,
      OperatorFactory<OUT> factory, KeySelector<IN, ?> keySelector, int parallelism,
      TypeInformation<OUT> type) {
    super(id, name, parallelism, type);
    this.input = input;
    this.factory = factory;
    this.keySelector = keySelector;
  }

  public Transformation<IN> input() {
    return input;
  }

  public OperatorFactory<OUT> factory() {
    return factory;
  }

  /** The key of the operator's state, or null for a non-keyed operator. */
  public KeySelector<IN, ?> keySelector() {
    return keySelector;
  }

  @Override
  public List<Transformation<?>> inputs() {
    return List.of(input);
  }
}
