package dev.sluice.runtime.operators;

/**
 * A keyed one-input operator that processes a batch of records arriving on a hash edge, whose keys
 * the writer already extracted, in one call. Contract: for each record in order it increments
 * {@link AbstractStreamOperator#recordsIn}, makes the record's key current in the keyed state
 * backend, and processes the record; it does not keep the arrays, and emits its results with
 * {@link Output#collectBatch} or {@link Output#collect} in input order.
 */
public interface KeyedBatchOperator {
  void processKeyedBatch(Object[] values, long[] timestamps, Object[] keys, int size) throws Exception;

  /**
   * Runs {@code op}'s keyed batch method, turning a failure into an {@link OperatorException} that
   * names the record that caused it.
   */
  static void process(AbstractStreamOperator<?> op, KeyedBatchOperator batchOp, Object[] values,
      long[] timestamps, Object[] keys, int size) {
    long start = op.recordsIn;
    try {
      batchOp.processKeyedBatch(values, timestamps, keys, size);
    } catch (OperatorException e) {
      throw e;
    } catch (Exception e) {
      int index = (int) Math.max(0, Math.min(size - 1, op.recordsIn - start - 1));
      throw op.failure(values[index], e);
    }
  }
}
