package dev.sluice.runtime.graph;

import java.util.List;

/** Virtual: its input, re-partitioned. */
public final class PartitionTransformation<T> extends Transformation<T> {
  private final Transformation<T> input;
  private final Partitioning partitioning;

  public PartitionTransformation(int id, Transformation<T> input, Partitioning partitioning) {
    super(id, "Partition(" + partitioning + ")", input.parallelism(), input.outputType());
    this.input = input;
    this.partitioning = partitioning;
  }

  public Transformation<T> input() {
    return input;
  }

  public Partitioning partitioning() {
    return partitioning;
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  @Override
  public List<Transformation<?>> inputs() {
    return List.of(input);
  }
}
