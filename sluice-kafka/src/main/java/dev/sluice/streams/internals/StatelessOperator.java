package dev.sluice.streams.internals;

import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.operators.Output;

/**
 * One operator for every stateless DSL step (filter, map, flatMap, peek, branch, ...): a function
 * of the record and its timestamp that emits any number of records. Output records keep the input
 * record's timestamp unless the function says otherwise.
 */
public final class StatelessOperator<I, O> extends AbstractStreamOperator<O>
    implements OneInputStreamOperator<I, O> {
  /** The step: sees the record and its timestamp, emits to {@code out}. */
  @FunctionalInterface
  public interface Fn<I, O> {
    void apply(I record, long timestamp, Output<O> out) throws Exception;
  }

  private final Fn<I, O> fn;

  public StatelessOperator(Fn<I, O> fn) {
    this.fn = fn;
  }

  @Override
  public void processElement(I value, long timestamp) throws Exception {
    fn.apply(value, timestamp, output);
  }
}
