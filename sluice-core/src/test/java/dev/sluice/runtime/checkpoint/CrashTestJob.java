package dev.sluice.runtime.checkpoint;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.serialization.SimpleStringEncoder;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.connector.file.sink.FileSink;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.util.Collector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job the crash test kills: keyed state, event-time windows and timers feeding an
 * exactly-once file sink, resuming from its newest checkpoint when started again. Run as {@code
 * CrashTestJob <checkpoint dir> <output dir> <events> <events per second>}.
 */
public final class CrashTestJob {
  static final int KEYS = 13;
  static final long STEP_MS = 5;
  static final long WINDOW_MS = 500;
  static final long TIMER_MS = 1_000;

  public static void main(String[] args) throws Exception {
    Path checkpoints = Path.of(args[0]);
    Path out = Path.of(args[1]);
    long events = Long.parseLong(args[2]);
    double rate = Double.parseDouble(args[3]);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(100);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.getCheckpointConfig().setResumeFromLatestCheckpoint(true);
    DataStream<Tuple2<Long, Long>> input = env.fromSource(
            new DataGeneratorSource<>(i -> Tuple2.of(i % KEYS, i * STEP_MS), events,
                RateLimiterStrategy.perSecond(rate), Types.TUPLE(Types.LONG, Types.LONG)),
            WatermarkStrategy.<Tuple2<Long, Long>>forMonotonousTimestamps().withTimestampAssigner((e, t) -> e.f1),
            "events")
        .uid("events");
    DataStream<String> windows = input
        .map(e -> Tuple2.of(e.f0, 1L)).returns(Types.TUPLE(Types.LONG, Types.LONG)).uid("ones")
        .keyBy(e -> e.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW_MS)))
        .sum(1).uid("window-counts")
        .map(t -> "w," + t.f0 + "," + t.f1).returns(Types.STRING).uid("format-windows");
    DataStream<String> timers = input
        .keyBy(e -> e.f0)
        .process(new SecondTicks()).uid("ticks");
    windows.union(timers)
        .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build()).uid("files");
    env.execute("crash-test");
  }

  /**
   * Per key and second of event time: counts the elements in map state and, when event time
   * passes the second (a timer), emits the count and forgets it.
   */
  static final class SecondTicks extends KeyedProcessFunction<Long, Tuple2<Long, Long>, String> {
    private transient MapState<Long, Long> perSecond;

    @Override
    public void open(OpenContext openContext) {
      perSecond = getRuntimeContext().getMapState(new MapStateDescriptor<>("per-second", Long.class, Long.class));
    }

    @Override
    public void processElement(Tuple2<Long, Long> e, Context ctx, Collector<String> out) throws Exception {
      long end = (e.f1 / TIMER_MS + 1) * TIMER_MS - 1;
      Long n = perSecond.get(end);
      perSecond.put(end, n == null ? 1 : n + 1);
      ctx.timerService().registerEventTimeTimer(end);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect("t," + ctx.getCurrentKey() + "," + timestamp + "," + perSecond.get(timestamp));
      perSecond.remove(timestamp);
    }
  }

  /** What an uninterrupted run writes, sorted. */
  static List<String> expected(long events) {
    Map<String, Long> windows = new TreeMap<>();
    Map<Long, Map<Long, Long>> ticks = new TreeMap<>(); // key -> timer -> elements before it
    for (long i = 0; i < events; i++) {
      long key = i % KEYS;
      long ts = i * STEP_MS;
      windows.merge(key + "@" + ts / WINDOW_MS, 1L, Long::sum);
      ticks.computeIfAbsent(key, k -> new TreeMap<>()).merge((ts / TIMER_MS + 1) * TIMER_MS - 1, 1L, Long::sum);
    }
    List<String> lines = new ArrayList<>();
    windows.forEach((k, v) -> lines.add("w," + k.substring(0, k.indexOf('@')) + "," + v));
    ticks.forEach((key, byTime) -> byTime.forEach((time, c) -> lines.add("t," + key + "," + time + "," + c)));
    lines.sort(null);
    return lines;
  }
}
