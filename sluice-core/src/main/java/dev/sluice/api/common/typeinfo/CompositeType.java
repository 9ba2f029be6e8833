package dev.sluice.api.common.typeinfo;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A type made of named fields: tuples ({@code f0, f1, ...}), POJOs and records. Field types may
 * be unknown (null), for instance for a tuple described only by its class.
 */
public abstract class CompositeType<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> typeClass;
  private final String[] fieldNames;
  private final TypeInformation<?>[] fieldTypes;

  protected CompositeType(Class<T> typeClass, String[] fieldNames, TypeInformation<?>[] fieldTypes) {
    if (fieldNames.length != fieldTypes.length) {
      throw new IllegalArgumentException("Got " + fieldNames.length + " field names but "
          + fieldTypes.length + " field types");
    }
    this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    this.fieldNames = fieldNames.clone();
    this.fieldTypes = fieldTypes.clone();
  }

  @Override
  public Class<T> getTypeClass() {
    return typeClass;
  }

  @Override
  public int getArity() {
    return fieldNames.length;
  }

  @Override
  public int getTotalFields() {
    int total = 0;
    for (TypeInformation<?> type : fieldTypes) {
      total += type == null ? 1 : type.getTotalFields();
    }
    return total;
  }

  /** The field names, in positional order. */
  public List<String> getFieldNames() {
    return List.of(fieldNames);
  }

  /** The position of the named field, or -1 if there is no such field. */
  public int getFieldIndex(String fieldName) {
    for (int i = 0; i < fieldNames.length; i++) {
      if (fieldNames[i].equals(fieldName)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The type of the field at {@code pos}, or null when it is not known.
   *
   * @throws IndexOutOfBoundsException if there is no such position
   */
  @SuppressWarnings("unchecked")
  public <X> TypeInformation<X> getTypeAt(int pos) {
    if (pos < 0 || pos >= fieldTypes.length) {
      throw new IndexOutOfBoundsException("Position " + pos + " is out of range for " + this
          + ": valid positions are 0.." + (fieldTypes.length - 1));
    }
    return (TypeInformation<X>) fieldTypes[pos];
  }

  /**
   * The type of the named field, or null when it is not known.
   *
   * @throws IllegalArgumentException if there is no such field
   */
  public <X> TypeInformation<X> getTypeAt(String fieldName) {
    int pos = getFieldIndex(fieldName);
    if (pos < 0) {
      throw new IllegalArgumentException("Field '" + fieldName + "' does not exist in "
          + typeClass.getName() + "; its fields are: " + String.join(", ", fieldNames));
    }
    return getTypeAt(pos);
  }

  /** Renders {@code name: Type} pairs, {@code ?} for unknown types. */
  protected final String describeFields() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fieldNames.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(fieldNames[i]).append(": ")
          .append(fieldTypes[i] == null ? "?" : fieldTypes[i]);
    }
    return sb.toString();
  }

  /** Field types as given, nulls included. */
  protected final TypeInformation<?>[] fieldTypes() {
    return fieldTypes.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o != null && o.getClass() == getClass()
        && ((CompositeType<?>) o).typeClass == typeClass
        && Arrays.equals(((CompositeType<?>) o).fieldNames, fieldNames)
        && Arrays.equals(((CompositeType<?>) o).fieldTypes, fieldTypes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * typeClass.getName().hashCode() + Arrays.hashCode(fieldNames))
        + Arrays.hashCode(fieldTypes);
  }
}
