package dev.sluice.runtime.state;

import dev.sluice.api.common.state.MapState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** A {@link MapState} on the heap: a {@code HashMap} per key and namespace. */
public final class HeapMapState<UK, UV> implements HeapState, MapState<UK, UV>, InternalKeyedState<Object> {
  private final HeapStateStore<HashMap<UK, UV>> store;

  HeapMapState(HeapStateStore<HashMap<UK, UV>> store) {
    this.store = store;
  }

  private Map<UK, UV> read() {
    HashMap<UK, UV> map = store.get();
    return map == null ? Collections.emptyMap() : map;
  }

  private HashMap<UK, UV> write() {
    HashMap<UK, UV> map = store.get();
    if (map == null) {
      map = new HashMap<>();
      store.put(map);
    }
    return map;
  }

  @Override
  public UV get(UK key) {
    return read().get(key);
  }

  @Override
  public void put(UK key, UV value) {
    write().put(key, value);
  }

  @Override
  public void putAll(Map<UK, UV> map) {
    if (map != null && !map.isEmpty()) {
      write().putAll(map);
    }
  }

  @Override
  public void remove(UK key) {
    HashMap<UK, UV> map = store.get();
    if (map != null) {
      map.remove(key);
      if (map.isEmpty()) {
        store.remove();
      }
    }
  }

  @Override
  public boolean contains(UK key) {
    return read().containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return read().entrySet();
  }

  @Override
  public Iterable<UK> keys() {
    return read().keySet();
  }

  @Override
  public Iterable<UV> values() {
    return read().values();
  }

  @Override
  public Iterator<Map.Entry<UK, UV>> iterator() {
    return read().entrySet().iterator();
  }

  @Override
  public boolean isEmpty() {
    return read().isEmpty();
  }

  @Override
  public void clear() {
    store.remove();
  }

  @Override
  public void setCurrentNamespace(Object namespace) {
    store.setNamespace(namespace);
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public void forEachKey(java.util.function.Consumer<Object> action) {
    store.forEachKey(action);
  }

  @Override
  public HeapStateStore<?> store() {
    return store;
  }
}
