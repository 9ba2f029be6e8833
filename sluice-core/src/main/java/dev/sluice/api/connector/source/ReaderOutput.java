package dev.sluice.api.connector.source;

/**
 * The output of a reader. Records emitted through a split's own output ({@link
 * #createOutputForSplit}) get watermarks generated for that split alone, and the reader's watermark
 * is the minimum over its active splits.
 */
public interface ReaderOutput<T> extends SourceOutput<T> {
  SourceOutput<T> createOutputForSplit(String splitId);

  /** The split is finished; its watermark no longer holds the reader back. */
  void releaseOutputForSplit(String splitId);
}
