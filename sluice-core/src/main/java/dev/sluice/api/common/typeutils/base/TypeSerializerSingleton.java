package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.TypeSerializer;

/** Base of stateless serializers of immutable types: one instance, equal to itself only. */
public abstract class TypeSerializerSingleton<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializerSingleton<T> duplicate() {
    return this;
  }

  @Override
  public T copy(T from) {
    return from;
  }

  @Override
  public boolean equals(Object obj) {
    return obj != null && obj.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  /** The type's short name, from the serializer's class: "Long" for {@code LongSerializer}. */
  @Override
  public String toString() {
    return getClass().getSimpleName().replace("Serializer", "");
  }
}
