package dev.sluice.api.common.typeutils;

import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.util.function.Supplier;

/**
 * Snapshot for serializers without configuration (the basic types): the format is identified by
 * the snapshot class alone, and a new serializer is compatible when it is of the same class.
 * Subclasses pass a supplier of the serializer and have a public no-argument constructor.
 */
public abstract class SimpleTypeSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
  private final Supplier<? extends TypeSerializer<T>> supplier;

  protected SimpleTypeSerializerSnapshot(Supplier<? extends TypeSerializer<T>> supplier) {
    this.supplier = supplier;
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) {}

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) {}

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return supplier.get();
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializer<T> newSerializer) {
    return newSerializer.getClass() == supplier.get().getClass()
        ? TypeSerializerSchemaCompatibility.compatibleAsIs()
        : TypeSerializerSchemaCompatibility.incompatible(
            "stored as " + supplier.get().getClass().getSimpleName()
                + ", now " + newSerializer.getClass().getSimpleName());
  }
}
