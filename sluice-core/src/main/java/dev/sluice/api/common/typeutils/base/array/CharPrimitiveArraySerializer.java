package dev.sluice.api.common.typeutils.base.array;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code char[]}: the length (int), then each UTF-16 code unit, big-endian. */
public final class CharPrimitiveArraySerializer extends TypeSerializerSingleton<char[]> {
  private static final long serialVersionUID = 1L;

  public static final CharPrimitiveArraySerializer INSTANCE = new CharPrimitiveArraySerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public char[] copy(char[] from) {
    return from == null ? null : from.clone();
  }

  @Override
  public void serialize(char[] record, DataOutputView target) throws IOException {
    target.writeInt(record.length);
    for (char v : record) {
      target.writeChar(v);
    }
  }

  @Override
  public char[] deserialize(DataInputView source) throws IOException {
    char[] array = new char[ArrayLengths.read(source, 2)];
    for (int i = 0; i < array.length; i++) {
      array[i] = source.readChar();
    }
    return array;
  }

  @Override
  public String toString() {
    return "char[]";
  }

  @Override
  public TypeSerializerSnapshot<char[]> snapshotConfiguration() {
    return new CharPrimitiveArraySerializerSnapshot();
  }

  /** Format of {@link CharPrimitiveArraySerializer}. */
  public static final class CharPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<char[]> {
    public CharPrimitiveArraySerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
