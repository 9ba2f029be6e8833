package dev.sluice.streaming.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.JobExecutionResult;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.lib.CollectionSource;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.execution.JobExecution;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.datastream.KeyedStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.sluice.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.streaming.api.windowing.triggers.CountTrigger;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Build-time checks, the end-to-end API (keyed and windowAll), and job metrics. */
class WindowApiTest {

  @Test
  void invalidWindowShapesAreRejectedWhenTheProgramIsBuilt() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window size must be positive");
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slide must be positive");
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(11)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be larger than the size");
    assertThatThrownBy(() -> EventTimeSessionWindows.withGap(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session gap must be positive");
    assertThatThrownBy(() -> CountTrigger.of(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count must be positive");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KeyedStream<Integer, Integer> keyed = env.fromData(1, 2, 3).keyBy(x -> x);
    assertThatThrownBy(() -> keyed.countWindow(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count window size must be positive");
    assertThatThrownBy(() -> keyed.countWindow(3, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slide must be positive");
    assertThatThrownBy(() -> keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(5)))
            .allowedLateness(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lateness must not be negative");
    assertThatThrownBy(() -> keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(5)))
            .reduce(new dev.sluice.api.common.functions.RichReduceFunction<Integer>() {
              @Override
              public Integer reduce(Integer a, Integer b) {
                return a + b;
              }
            }))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("cannot be a RichFunction");
  }

  private static dev.sluice.streaming.api.datastream.DataStreamSource<Tuple2<String, Integer>> timestamped(StreamExecutionEnvironment env,
      List<Tuple2<String, Integer>> data) {
    return env.fromSource(new CollectionSource<>(data),
            WatermarkStrategy.<Tuple2<String, Integer>>forMonotonousTimestamps()
                .withTimestampAssigner((t, ts) -> t.f1),
            "numbers", Types.TUPLE(Types.STRING, Types.INT));
  }

  @Test
  void tumblingSumAndCountWindowEndToEnd() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    List<Tuple2<String, Integer>> data = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      data.add(Tuple2.of(i % 2 == 0 ? "even" : "odd", i));
    }
    List<Tuple2<String, Integer>> out = timestamped(env, data).setParallelism(1)
        .keyBy(t -> t.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(50)))
        .sum(1)
        .executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrder(Tuple2.of("even", 600), Tuple2.of("odd", 625),
        Tuple2.of("even", 1850), Tuple2.of("odd", 1875));

    StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Integer> counts = env2.fromData(1, 2, 3, 4, 5, 6, 7).keyBy(x -> x % 2)
        .countWindow(2).reduce(Integer::sum).executeAndCollect(100);
    assertThat(counts).containsExactlyInAnyOrder(1 + 3, 5 + 7, 2 + 4);
  }

  @Test
  void windowAllRunsInOneSubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    List<Tuple2<String, Integer>> data = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      data.add(Tuple2.of("k" + i, i));
    }
    List<String> out = timestamped(env, data).setParallelism(1)
        .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .process(new ProcessAllWindowFunction<Tuple2<String, Integer>, String, TimeWindow>() {
          @Override
          public void process(Context ctx, Iterable<Tuple2<String, Integer>> in, Collector<String> o) {
            int n = 0;
            for (Tuple2<String, Integer> t : in) {
              n++;
            }
            o.collect(ctx.window().getStart() + ":" + n + ":" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
          }
        })
        .executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrder("0:10:0", "10:10:0", "20:10:0");
  }

  @Test
  void jobMetricsCountLateRecordsAndShowWatermarks() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    // timestamps 100, then 0 (late: the watermark is 99 and the window [0,10) is over), then 105
    List<Tuple2<String, Integer>> data = List.of(Tuple2.of("a", 100), Tuple2.of("a", 0), Tuple2.of("a", 105));
    env.getConfig().setAutoWatermarkInterval(0);
    WatermarkStrategy<Tuple2<String, Integer>> punctuated = ctx -> new dev.sluice.api.common.eventtime.WatermarkGenerator<>() {
      @Override
      public void onEvent(Tuple2<String, Integer> e, long ts, dev.sluice.api.common.eventtime.WatermarkOutput out) {
        out.emitWatermark(new dev.sluice.api.common.eventtime.Watermark(ts - 1));
      }

      @Override
      public void onPeriodicEmit(dev.sluice.api.common.eventtime.WatermarkOutput out) {}
    };
    env.fromSource(new CollectionSource<>(data), punctuated.withTimestampAssigner((t, ts) -> t.f1),
            "numbers", Types.TUPLE(Types.STRING, Types.INT))
        .process(new dev.sluice.streaming.api.functions.ProcessFunction<Tuple2<String, Integer>, Tuple2<String, Integer>>() {
          @Override
          public void processElement(Tuple2<String, Integer> v, Context ctx, Collector<Tuple2<String, Integer>> o) {
            o.collect(v);
          }
        })
        .keyBy(t -> t.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .sum(1)
        .name("windowed-sum")
        .sinkTo(new dev.sluice.streaming.api.functions.sink.v2.DiscardingSink<>());
    JobClient client = env.executeAsync("metrics");
    client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
    Map<String, Long> metrics = ((JobExecution) client).metrics();
    assertThat(metrics).containsKey("windowed-sum[0].numLateRecordsDropped");
    assertThat(metrics.get("windowed-sum[0].currentWatermark")).isEqualTo(Long.MAX_VALUE);
    // the watermark 99 (emitted with the record at 100) makes the record at 0 late
    assertThat(metrics.get("windowed-sum[0].numLateRecordsDropped")).isEqualTo(1L);
  }
}
