package dev.sluice.api.connector.source;

/** A unit of a source's input that one reader reads: a file, a range, a partition. */
public interface SourceSplit {
  /** Unique within the source. */
  String splitId();
}
