package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.CompositeTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.NullFlags;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Serializer for a {@code java.util.Map}: the size (int), then each entry as key and value, each
 * behind a null flag, in iteration order. Maps are read as {@link LinkedHashMap}s (keeping the
 * written order); {@code copy} copies every key and value.
 */
public final class MapSerializer<K, V> extends TypeSerializer<Map<K, V>> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<V> valueSerializer;

  public MapSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
    this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
    this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
  }

  public TypeSerializer<K> getKeySerializer() {
    return keySerializer;
  }

  public TypeSerializer<V> getValueSerializer() {
    return valueSerializer;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public MapSerializer<K, V> duplicate() {
    TypeSerializer<K> key = keySerializer.duplicate();
    TypeSerializer<V> value = valueSerializer.duplicate();
    return key == keySerializer && value == valueSerializer ? this : new MapSerializer<>(key, value);
  }

  @Override
  public Map<K, V> copy(Map<K, V> from) {
    if (from == null) {
      return null;
    }
    Map<K, V> copy = newMap(from.size());
    for (Map.Entry<K, V> entry : from.entrySet()) {
      copy.put(NullFlags.copy(keySerializer, entry.getKey()),
          NullFlags.copy(valueSerializer, entry.getValue()));
    }
    return copy;
  }

  private static <K, V> Map<K, V> newMap(int size) {
    return new LinkedHashMap<>(Math.max(16, (int) (size / 0.75f) + 1));
  }

  @Override
  public void serialize(Map<K, V> record, DataOutputView target) throws IOException {
    target.writeInt(record.size());
    for (Map.Entry<K, V> entry : record.entrySet()) {
      NullFlags.write(keySerializer, entry.getKey(), target);
      NullFlags.write(valueSerializer, entry.getValue(), target);
    }
  }

  @Override
  public Map<K, V> deserialize(DataInputView source) throws IOException {
    int size = source.readInt();
    if (size < 0) {
      throw new IOException("negative map size " + size + " (corrupt data)");
    }
    Map<K, V> map = newMap(Math.min(size, CollectionSerializer.MAX_PRESIZE));
    for (int i = 0; i < size; i++) {
      K key = NullFlags.read(keySerializer, source);
      map.put(key, NullFlags.read(valueSerializer, source));
    }
    return map;
  }

  @Override
  public TypeSerializerSnapshot<Map<K, V>> snapshotConfiguration() {
    return new MapSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof MapSerializer<?, ?> other && other.keySerializer.equals(keySerializer)
        && other.valueSerializer.equals(valueSerializer);
  }

  @Override
  public int hashCode() {
    return 31 * keySerializer.hashCode() + valueSerializer.hashCode();
  }

  @Override
  public String toString() {
    return "Map<" + keySerializer + ", " + valueSerializer + ">";
  }

  /** Format of {@link MapSerializer}: the key and value serializers' snapshots. */
  public static final class MapSerializerSnapshot<K, V>
      extends CompositeTypeSerializerSnapshot<Map<K, V>, MapSerializer<K, V>> {
    /** For reading. */
    public MapSerializerSnapshot() {
      super(MapSerializer.class);
    }

    MapSerializerSnapshot(MapSerializer<K, V> serializer) {
      super(serializer);
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return 1;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(MapSerializer<K, V> outerSerializer) {
      return new TypeSerializer<?>[] {
        outerSerializer.getKeySerializer(), outerSerializer.getValueSerializer()
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    protected MapSerializer<K, V> createOuterSerializerWithNestedSerializers(
        TypeSerializer<?>[] nested) {
      return new MapSerializer<>((TypeSerializer<K>) nested[0], (TypeSerializer<V>) nested[1]);
    }

    @Override
    protected String nestedName(int index) {
      return index == 0 ? "map key" : "map value";
    }
  }
}
