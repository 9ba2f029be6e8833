package dev.sluice.api.common.typeinfo;

import dev.sluice.runtime.typeutils.TypeExtractor;
import java.lang.reflect.Type;

/**
 * Captures a generic type that a {@code Class} literal cannot express. Create an anonymous
 * subclass: {@code new TypeHint<Tuple2<String, Integer>>() {}.getTypeInfo()}.
 */
public abstract class TypeHint<T> {
  private final TypeInformation<T> typeInfo;

  /**
   * Reads the type argument of the anonymous subclass.
   *
   * @throws IllegalStateException if the type argument is missing or contains a type variable
   */
  @SuppressWarnings("unchecked")
  protected TypeHint() {
    Type type = TypeExtractor.typeArgument(getClass(), TypeHint.class, 0);
    TypeInformation<?> info = type == null ? null : TypeExtractor.fromType(type);
    if (info == null) {
      throw new IllegalStateException(
          "Cannot determine the type of " + getClass().getName() + ": create the TypeHint as an"
              + " anonymous subclass with a concrete type argument, e.g."
              + " new TypeHint<Tuple2<String, Integer>>() {}");
    }
    this.typeInfo = (TypeInformation<T>) info;
  }

  /** The captured type. */
  public TypeInformation<T> getTypeInfo() {
    return typeInfo;
  }

  @Override
  public String toString() {
    return "TypeHint<" + typeInfo + ">";
  }
}
