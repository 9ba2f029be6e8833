package dev.sluice.api.java.typeutils.runtime;

import dev.sluice.api.common.typeutils.CompositeTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.NullFlags;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshots;
import dev.sluice.api.java.tuple.Tuple;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import dev.sluice.runtime.typeutils.Reflection;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializer for a tuple class ({@code Tuple0..Tuple10} or a subclass of one): each field behind
 * a null flag, {@code f0} first. Tuples are created with the class's no-argument constructor
 * (resolved once) and filled by position; {@code copy} copies every field.
 */
public final class TupleSerializer<T extends Tuple> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> tupleClass;
  private final TypeSerializer<Object>[] fieldSerializers;
  private transient MethodHandle constructor;

  /**
   * Creates a serializer for {@code tupleClass} with one serializer per field.
   *
   * @throws IllegalArgumentException if the class has no no-argument constructor or its arity
   *     differs from the number of serializers
   */
  @SuppressWarnings("unchecked")
  public TupleSerializer(Class<T> tupleClass, TypeSerializer<?>[] fieldSerializers) {
    this.tupleClass = Objects.requireNonNull(tupleClass, "tupleClass");
    this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
    this.constructor = Reflection.noArgConstructor(tupleClass);
    int arity = createInstance().getArity();
    if (arity != fieldSerializers.length) {
      throw new IllegalArgumentException(tupleClass.getName() + " has " + arity + " fields but "
          + fieldSerializers.length + " field serializers were given");
    }
  }

  public Class<T> getTupleClass() {
    return tupleClass;
  }

  public TypeSerializer<?>[] getFieldSerializers() {
    return fieldSerializers.clone();
  }

  @SuppressWarnings("unchecked")
  private T createInstance() {
    MethodHandle c = constructor;
    if (c == null) {
      c = Reflection.noArgConstructor(tupleClass); // after Java deserialization
      constructor = c;
    }
    try {
      return (T) (Object) c.invokeExact();
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Creating a " + tupleClass.getName());
    }
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TupleSerializer<T> duplicate() {
    TypeSerializer<?>[] duplicates = FieldSerializers.duplicate(fieldSerializers);
    return duplicates == fieldSerializers ? this : new TupleSerializer<>(tupleClass, duplicates);
  }

  @Override
  public T copy(T from) {
    if (from == null) {
      return null;
    }
    T copy = createInstance();
    for (int i = 0; i < fieldSerializers.length; i++) {
      copy.setField(NullFlags.copy(fieldSerializers[i], from.getField(i)), i);
    }
    return copy;
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    for (int i = 0; i < fieldSerializers.length; i++) {
      NullFlags.write(fieldSerializers[i], record.getField(i), target);
    }
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    T tuple = createInstance();
    for (int i = 0; i < fieldSerializers.length; i++) {
      tuple.setField(NullFlags.read(fieldSerializers[i], source), i);
    }
    return tuple;
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new TupleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof TupleSerializer<?> other && other.tupleClass == tupleClass
        && Arrays.equals(other.fieldSerializers, fieldSerializers);
  }

  @Override
  public int hashCode() {
    return 31 * tupleClass.hashCode() + Arrays.hashCode(fieldSerializers);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(tupleClass.getSimpleName()).append('<');
    for (int i = 0; i < fieldSerializers.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(fieldSerializers[i]);
    }
    return sb.append('>').toString();
  }

  /** Format of {@link TupleSerializer}: the tuple class, then the fields' snapshots. */
  public static final class TupleSerializerSnapshot<T extends Tuple>
      extends CompositeTypeSerializerSnapshot<T, TupleSerializer<T>> {
    private Class<T> tupleClass;

    /** For reading. */
    public TupleSerializerSnapshot() {
      super(TupleSerializer.class);
    }

    TupleSerializerSnapshot(TupleSerializer<T> serializer) {
      super(serializer);
      this.tupleClass = serializer.tupleClass;
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return 1;
    }

    @Override
    protected void writeOuterSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(tupleClass.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void readOuterSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
        throws IOException {
      Class<?> type = TypeSerializerSnapshots.loadClass(in.readUTF(), classLoader);
      if (!Tuple.class.isAssignableFrom(type)) {
        throw new IOException(type.getName() + " was a tuple class when the data was written;"
            + " it is not now");
      }
      tupleClass = (Class<T>) type;
    }

    @Override
    protected String outerIncompatibility(TupleSerializer<T> newSerializer) {
      return newSerializer.tupleClass.getName().equals(tupleClass.getName())
          ? null
          : "stored as " + tupleClass.getName() + ", now " + newSerializer.tupleClass.getName();
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(TupleSerializer<T> outerSerializer) {
      return outerSerializer.getFieldSerializers();
    }

    @Override
    protected TupleSerializer<T> createOuterSerializerWithNestedSerializers(
        TypeSerializer<?>[] nested) {
      return new TupleSerializer<>(tupleClass, nested);
    }

    @Override
    protected String nestedName(int index) {
      return "field f" + index + " of " + tupleClass.getSimpleName();
    }
  }
}
