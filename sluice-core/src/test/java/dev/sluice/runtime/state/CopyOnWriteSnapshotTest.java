package dev.sluice.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.runtime.checkpoint.KeyedStateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A heap snapshot shares value objects with the live state; values changed while it is being
 * written are copied first, so the snapshot shows the state as it was at the barrier.
 */
class CopyOnWriteSnapshotTest {
  private static byte[] write(KeyedStateSnapshot snapshot) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer();
    snapshot.writeMeta(out);
    for (int kg = snapshot.firstKeyGroup(); kg < snapshot.endKeyGroup(); kg++) {
      out.writeInt(kg);
      snapshot.writeKeyGroup(kg, out);
    }
    return out.getCopyOfBuffer();
  }

  @Test
  void changesAfterTheSnapshotDoNotReachIt() throws Exception {
    HeapKeyedStateBackend backend = new HeapKeyedStateBackend(128, 0, 1);
    backend.enableSnapshots(new ExecutionConfig());
    ListState<String> list = backend.getOrCreate(new ListStateDescriptor<>("list", String.class));
    MapState<String, Long> map = backend.getOrCreate(new MapStateDescriptor<>("map", String.class, Long.class));
    for (int k = 0; k < 100; k++) {
      backend.setCurrentKey("k" + k);
      list.add("a" + k);
      map.put("x", (long) k);
    }

    // what the state looked like at the barrier, written without anything changing after it
    KeyedStateSnapshot reference = backend.snapshot();
    byte[] expected = write(reference);
    reference.release();

    KeyedStateSnapshot snapshot = backend.snapshot();
    for (int k = 0; k < 100; k++) { // processing goes on while the snapshot is written
      backend.setCurrentKey("k" + k);
      list.add("b" + k);
      map.put("x", -1L);
      map.put("y", 1L);
    }
    assertThat(write(snapshot)).as("the snapshot as of its barrier").isEqualTo(expected);
    snapshot.release();

    backend.setCurrentKey("k7");
    List<String> now = new ArrayList<>();
    list.get().forEach(now::add);
    Map<String, Long> entries = new HashMap<>();
    map.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
    assertThat(now).containsExactly("a7", "b7");
    assertThat(entries).containsOnly(Map.entry("x", -1L), Map.entry("y", 1L));
  }
}
