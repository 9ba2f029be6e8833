package dev.sluice.api.common.state;

import dev.sluice.api.common.typeinfo.MapTypeInfo;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.base.MapSerializer;
import java.util.Map;

/**
 * Describes a {@link MapState} (and broadcast state). The stored value is the whole map: its type
 * is a {@link MapTypeInfo} and its serializer a {@link MapSerializer}.
 */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<UK> keyType;
  private final TypeInformation<UV> valueType;

  public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
    this(name, TypeInformation.of(keyClass), TypeInformation.of(valueClass));
  }

  public MapStateDescriptor(String name, TypeInformation<UK> keyType, TypeInformation<UV> valueType) {
    super(name, new MapTypeInfo<>(keyType, valueType));
    this.keyType = keyType;
    this.valueType = valueType;
  }

  /** A map state whose keys and values are written by the given serializers. */
  public MapStateDescriptor(String name, TypeSerializer<UK> keySerializer,
      TypeSerializer<UV> valueSerializer) {
    super(name, new MapSerializer<>(keySerializer, valueSerializer));
    this.keyType = null;
    this.valueType = null;
  }

  /** The declared key type, or null if a key serializer was given instead. */
  public TypeInformation<UK> getKeyTypeInfo() {
    return keyType;
  }

  /** The declared value type, or null if a value serializer was given instead. */
  public TypeInformation<UV> getValueTypeInfo() {
    return valueType;
  }

  /**
   * The serializer of the map's keys.
   *
   * @throws IllegalStateException if the serializer is not initialized yet
   */
  public TypeSerializer<UK> getKeySerializer() {
    return ((MapSerializer<UK, UV>) getSerializer()).getKeySerializer();
  }

  /**
   * The serializer of the map's values.
   *
   * @throws IllegalStateException if the serializer is not initialized yet
   */
  public TypeSerializer<UV> getValueSerializer() {
    return ((MapSerializer<UK, UV>) getSerializer()).getValueSerializer();
  }
}
