package dev.sluice.runtime.operators.windowing;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import dev.sluice.runtime.typeutils.TypeExtractor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Runtime error messages and checks of the window operators. */
final class WindowErrors {
  private WindowErrors() {}

  /**
   * With checkpointing on, fails when the accumulator type that {@code aggregate} declares
   * ({@code ACC} of {@code AggregateFunction<IN, ACC, OUT>}) cannot be encoded, so that the job
   * stops as it starts rather than at its first checkpoint. Window contents are stored untyped and
   * encoded by their runtime class; an accumulator declared as an interface, an abstract class, a
   * type variable or {@code Object} is left to that.
   *
   * @throws IllegalArgumentException naming the operator, the function and the type
   */
  static void checkAccumulator(String operator, AggregateFunction<?, ?, ?> aggregate) {
    Type declared;
    try {
      declared = TypeExtractor.typeArgument(aggregate.getClass(), AggregateFunction.class, 1);
    } catch (IllegalArgumentException e) {
      return;
    }
    Class<?> type = declared instanceof Class<?> c ? c
        : declared instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw ? raw : null;
    if (type == null || type == Object.class || type.isInterface()
        || (!type.isArray() && Modifier.isAbstract(type.getModifiers()))) {
      return;
    }
    try {
      DynamicSerializer.checkEncodable(type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The window operator '" + operator + "' cannot be checkpointed:"
          + " the accumulators of its AggregateFunction " + aggregate.getClass().getName() + " cannot be"
          + " encoded: " + e.getMessage(), e);
    }
  }

  static IllegalStateException noTimestamp(String operator, Object value) {
    return new IllegalStateException("The event-time window operator '" + operator
        + "' received a record that has no timestamp; use assignTimestampsAndWatermarks or a "
        + "WatermarkStrategy at the source (env.fromSource(source, strategy, name)) so that "
        + "records carry event timestamps, or use processing-time windows. Record: " + value);
  }
}
