package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.CompositeTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializer for a {@code java.util.List}: the size, then each element behind a null flag.
 * Lists are read as {@link ArrayList}s; {@code copy} copies every element.
 */
public final class ListSerializer<T> extends CollectionSerializer<T, List<T>> {
  private static final long serialVersionUID = 1L;

  public ListSerializer(TypeSerializer<T> elementSerializer) {
    super(elementSerializer);
  }

  @Override
  List<T> newCollection(int size) {
    return new ArrayList<>(size);
  }

  @Override
  ListSerializer<T> withElementSerializer(TypeSerializer<T> elementSerializer) {
    return new ListSerializer<>(elementSerializer);
  }

  @Override
  public TypeSerializerSnapshot<List<T>> snapshotConfiguration() {
    return new ListSerializerSnapshot<>(this);
  }

  @Override
  public String toString() {
    return "List<" + elementSerializer + ">";
  }

  /** Format of {@link ListSerializer}: the element serializer's snapshot. */
  public static final class ListSerializerSnapshot<T>
      extends CompositeTypeSerializerSnapshot<List<T>, ListSerializer<T>> {
    /** For reading. */
    public ListSerializerSnapshot() {
      super(ListSerializer.class);
    }

    ListSerializerSnapshot(ListSerializer<T> serializer) {
      super(serializer);
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return 1;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(ListSerializer<T> outerSerializer) {
      return new TypeSerializer<?>[] {outerSerializer.getElementSerializer()};
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ListSerializer<T> createOuterSerializerWithNestedSerializers(
        TypeSerializer<?>[] nested) {
      return new ListSerializer<>((TypeSerializer<T>) nested[0]);
    }

    @Override
    protected String nestedName(int index) {
      return "list element";
    }
  }
}
