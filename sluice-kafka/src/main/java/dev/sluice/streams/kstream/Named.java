package dev.sluice.streams.kstream;

/** A name for a DSL operator (the operator's name in the Sluice job, its metrics and checkpoints). */
public class Named {
  protected final String name;

  protected Named(String name) {
    this.name = name;
  }

  public static Named as(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A name must not be empty");
    }
    return new Named(name);
  }

  public Named withName(String name) {
    return as(name);
  }

  /** The name (null when none was given). */
  public String name() {
    return name;
  }
}
