package dev.sluice.streams.internals;

import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.GlobalKTable;

/** A global table: the records of its topic, broadcast to the joins that use it. */
public final class GlobalKTableImpl<K, V> implements GlobalKTable<K, V> {
  final String name;
  final Node<KeyValue<K, V>> node;

  public GlobalKTableImpl(String name, Node<KeyValue<K, V>> node) {
    this.name = name;
    this.node = node;
  }
}
