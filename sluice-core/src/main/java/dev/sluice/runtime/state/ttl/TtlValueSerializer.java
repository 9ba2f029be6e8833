package dev.sluice.runtime.state.ttl;

import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSchemaCompatibility;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshots;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.util.Objects;

/** Encodes a {@link TtlValue}: the last-access time, then the value with the state's serializer. */
public final class TtlValueSerializer<T> extends TypeSerializer<TtlValue<T>> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> valueSerializer;

  public TtlValueSerializer(TypeSerializer<T> valueSerializer) {
    this.valueSerializer = Objects.requireNonNull(valueSerializer);
  }

  @Override
  public boolean isImmutableType() {
    return valueSerializer.isImmutableType();
  }

  @Override
  public TypeSerializer<TtlValue<T>> duplicate() {
    TypeSerializer<T> d = valueSerializer.duplicate();
    return d == valueSerializer ? this : new TtlValueSerializer<>(d);
  }

  @Override
  public TtlValue<T> copy(TtlValue<T> from) {
    return from == null || valueSerializer.isImmutableType() ? from
        : new TtlValue<>(valueSerializer.copy(from.value()), from.lastAccess());
  }

  @Override
  public void serialize(TtlValue<T> record, DataOutputView target) throws IOException {
    target.writeLong(record.lastAccess());
    valueSerializer.serialize(record.value(), target);
  }

  @Override
  public TtlValue<T> deserialize(DataInputView source) throws IOException {
    long lastAccess = source.readLong();
    return new TtlValue<>(valueSerializer.deserialize(source), lastAccess);
  }

  @Override
  public TypeSerializerSnapshot<TtlValue<T>> snapshotConfiguration() {
    return new Format<>(valueSerializer.snapshotConfiguration());
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof TtlValueSerializer<?> other && other.valueSerializer.equals(valueSerializer);
  }

  @Override
  public int hashCode() {
    return valueSerializer.hashCode() * 31 + 7;
  }

  /** Format of {@link TtlValueSerializer}: the value serializer's format. */
  public static final class Format<T> implements TypeSerializerSnapshot<TtlValue<T>> {
    private TypeSerializerSnapshot<T> value;

    public Format() {}

    Format(TypeSerializerSnapshot<T> value) {
      this.value = value;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      TypeSerializerSnapshots.write(value, out);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader loader) throws IOException {
      value = TypeSerializerSnapshots.read(in, loader);
    }

    @Override
    public TypeSerializer<TtlValue<T>> restoreSerializer() {
      return new TtlValueSerializer<>(value.restoreSerializer());
    }

    @Override
    public TypeSerializerSchemaCompatibility<TtlValue<T>> resolveSchemaCompatibility(
        TypeSerializer<TtlValue<T>> newSerializer) {
      if (!(newSerializer instanceof TtlValueSerializer<T> ttl)) {
        return TypeSerializerSchemaCompatibility.incompatible("the state had a time to live and has none now");
      }
      TypeSerializerSchemaCompatibility<T> inner = value.resolveSchemaCompatibility(ttl.valueSerializer);
      if (inner.isIncompatible()) {
        return TypeSerializerSchemaCompatibility.incompatible(inner.reason());
      }
      return inner.isCompatibleAsIs() ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
    }
  }
}
