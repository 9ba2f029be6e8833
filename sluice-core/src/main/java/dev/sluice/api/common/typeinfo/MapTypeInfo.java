package dev.sluice.api.common.typeinfo;

import java.util.Map;
import java.util.Objects;

/** Describes a {@code java.util.Map} with known key and value types. Prints like {@code Map<String, Long>}. */
public final class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<K> keyType;
  private final TypeInformation<V> valueType;

  public MapTypeInfo(TypeInformation<K> keyType, TypeInformation<V> valueType) {
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    this.valueType = Objects.requireNonNull(valueType, "valueType");
  }

  public TypeInformation<K> getKeyType() {
    return keyType;
  }

  public TypeInformation<V> getValueType() {
    return valueType;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Map<K, V>> getTypeClass() {
    return (Class) Map.class;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapTypeInfo<?, ?> other
        && other.keyType.equals(keyType) && other.valueType.equals(valueType);
  }

  @Override
  public int hashCode() {
    return 31 * keyType.hashCode() + valueType.hashCode();
  }

  @Override
  public String toString() {
    return "Map<" + keyType + ", " + valueType + ">";
  }
}
