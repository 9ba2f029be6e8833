package dev.sluice.api.common.state;

import dev.sluice.api.common.typeinfo.TypeInformation;
import java.util.Map;

/** Describes a {@link MapState} (and broadcast state). */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<UK> keyType;
  private final TypeInformation<UV> valueType;

  public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
    this(name, TypeInformation.of(keyClass), TypeInformation.of(valueClass));
  }

  public MapStateDescriptor(String name, TypeInformation<UK> keyType, TypeInformation<UV> valueType) {
    super(name, null);
    this.keyType = keyType;
    this.valueType = valueType;
  }

  public TypeInformation<UK> getKeyTypeInfo() {
    return keyType;
  }

  public TypeInformation<UV> getValueTypeInfo() {
    return valueType;
  }
}
