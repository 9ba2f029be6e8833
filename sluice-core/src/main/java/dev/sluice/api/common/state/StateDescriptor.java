package dev.sluice.api.common.state;

import dev.sluice.api.common.typeinfo.TypeInformation;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of keyed state and declares the type of what it holds. Two descriptors with the
 * same name on the same operator refer to the same state.
 */
public abstract class StateDescriptor<S extends State, T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final TypeInformation<T> type;

  protected StateDescriptor(String name, TypeInformation<T> type) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A state needs a non-empty name");
    }
    this.name = name;
    this.type = type;
  }

  public String getName() {
    return name;
  }

  /** The declared type of the stored values, or null if not declared. */
  public TypeInformation<T> getTypeInformation() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && name.equals(((StateDescriptor<?, ?>) o).name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), name);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + name + ")";
  }
}
