package dev.sluice.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The slices of one key behave as a map from slice end to accumulator sorted by end, whatever the
 * order of inserts (mostly at the end, some before), lookups and removals at the front.
 */
class SlicesProperties {

  @Property(tries = 500)
  void slicesBehaveAsASortedMap(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 99) Integer> ops,
      @ForAll @IntRange(min = 0, max = 3) int spread) {
    SlicingWindowOperator.Slices slices = new SlicingWindowOperator.Slices();
    TreeMap<Long, Object> model = new TreeMap<>();
    long clock = 0;
    int n = 0;
    for (int op : ops) {
      n++;
      if (op < 60) { // an element: its slice, mostly the newest, sometimes an older or newer one
        long end = op < 40 ? clock : clock - (op % (spread * 3 + 1)) + (op % 3 == 0 ? 5 : 0);
        int i = slices.indexOf(end);
        assertThat(i >= 0).as("slice %d present", end).isEqualTo(model.containsKey(end));
        if (i < 0) {
          i = slices.insert(end);
          model.put(end, null);
        }
        assertThat(slices.end(i)).isEqualTo(end);
        Object acc = "a" + n;
        slices.setAcc(i, acc);
        model.put(end, acc);
      } else if (op < 85) {
        clock++;
      } else if (slices.size > 0) {
        Map.Entry<Long, Object> first = model.pollFirstEntry();
        assertThat(slices.end(0)).isEqualTo(first.getKey());
        assertThat(slices.acc(0)).isEqualTo(first.getValue());
        slices.removeFirst();
      }
      List<Long> ends = new ArrayList<>();
      List<Object> accs = new ArrayList<>();
      for (int k = 0; k < slices.size; k++) {
        ends.add(slices.end(k));
        accs.add(slices.acc(k));
      }
      assertThat(ends).isEqualTo(new ArrayList<>(model.keySet()));
      assertThat(accs).isEqualTo(new ArrayList<>(model.values()));
      if (!model.isEmpty()) {
        long probe = model.firstKey() + (op % 7) - 3;
        Long expected = model.higherKey(probe);
        int at = slices.firstEndAfter(probe);
        assertThat(at == slices.size ? null : slices.end(at)).isEqualTo(expected);
      }
    }
  }
}
