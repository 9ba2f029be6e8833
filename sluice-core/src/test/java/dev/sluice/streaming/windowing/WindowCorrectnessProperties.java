package dev.sluice.streaming.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.common.eventtime.WatermarkGenerator;
import dev.sluice.api.common.eventtime.WatermarkOutput;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.connector.source.lib.CollectionSource;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.datastream.WindowedStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.ProcessFunction;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.sluice.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Event-time windows of the engine against a slow, obviously correct model, on random out-of-order
 * input with explicit watermarks, random window shapes, lateness and parallelism. Compares the
 * fired results as a multiset of (key, start, end, sum) and the late side output.
 */
class WindowCorrectnessProperties {

  /** An input element, or (when {@code marker}) a watermark instruction for the source. */
  public record Ev(int key, long ts, long value, boolean marker) implements Serializable {}

  enum Kind { TUMBLING, SLIDING, SESSION }

  /**
   * How the windows are computed: AGGREGATE is the aggregate alone (with a window function for
   * sessions), the others hand each window to {@link Describe}. AGGREGATE_WITH_PROCESS also counts
   * each window's firings in per-window state (not with sessions, whose merged windows are new).
   */
  enum Path { AGGREGATE, AGGREGATE_WITH_PROCESS, PROCESS, REDUCE_WITH_PROCESS }

  @Property(tries = 200)
  void windowsMatchTheModel(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
      @ForAll Kind kind,
      @ForAll Path path,
      @ForAll @IntRange(min = 1, max = 4) int parallelism) throws Exception {
    Random rnd = new Random(seed);
    long size = 1 + rnd.nextInt(20);
    long slide = kind == Kind.SLIDING ? 1 + rnd.nextInt((int) size) : size;
    long gap = 1 + rnd.nextInt(10);
    long lateness = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(15);
    long outOfOrder = rnd.nextInt(12);
    int n = 1 + rnd.nextInt(150);
    List<Ev> input = new ArrayList<>();
    long clock = rnd.nextInt(40) - 20;
    long maxTs = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      clock += rnd.nextInt(4);
      long ts = clock - rnd.nextInt((int) outOfOrder + 1) - (rnd.nextInt(10) == 0 ? rnd.nextInt(30) : 0);
      maxTs = Math.max(maxTs, ts);
      input.add(new Ev(rnd.nextInt(5), ts, rnd.nextInt(100) - 20, false));
      if (rnd.nextInt(3) == 0) {
        input.add(new Ev(-1, 0, maxTs - outOfOrder - rnd.nextInt(3), true));
      }
    }

