package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.api.java.tuple.Tuple;
import dev.sluice.runtime.typeutils.FieldAccessor;
import dev.sluice.runtime.typeutils.FieldAccessors;

/**
 * The key of {@code keyBy(int...)} and {@code keyBy(String...)}: a tuple of the chosen fields, as
 * in Flink. Positions and names are checked when the job is built if the element type is known,
 * else on the first element.
 */
final class FieldKeySelector<T> implements KeySelector<T, Tuple> {
  private static final long serialVersionUID = 1L;

  private final FieldAccessor<T>[] fields;

  @SuppressWarnings("unchecked")
  FieldKeySelector(TypeInformation<T> type, int... positions) {
    if (positions == null || positions.length == 0) {
      throw new IllegalArgumentException("keyBy needs at least one field position");
    }
    if (positions.length > Tuple.MAX_ARITY) {
      throw new IllegalArgumentException("keyBy supports at most " + Tuple.MAX_ARITY + " fields");
    }
    if (type != null && !type.isTupleType() && !(type.isBasicType() && positions.length == 1
        && positions[0] == 0)) {
      throw new IllegalArgumentException("Positional keys and aggregations need a Tuple type, but the "
          + "stream's type is " + type + "; use a field name or a KeySelector");
    }
    fields = new FieldAccessor[positions.length];
    for (int i = 0; i < positions.length; i++) {
      fields[i] = FieldAccessors.forPosition(type, positions[i]);
    }
  }

  @SuppressWarnings("unchecked")
  FieldKeySelector(TypeInformation<T> type, String... names) {
    if (names == null || names.length == 0) {
      throw new IllegalArgumentException("keyBy needs at least one field name");
    }
    if (names.length > Tuple.MAX_ARITY) {
      throw new IllegalArgumentException("keyBy supports at most " + Tuple.MAX_ARITY + " fields");
    }
    fields = new FieldAccessor[names.length];
    for (int i = 0; i < names.length; i++) {
      fields[i] = FieldAccessors.forExpression(type, names[i]);
    }
  }

  @Override
  public Tuple getKey(T value) {
    Tuple key = Tuple.newInstance(fields.length);
    for (int i = 0; i < fields.length; i++) {
      key.setField(fields[i].get(value), i);
    }
    return key;
  }
}
