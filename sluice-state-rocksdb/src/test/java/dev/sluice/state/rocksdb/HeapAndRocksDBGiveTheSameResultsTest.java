package dev.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.AggregatingState;
import dev.sluice.api.common.state.AggregatingStateDescriptor;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReducingState;
import dev.sluice.api.common.state.ReducingStateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.runtime.state.HashMapStateBackend;
import dev.sluice.runtime.state.StateBackend;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.sluice.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.util.Collector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of keyed state, through the public API in real jobs (a keyed process function,
 * tumbling, sliding and session windows), gives the same results on RocksDB as on the heap, for
 * random inputs.
 */
class HeapAndRocksDBGiveTheSameResultsTest {
  @TempDir Path tmp;

  /** (key, value) events with increasing-ish timestamps = value index * 10 + jitter. */
  static List<Tuple2<String, Long>> randomInput(long seed, int n) {
    Random r = new Random(seed);
    List<Tuple2<String, Long>> out = new ArrayList<>();
    long time = 0;
    for (int i = 0; i < n; i++) {
      time += r.nextInt(r.nextInt(10) == 0 ? 400 : 40); // gaps close sessions now and then
      out.add(Tuple2.of("k" + r.nextInt(7), time));
    }
    return out;
  }

  /** Uses all five kinds of state per element; emits a line that depends on all of them. */
  static final class AllStates extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
    private transient ValueState<Long> count;
    private transient ListState<Long> recent;
    private transient MapState<Long, Integer> buckets;
    private transient ReducingState<Long> max;
    private transient AggregatingState<Long, Double> mean;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
      recent = getRuntimeContext().getListState(new ListStateDescriptor<>("recent", Long.class));
      buckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("buckets", Long.class, Integer.class));
      max = getRuntimeContext().getReducingState(new ReducingStateDescriptor<>("max", Math::max, Long.class));
      mean = getRuntimeContext().getAggregatingState(new AggregatingStateDescriptor<>("mean", new Mean(),
          Types.TUPLE(Types.LONG, Types.LONG)));
    }

    @Override
    public void processElement(Tuple2<String, Long> e, Context ctx, Collector<String> out) throws Exception {
      long n = count.value() == null ? 1 : count.value() + 1;
      count.update(n);
      recent.add(e.f1);
      List<Long> kept = new ArrayList<>();
      recent.get().forEach(kept::add);
      if (kept.size() > 3) {
        recent.update(kept.subList(kept.size() - 3, kept.size()));
      }
      long bucket = e.f1 % 5;
      Integer b = buckets.get(bucket);
      buckets.put(bucket, b == null ? 1 : b + 1);
      if (n % 4 == 0) {
        buckets.remove(0L);
      }
      TreeMap<Long, Integer> sorted = new TreeMap<>();
      for (Map.Entry<Long, Integer> entry : buckets.entries()) {
        sorted.put(entry.getKey(), entry.getValue());
      }
      max.add(e.f1);
      mean.add(e.f1);
      if (n % 10 == 0) {
        max.clear();
      }
      List<Long> now = new ArrayList<>();
      recent.get().forEach(now::add);
      out.collect(ctx.getCurrentKey() + " n=" + n + " recent=" + now + " buckets=" + sorted
          + " contains1=" + buckets.contains(1L) + " max=" + max.get() + " mean=" + mean.get());
    }
  }

  static final class Mean implements AggregateFunction<Long, Tuple2<Long, Long>, Double> {
    @Override
    public Tuple2<Long, Long> createAccumulator() {
      return Tuple2.of(0L, 0L);
    }

    @Override
    public Tuple2<Long, Long> add(Long value, Tuple2<Long, Long> acc) {
      return Tuple2.of(acc.f0 + value, acc.f1 + 1);
    }

    @Override
    public Double getResult(Tuple2<Long, Long> acc) {
      return acc.f1 == 0 ? null : (double) acc.f0 / acc.f1;
    }

    @Override
    public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
      return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
    }
  }

  static final class Describe extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
      long sum = 0;
      int n = 0;
      for (Tuple2<String, Long> e : elements) {
        sum += e.f1;
        n++;
      }
      out.collect(key + " " + ctx.window() + " n=" + n + " sum=" + sum);
    }
  }

  private List<String> run(StateBackend backend, List<Tuple2<String, Long>> input,
      Function<DataStream<Tuple2<String, Long>>, DataStream<String>> job) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setStateBackend(backend);
    // one source subtask: each key sees its elements in input order on both backends
    DataStream<Tuple2<String, Long>> events = env.fromData(input).setParallelism(1)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(
            Duration.ofMillis(50)).withTimestampAssigner((e, ts) -> e.f1))
        .setParallelism(1); // chained to the source: no rebalance that could reorder a key's elements
    List<String> out = new ArrayList<>(job.apply(events).executeAndCollect(Integer.MAX_VALUE));
    out.sort(null);
    return out;
  }

  private void assertSame(long seed, Function<DataStream<Tuple2<String, Long>>, DataStream<String>> job)
      throws Exception {
    List<Tuple2<String, Long>> input = randomInput(seed, 600);
    Path work = tmp.resolve("rocks");
    List<String> heap = run(new HashMapStateBackend(), input, job);
    List<String> rocks = run(new EmbeddedRocksDBStateBackend().setWorkingDirectory(work.toString()), input, job);
    assertThat(heap).isNotEmpty();
    assertThat(rocks).containsExactlyElementsOf(heap);
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).as("RocksDB directories left behind").isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void keyedProcessFunctionWithEveryKindOfState(long seed) throws Exception {
    assertSame(seed, s -> s.keyBy(e -> e.f0).process(new AllStates()));
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 5})
  void tumblingWindows(long seed) throws Exception {
    assertSame(seed, s -> {
      DataStream<String> reduced = s.keyBy(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
          .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)).map(t -> "reduce " + t);
      DataStream<String> processed = s.keyBy(e -> e.f0)
          .window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).process(new Describe());
      return reduced.union(processed);
    });
  }

  @ParameterizedTest
  @ValueSource(longs = {6, 7})
  void slidingWindows(long seed) throws Exception {
    assertSame(seed, s -> {
      DataStream<String> aggregated = s.keyBy(e -> e.f0)
          .window(SlidingEventTimeWindows.of(Duration.ofMillis(200), Duration.ofMillis(50)))
          .aggregate(new AggregateFunction<Tuple2<String, Long>, Tuple2<Long, Long>, String>() {
            @Override
            public Tuple2<Long, Long> createAccumulator() {
              return Tuple2.of(0L, 0L);
            }

            @Override
            public Tuple2<Long, Long> add(Tuple2<String, Long> v, Tuple2<Long, Long> acc) {
              return Tuple2.of(acc.f0 + v.f1, acc.f1 + 1);
            }

            @Override
            public String getResult(Tuple2<Long, Long> acc) {
              return "aggregate sum=" + acc.f0 + " n=" + acc.f1;
            }

            @Override
            public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
              return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
            }
          });
      DataStream<String> processed = s.keyBy(e -> e.f0)
          .window(SlidingEventTimeWindows.of(Duration.ofMillis(200), Duration.ofMillis(50))).process(new Describe());
      return aggregated.union(processed);
    });
  }

  @ParameterizedTest
  @ValueSource(longs = {8, 9})
  void sessionWindows(long seed) throws Exception {
    assertSame(seed, s -> {
      DataStream<String> reduced = s.keyBy(e -> e.f0).window(EventTimeSessionWindows.withGap(Duration.ofMillis(120)))
          .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)).map(t -> "reduce " + t);
      DataStream<String> processed = s.keyBy(e -> e.f0)
          .window(EventTimeSessionWindows.withGap(Duration.ofMillis(120))).process(new Describe());
      return reduced.union(processed);
    });
  }
}
