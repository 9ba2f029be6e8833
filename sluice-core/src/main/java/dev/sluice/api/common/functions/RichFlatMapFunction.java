package dev.sluice.api.common.functions;

import dev.sluice.util.Collector;

/** A {@link FlatMapFunction} with open/close and a runtime context. */
public abstract class RichFlatMapFunction<T, O> extends AbstractRichFunction
    implements FlatMapFunction<T, O> {
  private static final long serialVersionUID = 1L;

  @Override
  public abstract void flatMap(T value, Collector<O> out) throws Exception;
}
