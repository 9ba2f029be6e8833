package dev.sluice.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The timer bucket against a LinkedHashSet of (key, namespace): same content, same order, with
 * de-duplicating adds, adds known to be new (which skip the index until a lookup builds it),
 * removals and firing from the front mixed.
 */
class TimerBucketTest {

  private record Pair(Object key, Object namespace) {}

  private static List<Pair> contents(InternalTimerService.Bucket bucket) {
    List<Pair> out = new ArrayList<>();
    bucket.forEach((k, n) -> out.add(new Pair(k, n)));
    return out;
  }

  @Test
  void behavesLikeAnInsertionOrderedSet() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      InternalTimerService.Bucket bucket = new InternalTimerService.Bucket();
      LinkedHashSet<Pair> model = new LinkedHashSet<>();
      int keys = 1 + random.nextInt(round < 100 ? 4 : 300);
      for (int op = 0; op < 2000; op++) {
        Object key = (long) random.nextInt(keys); // boxed anew: equal, not identical
        Object namespace = random.nextInt(4) == 0 ? "w" + random.nextInt(3) : null;
        Pair pair = new Pair(key, namespace);
        int what = random.nextInt(10);
        if (what < 3 && !model.contains(pair)) {
          bucket.addUnique(key, namespace); // the caller knows it is new: no lookup, no index
          model.add(pair);
        } else if (what < 6) {
          assertThat(bucket.add(key, namespace)).isEqualTo(model.add(pair));
        } else if (what < 8) {
          assertThat(bucket.remove(key, namespace)).isEqualTo(model.remove(pair));
        } else if (!model.isEmpty()) {
          Pair first = model.iterator().next();
          assertThat(new Pair(bucket.firstKey(), bucket.firstNamespace())).isEqualTo(first);
          bucket.removeFirst();
          model.remove(first);
        }
        assertThat(bucket.isEmpty()).isEqualTo(model.isEmpty());
        if (op % 97 == 0) {
          assertThat(contents(bucket)).containsExactlyElementsOf(model);
        }
      }
      assertThat(contents(bucket)).containsExactlyElementsOf(model);
    }
  }
}
