package dev.sluice.runtime.state;

import dev.sluice.api.common.state.BroadcastState;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.OperatorStateStore;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.runtime.checkpoint.OperatorRestore;
import dev.sluice.runtime.checkpoint.OperatorStateMode;
import dev.sluice.runtime.checkpoint.SnapshotContext;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operator state of one operator instance: list states (split or union on restore) and
 * broadcast states, kept on the heap and written element by element at checkpoints.
 */
public final class DefaultOperatorStateStore implements OperatorStateStore {
  private final OperatorRestore restore;
  private final Map<String, OperatorListState<?>> lists = new LinkedHashMap<>();
  private final Map<String, HeapBroadcastState<?, ?>> broadcasts = new LinkedHashMap<>();

  public DefaultOperatorStateStore(OperatorRestore restore) {
    this.restore = restore == null ? OperatorRestore.EMPTY : restore;
  }

  @Override
  public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) throws IOException {
    return list(descriptor, OperatorStateMode.SPLIT_DISTRIBUTE);
  }

  @Override
  public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) throws IOException {
    return list(descriptor, OperatorStateMode.UNION);
  }

  @SuppressWarnings("unchecked")
  private <S> ListState<S> list(ListStateDescriptor<S> descriptor, OperatorStateMode mode) throws IOException {
    String name = descriptor.getName();
    OperatorListState<?> existing = lists.get(name);
    if (existing != null) {
      if (existing.mode != mode) {
        throw new IllegalStateException("The operator state '" + name + "' was registered as "
            + describe(existing.mode) + " and is now asked for as " + describe(mode));
      }
      return (ListState<S>) existing;
    }
    checkUnique(name, broadcasts.containsKey(name));
    OperatorListState<S> state = new OperatorListState<>(mode);
    for (byte[] bytes : restore.operatorState(name)) {
      state.elements.add((S) DynamicSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes)));
    }
    lists.put(name, state);
    return state;
  }

  private static String describe(OperatorStateMode mode) {
    return mode == OperatorStateMode.UNION ? "a union list state" : "a list state";
  }

  private static void checkUnique(String name, boolean taken) {
    if (taken) {
      throw new IllegalStateException("The operator state name '" + name + "' is used twice");
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) throws IOException {
    String name = descriptor.getName();
    HeapBroadcastState<?, ?> existing = broadcasts.get(name);
    if (existing != null) {
      return (BroadcastState<K, V>) existing;
    }
    checkUnique(name, lists.containsKey(name));
    HeapBroadcastState<K, V> state = new HeapBroadcastState<>(name);
    restoreBroadcast(state, restore.operatorState(name));
    broadcasts.put(name, state);
    return state;
  }

  /** Fills a broadcast state with entries written by {@link #snapshotBroadcast}. */
  @SuppressWarnings("unchecked")
  public static <K, V> void restoreBroadcast(HeapBroadcastState<K, V> state, List<byte[]> elements)
      throws IOException {
    for (byte[] bytes : elements) {
      DataInputDeserializer in = new DataInputDeserializer(bytes);
      K key = (K) DynamicSerializer.INSTANCE.deserialize(in);
      state.put(key, (V) DynamicSerializer.INSTANCE.deserialize(in));
    }
  }

  /** The entries of a broadcast state, one element each. */
  public static List<byte[]> snapshotBroadcast(HeapBroadcastState<?, ?> state) throws IOException {
    List<byte[]> out = new ArrayList<>();
    DataOutputSerializer buffer = new DataOutputSerializer(128);
    for (Map.Entry<?, ?> e : state.immutableEntries()) {
      buffer.clear();
      DynamicSerializer.INSTANCE.serialize(e.getKey(), buffer);
      DynamicSerializer.INSTANCE.serialize(e.getValue(), buffer);
      out.add(buffer.getCopyOfBuffer());
    }
    return out;
  }

  /** Hands every registered state to a checkpoint, serialized element by element. */
  public void snapshot(SnapshotContext context) throws IOException {
    DataOutputSerializer buffer = new DataOutputSerializer(128);
    for (Map.Entry<String, OperatorListState<?>> e : lists.entrySet()) {
      List<byte[]> elements = new ArrayList<>(e.getValue().elements.size());
      for (Object o : e.getValue().elements) {
        buffer.clear();
        DynamicSerializer.INSTANCE.serialize(o, buffer);
        elements.add(buffer.getCopyOfBuffer());
      }
      context.addOperatorState(e.getKey(), e.getValue().mode, elements);
    }
    for (Map.Entry<String, HeapBroadcastState<?, ?>> e : broadcasts.entrySet()) {
      context.addOperatorState(e.getKey(), OperatorStateMode.BROADCAST, snapshotBroadcast(e.getValue()));
    }
  }

  public boolean isEmpty() {
    return lists.isEmpty() && broadcasts.isEmpty();
  }

  @Override
  public Set<String> getRegisteredStateNames() {
    return Collections.unmodifiableSet(lists.keySet());
  }

  @Override
  public Set<String> getRegisteredBroadcastStateNames() {
    return Collections.unmodifiableSet(broadcasts.keySet());
  }

  /** A list of elements not scoped to a key. */
  private static final class OperatorListState<S> implements ListState<S> {
    final OperatorStateMode mode;
    final List<S> elements = new ArrayList<>();

    OperatorListState(OperatorStateMode mode) {
      this.mode = mode;
    }

    @Override
    public Iterable<S> get() {
      return elements;
    }

    @Override
    public void add(S value) {
      if (value == null) {
        throw new NullPointerException("Operator list state does not take null elements");
      }
      elements.add(value);
    }

    @Override
    public void update(List<S> values) {
      elements.clear();
      if (values != null) {
        for (S v : values) {
          add(v);
        }
      }
    }

    @Override
    public void addAll(List<S> values) {
      if (values != null) {
        for (S v : values) {
          add(v);
        }
      }
    }

    @Override
    public void clear() {
      elements.clear();
    }
  }
}
