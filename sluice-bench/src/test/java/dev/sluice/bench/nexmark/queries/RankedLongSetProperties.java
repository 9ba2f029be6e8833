package dev.sluice.bench.nexmark.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RankedLongSet} against a plain model (a map from value to the set of its ranks): distinct
 * counts in total and per rank, after adds and after merging two sets.
 */
class RankedLongSetProperties {
  record Add(long value, int rank) {}

  @Provide
  Arbitrary<List<Add>> adds() {
    // few distinct values (repeats matter), 0 and negative values included, enough to grow the table
    Arbitrary<Long> values = Arbitraries.oneOf(Arbitraries.longs().between(-50, 300),
        Arbitraries.of(0L, Long.MIN_VALUE, Long.MAX_VALUE), Arbitraries.longs());
    return Combinators.combine(values, Arbitraries.integers().between(1, 3)).as(Add::new).list().ofMaxSize(600);
  }

  private static Map<Long, Set<Integer>> model(List<Add> adds) {
    Map<Long, Set<Integer>> m = new HashMap<>();
    for (Add a : adds) {
      m.computeIfAbsent(a.value, v -> new HashSet<>()).add(a.rank);
    }
    return m;
  }

  private static RankedLongSet set(List<Add> adds) {
    RankedLongSet s = new RankedLongSet();
    for (Add a : adds) {
      s.add(a.value, a.rank);
    }
    return s;
  }

  private static void assertSameCounts(RankedLongSet s, Map<Long, Set<Integer>> m) {
    assertThat(s.size()).as("distinct in total").isEqualTo(m.size());
    for (int r = 1; r <= 3; r++) {
      int rank = r;
      assertThat(s.size(r)).as("distinct with rank %d", r)
          .isEqualTo(m.values().stream().filter(ranks -> ranks.contains(rank)).count());
    }
  }

  @Property
  void countsDistinctValuesInTotalAndPerRank(@ForAll("adds") List<Add> adds) {
    assertSameCounts(set(adds), model(adds));
  }

  @Property
  void mergingIsAddingTheOthersValues(@ForAll("adds") List<Add> first, @ForAll("adds") List<Add> second) {
    RankedLongSet merged = set(first);
    merged.addAll(set(second));
    List<Add> all = new ArrayList<>(first);
    all.addAll(second);
    assertSameCounts(merged, model(all));
  }
}
