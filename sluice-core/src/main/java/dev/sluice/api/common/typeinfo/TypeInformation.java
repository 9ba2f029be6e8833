package dev.sluice.api.common.typeinfo;

import java.io.Serializable;

/**
 * Describes the type of a stream's elements. Sluice does not need type information to move data
 * (elements travel as objects), so it is a hint: it lets the API check field names and positions
 * when the job is built, and later lets state pick a codec.
 */
public abstract class TypeInformation<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The class of the elements. */
  public abstract Class<T> getTypeClass();
}
