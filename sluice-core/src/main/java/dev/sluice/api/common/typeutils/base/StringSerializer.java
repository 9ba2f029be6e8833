package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code String}: a null flag, then length-prefixed UTF-8. Null is allowed. */
public final class StringSerializer extends TypeSerializerSingleton<String> {
  private static final long serialVersionUID = 1L;

  public static final StringSerializer INSTANCE = new StringSerializer();

  @Override
  public void serialize(String record, DataOutputView target) throws IOException {
    if (record == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeUTF(record);
    }
  }

  @Override
  public String deserialize(DataInputView source) throws IOException {
    return source.readBoolean() ? source.readUTF() : null;
  }

  @Override
  public TypeSerializerSnapshot<String> snapshotConfiguration() {
    return new StringSerializerSnapshot();
  }

  /** Format of {@link StringSerializer}. */
  public static final class StringSerializerSnapshot extends SimpleTypeSerializerSnapshot<String> {
    public StringSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
