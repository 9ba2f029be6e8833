package dev.sluice.streams.internals;

import dev.sluice.streams.KeyValue;

/** Builders shared by the table-producing DSL steps. */
final class Tables {
  private Tables() {}

  /** A table of the latest value per key of a stream of upserts (null value: delete). */
  static <K, V> Node<Change<K, V>> fromUpserts(Node<KeyValue<K, V>> upserts, String name, Boolean caching) {
    return c -> {
      TableSettings settings = c.tableSettings(caching);
      return c.get(upserts)
          .transform(name + "-drop-null-keys", Compilation.<KeyValue<K, V>>anyType(),
              () -> new DroppingFilter<KeyValue<K, V>>(kv -> kv.key != null, "a null key"))
          .keyBy(new KeySelectors.OfKeyValue<K, V>())
          .transformKeyed(name, Compilation.<Change<K, V>>anyType(), () -> new TableSourceOperator<K, V>(settings))
          .uid(name);
    };
  }
}
