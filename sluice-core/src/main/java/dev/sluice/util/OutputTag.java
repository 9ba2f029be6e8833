package dev.sluice.util;

import dev.sluice.api.common.typeinfo.TypeInformation;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Names a side output. Two tags are the same side output when their ids are equal. As in Flink, a
 * tag is usually created as an anonymous subclass, {@code new OutputTag<String>("late") {}}, so
 * that its element type can be read back; the explicit-type constructor serves the other cases.
 */
public class OutputTag<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final transient Class<?> elementClass;

  public OutputTag(String id) {
    this.id = requireId(id);
    this.elementClass = capturedClass(getClass());
  }

  public OutputTag(String id, TypeInformation<T> typeInfo) {
    this.id = requireId(id);
    this.elementClass = Objects.requireNonNull(typeInfo, "typeInfo").getTypeClass();
  }

  private static String requireId(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("An OutputTag needs a non-empty id");
    }
    return id;
  }

  private static Class<?> capturedClass(Class<?> tagClass) {
    Type superType = tagClass.getGenericSuperclass();
    if (superType instanceof ParameterizedType p && p.getRawType() == OutputTag.class) {
      Type arg = p.getActualTypeArguments()[0];
      if (arg instanceof Class<?> c) {
        return c;
      }
      if (arg instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
        return c;
      }
    }
    return null;
  }

  public String getId() {
    return id;
  }

  /** The element class, when known from an anonymous subclass or an explicit type; else null. */
  public Class<?> getElementClass() {
    return elementClass;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputTag<?> other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "OutputTag(" + id + ")";
  }
}
