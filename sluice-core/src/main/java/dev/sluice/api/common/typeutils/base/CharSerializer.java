package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Character}: the UTF-16 code unit in two bytes, big-endian. */
public final class CharSerializer extends TypeSerializerSingleton<Character> {
  private static final long serialVersionUID = 1L;

  public static final CharSerializer INSTANCE = new CharSerializer();

  @Override
  public void serialize(Character record, DataOutputView target) throws IOException {
    target.writeChar(record);
  }

  @Override
  public Character deserialize(DataInputView source) throws IOException {
    return source.readChar();
  }

  @Override
  public TypeSerializerSnapshot<Character> snapshotConfiguration() {
    return new CharSerializerSnapshot();
  }

  /** Format of {@link CharSerializer}. */
  public static final class CharSerializerSnapshot extends SimpleTypeSerializerSnapshot<Character> {
    public CharSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
