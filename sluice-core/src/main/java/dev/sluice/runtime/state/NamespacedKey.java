package dev.sluice.runtime.state;

/** A key scoped to a namespace (a window): how namespaced state is stored in a key's table. */
record NamespacedKey(Object key, Object namespace) {}
