package dev.sluice.api.common.state;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.typeinfo.TypeInformation;

/** Describes an {@link AggregatingState}; the type is the accumulator's. */
public class AggregatingStateDescriptor<IN, ACC, OUT>
    extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {
  private static final long serialVersionUID = 1L;

  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction,
      Class<ACC> accumulatorType) {
    this(name, aggregateFunction, TypeInformation.of(accumulatorType));
  }

  public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction,
      TypeInformation<ACC> accumulatorType) {
    super(name, accumulatorType);
    this.aggregateFunction = java.util.Objects.requireNonNull(aggregateFunction, "aggregateFunction");
  }

  public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
    return aggregateFunction;
  }
}
