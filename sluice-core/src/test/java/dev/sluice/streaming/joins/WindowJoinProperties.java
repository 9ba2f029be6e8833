package dev.sluice.streaming.joins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.CoGroupFunction;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Window join and co-group against nested loops over the same windows, on shuffled input. */
class WindowJoinProperties {
  record Ev(int key, long ts, String tag) {}

  static List<Ev> events(Random random, int n, String side) {
    List<Ev> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Ev(random.nextInt(5), random.nextInt(1_000), side + i));
    }
    Collections.shuffle(out, random);
    return out;
  }

  DataStream<Ev> timed(StreamExecutionEnvironment env, List<Ev> events) {
    return env.fromData(events).assignTimestampsAndWatermarks(
        WatermarkStrategy.<Ev>forBoundedOutOfOrderness(Duration.ofSeconds(5))
            .withTimestampAssigner((e, ts) -> e.ts()));
  }

  @Property(tries = 25)
  void joinEmitsEveryPairWithEqualKeysInTheSameWindow(@ForAll @LongRange(min = 1, max = 300) long size,
      @ForAll @IntRange(min = 1, max = 3) int parallelism, @ForAll long seed) throws Exception {
    Random random = new Random(seed);
    List<Ev> left = events(random, random.nextInt(40), "L");
    List<Ev> right = events(random, random.nextInt(40), "R");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfig().setChannelBatchSize(3).setChannelCapacity(2);
    List<String> actual = timed(env, left.isEmpty() ? List.of(new Ev(99, 0, "x")) : left)
        .join(timed(env, right.isEmpty() ? List.of(new Ev(98, 0, "y")) : right))
        .where(Ev::key).equalTo(Ev::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(size)))
        .apply((a, b) -> a.tag() + "+" + b.tag(), Types.STRING)
        .executeAndCollect(100_000);
    List<String> expected = new ArrayList<>();
    for (Ev a : left) {
      for (Ev b : right) {
        if (a.key() == b.key() && a.ts() / size == b.ts() / size) {
          expected.add(a.tag() + "+" + b.tag());
        }
      }
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Property(tries = 25)
  void coGroupSeesBothSidesOfEveryKeyAndWindow(@ForAll @LongRange(min = 1, max = 300) long size,
      @ForAll @IntRange(min = 1, max = 3) int parallelism, @ForAll long seed) throws Exception {
    Random random = new Random(seed);
    List<Ev> left = events(random, 1 + random.nextInt(40), "L");
    List<Ev> right = events(random, 1 + random.nextInt(40), "R");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    List<String> actual = timed(env, left).coGroup(timed(env, right))
        .where(Ev::key).equalTo(Ev::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(size)))
        .apply(new CoGroupFunction<Ev, Ev, String>() {
          @Override
          public void coGroup(Iterable<Ev> first, Iterable<Ev> second, Collector<String> out) {
            int n1 = 0;
            int n2 = 0;
            Ev any = null;
            for (Ev e : first) {
              n1++;
              any = e;
            }
            for (Ev e : second) {
              n2++;
              any = e;
            }
            out.collect(any.key() + "@" + (any.ts() / size) + ":" + n1 + "/" + n2);
          }
        })
        .executeAndCollect(100_000);
    Map<String, int[]> groups = new TreeMap<>();
    for (Ev e : left) {
      groups.computeIfAbsent(e.key() + "@" + e.ts() / size, k -> new int[2])[0]++;
    }
    for (Ev e : right) {
      groups.computeIfAbsent(e.key() + "@" + e.ts() / size, k -> new int[2])[1]++;
    }
    List<String> expected = new ArrayList<>();
    groups.forEach((k, n) -> expected.add(k + ":" + n[0] + "/" + n[1]));
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }
}
