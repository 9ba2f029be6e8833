package dev.sluice.streams.kstream;

/**
 * A table read in full by every parallel task (a broadcast of all partitions of its topic), for
 * stream-table joins on any attribute of the stream record.
 */
public interface GlobalKTable<K, V> {
  /** Always null: Sluice has no interactive queries yet. */
  default String queryableStoreName() {
    return null;
  }
}
