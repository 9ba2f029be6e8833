package dev.sluice.runtime.operators;

/**
 * A one-input operator that processes a batch of records in one call. Contract: it increments
 * {@link AbstractStreamOperator#recordsIn} once per record before processing that record (so a
 * failure can name the record's position), does not keep the arrays, and emits its results with
 * {@link Output#collectBatch} or {@link Output#collect} in input order.
 */
public interface BatchOperator {
  void processBatch(Object[] values, long[] timestamps, int size) throws Exception;

  /**
   * Runs {@code op}'s batch method, turning a failure into an {@link OperatorException} that names
   * the record that caused it.
   */
  static void process(AbstractStreamOperator<?> op, BatchOperator batchOp, Object[] values,
      long[] timestamps, int size) {
    long start = op.recordsIn;
    try {
      batchOp.processBatch(values, timestamps, size);
    } catch (OperatorException e) {
      throw e;
    } catch (Exception e) {
      int index = (int) Math.max(0, Math.min(size - 1, op.recordsIn - start - 1));
      throw op.failure(values[index], e);
    }
  }
}
