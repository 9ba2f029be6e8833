package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.java.tuple.Tuple;
import java.lang.invoke.MethodHandle;

/**
 * Accesses field {@code f<pos>} of a tuple; updates go to a {@link Tuple#copy()} (or, for tuple
 * subclasses, to a new instance of the subclass).
 */
final class TupleFieldAccessor<T> implements FieldAccessor<T> {
  private static final long serialVersionUID = 1L;

  private final int pos;
  private final String typeName;
  private final TypeInformation<?> fieldType;
  private transient SubclassConstructor subclassConstructor;

  /** The no-argument constructor of a tuple subclass, cached. */
  private record SubclassConstructor(Class<?> type, MethodHandle handle) {}

  TupleFieldAccessor(int pos, String typeName, TypeInformation<?> fieldType) {
    this.pos = pos;
    this.typeName = typeName;
    this.fieldType = fieldType;
  }

  @Override
  public Object get(T element) {
    return ((Tuple) element).getField(pos);
  }

  @Override
  public T withValue(T element, Object value) {
    Tuple original = (Tuple) element;
    Tuple copy = original.copy();
    if (copy.getClass() != original.getClass()) {
      copy = copyOfSubclass(original); // a subclass such as WordCount extends Tuple2 keeps its class
    }
    copy.setField(value, pos);
    @SuppressWarnings("unchecked")
    T result = (T) copy;
    return result;
  }

  private Tuple copyOfSubclass(Tuple original) {
    Class<?> type = original.getClass();
    SubclassConstructor cached = subclassConstructor;
    if (cached == null || cached.type() != type) {
      try {
        cached = new SubclassConstructor(type, Reflection.constructor(type.getDeclaredConstructor()));
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("Cannot copy " + type.getName()
            + ": a tuple subclass needs a no-argument constructor", e);
      }
      subclassConstructor = cached;
    }
    MethodHandle ctor = cached.handle();
    Tuple copy;
    try {
      copy = (Tuple) (Object) ctor.invokeExact(new Object[0]);
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Constructing " + type.getName());
    }
    for (int i = 0; i < original.getArity(); i++) {
      copy.setField(original.getField(i), i);
    }
    return copy;
  }

  @Override
  public String fieldName() {
    return "f" + pos;
  }

  @Override
  public TypeInformation<?> fieldType() {
    return fieldType;
  }

  @Override
  public String describe() {
    return "field f" + pos + " of " + typeName;
  }
}
