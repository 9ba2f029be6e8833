package dev.sluice.api.common.state;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.TypeSerializer;
import java.util.Objects;

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
    this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregateFunction");
  }

  /** An aggregating state whose accumulators are written by {@code accumulatorSerializer}. */
  public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction,
      TypeSerializer<ACC> accumulatorSerializer) {
    super(name, accumulatorSerializer);
    this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregateFunction");
  }

  public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
    return aggregateFunction;
  }
}
