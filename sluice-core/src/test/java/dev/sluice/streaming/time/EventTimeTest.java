package dev.sluice.streaming.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.eventtime.RelativeClock;
import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.common.eventtime.WatermarkGenerator;
import dev.sluice.api.common.eventtime.WatermarkOutput;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.eventtime.WatermarksWithIdleness;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.streaming.api.functions.ProcessFunction;
import dev.sluice.util.CloseableIterator;
import dev.sluice.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventTimeTest {

  /** Emits, when its event-time timer fires, the key and how many elements it counted. */
  static final class CountUntil extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(dev.sluice.api.common.functions.OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out)
        throws Exception {
      Long c = count.value();
      count.update(c == null ? 1 : c + 1);
      ctx.timerService().registerEventTimeTimer(100);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "=" + count.value() + "@" + ctx.timestamp());
    }
  }

  @Test
  void assignedTimestampsDriveKeyedTimersAndTheEndOfInputFiresThem() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<String> out = env.fromData(Tuple2.of("a", 5L), Tuple2.of("b", 7L), Tuple2.of("a", 3L))
        .returns(Types.TUPLE(Types.STRING, Types.LONG))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(
            Duration.ofMillis(10)).withTimestampAssigner((t, ts) -> t.f1))
        .keyBy(t -> t.f0)
        .process(new CountUntil())
        .executeAndCollect(10);
    assertThat(out).containsExactlyInAnyOrder("a=2@100", "b=1@100");
  }

  /** A punctuated generator: every event is a watermark at its own timestamp. */
  static class EveryEvent implements WatermarkGenerator<Long> {
    @Override
    public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(eventTimestamp));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  @Test
  void customGeneratorsEmitWatermarksThatTravelInOrderWithTheRecords() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().setAutoWatermarkInterval(0);
    List<String> out = env.fromSequence(1, 500)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forGenerator(ctx -> new EveryEvent())
            .withTimestampAssigner((x, ts) -> x * 10))
        .rebalance()
        .process(new ProcessFunction<Long, String>() {
          @Override
          public void processElement(Long value, Context ctx, Collector<String> o) {
            // the watermark of the previous element has arrived, and never this one's yet
            long wm = ctx.timerService().currentWatermark();
            if (value > 1 && wm != (value - 1) * 10) {
              o.collect("at " + value + " the watermark was " + wm);
            }
          }
        })
        .executeAndCollect(10);
    assertThat(out).isEmpty();
  }

  @Test
  void idlenessIsMeasuredOnTheClockAndEndsWithTheNextEvent() {
    AtomicLong now = new AtomicLong();
    RelativeClock clock = now::get;
    List<String> seen = new ArrayList<>();
    WatermarkOutput output = new WatermarkOutput() {
      @Override
      public void emitWatermark(Watermark watermark) {
        seen.add("wm" + watermark.getTimestamp());
      }

      @Override
      public void markIdle() {
        seen.add("idle");
      }

      @Override
      public void markActive() {
        seen.add("active");
      }
    };
    WatermarksWithIdleness<Long> g = new WatermarksWithIdleness<>(new EveryEvent() {
      @Override
      public void onPeriodicEmit(WatermarkOutput out) {
        out.emitWatermark(new Watermark(-1));
      }
    }, Duration.ofMillis(100), clock);
    g.onEvent(1L, 1, output);
    now.set(50);
    g.onPeriodicEmit(output);
    now.set(150);
    g.onPeriodicEmit(output);
    g.onPeriodicEmit(output);
    g.onEvent(2L, 2, output);
    assertThat(seen).containsExactly("wm1", "wm-1", "idle", "active", "wm2");
  }

  @Test
  void anIdleInputDoesNotHoldBackEventTime() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().setAutoWatermarkInterval(10);
    // a source that sends once, then is silent for hours: without idleness it would hold time at 0
    DataGeneratorSource<Long> silent = new DataGeneratorSource<>(i -> 0L, Long.MAX_VALUE,
        RateLimiterStrategy.perSecond(0.0001), Types.LONG);
    DataGeneratorSource<Long> busy = new DataGeneratorSource<>(i -> i, 1_000_000,
        RateLimiterStrategy.perSecond(2_000), Types.LONG);
    WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forMonotonousTimestamps()
        .withTimestampAssigner((x, ts) -> x)
        .withIdleness(Duration.ofMillis(100));
    try (CloseableIterator<String> it = env.fromSource(silent, strategy, "silent")
        .union(env.fromSource(busy, strategy, "busy"))
        .map(x -> Tuple2.of("k", x)).returns(Types.TUPLE(Types.STRING, Types.LONG))
        .keyBy(t -> t.f0)
        .process(new CountUntil())
        .executeAndCollect()) {
      assertThat(it.next()).startsWith("k=").endsWith("@100");
    }
  }
}
