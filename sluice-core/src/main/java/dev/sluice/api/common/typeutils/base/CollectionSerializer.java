package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.NullFlags;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.util.Collection;
import java.util.Objects;

/**
 * Shared body of {@link ListSerializer} and {@link SetSerializer}: the size (int), then each
 * element behind a null flag ({@link NullFlags}), in iteration order.
 */
abstract class CollectionSerializer<E, C extends Collection<E>> extends TypeSerializer<C> {
  private static final long serialVersionUID = 1L;

  /** Largest size a read collection is allocated for up front, so corrupt sizes fail cheaply. */
  static final int MAX_PRESIZE = 1 << 16;

  final TypeSerializer<E> elementSerializer;

  CollectionSerializer(TypeSerializer<E> elementSerializer) {
    this.elementSerializer = Objects.requireNonNull(elementSerializer, "elementSerializer");
  }

  /** An empty collection of the read type, sized for {@code size} elements. */
  abstract C newCollection(int size);

  /** The same serializer over another element serializer (for {@link #duplicate}). */
  abstract CollectionSerializer<E, C> withElementSerializer(TypeSerializer<E> elementSerializer);

  /** The serializer of the elements. */
  public TypeSerializer<E> getElementSerializer() {
    return elementSerializer;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public CollectionSerializer<E, C> duplicate() {
    TypeSerializer<E> duplicate = elementSerializer.duplicate();
    return duplicate == elementSerializer ? this : withElementSerializer(duplicate);
  }

  @Override
  public C copy(C from) {
    if (from == null) {
      return null;
    }
    C copy = newCollection(from.size());
    if (elementSerializer.isImmutableType()) {
      copy.addAll(from);
    } else {
      for (E element : from) {
        copy.add(NullFlags.copy(elementSerializer, element));
      }
    }
    return copy;
  }

  @Override
  public void serialize(C record, DataOutputView target) throws IOException {
    target.writeInt(record.size());
    for (E element : record) {
      NullFlags.write(elementSerializer, element, target);
    }
  }

  @Override
  public C deserialize(DataInputView source) throws IOException {
    int size = source.readInt();
    if (size < 0) {
      throw new IOException("negative collection size " + size + " (corrupt data)");
    }
    C collection = newCollection(Math.min(size, MAX_PRESIZE));
    for (int i = 0; i < size; i++) {
      collection.add(NullFlags.read(elementSerializer, source));
    }
    return collection;
  }

  @Override
  public boolean equals(Object obj) {
    return obj != null && obj.getClass() == getClass()
        && ((CollectionSerializer<?, ?>) obj).elementSerializer.equals(elementSerializer);
  }

  @Override
  public int hashCode() {
    return 31 * getClass().hashCode() + elementSerializer.hashCode();
  }
}
