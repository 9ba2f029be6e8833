package dev.sluice.api.common.state;

import dev.sluice.api.common.typeinfo.ListTypeInfo;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.base.ListSerializer;
import java.util.List;

/**
 * Describes a {@link ListState}. The stored value is the whole list: its type is a {@link
 * ListTypeInfo} of the element type and its serializer a {@link ListSerializer}.
 */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, List<T>> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<T> elementType;

  public ListStateDescriptor(String name, Class<T> elementType) {
    this(name, TypeInformation.of(elementType));
  }

  public ListStateDescriptor(String name, TypeInformation<T> elementType) {
    super(name, new ListTypeInfo<>(elementType));
    this.elementType = elementType;
  }

  /** A list state whose elements are written by {@code elementSerializer}. */
  public ListStateDescriptor(String name, TypeSerializer<T> elementSerializer) {
    super(name, new ListSerializer<>(elementSerializer));
    this.elementType = null;
  }

  /** The declared element type, or null if an element serializer was given instead. */
  public TypeInformation<T> getElementTypeInfo() {
    return elementType;
  }

  /**
   * The serializer of the list's elements.
   *
   * @throws IllegalStateException if the serializer is not initialized yet
   */
  public TypeSerializer<T> getElementSerializer() {
    return ((ListSerializer<T>) getSerializer()).getElementSerializer();
  }
}
