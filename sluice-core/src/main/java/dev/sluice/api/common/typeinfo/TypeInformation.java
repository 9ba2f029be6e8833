package dev.sluice.api.common.typeinfo;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.runtime.typeutils.Serializers;
import dev.sluice.runtime.typeutils.TypeExtractor;
import java.io.Serializable;

/**
 * Describes the type of a stream's elements. Sluice does not need type information to move data
 * (elements travel as objects), so it is a hint: it lets the API check field names and positions
 * when the job is built, and later lets state pick a codec.
 *
 * <p>Instances are immutable values: two descriptions of the same type are equal. Obtain them from
 * {@link Types}, {@link #of(Class)} or {@link #of(TypeHint)}.
 */
public abstract class TypeInformation<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The class of the elements. */
  public abstract Class<T> getTypeClass();

  /** Whether this is one of the basic types of {@link Types} (boxed primitives, String, ...). */
  public boolean isBasicType() {
    return false;
  }

  /** Whether the elements are {@code dev.sluice.api.java.tuple.Tuple}s. */
  public boolean isTupleType() {
    return false;
  }

  /** Number of direct fields: the tuple arity or POJO field count, 1 for atomic types. */
  public int getArity() {
    return 1;
  }

  /** Number of leaf fields after flattening nested composite types (1 for atomic types). */
  public int getTotalFields() {
    return 1;
  }

  /**
   * The serializer for this type, used by state and checkpoints. A type Sluice cannot encode
   * (a class that is neither a basic type, tuple, record, POJO, enum, array nor collection of
   * those, with no serializer registered in the config) fails here with a message that names it.
   */
  public TypeSerializer<T> createSerializer(ExecutionConfig config) {
    return Serializers.create(this, config);
  }

  /**
   * Describes the given class: basic types, tuples (with unknown field types), records, POJOs,
   * enums and arrays are recognised, anything else is a generic type.
   */
  public static <T> TypeInformation<T> of(Class<T> typeClass) {
    return TypeExtractor.forClass(typeClass);
  }

  /** Describes the generic type captured by a {@link TypeHint}, such as {@code Tuple2<String, Integer>}. */
  public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
    return typeHint.getTypeInfo();
  }

  @Override
  public String toString() {
    return getTypeClass().getSimpleName();
  }
}
