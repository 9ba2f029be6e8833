package dev.sluice.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.runtime.checkpoint.KeyedStateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A heap snapshot shares value objects with the live state; values changed while it is being
 * written are copied first, so the snapshot shows the state as it was at the barrier.
 */
class CopyOnWriteSnapshotTest {
  /** Writes every part of {@code snapshot} in the order a checkpoint writer does. */
  static byte[] write(KeyedStateSnapshot snapshot) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer();
    snapshot.writeMeta(out);
    for (int kg = snapshot.firstKeyGroup(); kg < snapshot.endKeyGroup(); kg++) {
      out.writeInt(kg);
      snapshot.writeKeyGroup(kg, out);
    }
    return out.getCopyOfBuffer();
  }
  /** The backend's state now, as a snapshot written with nothing changing while it is written. */
  static byte[] undisturbed(HeapKeyedStateBackend backend) throws Exception {
    KeyedStateSnapshot reference = backend.snapshot();
    try {
      return write(reference);
    } finally {
      reference.release();
    }
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
    byte[] expected = undisturbed(backend);

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

  private static final int KEYS = 2_000;

  private static HeapKeyedStateBackend bytesBackend() {
    HeapKeyedStateBackend backend = new HeapKeyedStateBackend(128, 0, 1);
    backend.enableSnapshots(new ExecutionConfig());
    return backend;
  }

  private static ValueState<byte[]> bytesState(HeapKeyedStateBackend backend) throws Exception {
    ValueState<byte[]> state = backend.getOrCreate(new ValueStateDescriptor<>("bytes", byte[].class));
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(k);
      byte[] value = new byte[100];
      value[0] = (byte) k;
      state.update(value);
    }
    return state;
  }

  /** Changes every key's array in place, as a job updating a byte of its value does. */
  private static void changeInPlace(HeapKeyedStateBackend backend, ValueState<byte[]> state, List<byte[]> seen)
      throws Exception {
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(k);
      byte[] value = state.value();
      value[1]++;
      state.update(value);
      seen.add(value);
    }
  }

  @Test
  void valuesChangedInPlaceWhileTheSnapshotIsWrittenKeepTheirObjects() throws Exception {
    HeapKeyedStateBackend backend = bytesBackend();
    ValueState<byte[]> state = bytesState(backend);
    List<byte[]> before = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(k);
      before.add(state.value());
    }
    byte[] expected = undisturbed(backend);

    KeyedStateSnapshot snapshot = backend.snapshot();
    DataOutputSerializer out = new DataOutputSerializer();
    snapshot.writeMeta(out);
    int half = (snapshot.firstKeyGroup() + snapshot.endKeyGroup()) / 2;
    for (int kg = snapshot.firstKeyGroup(); kg < half; kg++) { // the writer is half way
      out.writeInt(kg);
      snapshot.writeKeyGroup(kg, out);
    }
    List<byte[]> during = new ArrayList<>();
    changeInPlace(backend, state, during);
    for (int kg = half; kg < snapshot.endKeyGroup(); kg++) {
      out.writeInt(kg);
      snapshot.writeKeyGroup(kg, out);
    }
    snapshot.release();

    assertThat(out.getCopyOfBuffer()).as("the snapshot as of its barrier").isEqualTo(expected);
    for (int k = 0; k < KEYS; k++) {
      // written groups need nothing; unwritten ones get a pre-image: no live copy either way
      assertThat(during.get(k)).as("key %d's live value", k).isSameAs(before.get(k));
      assertThat(during.get(k)[1]).isEqualTo((byte) 1);
    }
  }

  @Test
  void withTwoSnapshotsInFlightSharedValuesAreCopied() throws Exception {
    HeapKeyedStateBackend backend = bytesBackend();
    ValueState<byte[]> state = bytesState(backend);
    byte[] expected = undisturbed(backend);

    KeyedStateSnapshot first = backend.snapshot();
    KeyedStateSnapshot second = backend.snapshot();
    changeInPlace(backend, state, new ArrayList<>());
    assertThat(write(first)).isEqualTo(expected);
    assertThat(write(second)).isEqualTo(expected);
    first.release();
    second.release();
  }

  @Test
  void aWriterOnAnotherThreadSeesTheStateAsOfTheBarrier() throws Exception {
    HeapKeyedStateBackend backend = bytesBackend();
    ValueState<byte[]> state = bytesState(backend);
    for (int round = 0; round < 20; round++) {
      byte[] expected = undisturbed(backend);

      KeyedStateSnapshot snapshot = backend.snapshot();
      CompletableFuture<byte[]> written = CompletableFuture.supplyAsync(() -> {
        try {
          return write(snapshot);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      List<byte[]> seen = new ArrayList<>();
      do { // processing goes on, racing the writer key group by key group
        changeInPlace(backend, state, seen);
      } while (!written.isDone());
      assertThat(written.get()).as("round %d", round).isEqualTo(expected);
      snapshot.release();
    }
  }
}
