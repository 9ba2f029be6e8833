package dev.sluice.runtime.state;

/** A piece of heap keyed state: where its values live. */
interface HeapState {
  HeapStateStore<?> store();
}
