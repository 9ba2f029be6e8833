package dev.sluice.runtime.state.ttl;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.state.AggregatingState;
import dev.sluice.api.common.state.AggregatingStateDescriptor;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReducingState;
import dev.sluice.api.common.state.ReducingStateDescriptor;
import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.api.common.state.StateTtlConfig;
import dev.sluice.api.common.state.StateTtlConfig.StateVisibility;
import dev.sluice.api.common.state.StateTtlConfig.UpdateType;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.common.typeinfo.ListTypeInfo;
import dev.sluice.api.common.typeinfo.MapTypeInfo;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.runtime.state.KeyedStateBackend;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keyed state with a time to live, for any state backend: the backend stores each value with its
 * last-access time ({@link TtlValue}), and the states here hide expired values, drop them when
 * they are accessed, clean a few entries up in the background on every access, and let the
 * backend leave them out of checkpoints.
 */
public final class TtlStates {
  private TtlStates() {}

  /** The state {@code descriptor} names, with its time to live, stored in {@code backend}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <S extends State> S create(StateDescriptor<S, ?> descriptor, KeyedStateBackend backend,
      LongSupplier clock) {
    StateTtlConfig config = descriptor.getTtlConfig();
    Ttl ttl = new Ttl(config, clock);
    String name = descriptor.getName();
    Object state;
    if (descriptor instanceof ValueStateDescriptor<?> d) {
      ValueState inner = (ValueState) backend.getOrCreate(new ValueStateDescriptor<>(name,
          new TtlValueSerializer<>(valueSerializer(d.getTypeInformation(), d))));
      state = new TtlValueState<>(inner, ttl);
    } else if (descriptor instanceof ReducingStateDescriptor<?> d) {
      ValueState inner = (ValueState) backend.getOrCreate(new ValueStateDescriptor<>(name,
          new TtlValueSerializer<>(valueSerializer(d.getTypeInformation(), d))));
      state = new TtlReducingState<>(inner, ttl, (ReduceFunction) d.getReduceFunction());
    } else if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> d) {
      ValueState inner = (ValueState) backend.getOrCreate(new ValueStateDescriptor<>(name,
          new TtlValueSerializer<>(valueSerializer(d.getTypeInformation(), d))));
      state = new TtlAggregatingState<>(inner, ttl, (AggregateFunction) d.getAggregateFunction());
    } else if (descriptor instanceof ListStateDescriptor<?> d) {
      TypeInformation<?> list = d.getTypeInformation();
      TypeSerializer element = d.isSerializerInitialized() ? d.getElementSerializer()
          : serializerOf(list instanceof ListTypeInfo<?> l ? l.getElementType() : null);
      ListState inner = (ListState) backend.getOrCreate(new ListStateDescriptor<>(name, new TtlValueSerializer<>(element)));
      state = new TtlListState<>(inner, ttl);
    } else if (descriptor instanceof MapStateDescriptor<?, ?> d) {
      TypeInformation<?> map = d.getTypeInformation();
      TypeSerializer key = d.isSerializerInitialized() ? d.getKeySerializer()
          : serializerOf(map instanceof MapTypeInfo<?, ?> m ? m.getKeyType() : null);
      TypeSerializer value = d.isSerializerInitialized() ? d.getValueSerializer()
          : serializerOf(map instanceof MapTypeInfo<?, ?> m ? m.getValueType() : null);
      MapState inner = (MapState) backend.getOrCreate(new MapStateDescriptor<>(name, key, new TtlValueSerializer<>(value)));
      state = new TtlMapState<>(inner, ttl);
    } else {
      throw new IllegalArgumentException("Unknown kind of state descriptor: " + descriptor.getClass().getName());
    }
    ttl.background = backend.setExpiry(name, ttl::clean, config.getCleanupSize(),
        config.isCleanupInFullSnapshot());
    return (S) state;
  }

  private static TypeSerializer<?> valueSerializer(TypeInformation<?> type, StateDescriptor<?, ?> d) {
    return d.isSerializerInitialized() ? d.getSerializer() : serializerOf(type);
  }

  /**
   * The serializer of a declared type; by runtime class when undeclared, or when the type cannot
   * be encoded (then checkpoints fail with the codec's message, jobs without checkpoints run).
   */
  private static TypeSerializer<?> serializerOf(TypeInformation<?> type) {
    if (dev.sluice.runtime.state.StateSerializers.isUndeclared(type)) {
      return DynamicSerializer.INSTANCE;
    }
    try {
      return type.createSerializer(new ExecutionConfig());
    } catch (IllegalArgumentException e) {
      return DynamicSerializer.INSTANCE;
    }
  }

