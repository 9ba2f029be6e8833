package dev.sluice.api.common.typeutils.base.array;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code long[]}: the length (int), then each element big-endian. */
public final class LongPrimitiveArraySerializer extends TypeSerializerSingleton<long[]> {
  private static final long serialVersionUID = 1L;

  public static final LongPrimitiveArraySerializer INSTANCE = new LongPrimitiveArraySerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public long[] copy(long[] from) {
    return from == null ? null : from.clone();
  }

  @Override
  public void serialize(long[] record, DataOutputView target) throws IOException {
    target.writeInt(record.length);
    for (long v : record) {
      target.writeLong(v);
    }
  }

  @Override
  public long[] deserialize(DataInputView source) throws IOException {
    long[] array = new long[ArrayLengths.read(source, 8)];
    for (int i = 0; i < array.length; i++) {
      array[i] = source.readLong();
    }
    return array;
  }

  @Override
  public String toString() {
    return "long[]";
  }

  @Override
  public TypeSerializerSnapshot<long[]> snapshotConfiguration() {
    return new LongPrimitiveArraySerializerSnapshot();
  }

  /** Format of {@link LongPrimitiveArraySerializer}. */
  public static final class LongPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<long[]> {
    public LongPrimitiveArraySerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
