package dev.sluice.runtime.operators;

import dev.sluice.util.OutputTag;

/** Hands records to the next operator of the same chain by a direct call. */
public final class ChainingOutput<T> implements Output<T> {
  private final OneInputStreamOperator<T, ?> next;
  private final AbstractStreamOperator<?> nextBase;
  private final BatchOperator nextBatch;
  private long lastWatermark = Long.MIN_VALUE;

  public ChainingOutput(OneInputStreamOperator<T, ?> next) {
    this.next = next;
    this.nextBase = (AbstractStreamOperator<?>) next;
    this.nextBatch = next instanceof BatchOperator b ? b : null;
  }

  @Override
  public void collect(T value, long timestamp) {
    nextBase.recordsIn++;
    try {
      next.processElement(value, timestamp);
    } catch (OperatorException e) {
      throw e;
    } catch (Exception e) {
      throw nextBase.failure(value, e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void collectBatch(Object[] values, long[] timestamps, int size) {
    if (nextBatch != null) {
      BatchOperator.process(nextBase, nextBatch, values, timestamps, size);
    } else {
      for (int i = 0; i < size; i++) {
        collect((T) values[i], timestamps[i]);
      }
    }
  }

  @Override
  public void emitIdleStatus(boolean idle) {
    nextBase.output.emitIdleStatus(idle); // operators pass idleness through unchanged
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    throw new IllegalStateException("Side outputs are routed by OperatorOutput");
  }

  @Override
  public void emitWatermark(long watermark) {
    if (watermark <= lastWatermark) {
      return; // the same watermark can arrive along the main and a side output
    }
    lastWatermark = watermark;
    try {
      next.processWatermark(watermark);
    } catch (OperatorException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(nextBase.context().operatorName(), nextBase.context().taskInfo(),
          "processWatermark(" + watermark + ")", e);
    }
  }
}