  /** Expiry arithmetic shared by the states of one descriptor. */
  static final class Ttl {
    final long ttlMillis;
    final boolean refreshOnRead;
    final boolean returnExpired;
    final LongSupplier clock;
    /** Runs a step of background cleanup; set once the backend knows the state. */
    Runnable background = () -> {};

    Ttl(StateTtlConfig config, LongSupplier clock) {
      this.ttlMillis = config.getTtl().toMillis();
      this.refreshOnRead = config.getUpdateType() == UpdateType.OnReadAndWrite;
      this.returnExpired = config.getStateVisibility() == StateVisibility.ReturnExpiredIfNotCleanedUp;
      this.clock = clock;
    }

    /** The current time; every state access calls it, and with it runs a cleanup step. */
    long now() {
      background.run();
      return clock.getAsLong();
    }

    boolean expired(TtlValue<?> v, long now) {
      return v.lastAccess() + ttlMillis <= now || v.lastAccess() + ttlMillis < v.lastAccess();
    }

    /**
     * What a stored value becomes when expired entries are removed: null when nothing is left;
     * lists and maps lose their expired elements (a new collection, the input is not changed).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object clean(Object stored) {
      long now = clock.getAsLong();
      if (stored instanceof TtlValue<?> v) {
        return expired(v, now) ? null : v;
      }
      if (stored instanceof List<?> list) {
        List<Object> kept = null;
        for (int i = 0; i < list.size(); i++) {
          TtlValue<?> v = (TtlValue<?>) list.get(i);
          if (expired(v, now)) {
            if (kept == null) {
              kept = new ArrayList<>(list.subList(0, i));
            }
          } else if (kept != null) {
            kept.add(v);
          }
        }
        List<?> result = kept == null ? list : kept;
        return result.isEmpty() ? null : result;
      }
      if (stored instanceof Map<?, ?> map) {
        Map<Object, Object> kept = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (expired((TtlValue<?>) e.getValue(), now)) {
            if (kept == null) {
              kept = new HashMap<>(map);
            }
            kept.remove(e.getKey());
          }
        }
        Map<?, ?> result = kept == null ? map : kept;
        return result.isEmpty() ? null : result;
      }
      return stored;
    }
  }

  /** Value state with a time to live. */
  static final class TtlValueState<T> implements ValueState<T> {
    private final ValueState<TtlValue<T>> inner;
    private final Ttl ttl;

    TtlValueState(ValueState<TtlValue<T>> inner, Ttl ttl) {
      this.inner = inner;
      this.ttl = ttl;
    }

    @Override
    public T value() throws java.io.IOException {
      TtlValue<T> v = inner.value();
      if (v == null) {
        return null;
      }
      long now = ttl.now();
      if (ttl.expired(v, now)) {
        inner.clear();
        return ttl.returnExpired ? v.value() : null;
      }
      if (ttl.refreshOnRead) {
        inner.update(new TtlValue<>(v.value(), now));
      }
      return v.value();
    }

    @Override
    public void update(T value) throws java.io.IOException {
      if (value == null) {
        inner.clear();
      } else {
        inner.update(new TtlValue<>(value, ttl.now()));
      }
    }

    @Override
    public void clear() {
      inner.clear();
    }
  }

  /** Reducing state with a time to live: an expired value is not reduced into. */
  static final class TtlReducingState<T> implements ReducingState<T> {
    private final TtlValueState<T> value;
    private final ReduceFunction<T> reducer;

    TtlReducingState(ValueState<TtlValue<T>> inner, Ttl ttl, ReduceFunction<T> reducer) {
      this.value = new TtlValueState<>(inner, ttl);
      this.reducer = reducer;
    }

    @Override
    public T get() throws Exception {
      return value.value();
    }

    @Override
    public void add(T v) throws Exception {
      T current = value.value();
      value.update(current == null ? v : reducer.reduce(current, v));
    }

    @Override
    public void clear() {
      value.clear();
    }
  }

  /** Aggregating state with a time to live: an expired accumulator starts over. */
  static final class TtlAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT> {
    private final TtlValueState<ACC> acc;
    private final AggregateFunction<IN, ACC, OUT> function;

    TtlAggregatingState(ValueState<TtlValue<ACC>> inner, Ttl ttl, AggregateFunction<IN, ACC, OUT> function) {
      this.acc = new TtlValueState<>(inner, ttl);
      this.function = function;
    }

    @Override
    public OUT get() throws Exception {
      ACC a = acc.value();
      return a == null ? null : function.getResult(a);
    }

