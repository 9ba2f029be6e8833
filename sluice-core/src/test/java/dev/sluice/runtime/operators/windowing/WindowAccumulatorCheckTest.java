package dev.sluice.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.WindowAssigner;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With checkpointing on, a window whose AggregateFunction declares an accumulator type that cannot
 * be encoded fails as the job starts, naming the operator and the type, instead of at its first
 * checkpoint; without checkpointing the same job runs.
 */
class WindowAccumulatorCheckTest {
  @TempDir Path dir;

  /** Not encodable: not public, so not a POJO. */
  static final class Hidden {
    long count;
  }

  static final class CountHidden implements AggregateFunction<Tuple2<String, Long>, Hidden, Long> {
    @Override
    public Hidden createAccumulator() {
      return new Hidden();
    }

    @Override
    public Hidden add(Tuple2<String, Long> value, Hidden acc) {
      acc.count++;
      return acc;
    }

    @Override
    public Long getResult(Hidden acc) {
      return acc.count;
    }

    @Override
    public Hidden merge(Hidden a, Hidden b) {
      a.count += b.count;
      return a;
    }
  }

  /** Encodable: a long array. */
  static final class CountArray implements AggregateFunction<Tuple2<String, Long>, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(Tuple2<String, Long> value, long[] acc) {
      acc[0]++;
      return acc;
    }

    @Override
    public Long getResult(long[] acc) {
      return acc[0];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      return a;
    }
  }

  static Stream<WindowAssigner<Object, TimeWindow>> assigners() {
    return Stream.of(TumblingEventTimeWindows.of(Duration.ofSeconds(1)),
        EventTimeSessionWindows.withGap(Duration.ofSeconds(1)));
  }

  private List<Long> run(WindowAssigner<Object, TimeWindow> assigner,
      AggregateFunction<Tuple2<String, Long>, ?, Long> aggregate, boolean checkpointing) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setRestartStrategy(RestartStrategies.noRestart());
    if (checkpointing) {
      env.enableCheckpointing(1000);
      env.getCheckpointConfig().setCheckpointStorage(dir.toUri().toString());
    }
    DataStream<Long> counts = env.fromData(Tuple2.of("a", 100L), Tuple2.of("a", 200L), Tuple2.of("b", 300L))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
            .withTimestampAssigner((t, ts) -> t.f1))
        .keyBy(t -> t.f0)
        .window(assigner)
        .aggregate(aggregate)
        .name("counts");
    List<Long> out = new ArrayList<>();
    try (var it = counts.executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    out.sort(null);
    return out;
  }

  @ParameterizedTest
  @MethodSource("assigners")
  void anUnencodableAccumulatorFailsAtStartWithCheckpointing(WindowAssigner<Object, TimeWindow> assigner) {
    assertThatThrownBy(() -> run(assigner, new CountHidden(), true))
        .hasStackTraceContaining("The window operator 'counts' cannot be checkpointed")
        .hasStackTraceContaining(CountHidden.class.getName())
        .hasStackTraceContaining(Hidden.class.getName());
  }

  @ParameterizedTest
  @MethodSource("assigners")
  void withoutCheckpointingItRuns(WindowAssigner<Object, TimeWindow> assigner) throws Exception {
    assertThat(run(assigner, new CountHidden(), false)).containsExactly(1L, 2L);
  }

  @ParameterizedTest
  @MethodSource("assigners")
  void anEncodableAccumulatorRunsWithCheckpointing(WindowAssigner<Object, TimeWindow> assigner) throws Exception {
    assertThat(run(assigner, new CountArray(), true)).containsExactly(1L, 2L);
  }
}
