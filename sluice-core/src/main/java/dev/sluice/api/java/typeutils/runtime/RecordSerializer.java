package dev.sluice.api.java.typeutils.runtime;

import dev.sluice.api.common.typeutils.NullFlags;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import dev.sluice.runtime.typeutils.Reflection;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializer for a Java record: each named component behind a null flag, in the given order
 * (declaration order for a serializer made from a {@link
 * dev.sluice.api.common.typeinfo.RecordTypeInfo}). Components are read with their accessor
 * methods and records built with the canonical constructor, through method handles resolved once.
 *
 * <p>The serializer of data written by an older version of the record (the restore serializer of
 * its snapshot) names the old components: a component the record no longer has is read and
 * dropped, and a component it gained is null, or zero/false for a primitive.
 *
 * <p>A record is immutable when all its components are, and then {@code copy} returns it.
 */
public final class RecordSerializer<T extends Record> extends TypeSerializer<T>
    implements NamedFieldsSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> recordClass;
  private final String[] fieldNames;
  private final TypeSerializer<Object>[] fieldSerializers;
  private final boolean immutable;
  private transient Handles handles;

  /**
   * Handles resolved once: the canonical constructor ({@code Object[] -> Object}), the accessors
   * by component, the component of each written field (-1 if the record lacks it), and the
   * constructor arguments for absent components (null, or the primitive's zero).
   */
  private record Handles(MethodHandle constructor, MethodHandle[] accessors, int[] componentOf,
      Object[] defaults) {}

  /**
   * Creates a serializer writing the named components of {@code recordClass} in the given order.
   *
   * @throws IllegalArgumentException if the class is not a record or the arrays differ in length
   */
  @SuppressWarnings("unchecked")
  public RecordSerializer(Class<T> recordClass, String[] fieldNames,
      TypeSerializer<?>[] fieldSerializers) {
    if (fieldNames.length != fieldSerializers.length) {
      throw new IllegalArgumentException(fieldNames.length + " field names but "
          + fieldSerializers.length + " field serializers");
    }
    if (!Objects.requireNonNull(recordClass, "recordClass").isRecord()) {
      throw new IllegalArgumentException(recordClass.getName() + " is not a record");
    }
    this.recordClass = recordClass;
    this.fieldNames = fieldNames.clone();
    this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
    this.immutable = Arrays.stream(fieldSerializers).allMatch(TypeSerializer::isImmutableType);
    this.handles = resolve();
  }

  private Handles resolve() {
    RecordComponent[] components = recordClass.getRecordComponents();
    MethodHandle[] accessors = new MethodHandle[components.length];
    Class<?>[] types = new Class<?>[components.length];
    Object[] defaults = new Object[components.length];
    for (int c = 0; c < components.length; c++) {
      accessors[c] = Reflection.method(components[c].getAccessor());
      types[c] = components[c].getType();
      defaults[c] = types[c].isPrimitive() ? Array.get(Array.newInstance(types[c], 1), 0) : null;
    }
    int[] componentOf = new int[fieldNames.length];
    for (int i = 0; i < fieldNames.length; i++) {
      componentOf[i] = -1;
      for (int c = 0; c < components.length; c++) {
        if (components[c].getName().equals(fieldNames[i])) {
          componentOf[i] = c;
        }
      }
    }
    try {
      MethodHandle constructor =
          Reflection.constructor(recordClass.getDeclaredConstructor(types));
      return new Handles(constructor, accessors, componentOf, defaults);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(recordClass.getName() + " has no canonical constructor", e);
    }
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
    return recordClass;
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
    return immutable;
  }

  @Override
  public RecordSerializer<T> duplicate() {
    TypeSerializer<?>[] duplicates = FieldSerializers.duplicate(fieldSerializers);
    return duplicates == fieldSerializers
        ? this
        : new RecordSerializer<>(recordClass, fieldNames, duplicates);
  }

  @Override
  public T copy(T from) {
    if (from == null || immutable) {
      return from;
    }
    Handles h = handles();
    Object[] args = new Object[h.accessors().length];
    try {
      for (int c = 0; c < args.length; c++) {
        args[c] = (Object) h.accessors()[c].invokeExact((Object) from);
      }
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Reading a " + recordClass.getName());
    }
    for (int i = 0; i < fieldSerializers.length; i++) {
      int c = h.componentOf()[i];
      if (c >= 0) {
        args[c] = NullFlags.copy(fieldSerializers[i], args[c]);
      }
    }
    return construct(h, args);
  }

  @SuppressWarnings("unchecked")
  private T construct(Handles h, Object[] args) {
    try {
      return (T) (Object) h.constructor().invokeExact(args);
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Constructing a " + recordClass.getName());
    }
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    Handles h = handles();
    for (int i = 0; i < fieldSerializers.length; i++) {
      int c = h.componentOf()[i];
      Object value;
      try {
        value = c < 0 ? null : (Object) h.accessors()[c].invokeExact((Object) record);
      } catch (Throwable t) {
        throw Reflection.rethrow(t, "Reading component '" + fieldNames[i] + "' of "
            + recordClass.getName());
      }
      NullFlags.write(fieldSerializers[i], value, target);
    }
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    Handles h = handles();
    Object[] args = h.defaults().clone();
    for (int i = 0; i < fieldSerializers.length; i++) {
      Object value = NullFlags.read(fieldSerializers[i], source);
      int c = h.componentOf()[i];
      if (c >= 0 && value != null) {
        args[c] = value;
      }
    }
    return construct(h, args);
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new RecordSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof RecordSerializer<?> other && other.recordClass == recordClass
        && Arrays.equals(other.fieldNames, fieldNames)
        && Arrays.equals(other.fieldSerializers, fieldSerializers);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * recordClass.hashCode() + Arrays.hashCode(fieldNames))
        + Arrays.hashCode(fieldSerializers);
  }

  @Override
  public String toString() {
    return "Record<" + recordClass.getName() + ">";
  }

  /** Format of {@link RecordSerializer}: see {@link NamedFieldsSnapshot}. */
  public static final class RecordSerializerSnapshot<T extends Record>
      extends NamedFieldsSnapshot<T> {
    /** For reading. */
    public RecordSerializerSnapshot() {
      super(RecordSerializer.class);
    }

    RecordSerializerSnapshot(RecordSerializer<T> serializer) {
      super(serializer);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializer<T> create(Class<T> typeClass, String[] fieldNames,
        TypeSerializer<?>[] fieldSerializers) {
      return new RecordSerializer(typeClass, fieldNames, fieldSerializers);
    }

    @Override
    void checkKind(Class<?> typeClass) throws IOException {
      if (!typeClass.isRecord()) {
        throw new IOException(typeClass.getName() + " was a record when the data was written;"
            + " it is not now");
      }
    }
  }
}