    boolean countFirings = path == Path.AGGREGATE_WITH_PROCESS && kind != Kind.SESSION;
    List<String> expected = model(input, kind, size, slide, gap, lateness, countFirings);
    List<String> actual = run(input, kind, path, size, slide, gap, lateness, parallelism, countFirings);
    Collections.sort(expected);
    Collections.sort(actual);
    assertThat(actual)
        .as("kind %s path %s size %d slide %d gap %d lateness %d p %d", kind, path, size, slide, gap,
            lateness, parallelism)
        .isEqualTo(expected);
  }

  // ------------------------------------------------------------------ the engine

  private static final OutputTag<Ev> LATE = new OutputTag<>("late") {};

  /** Emits a watermark when a marker passes the source; nothing periodically. */
  static final class MarkerWatermarks implements WatermarkGenerator<Ev>, Serializable {
    @Override
    public void onEvent(Ev event, long eventTimestamp, WatermarkOutput output) {
      if (event.marker()) {
        output.emitWatermark(new Watermark(event.value()));
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  static final class SumAgg implements AggregateFunction<Ev, long[], long[]> {
    @Override
    public long[] createAccumulator() {
      return new long[] {0, 0};
    }

    @Override
    public long[] add(Ev value, long[] acc) {
      return new long[] {value.key(), acc[1] + value.value()};
    }

    @Override
    public long[] getResult(long[] acc) {
      return acc;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {Math.max(a[0], b[0]), a[1] + b[1]};
    }
  }

  static final class Describe extends ProcessWindowFunction<Object, String, Integer, TimeWindow> {
    private final boolean countFirings;

    Describe(boolean countFirings) {
      this.countFirings = countFirings;
    }

    @Override
    public void process(Integer key, Context ctx, Iterable<Object> elements, Collector<String> out)
        throws Exception {
      long sum = 0;
      for (Object o : elements) {
        sum += o instanceof Ev e ? e.value() : o instanceof long[] a ? a[1] : 0;
      }
      TimeWindow w = ctx.window();
      if (ctx.currentWatermark() < w.maxTimestamp() && w.maxTimestamp() != Long.MAX_VALUE) {
        // fired early: not expected with the default trigger
        out.collect("EARLY " + w);
      }
      String firing = "";
      if (countFirings) {
        ValueState<Integer> firings = ctx.windowState().getState(new ValueStateDescriptor<>("firings", Integer.class));
        int n = firings.value() == null ? 1 : firings.value() + 1;
        firings.update(n);
        firing = "#" + n;
      }
      out.collect("R:" + key + "," + w.getStart() + "," + w.getEnd() + "," + sum + firing);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<String> run(List<Ev> input, Kind kind, Path path, long size, long slide,
      long gap, long lateness, int parallelism, boolean countFirings) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfig().setChannelBatchSize(4).setChannelCapacity(2).setAutoWatermarkInterval(0);
    WatermarkStrategy<Ev> strategy = ctx -> new MarkerWatermarks();
    DataStream<Ev> events = env.fromSource(new CollectionSource<>(input),
            strategy.withTimestampAssigner((e, ts) -> e.ts()), "events")
        .setParallelism(1)
        .filter(e -> !e.marker())
        .setParallelism(1);
    WindowedStream<Ev, Integer, TimeWindow> windowed = events
        .keyBy(Ev::key)
        .window(kind == Kind.TUMBLING ? TumblingEventTimeWindows.of(Duration.ofMillis(size))
            : kind == Kind.SLIDING ? SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide))
            : (dev.sluice.streaming.api.windowing.assigners.WindowAssigner) EventTimeSessionWindows.withGap(Duration.ofMillis(gap)))
        .allowedLateness(Duration.ofMillis(lateness))
        .sideOutputLateData(LATE);
    SingleOutputStreamOperator<String> results;
    SingleOutputStreamOperator<?> windowOp;
    if (path == Path.AGGREGATE && kind != Kind.SESSION) {
      SingleOutputStreamOperator<long[]> agg = windowed.aggregate(new SumAgg());
      windowOp = agg;
      results = agg
          .process(new ProcessFunction<long[], String>() {
            @Override
            public void processElement(long[] acc, Context ctx, Collector<String> out) {
              long end = ctx.timestamp() + 1;
              out.collect("R:" + acc[0] + "," + (end - size) + "," + end + "," + acc[1]);
            }
          });
    } else if (path == Path.AGGREGATE || path == Path.AGGREGATE_WITH_PROCESS) {
      results = windowed.aggregate(new SumAgg(), (ProcessWindowFunction) new Describe(countFirings));
      windowOp = results;
    } else if (path == Path.PROCESS) {
      results = windowed.process((ProcessWindowFunction) new Describe(false));
      windowOp = results;
    } else {
      results = windowed.reduce((a, b) -> new Ev(a.key(), Math.max(a.ts(), b.ts()), a.value() + b.value(), false),
          (ProcessWindowFunction) new Describe(false));
      windowOp = results;
    }
    DataStream<String> late = windowOp.getSideOutput(LATE)
        .map(e -> "L:" + e.key() + "," + e.ts() + "," + e.value());
    List<String> out = new ArrayList<>(results.union(late).executeAndCollect(Integer.MAX_VALUE));
    return out;
  }

  // ------------------------------------------------------------------ the model

  private static List<String> model(List<Ev> input, Kind kind, long size, long slide, long gap,
      long lateness, boolean countFirings) {
    List<String> fired = new ArrayList<>();
    // per key: window -> sum (and whether present); sessions are non-overlapping windows
    Map<Integer, Map<TimeWindow, Long>> state = new HashMap<>();
    long wm = Long.MIN_VALUE;
    for (Ev e : input) {
      if (e.marker()) {
        long next = Math.max(wm, e.value());
        advance(state, wm, next, lateness, fired);
        wm = next;
        continue;
      }
      Map<TimeWindow, Long> windows = state.computeIfAbsent(e.key(), k -> new HashMap<>());
      boolean skipped = true;
      if (kind == Kind.SESSION) {
        TimeWindow cover = new TimeWindow(e.ts(), e.ts() + gap);
        long sum = 0;
        boolean merged = true;
        List<TimeWindow> absorbed = new ArrayList<>();
        while (merged) {
          merged = false;
          for (TimeWindow w : windows.keySet()) {
            if (!absorbed.contains(w) && w.intersects(cover)) {
              cover = cover.cover(w);
              absorbed.add(w);
              merged = true;
            }
          }
        }
        if (!(cover.maxTimestamp() + lateness <= wm)) {
          skipped = false;
          for (TimeWindow w : absorbed) {
            sum += windows.remove(w);
          }
          sum += e.value();
          windows.put(cover, sum);
          if (cover.maxTimestamp() <= wm) {
            fired.add("R:" + e.key() + "," + cover.getStart() + "," + cover.getEnd() + "," + sum);
          }
        }
      } else {
        for (long start = Math.floorDiv(e.ts(), slide) * slide; start > e.ts() - size; start -= slide) {
          TimeWindow w = new TimeWindow(start, start + size);
          if (w.maxTimestamp() + lateness <= wm) {
            continue;
          }
          skipped = false;
          long sum = windows.merge(w, e.value(), Long::sum);
          if (w.maxTimestamp() <= wm) {
            fired.add("R:" + e.key() + "," + w.getStart() + "," + w.getEnd() + "," + sum);
          }
        }
      }
      if (skipped && e.ts() + lateness <= wm) {
        fired.add("L:" + e.key() + "," + e.ts() + "," + e.value());
      }
    }
    advance(state, wm, Long.MAX_VALUE, lateness, fired);
    if (!countFirings) {
      return fired;
    }
    // the n-th result of a (key, window) carries #n
    List<String> out = new ArrayList<>();
    Map<String, Integer> firings = new HashMap<>();
    for (String r : fired) {
      if (r.startsWith("R:")) {
        String window = r.substring(0, r.lastIndexOf(','));
        r = r + "#" + firings.merge(window, 1, Integer::sum);
      }
      out.add(r);
    }
    return out;
  }

  private static void advance(Map<Integer, Map<TimeWindow, Long>> state, long from, long to,
      long lateness, List<String> out) {
    if (to <= from) {
      return;
    }
    for (Map.Entry<Integer, Map<TimeWindow, Long>> k : state.entrySet()) {
      for (Iterator<Map.Entry<TimeWindow, Long>> it = k.getValue().entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<TimeWindow, Long> w = it.next();
        long max = w.getKey().maxTimestamp();
        if (max > from && max <= to) {
          out.add("R:" + k.getKey() + "," + w.getKey().getStart() + "," + w.getKey().getEnd() + "," + w.getValue());
        }
        if (max + lateness <= to) {
          it.remove();
        }
      }
    }
  }
}
