package dev.sluice.runtime.graph;

import dev.sluice.api.common.functions.Function;
import dev.sluice.runtime.operators.StreamOperator;

/** Factories that give every subtask its own copy of a user function. */
public final class Operators {
  private Operators() {}

  /** Per subtask: a copy of {@code function} wrapped by {@code operator}. */
  public static <F extends Function, OUT> OperatorFactory<OUT> udf(F function,
      java.util.function.Function<F, StreamOperator<OUT>> operator) {
    if (function == null) {
      throw new NullPointerException("The user function must not be null");
    }
    FunctionCopies.Serialized<F> serialized = FunctionCopies.serialize(function);
    if (serialized == null) {
      if (function.getClass().isHidden()) {
        // A lambda: its captured values are final and it has no fields of its own, so one
        // instance can serve every subtask (what it captures is shared either way).
        return new SharedInstanceFactory<>(function, operator);
      }
      return () -> operator.apply(FunctionCopies.shallowCopy(function));
    }
    return () -> operator.apply(serialized.copy());
  }

  /**
   * Per subtask: a copy of {@code object} (a user function, trigger, assigner, ...) made the same
   * way as for {@link #udf}; null gives null.
   */
  public static <T> java.util.function.Supplier<T> copier(T object) {
    if (object == null) {
      return () -> null;
    }
    FunctionCopies.Serialized<T> serialized = FunctionCopies.serialize(object);
    if (serialized == null) {
      if (object.getClass().isHidden()) {
        return () -> object;
      }
      return () -> FunctionCopies.shallowCopy(object);
    }
    return serialized::copy;
  }

  /** A non-serializable lambda, shared by all subtasks (it has no state of its own). */
  private record SharedInstanceFactory<F extends Function, OUT>(F function,
      java.util.function.Function<F, StreamOperator<OUT>> operator) implements OperatorFactory<OUT> {
    @Override
    public StreamOperator<OUT> create() {
      return operator.apply(function);
    }
  }
}
