package dev.sluice.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.runtime.checkpoint.KeyedStateSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * A heap snapshot written while processing changes, replaces, removes and adds entries — some of
 * them in key groups the writer has done, some in groups it has not reached — is byte for byte the
 * snapshot written with nothing changing, and the live state ends as a plain map model says.
 */
class SnapshotPreImagesProperties {

  /** One step of processing, or (WRITE) the writer taking the next key group. */
  record Step(Kind kind, int key, int arg) {}

  enum Kind { WRITE, CHANGE_IN_PLACE, REPLACE, REMOVE, APPEND }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.frequency(
                Tuple.of(4, Kind.WRITE), Tuple.of(6, Kind.CHANGE_IN_PLACE),
                Tuple.of(2, Kind.REPLACE), Tuple.of(2, Kind.REMOVE),
                Tuple.of(3, Kind.APPEND)),
            Arbitraries.integers().between(0, 299), Arbitraries.integers().between(0, 255))
        .as(Step::new);
    return step.list().ofMaxSize(600);
  }

  @Property(tries = 200)
  void theSnapshotShowsTheStateAsOfItsBarrier(@ForAll("steps") List<Step> steps,
      @ForAll @IntRange(min = 0, max = 299) int initialKeys) throws Exception {
    HeapKeyedStateBackend backend = new HeapKeyedStateBackend(128, 0, 1);
    backend.enableSnapshots(new ExecutionConfig());
    ValueState<byte[]> bytes = backend.getOrCreate(new ValueStateDescriptor<>("bytes", byte[].class));
    ListState<Integer> lists = backend.getOrCreate(new ListStateDescriptor<>("lists", Integer.class));
    Map<Integer, byte[]> bytesModel = new HashMap<>();
    Map<Integer, List<Integer>> listModel = new HashMap<>();
    for (int k = 0; k < initialKeys; k++) {
      backend.setCurrentKey(k);
      byte[] v = {(byte) k, 0, 0};
      bytes.update(v);
      bytesModel.put(k, v.clone());
      lists.add(k);
      listModel.computeIfAbsent(k, x -> new ArrayList<>()).add(k);
    }

    byte[] expected = CopyOnWriteSnapshotTest.undisturbed(backend);

    KeyedStateSnapshot snapshot = backend.snapshot();
    DataOutputSerializer out = new DataOutputSerializer();
    snapshot.writeMeta(out);
    int next = snapshot.firstKeyGroup();
    for (Step step : steps) {
      int k = step.key();
      backend.setCurrentKey(k);
      switch (step.kind()) {
        case WRITE -> {
          if (next < snapshot.endKeyGroup()) {
            out.writeInt(next);
            snapshot.writeKeyGroup(next++, out);
          }
        }
        case CHANGE_IN_PLACE -> {
          byte[] v = bytes.value();
          if (v != null) {
            v[1] = (byte) step.arg();
            v[2]++;
            bytes.update(v);
            bytesModel.put(k, v.clone());
          }
        }
        case REPLACE -> {
          byte[] v = {(byte) k, (byte) step.arg(), 7, 7};
          bytes.update(v);
          bytesModel.put(k, v.clone());
        }
        case REMOVE -> {
          bytes.clear();
          lists.clear();
          bytesModel.remove(k);
          listModel.remove(k);
        }
        case APPEND -> {
          lists.add(step.arg());
          listModel.computeIfAbsent(k, x -> new ArrayList<>()).add(step.arg());
        }
      }
    }
    while (next < snapshot.endKeyGroup()) {
      out.writeInt(next);
      snapshot.writeKeyGroup(next++, out);
    }
    snapshot.release();
    assertThat(out.getCopyOfBuffer()).as("the snapshot as of its barrier").isEqualTo(expected);

    for (int k = 0; k < 300; k++) {
      backend.setCurrentKey(k);
      byte[] live = bytes.value();
      assertThat(live == null ? null : Arrays.toString(live)).as("bytes of key %d", k)
          .isEqualTo(bytesModel.containsKey(k) ? Arrays.toString(bytesModel.get(k)) : null);
      List<Integer> liveList = new ArrayList<>();
      Iterable<Integer> it = lists.get();
      if (it != null) {
        it.forEach(liveList::add);
      }
      assertThat(liveList).as("list of key %d", k).isEqualTo(listModel.getOrDefault(k, List.of()));
    }
  }
}
