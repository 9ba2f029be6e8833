package dev.sluice.streams.kstream;

import dev.sluice.streams.state.StateStore;
import org.apache.kafka.common.serialization.Serde;

/**
 * How a table is kept. Sluice keeps every DSL table in checkpointed keyed state, so serdes and
 * logging are accepted for compatibility and have no effect; the store name names the operator
 * (its state in checkpoints, its metrics), and caching ({@code withCachingDisabled}) decides
 * whether updates are coalesced per key until the next commit (see {@code StreamsConfig}).
 */
public final class Materialized<K, V, S extends StateStore> {
  final String storeName;
  final Serde<K> keySerde;
  final Serde<V> valueSerde;
  final Boolean caching;

  private Materialized(String storeName, Serde<K> keySerde, Serde<V> valueSerde, Boolean caching) {
    this.storeName = storeName;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.caching = caching;
  }

  public static <K, V, S extends StateStore> Materialized<K, V, S> as(String storeName) {
    if (storeName == null || storeName.isBlank()) {
      throw new IllegalArgumentException("A store name must not be empty");
    }
    return new Materialized<>(storeName, null, null, null);
  }

  public static <K, V, S extends StateStore> Materialized<K, V, S> with(Serde<K> keySerde, Serde<V> valueSerde) {
    return new Materialized<>(null, keySerde, valueSerde, null);
  }

  public Materialized<K, V, S> withKeySerde(Serde<K> keySerde) {
    return new Materialized<>(storeName, keySerde, valueSerde, caching);
  }

  public Materialized<K, V, S> withValueSerde(Serde<V> valueSerde) {
    return new Materialized<>(storeName, keySerde, valueSerde, caching);
  }

  public Materialized<K, V, S> withCachingEnabled() {
    return new Materialized<>(storeName, keySerde, valueSerde, Boolean.TRUE);
  }

  public Materialized<K, V, S> withCachingDisabled() {
    return new Materialized<>(storeName, keySerde, valueSerde, Boolean.FALSE);
  }

  /** Accepted; Sluice has no changelog topics (state is in checkpoints). */
  public Materialized<K, V, S> withLoggingEnabled(java.util.Map<String, String> config) {
    return this;
  }

  /** Accepted; Sluice has no changelog topics (state is in checkpoints). */
  public Materialized<K, V, S> withLoggingDisabled() {
    return this;
  }

  /** The store name, or null. */
  public String storeName() {
    return storeName;
  }

  /** Whether caching was set explicitly: TRUE, FALSE, or null for the configured default. */
  public Boolean caching() {
    return caching;
  }
}
