package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A keyed running sum at any parallelism equals a sequential computation: per key, the engine
 * emits exactly the prefix sums of that key's values, in input order.
 */
class KeyedCorrectnessProperties {

  @Property(tries = 100)
  void keyedRunningSumMatchesSequentialModel(
      @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 30) Integer> keys,
      @ForAll @IntRange(min = 1, max = 4) int parallelism,
      @ForAll @IntRange(min = 1, max = 64) int batchSize) throws Exception {
    List<Tuple2<String, Integer>> input = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      input.add(Tuple2.of("k" + keys.get(i), i % 13 - 6));
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfig().setChannelBatchSize(batchSize).setChannelCapacity(2);
    List<Tuple2<String, Integer>> out = env.fromData(input)
        .returns(Types.TUPLE(Types.STRING, Types.INT))
        .keyBy(0)
        .sum(1)
        .executeAndCollect(Integer.MAX_VALUE);

    assertThat(perKey(out)).isEqualTo(sequentialRunningSums(input));
  }

  private static Map<String, List<Integer>> sequentialRunningSums(List<Tuple2<String, Integer>> input) {
    Map<String, Integer> sums = new HashMap<>();
    Map<String, List<Integer>> expected = new HashMap<>();
    for (Tuple2<String, Integer> t : input) {
      int s = sums.merge(t.f0, t.f1, Integer::sum);
      expected.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(s);
    }
    return expected;
  }

  private static Map<String, List<Integer>> perKey(List<Tuple2<String, Integer>> out) {
    Map<String, List<Integer>> actual = new HashMap<>();
    for (Tuple2<String, Integer> t : out) {
      actual.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.f1);
    }
    return actual;
  }
}
