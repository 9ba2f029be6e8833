package dev.sluice.runtime.graph;

import java.util.List;

/** Virtual: several inputs of the same type read as one stream. */
public final class UnionTransformation<T> extends Transformation<T> {
  private final List<Transformation<T>> unioned;

  public UnionTransformation(int id, List<Transformation<T>> inputs) {
    super(id, "Union", inputs.get(0).parallelism(), inputs.get(0).outputType());
    this.unioned = List.copyOf(inputs);
  }

  public List<Transformation<T>> unioned() {
    return unioned;
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  @Override
  public List<Transformation<?>> inputs() {
    return List.copyOf(unioned);
  }
}
