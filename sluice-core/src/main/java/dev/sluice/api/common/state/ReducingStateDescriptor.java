package dev.sluice.api.common.state;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.TypeSerializer;
import java.util.Objects;

/** Describes a {@link ReducingState}. */
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {
  private static final long serialVersionUID = 1L;

  private final ReduceFunction<T> reduceFunction;

  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
    this(name, reduceFunction, TypeInformation.of(type));
  }

  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> type) {
    super(name, type);
    this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
  }

  /** A reducing state whose values are written by {@code serializer}. */
  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction,
      TypeSerializer<T> serializer) {
    super(name, serializer);
    this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
  }

  public ReduceFunction<T> getReduceFunction() {
    return reduceFunction;
  }
}
