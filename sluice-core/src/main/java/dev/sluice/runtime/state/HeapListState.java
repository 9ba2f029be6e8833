package dev.sluice.runtime.state;

import dev.sluice.api.common.state.ListState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A {@link ListState} on the heap: an {@code ArrayList} per key and namespace. */
public final class HeapListState<T> implements HeapState, ListState<T>, InternalKeyedState<Object> {
  private final HeapStateStore<ArrayList<T>> store;

  HeapListState(HeapStateStore<ArrayList<T>> store) {
    this.store = store;
  }

  @Override
  public Iterable<T> get() {
    ArrayList<T> list = store.get();
    return list == null ? List.of() : list;
  }

  @Override
  public void add(T value) {
    if (value == null) {
      throw new NullPointerException("A list state does not accept null elements");
    }
    ArrayList<T> list = store.get();
    if (list == null) {
      list = new ArrayList<>();
      store.put(list);
    }
    list.add(value);
  }

  @Override
  public void update(List<T> values) {
    if (values == null || values.isEmpty()) {
      store.remove();
    } else {
      store.put(checked(values));
    }
  }

  @Override
  public void addAll(List<T> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    ArrayList<T> list = store.get();
    if (list == null) {
      store.put(checked(values));
    } else {
      list.addAll(checked(values));
    }
  }

  private static <T> ArrayList<T> checked(List<T> values) {
    for (T v : values) {
      if (v == null) {
        throw new NullPointerException("A list state does not accept null elements");
      }
    }
    return new ArrayList<>(values);
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
  public void mergeNamespaces(Object target, Collection<Object> sources) {
    ArrayList<T> merged = store.getIn(target);
    for (Object source : sources) {
      if (source.equals(target)) {
        continue;
      }
      ArrayList<T> part = store.getIn(source);
      if (part != null) {
        if (merged == null) {
          merged = new ArrayList<>(part);
        } else {
          merged.addAll(part);
        }
        store.removeIn(source);
      }
    }
    if (merged != null) {
      store.putIn(target, merged);
    }
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
