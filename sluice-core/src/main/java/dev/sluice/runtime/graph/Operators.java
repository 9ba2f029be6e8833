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
      return new SharedInstanceFactory<>(function, operator);
    }
    ClassLoader loader = function.getClass().getClassLoader();
    return (OperatorFactory<OUT> & java.io.Serializable) () ->
        operator.apply(FunctionCopies.<F>deserialize(bytes, loader));
  }

  /**
   * A function that cannot be serialized: its one instance is used, which is only safe with one
   * subtask; {@link JobGraphBuilder} refuses it at a higher parallelism.
   */
  public record SharedInstanceFactory<F extends Function, OUT>(F function,
      java.util.function.Function<F, StreamOperator<OUT>> operator) implements OperatorFactory<OUT> {
    @Override
    public StreamOperator<OUT> create() {
      return operator.apply(function);
    }

    /** Why the function could not be copied. */
    public String reason() {
      return FunctionCopies.whyNotSerializable(function);
    }
  }
}
