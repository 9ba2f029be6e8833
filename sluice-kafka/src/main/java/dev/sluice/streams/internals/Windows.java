package dev.sluice.streams.internals;

import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.runtime.state.KeyedStateBackend;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import dev.sluice.streams.kstream.Window;

/** The concrete windows of windowed results, and state helpers of the window operators. */
public final class Windows {
  private Windows() {}

  /** A time window {@code [start, end)}. */
  public static final class TimeWindow extends Window {
    public TimeWindow(long startMs, long endMs) {
      super(startMs, endMs);
    }

    @Override
    public boolean overlap(Window other) {
      return startMs < other.end() && other.start() < endMs;
    }
  }

  /** A session {@code [start, end]}: its first and last record. */
  public static final class SessionWindow extends Window {
    public SessionWindow(long startMs, long endMs) {
      super(startMs, endMs);
    }

    @Override
    public boolean overlap(Window other) {
      return startMs <= other.end() && other.start() <= endMs;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static <K, V> MapState<K, V> mapState(KeyedStateBackend backend, String name) {
    TypeSerializer s = DynamicSerializer.INSTANCE;
    return backend.getOrCreate(new MapStateDescriptor<K, V>(name, (TypeSerializer<K>) s, (TypeSerializer<V>) s));
  }
}
