package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.math.BigInteger;

/** Serializer for {@code BigInteger}: the two's-complement bytes, length-prefixed. */
public final class BigIntSerializer extends TypeSerializerSingleton<BigInteger> {
  private static final long serialVersionUID = 1L;

  public static final BigIntSerializer INSTANCE = new BigIntSerializer();

  @Override
  public void serialize(BigInteger record, DataOutputView target) throws IOException {
    byte[] bytes = record.toByteArray();
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  @Override
  public BigInteger deserialize(DataInputView source) throws IOException {
    int length = source.readInt();
    if (length <= 0) {
      throw new IOException("invalid BigInteger length " + length + " (corrupt data)");
    }
    byte[] bytes = new byte[length];
    source.readFully(bytes);
    return new BigInteger(bytes);
  }

  @Override
  public TypeSerializerSnapshot<BigInteger> snapshotConfiguration() {
    return new BigIntSerializerSnapshot();
  }

  /** Format of {@link BigIntSerializer}. */
  public static final class BigIntSerializerSnapshot extends SimpleTypeSerializerSnapshot<BigInteger> {
    public BigIntSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
