package dev.sluice.streaming.api.functions.co;

import dev.sluice.api.common.functions.AbstractRichFunction;

/** A {@link CoFlatMapFunction} with open/close and a runtime context. */
public abstract class RichCoFlatMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
    implements CoFlatMapFunction<IN1, IN2, OUT> {
  private static final long serialVersionUID = 1L;
}
