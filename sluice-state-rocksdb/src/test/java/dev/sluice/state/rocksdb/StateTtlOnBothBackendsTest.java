package dev.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.StateTtlConfig;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.runtime.checkpoint.KeyedStateSnapshot;
import dev.sluice.runtime.state.HashMapStateBackend;
import dev.sluice.runtime.state.InternalKeyedState;
import dev.sluice.runtime.state.KeyedBackendParameters;
import dev.sluice.runtime.state.KeyedStateBackend;
import dev.sluice.runtime.state.StateBackend;
import dev.sluice.runtime.state.ttl.TtlStates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State with a time to live behaves the same on the heap and in RocksDB: expired values are never
 * returned, a step of background cleanup runs on each access, and full snapshots leave expired
 * values out.
 */
class StateTtlOnBothBackendsTest {
  @TempDir Path tmp;

  private final AtomicLong clock = new AtomicLong();

  private KeyedStateBackend backend(String name) {
    StateBackend backend = name.equals("rocksdb")
        ? new EmbeddedRocksDBStateBackend().setWorkingDirectory(tmp.toString()) : new HashMapStateBackend();
    KeyedStateBackend keyed = backend.createKeyedStateBackend(
        new KeyedBackendParameters("ttl", "op", 0, 1, 128, new ExecutionConfig(), tmp));
    keyed.enableSnapshots(new ExecutionConfig());
    return keyed;
  }

  private static StateTtlConfig ttl(int cleanupSize) {
    return StateTtlConfig.newBuilder(Duration.ofMillis(100)).cleanupIncrementally(cleanupSize, false).build();
  }

  /** Entries of the {@code index}-th registered state in a snapshot, counted over its key groups. */
  private static int entries(KeyedStateSnapshot snapshot, int index) throws Exception {
    int count = 0;
    for (int kg = snapshot.firstKeyGroup(); kg < snapshot.endKeyGroup(); kg++) {
      DataOutputSerializer out = new DataOutputSerializer();
      if (snapshot.writeKeyGroup(kg, out)) {
        // a block is, per state: a count, then that many entries; only the first state's count is
        // at a fixed place, so the snapshots here hold one state each
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        count += in.readInt();
      }
    }
    snapshot.release();
    return count;
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void valuesExpireAreCleanedInTheBackgroundAndLeftOutOfSnapshots(String name) throws Exception {
    try (KeyedStateBackend keyed = backend(name)) {
      ValueStateDescriptor<String> d = new ValueStateDescriptor<>("value", String.class);
      d.enableTimeToLive(ttl(1000));
      ValueState<String> value = TtlStates.create(d, keyed, clock::get);
      clock.set(1_000);
      for (int i = 0; i < 50; i++) {
        keyed.setCurrentKey("k" + i);
        value.update("v" + i);
      }
      clock.set(1_050);
      keyed.setCurrentKey("k7");
      value.update("fresh");
      assertThat(entries(keyed.snapshot(), 0)).isEqualTo(50);

      clock.set(1_120); // all but k7 expired
      assertThat(entries(keyed.snapshot(), 0)).as("expired values are left out of snapshots").isEqualTo(1);
      keyed.setCurrentKey("k3");
      assertThat(value.value()).as("an expired value is never returned").isNull();
      InternalKeyedState<?> stored = (InternalKeyedState<?>) keyed.getOrCreate(
          new ValueStateDescriptor<>("value", Object.class));
      assertThat(stored.size()).as("the access ran a cleanup step over all entries").isEqualTo(1);
      keyed.setCurrentKey("k7");
      assertThat(value.value()).isEqualTo("fresh");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void listElementsExpireOneByOne(String name) throws Exception {
    try (KeyedStateBackend keyed = backend(name)) {
      ListStateDescriptor<String> d = new ListStateDescriptor<>("list", String.class);
      d.enableTimeToLive(ttl(1000));
      ListState<String> list = TtlStates.create(d, keyed, clock::get);
      clock.set(0);
      keyed.setCurrentKey("a");
      list.add("old");
      keyed.setCurrentKey("b");
      list.add("old");
      clock.set(60);
      keyed.setCurrentKey("a");
      list.add("new");
      assertThat(entries(keyed.snapshot(), 0)).isEqualTo(2);
      clock.set(120); // "old" expired: b is empty, a keeps "new"
      assertThat(entries(keyed.snapshot(), 0)).isEqualTo(1);
      keyed.setCurrentKey("a");
      assertThat(list.get()).containsExactly("new");
      keyed.setCurrentKey("b");
      assertThat(list.get()).isEmpty();
      clock.set(200);
      assertThat(entries(keyed.snapshot(), 0)).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void mapEntriesExpireOneByOne(String name) throws Exception {
    try (KeyedStateBackend keyed = backend(name)) {
      MapStateDescriptor<String, Integer> d = new MapStateDescriptor<>("map", String.class, Integer.class);
      d.enableTimeToLive(ttl(1000));
      MapState<String, Integer> map = TtlStates.create(d, keyed, clock::get);
      clock.set(0);
      keyed.setCurrentKey("a");
      map.put("x", 1);
      clock.set(60);
      map.put("y", 2);
      clock.set(120);
      List<String> keys = new ArrayList<>();
      map.keys().forEach(keys::add);
      assertThat(keys).containsExactly("y");
      assertThat(map.get("x")).isNull();
      assertThat(entries(keyed.snapshot(), 0)).isEqualTo(1);
      clock.set(200);
      assertThat(entries(keyed.snapshot(), 0)).isZero();
      assertThat(map.isEmpty()).isTrue();
    }
  }
}