    @Override
    public void add(IN value) throws Exception {
      ACC a = acc.value();
      acc.update(function.add(value, a == null ? function.createAccumulator() : a));
    }

    @Override
    public void clear() {
      acc.clear();
    }
  }

  /** List state whose elements each have a time to live. */
  static final class TtlListState<T> implements ListState<T> {
    private final ListState<TtlValue<T>> inner;
    private final Ttl ttl;

    TtlListState(ListState<TtlValue<T>> inner, Ttl ttl) {
      this.inner = inner;
      this.ttl = ttl;
    }

    @Override
    public Iterable<T> get() throws Exception {
      long now = ttl.now();
      List<T> values = new ArrayList<>();
      List<TtlValue<T>> kept = new ArrayList<>();
      boolean changed = false;
      for (TtlValue<T> v : inner.get()) {
        if (ttl.expired(v, now)) {
          changed = true;
          if (ttl.returnExpired) {
            values.add(v.value());
          }
        } else {
          values.add(v.value());
          kept.add(ttl.refreshOnRead ? new TtlValue<>(v.value(), now) : v);
          changed |= ttl.refreshOnRead;
        }
      }
      if (changed) {
        inner.update(kept);
      }
      return values;
    }

    @Override
    public void add(T value) throws Exception {
      inner.add(new TtlValue<>(value, ttl.now()));
    }

    @Override
    public void update(List<T> values) throws Exception {
      inner.update(wrap(values));
    }

    @Override
    public void addAll(List<T> values) throws Exception {
      inner.addAll(wrap(values));
    }

    private List<TtlValue<T>> wrap(List<T> values) {
      if (values == null) {
        return null;
      }
      long now = ttl.now();
      List<TtlValue<T>> wrapped = new ArrayList<>(values.size());
      for (T v : values) {
        wrapped.add(v == null ? null : new TtlValue<>(v, now));
      }
      return wrapped;
    }

    @Override
    public void clear() {
      inner.clear();
    }
  }

  /** Map state whose entries each have a time to live. */
  static final class TtlMapState<K, V> implements MapState<K, V> {
    private final MapState<K, TtlValue<V>> inner;
    private final Ttl ttl;

    TtlMapState(MapState<K, TtlValue<V>> inner, Ttl ttl) {
      this.inner = inner;
      this.ttl = ttl;
    }

    @Override
    public V get(K key) throws Exception {
      TtlValue<V> v = inner.get(key);
      if (v == null) {
        return null;
      }
      long now = ttl.now();
      if (ttl.expired(v, now)) {
        inner.remove(key);
        return ttl.returnExpired ? v.value() : null;
      }
      if (ttl.refreshOnRead) {
        inner.put(key, new TtlValue<>(v.value(), now));
      }
      return v.value();
    }

    @Override
    public void put(K key, V value) throws Exception {
      inner.put(key, new TtlValue<>(value, ttl.now()));
    }

    @Override
    public void putAll(Map<K, V> map) throws Exception {
      for (Map.Entry<K, V> e : map.entrySet()) {
        put(e.getKey(), e.getValue());
      }
    }

    @Override
    public void remove(K key) throws Exception {
      inner.remove(key);
    }

    @Override
    public boolean contains(K key) throws Exception {
      return get(key) != null;
    }

    /** The live entries (a copy); expired ones are removed on the way. */
    private List<Map.Entry<K, V>> live() throws Exception {
      long now = ttl.now();
      List<Map.Entry<K, V>> out = new ArrayList<>();
      List<K> expired = new ArrayList<>();
      for (Map.Entry<K, TtlValue<V>> e : inner.entries()) {
        if (ttl.expired(e.getValue(), now)) {
          expired.add(e.getKey());
        } else {
          out.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue().value()));
        }
      }
      for (K k : expired) {
        inner.remove(k);
      }
      return out;
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() throws Exception {
      return live();
    }

    @Override
    public Iterable<K> keys() throws Exception {
      List<K> keys = new ArrayList<>();
      for (Map.Entry<K, V> e : live()) {
        keys.add(e.getKey());
      }
      return keys;
    }

    @Override
    public Iterable<V> values() throws Exception {
      List<V> values = new ArrayList<>();
      for (Map.Entry<K, V> e : live()) {
        values.add(e.getValue());
      }
      return values;
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() throws Exception {
      return live().iterator();
    }

    @Override
    public boolean isEmpty() throws Exception {
      return live().isEmpty();
    }

    @Override
    public void clear() {
      inner.clear();
    }
  }

}
