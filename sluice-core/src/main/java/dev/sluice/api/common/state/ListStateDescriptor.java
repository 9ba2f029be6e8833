package dev.sluice.api.common.state;

import dev.sluice.api.common.typeinfo.TypeInformation;
import java.util.List;

/** Describes a {@link ListState}; the type is the element type. */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, List<T>> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<T> elementType;

  public ListStateDescriptor(String name, Class<T> elementType) {
    this(name, TypeInformation.of(elementType));
  }

  public ListStateDescriptor(String name, TypeInformation<T> elementType) {
    super(name, null);
    this.elementType = elementType;
  }

  public TypeInformation<T> getElementTypeInfo() {
    return elementType;
  }
}
