package dev.sluice.runtime.graph;

import dev.sluice.util.OutputTag;
import java.util.List;

/** Virtual: the side output named by a tag of its input operator. */
public final class SideOutputTransformation<T> extends Transformation<T> {
  private final Transformation<?> input;
  private final OutputTag<T> tag;

  public SideOutputTransformation(int id, Transformation<?> input, OutputTag<T> tag) {
    super(id, "SideOutput(" + tag.getId() + ")", input.parallelism(), null);
    this.input = input;
    this.tag = tag;
  }

  public Transformation<?> input() {
    return input;
  }

  public OutputTag<T> tag() {
    return tag;
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
