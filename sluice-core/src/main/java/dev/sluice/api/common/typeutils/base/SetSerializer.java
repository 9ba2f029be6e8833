package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.CompositeTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Serializer for a {@code java.util.Set}: the size, then each element behind a null flag.
 * Sets are read as {@link LinkedHashSet}s (keeping the written order); {@code copy} copies every element.
 */
public final class SetSerializer<T> extends CollectionSerializer<T, Set<T>> {
  private static final long serialVersionUID = 1L;

  public SetSerializer(TypeSerializer<T> elementSerializer) {
    super(elementSerializer);
  }

  @Override
  Set<T> newCollection(int size) {
    return new LinkedHashSet<>(Math.max(16, (int) (size / 0.75f) + 1));
  }

  @Override
  SetSerializer<T> withElementSerializer(TypeSerializer<T> elementSerializer) {
    return new SetSerializer<>(elementSerializer);
  }

  @Override
  public TypeSerializerSnapshot<Set<T>> snapshotConfiguration() {
    return new SetSerializerSnapshot<>(this);
  }

  @Override
  public String toString() {
    return "Set<" + elementSerializer + ">";
  }

  /** Format of {@link SetSerializer}: the element serializer's snapshot. */
  public static final class SetSerializerSnapshot<T>
      extends CompositeTypeSerializerSnapshot<Set<T>, SetSerializer<T>> {
    /** For reading. */
    public SetSerializerSnapshot() {
      super(SetSerializer.class);
    }

    SetSerializerSnapshot(SetSerializer<T> serializer) {
      super(serializer);
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return 1;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(SetSerializer<T> outerSerializer) {
      return new TypeSerializer<?>[] {outerSerializer.getElementSerializer()};
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SetSerializer<T> createOuterSerializerWithNestedSerializers(
        TypeSerializer<?>[] nested) {
      return new SetSerializer<>((TypeSerializer<T>) nested[0]);
    }

    @Override
    protected String nestedName(int index) {
      return "set element";
    }
  }
}
