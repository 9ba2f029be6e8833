package dev.sluice.streams.kstream;

import java.util.Map;

/**
 * The branches of a {@link KStream#split()}: each record goes to the first branch whose predicate
 * it satisfies, or to the default branch, or (with {@link #noDefaultBranch()}) nowhere.
 */
public interface BranchedKStream<K, V> {
  BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate);

  BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate, Branched<K, V> branched);

  /** Ends the split; records no predicate matched form the default branch (named prefix + "0"). */
  Map<String, KStream<K, V>> defaultBranch();

  Map<String, KStream<K, V>> defaultBranch(Branched<K, V> branched);

  /** Ends the split; records no predicate matched are dropped. */
  Map<String, KStream<K, V>> noDefaultBranch();
}
