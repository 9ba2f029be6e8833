package dev.sluice.api.common.typeinfo;

import java.util.Map;
import java.util.TreeMap;

/**
 * Describes a POJO: a public class with a public no-argument constructor whose fields are public
 * or have a public getter and setter. Fields are ordered by name.
 */
public final class PojoTypeInfo<T> extends CompositeType<T> {
  private static final long serialVersionUID = 1L;

  /** Describes {@code pojoClass} with the given fields (ordered by name; types may be null). */
  public PojoTypeInfo(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
    this(pojoClass, new TreeMap<>(fields));
  }

  private PojoTypeInfo(Class<T> pojoClass, TreeMap<String, TypeInformation<?>> sorted) {
    super(pojoClass, sorted.keySet().toArray(new String[0]),
        sorted.values().toArray(new TypeInformation<?>[0]));
  }

  @Override
  public String toString() {
    return "Pojo<" + getTypeClass().getName() + ", fields = [" + describeFields() + "]>";
  }
}
