package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.math.BigDecimal;

/** Serializer for {@code BigDecimal}: the unscaled value as {@link BigIntSerializer} writes it, then the scale. */
public final class BigDecSerializer extends TypeSerializerSingleton<BigDecimal> {
  private static final long serialVersionUID = 1L;

  public static final BigDecSerializer INSTANCE = new BigDecSerializer();

  @Override
  public void serialize(BigDecimal record, DataOutputView target) throws IOException {
    BigIntSerializer.INSTANCE.serialize(record.unscaledValue(), target);
    target.writeInt(record.scale());
  }

  @Override
  public BigDecimal deserialize(DataInputView source) throws IOException {
    return new BigDecimal(BigIntSerializer.INSTANCE.deserialize(source), source.readInt());
  }

  @Override
  public TypeSerializerSnapshot<BigDecimal> snapshotConfiguration() {
    return new BigDecSerializerSnapshot();
  }

  /** Format of {@link BigDecSerializer}. */
  public static final class BigDecSerializerSnapshot extends SimpleTypeSerializerSnapshot<BigDecimal> {
    public BigDecSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
