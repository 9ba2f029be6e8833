package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.typeinfo.TypeInformation;
import java.io.Serializable;

/**
 * Reads one field of an element and builds copies of elements with that field changed. Elements
 * are never mutated: {@link #withValue} returns a new element. Accessors are serializable so that
 * functions built on them (keys, aggregations) can be shipped with the job; reflective lookups are
 * resolved once and cached (and redone after deserialization).
 *
 * <p>Create accessors with {@link FieldAccessors}.
 */
public interface FieldAccessor<T> extends Serializable {

  /** The field's value in {@code element}. */
  Object get(T element);

  /**
   * A new element equal to {@code element} except that the field holds {@code value}; the
   * argument itself is left untouched.
   */
  T withValue(T element, Object value);

  /** The field as the user named it, such as {@code f1}, {@code price} or {@code *}. */
  String fieldName();

  /** The declared type of the field, or null when it is not known (yet). */
  TypeInformation<?> fieldType();

  /** The field for messages, such as {@code field 'price' of com.acme.Order}. */
  String describe();
}
