package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.CompositeTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.NullFlags;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshots;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * Serializer for an array of objects such as {@code String[]}: the length (int), then each
 * element behind a null flag. Arrays are read with the declared component class; {@code copy}
 * copies every element.
 */
public final class GenericArraySerializer<C> extends TypeSerializer<C[]> {
  private static final long serialVersionUID = 1L;

  private final Class<C> componentClass;
  private final TypeSerializer<C> componentSerializer;

  public GenericArraySerializer(Class<C> componentClass, TypeSerializer<C> componentSerializer) {
    this.componentClass = Objects.requireNonNull(componentClass, "componentClass");
    this.componentSerializer = Objects.requireNonNull(componentSerializer, "componentSerializer");
  }

  public Class<C> getComponentClass() {
    return componentClass;
  }

  public TypeSerializer<C> getComponentSerializer() {
    return componentSerializer;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public GenericArraySerializer<C> duplicate() {
    TypeSerializer<C> duplicate = componentSerializer.duplicate();
    return duplicate == componentSerializer
        ? this
        : new GenericArraySerializer<>(componentClass, duplicate);
  }

  @SuppressWarnings("unchecked")
  private C[] newArray(int length) {
    return (C[]) Array.newInstance(componentClass, length);
  }

  @Override
  public C[] copy(C[] from) {
    if (from == null) {
      return null;
    }
    if (componentSerializer.isImmutableType()) {
      return from.clone();
    }
    C[] copy = newArray(from.length);
    for (int i = 0; i < from.length; i++) {
      copy[i] = NullFlags.copy(componentSerializer, from[i]);
    }
    return copy;
  }

  @Override
  public void serialize(C[] record, DataOutputView target) throws IOException {
    target.writeInt(record.length);
    for (C element : record) {
      NullFlags.write(componentSerializer, element, target);
    }
  }

  @Override
  public C[] deserialize(DataInputView source) throws IOException {
    int length = source.readInt();
    if (length < 0) {
      throw new IOException("negative array length " + length + " (corrupt data)");
    }
    C[] array = newArray(length);
    for (int i = 0; i < length; i++) {
      array[i] = NullFlags.read(componentSerializer, source);
    }
    return array;
  }

  @Override
  public TypeSerializerSnapshot<C[]> snapshotConfiguration() {
    return new GenericArraySerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof GenericArraySerializer<?> other && other.componentClass == componentClass
        && other.componentSerializer.equals(componentSerializer);
  }

  @Override
  public int hashCode() {
    return 31 * componentClass.hashCode() + componentSerializer.hashCode();
  }

  @Override
  public String toString() {
    return componentSerializer + "[]";
  }

  /** Format of {@link GenericArraySerializer}: the component class, the component's snapshot. */
  public static final class GenericArraySerializerSnapshot<C>
      extends CompositeTypeSerializerSnapshot<C[], GenericArraySerializer<C>> {
    private Class<C> componentClass;

    /** For reading. */
    public GenericArraySerializerSnapshot() {
      super(GenericArraySerializer.class);
    }

    GenericArraySerializerSnapshot(GenericArraySerializer<C> serializer) {
      super(serializer);
      this.componentClass = serializer.componentClass;
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return 1;
    }

    @Override
    protected void writeOuterSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(componentClass.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void readOuterSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
        throws IOException {
      componentClass = (Class<C>) TypeSerializerSnapshots.loadClass(in.readUTF(), classLoader);
    }

    @Override
    protected String outerIncompatibility(GenericArraySerializer<C> newSerializer) {
      return newSerializer.componentClass.getName().equals(componentClass.getName())
          ? null
          : "array of " + componentClass.getName() + ", now of "
              + newSerializer.componentClass.getName();
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(GenericArraySerializer<C> outerSerializer) {
      return new TypeSerializer<?>[] {outerSerializer.getComponentSerializer()};
    }

    @Override
    @SuppressWarnings("unchecked")
    protected GenericArraySerializer<C> createOuterSerializerWithNestedSerializers(
        TypeSerializer<?>[] nested) {
      return new GenericArraySerializer<>(componentClass, (TypeSerializer<C>) nested[0]);
    }

    @Override
    protected String nestedName(int index) {
      return "array element";
    }
  }
}
