package dev.sluice.api.java.typeutils.runtime;

import dev.sluice.api.common.typeutils.NullFlags;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import dev.sluice.runtime.typeutils.PojoAnalyzer;
import dev.sluice.runtime.typeutils.Reflection;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializer for a POJO (see {@link dev.sluice.api.common.typeinfo.PojoTypeInfo}): each named
 * field behind a null flag, in the given order (fields inherited from superclasses included).
 * Fields are read and written through their public fields or getters and setters, with method
 * handles resolved once; instances are created with the public no-argument constructor.
 *
 * <p>The serializer of data written by an older version of the class (the restore serializer of
 * its snapshot) names the old fields: a field the class no longer has is read and dropped, and a
 * field the class gained keeps the value the no-argument constructor gave it (null or zero
 * unless the class initialises it).
 *
 * <p>Only instances of exactly the POJO class are written: a subclass would lose its own fields,
 * so it is refused.
 */
public final class PojoSerializer<T> extends TypeSerializer<T> implements NamedFieldsSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> pojoClass;
  private final String[] fieldNames;
  private final TypeSerializer<Object>[] fieldSerializers;
  private transient Handles handles;

  /**
   * Handles for the written fields, by position; a null getter marks a field the class lacks.
   * Immutable, so it can be published without locking.
   */
  private record Handles(MethodHandle constructor, MethodHandle[] getters, MethodHandle[] setters,
      boolean[] primitive) {}

  /**
   * Creates a serializer writing the named fields of {@code pojoClass} in the given order.
   *
   * @throws IllegalArgumentException if the class is not a POJO or the arrays differ in length
   */
  @SuppressWarnings("unchecked")
  public PojoSerializer(Class<T> pojoClass, String[] fieldNames, TypeSerializer<?>[] fieldSerializers) {
    if (fieldNames.length != fieldSerializers.length) {
      throw new IllegalArgumentException(fieldNames.length + " field names but "
          + fieldSerializers.length + " field serializers");
    }
    this.pojoClass = Objects.requireNonNull(pojoClass, "pojoClass");
    this.fieldNames = fieldNames.clone();
    this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
    this.handles = resolve();
  }

  private Handles resolve() {
    PojoAnalyzer.Analysis analysis = PojoAnalyzer.of(pojoClass);
    if (!analysis.isPojo()) {
      throw new IllegalArgumentException(
          pojoClass.getName() + " is not a POJO: " + analysis.whyNot());
    }
    int n = fieldNames.length;
    MethodHandle[] getters = new MethodHandle[n];
    MethodHandle[] setters = new MethodHandle[n];
    boolean[] primitive = new boolean[n];
    for (PojoAnalyzer.Property p : analysis.properties()) {
      int i = Arrays.asList(fieldNames).indexOf(p.name());
      if (i >= 0) {
        getters[i] = Reflection.getter(p.field(), p.getter());
        setters[i] = Reflection.setter(p.field(), p.setter());
        primitive[i] = p.field().getType().isPrimitive();
      }
    }
    return new Handles(Reflection.noArgConstructor(pojoClass), getters, setters, primitive);
  }

  private Handles handles() {
    Handles h = handles;
    if (h == null) {
      h = resolve(); // after Java deserialization
      handles = h;
    }
    return h;
  }

  @Override
  public Class<T> getTypeClass() {
    return pojoClass;
  }

  @Override
  public String[] getFieldNames() {
    return fieldNames.clone();
  }

  @Override
  public TypeSerializer<?>[] getFieldSerializers() {
    return fieldSerializers.clone();
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public PojoSerializer<T> duplicate() {
    TypeSerializer<?>[] duplicates = FieldSerializers.duplicate(fieldSerializers);
    return duplicates == fieldSerializers
        ? this
        : new PojoSerializer<>(pojoClass, fieldNames, duplicates);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T copy(T from) {
    if (from == null) {
      return null;
    }
    Handles h = handles();
    try {
      Object copy = (Object) h.constructor().invokeExact();
      for (int i = 0; i < fieldSerializers.length; i++) {
        if (h.getters()[i] != null) {
          Object value = (Object) h.getters()[i].invokeExact((Object) from);
          h.setters()[i].invokeExact(copy, NullFlags.copy(fieldSerializers[i], value));
        }
      }
      return (T) copy;
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Copying a " + pojoClass.getName());
    }
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    if (record.getClass() != pojoClass) {
      throw new IllegalArgumentException("Cannot write a " + record.getClass().getName()
          + " as a " + pojoClass.getName() + ": its own fields would be lost. Declare the state"
          + " (or field) with the type " + record.getClass().getName());
    }
    Handles h = handles();
    for (int i = 0; i < fieldSerializers.length; i++) {
      Object value;
      try {
        value = h.getters()[i] == null ? null : (Object) h.getters()[i].invokeExact((Object) record);
      } catch (Throwable t) {
        throw Reflection.rethrow(t, "Reading field '" + fieldNames[i] + "' of " + pojoClass.getName());
      }
      NullFlags.write(fieldSerializers[i], value, target);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(DataInputView source) throws IOException {
    Handles h = handles();
    try {
      Object pojo = (Object) h.constructor().invokeExact();
      for (int i = 0; i < fieldSerializers.length; i++) {
        Object value = NullFlags.read(fieldSerializers[i], source);
        if (h.setters()[i] != null && (value != null || !h.primitive()[i])) {
          h.setters()[i].invokeExact(pojo, value);
        }
      }
      return (T) pojo;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Reading a " + pojoClass.getName());
    }
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new PojoSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof PojoSerializer<?> other && other.pojoClass == pojoClass
        && Arrays.equals(other.fieldNames, fieldNames)
        && Arrays.equals(other.fieldSerializers, fieldSerializers);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * pojoClass.hashCode() + Arrays.hashCode(fieldNames))
        + Arrays.hashCode(fieldSerializers);
  }

  @Override
  public String toString() {
    return "Pojo<" + pojoClass.getName() + ">";
  }

  /** Format of {@link PojoSerializer}: see {@link NamedFieldsSnapshot}. */
  public static final class PojoSerializerSnapshot<T> extends NamedFieldsSnapshot<T> {
    /** For reading. */
    public PojoSerializerSnapshot() {
      super(PojoSerializer.class);
    }

    PojoSerializerSnapshot(PojoSerializer<T> serializer) {
      super(serializer);
    }

    @Override
    TypeSerializer<T> create(Class<T> typeClass, String[] fieldNames,
        TypeSerializer<?>[] fieldSerializers) {
      return new PojoSerializer<>(typeClass, fieldNames, fieldSerializers);
    }

    @Override
    void checkKind(Class<?> typeClass) throws IOException {
      String whyNot = PojoAnalyzer.of(typeClass).whyNot();
      if (whyNot != null) {
        throw new IOException(typeClass.getName() + " was a POJO when the data was written;"
            + " it is not now: " + whyNot);
      }
    }
  }
}
