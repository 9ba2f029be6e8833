package dev.sluice.api.common.typeinfo;

import dev.sluice.api.java.tuple.Tuple;

/**
 * Describes a tuple class and, where known, the type of each of its fields. Prints like
 * {@code Tuple2<String, Integer>} ({@code ?} marks an unknown field type; a tuple whose field
 * types are all unknown prints just its class name).
 */
public final class TupleTypeInfo<T extends Tuple> extends CompositeType<T> {
  private static final long serialVersionUID = 1L;

  /**
   * Describes {@code tupleClass} with the given field types; entries may be null (unknown).
   *
   * @throws IllegalArgumentException if the number of types does not match the class's arity
   */
  public TupleTypeInfo(Class<T> tupleClass, TypeInformation<?>... fieldTypes) {
    super(tupleClass, names(fieldTypes.length), fieldTypes);
    int arity = arityOf(tupleClass);
    if (arity != fieldTypes.length) {
      throw new IllegalArgumentException(tupleClass.getSimpleName() + " has " + arity
          + " fields but " + fieldTypes.length + " field types were given");
    }
  }

  /** Describes a tuple class whose field types are unknown. */
  public static <T extends Tuple> TupleTypeInfo<T> ofClass(Class<T> tupleClass) {
    return new TupleTypeInfo<>(tupleClass, new TypeInformation<?>[arityOf(tupleClass)]);
  }

  /** Describes {@code TupleN} for the given field types (N = number of types). */
  @SuppressWarnings("unchecked")
  public static <T extends Tuple> TupleTypeInfo<T> of(TypeInformation<?>... fieldTypes) {
    return new TupleTypeInfo<>((Class<T>) Tuple.getTupleClass(fieldTypes.length), fieldTypes);
  }

  private static int arityOf(Class<? extends Tuple> tupleClass) {
    Class<?> c = tupleClass;
    while (c.getSuperclass() != null && c.getSuperclass() != Tuple.class) {
      c = c.getSuperclass();
    }
    for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
      if (Tuple.getTupleClass(arity) == c) {
        return arity;
      }
    }
    throw new IllegalArgumentException(
        tupleClass.getName() + " is not a Tuple0..Tuple" + Tuple.MAX_ARITY + " or a subclass of one");
  }

  private static String[] names(int arity) {
    String[] names = new String[arity];
    for (int i = 0; i < arity; i++) {
      names[i] = "f" + i;
    }
    return names;
  }

  @Override
  public boolean isTupleType() {
    return true;
  }

  @Override
  public String toString() {
    TypeInformation<?>[] types = fieldTypes();
    StringBuilder sb = new StringBuilder(getTypeClass().getSimpleName());
    boolean anyKnown = false;
    for (TypeInformation<?> t : types) {
      anyKnown |= t != null;
    }
    if (anyKnown) {
      sb.append('<');
      for (int i = 0; i < types.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(types[i] == null ? "?" : types[i]);
      }
      sb.append('>');
    }
    return sb.toString();
  }
}
