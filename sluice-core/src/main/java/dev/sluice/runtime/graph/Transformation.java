package dev.sluice.runtime.graph;

import dev.sluice.api.common.typeinfo.TypeInformation;
import java.util.List;

/**
 * One step the user wrote. Mutable while the job is being defined (name, uid, parallelism and type
 * hints are set after creation, as the fluent API allows), read-only once the job is built.
 */
public abstract sealed class Transformation<T>
    permits SourceTransformation, OneInputTransformation, TwoInputTransformation,
        SinkTransformation, PartitionTransformation, UnionTransformation,
        SideOutputTransformation {
  /** Parallelism not set by the user: the environment's default applies. */
  public static final int DEFAULT_PARALLELISM = -1;

  private final int id;
  private String name;
  private String uid;
  private int parallelism;
  private TypeInformation<T> outputType;

  protected Transformation(int id, String name, int parallelism, TypeInformation<T> outputType) {
    this.id = id;
    this.name = name;
    this.parallelism = parallelism;
    this.outputType = outputType;
  }

  public abstract List<Transformation<?>> inputs();

  /** Virtual transformations only describe connections and do not run. */
  public boolean isVirtual() {
    return false;
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public void setName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("An operator name must not be empty");
    }
    this.name = name;
  }

  public String uid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  public int parallelism() {
    return parallelism;
  }

  public void setParallelism(int parallelism) {
    if (parallelism <= 0) {
      throw new IllegalArgumentException("The parallelism of '" + name
          + "' must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
  }

  /** The element type, or null when it is not known. */
  public TypeInformation<T> outputType() {
    return outputType;
  }

  public void setOutputType(TypeInformation<T> outputType) {
    this.outputType = outputType;
  }

  @Override
  public String toString() {
    return name + "#" + id;
  }
}
