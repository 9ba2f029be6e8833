package dev.sluice.api.common.typeinfo;

import java.util.LinkedHashMap;

/**
 * Describes a Java record. It behaves like a POJO whose fields are the record components, kept in
 * declaration order; "changing" a field means building a new record with the canonical constructor.
 */
public final class RecordTypeInfo<T extends Record> extends CompositeType<T> {
  private static final long serialVersionUID = 1L;

  /** Describes {@code recordClass}; the map must list every component in declaration order. */
  public RecordTypeInfo(Class<T> recordClass, LinkedHashMap<String, TypeInformation<?>> components) {
    super(recordClass, components.keySet().toArray(new String[0]),
        components.values().toArray(new TypeInformation<?>[0]));
  }

  @Override
  public String toString() {
    return "Record<" + getTypeClass().getName() + ", fields = [" + describeFields() + "]>";
  }
}
