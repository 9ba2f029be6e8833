package dev.sluice.api.connector.source;

import java.io.Serializable;

/**
 * A factory of an enumerator and readers. Implementations are serializable descriptions of the
 * input (paths, ranges, addresses); they hold no open resources.
 *
 * @param <T> the type of the records
 * @param <SplitT> the type of the splits
 * @param <EnumChkT> what the enumerator stores in a checkpoint
 */
public interface Source<T, SplitT extends SourceSplit, EnumChkT> extends Serializable {
  Boundedness getBoundedness();

  SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> context)
      throws Exception;

  /** Re-creates an enumerator from a checkpoint. */
  default SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(
      SplitEnumeratorContext<SplitT> context, EnumChkT checkpoint) throws Exception {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot be restored from a checkpoint");
  }

  SourceReader<T, SplitT> createReader(SourceReaderContext context) throws Exception;

  /**
   * Encodes splits for checkpoints (a reader's current splits, with their positions). A source
   * that returns null cannot be used in a job that checkpoints.
   */
  default dev.sluice.core.io.SimpleVersionedSerializer<SplitT> getSplitSerializer() {
    return null;
  }

  /** Encodes the enumerator's checkpoint; null when the source cannot be checkpointed. */
  default dev.sluice.core.io.SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer() {
    return null;
  }
}
