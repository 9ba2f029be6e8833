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
    byte[] bytes = FunctionCopies.serializeOrNull(function);
    if (bytes == null) {
      if (function.getClass().isHidden()) {
        // A lambda: its captured values are final and it has no fields of its own, so one
        // instance can serve every subtask (what it captures is shared either way).
        return new SharedInstanceFactory<>(function, operator);
      }
      return () -> operator.apply(FunctionCopies.shallowCopy(function));
    }
    ClassLoader loader = function.getClass().getClassLoader();
    return (OperatorFactory<OUT> & java.io.Serializable) () ->
        operator.apply(FunctionCopies.<F>deserialize(bytes, loader));
  }

  /**
   * Per subtask: a copy of {@code object} (a user function, trigger, assigner, ...) made the same
   * way as for {@link #udf}; null gives null.
   */
  public static <T> java.util.function.Supplier<T> copier(T object) {
    if (object == null) {
      return () -> null;
    }
    byte[] bytes = FunctionCopies.serializeOrNull(object);
    if (bytes == null) {
      if (object.getClass().isHidden()) {
        return () -> object;
      }
      return () -> FunctionCopies.shallowCopy(object);
    }
    ClassLoader loader = object.getClass().getClassLoader();
    return () -> FunctionCopies.<T>deserialize(bytes, loader);
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
