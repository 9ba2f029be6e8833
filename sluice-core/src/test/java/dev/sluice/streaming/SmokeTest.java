package dev.sluice.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.util.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void wordCount() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Tuple2<String, Integer>> out = env.fromData("a b", "b c", "a a")
        .flatMap((String line, Collector<Tuple2<String, Integer>> o) -> {
          for (String w : line.split(" ")) {
            o.collect(new Tuple2<>(w, 1));
          }
        })
        .returns(Types.TUPLE(Types.STRING, Types.INT))
        .keyBy(0)
        .sum(1)
        .executeAndCollect(100);
    System.out.println(out);
    assertThat(out).hasSize(6);
    long n = env.fromSequence(1, 1_000_000).map(x -> x * 2).filter(x -> x % 3 == 0).executeAndCollect(1_000_000).size();
    assertThat(n).isEqualTo(333_333);
  }
}
