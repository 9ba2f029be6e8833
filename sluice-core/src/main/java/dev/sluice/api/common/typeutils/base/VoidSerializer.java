package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;

/** Serializer for {@code Void}, whose only value is null: writes nothing, reads null. */
public final class VoidSerializer extends TypeSerializerSingleton<Void> {
  private static final long serialVersionUID = 1L;

  public static final VoidSerializer INSTANCE = new VoidSerializer();

  @Override
  public void serialize(Void record, DataOutputView target) {}

  @Override
  public Void deserialize(DataInputView source) {
    return null;
  }

  @Override
  public TypeSerializerSnapshot<Void> snapshotConfiguration() {
    return new VoidSerializerSnapshot();
  }

  /** Format of {@link VoidSerializer}. */
  public static final class VoidSerializerSnapshot extends SimpleTypeSerializerSnapshot<Void> {
    public VoidSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
