package dev.sluice.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.channel.KeyGroups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The open-addressing state table behaves like a HashMap under any sequence of operations. */
class StateTableProperties {

  @Property(tries = 200)
  void behavesLikeAHashMap(
      @ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 400) Integer> keys,
      @ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 2) Integer> ops) {
    StateTable<Integer> table = new StateTable<>();
    Map<Integer, Integer> model = new HashMap<>();
    int n = Math.min(keys.size(), ops.size());
    for (int i = 0; i < n; i++) {
      // collide on purpose: keys 0..400 mapped to few distinct hash codes via Collider
      Collider key = new Collider(keys.get(i));
      int hash = KeyGroups.spreadHash(key);
      int slot = table.find(key, hash);
      switch (ops.get(i)) {
        case 0 -> {
          if (slot >= 0) {
            table.setValueAt(slot, i);
          } else {
            table.insert(key, hash, i);
          }
          model.put(key.id, i);
        }
        case 1 -> {
          table.remove(key, hash);
          model.remove(key.id);
        }
        default -> assertThat(slot >= 0 ? table.valueAt(slot) : null).isEqualTo(model.get(key.id));
      }
      assertThat(table.size()).isEqualTo(model.size());
    }
    Map<Integer, Integer> contents = new HashMap<>();
    table.forEach((k, v) -> contents.put(((Collider) k).id, v));
    assertThat(contents).isEqualTo(model);
  }

  /** A key whose hash code collides with many others, to exercise long probe runs. */
  record Collider(int id) {
    @Override
    public int hashCode() {
      return id % 7;
    }
  }

  @Property(tries = 50)
  void valueStateKeepsOneValuePerKeyAcrossKeyGroups(
      @ForAll @Size(max = 2000) List<@IntRange(min = 0, max = 5000) Integer> keys) {
    HeapKeyedStateBackend backend = new HeapKeyedStateBackend(128, 0, 1);
    HeapValueState<Integer> counts = backend.valueState("counts");
    Map<Integer, Integer> model = new HashMap<>();
    for (Integer k : keys) {
      backend.setCurrentKey(k);
      Integer c = counts.value();
      counts.update(c == null ? 1 : c + 1);
      if (k % 11 == 0) {
        counts.clear();
        model.remove(k);
      } else {
        model.merge(k, 1, Integer::sum);
      }
    }
    for (Map.Entry<Integer, Integer> e : model.entrySet()) {
      backend.setCurrentKey(e.getKey());
      assertThat(counts.value()).isEqualTo(e.getValue());
    }
    assertThat(counts.size()).isEqualTo(model.size());
  }
}
