package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.operators.windowing.SlicingWindowOperator;
import dev.sluice.runtime.operators.windowing.WindowOperator;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Processing-time tumbling and sliding windows on a manual clock, against a slow model: an element
 * belongs to the windows of the clock's time at its arrival, a window fires when the clock reaches
 * its last millisecond, with the sum of its elements, windows still open at the end fire never, and
 * an element arriving at or before the last window end fired (the same millisecond) counts as
 * arriving one millisecond after it, so no window fires twice. Both the slicing operator and the general one must give the model's results, in the
 * model's order per key, stamped with the window's last millisecond.
 */
class ProcessingTimeWindowProperties {

  /** Sums the values of a window. */
  static final class Sum implements AggregateFunction<Tuple2<Integer, Long>, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(Tuple2<Integer, Long> value, long[] acc) {
      acc[0] += value.f1;
      return acc;
    }

    @Override
    public Long getResult(long[] acc) {
      return acc[0];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0]};
    }
  }

  /** "key,start,end,sum#n": the n-th firing of the window, counted in per-window state. */
  static final class Describe extends ProcessWindowFunction<Long, String, Integer, TimeWindow> {
    @Override
    public void process(Integer key, Context ctx, Iterable<Long> sums, Collector<String> out) throws Exception {
      ValueState<Integer> firings = ctx.windowState().getState(new ValueStateDescriptor<>("firings", Integer.class));
      int n = firings.value() == null ? 1 : firings.value() + 1;
      firings.update(n);
      TimeWindow w = ctx.window();
      out.collect(key + "," + w.getStart() + "," + w.getEnd() + "," + sums.iterator().next() + "#" + n);
    }
  }

  @Property(tries = 300)
  void processingTimeWindowsMatchTheModel(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed)
      throws Exception {
    Random rnd = new Random(seed);
    long size = 1 + rnd.nextInt(20);
    long slide = rnd.nextBoolean() ? size : 1 + rnd.nextInt((int) size);
    long offset = rnd.nextInt((int) slide);
    long start = rnd.nextInt(200) - 100;
    // ops: an element (key, value), or a clock advance (key = -1, value = millis)
    List<long[]> ops = new ArrayList<>();
    int n = 1 + rnd.nextInt(120);
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(3) == 0) {
        ops.add(new long[] {-1, rnd.nextInt(4) == 0 ? rnd.nextInt(40) : rnd.nextInt(4)});
      } else {
        ops.add(new long[] {rnd.nextInt(4), rnd.nextInt(100) - 20});
      }
    }
    List<String> expected = model(ops, size, slide, offset, start);
    String shape = "size " + size + " slide " + slide + " offset " + offset + " start " + start;

    var sliced = new SlicingWindowOperator<Tuple2<Integer, Long>, long[], String>(size, slide, offset, true, 0, null,
        null, new Sum(), new Describe());
    assertThat(run(sliced, ops, start)).as("slicing, " + shape).isEqualTo(expected);

    @SuppressWarnings({"unchecked", "rawtypes"})
    OneInputStreamOperator<Tuple2<Integer, Long>, String> general = new WindowOperator(
        SlidingProcessingTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide), Duration.ofMillis(offset)),
        SlidingProcessingTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide)).getDefaultTrigger(),
        new WindowOperator.AggregatingContents<>(new Sum()), new Describe(), null, 0, null);
    assertThat(run(general, ops, start)).as("general, " + shape).isEqualTo(expected);
  }

  /** The results per key in order, each with the timestamp it carries: "key,start,end,sum#n@ts". */
  private static List<String> run(OneInputStreamOperator<Tuple2<Integer, Long>, String> op, List<long[]> ops,
      long start) throws Exception {
    var h = new KeyedOneInputOperatorHarness<Integer, Tuple2<Integer, Long>, String>(op, t -> t.f0, "Window",
        new ManualClock(start)).open();
    for (long[] o : ops) {
      if (o[0] < 0) {
        h.advanceProcessingTime(o[1]);
      } else {
        h.processElement(Tuple2.of((int) o[0], o[1]));
      }
    }
    List<String> out = new ArrayList<>();
    h.getOutput().forEach(r -> out.add(r.value() + "@" + r.timestamp()));
    h.close();
    return byKey(out);
  }

  private static List<String> model(List<long[]> ops, long size, long slide, long offset, long clock) {
    // per key, the open windows by start, with their sums, in order of creation
    Map<Integer, Map<Long, Long>> open = new LinkedHashMap<>();
    Map<String, Integer> firings = new LinkedHashMap<>();
    long firedThrough = Long.MIN_VALUE;
    List<String> out = new ArrayList<>();
    for (long[] o : ops) {
      if (o[0] < 0) {
        clock += o[1];
        // windows whose last millisecond the clock reached fire, earliest end first per key
        for (Map.Entry<Integer, Map<Long, Long>> k : open.entrySet()) {
          List<Long> due = new ArrayList<>();
          for (Long s : k.getValue().keySet()) {
            if (s + size - 1 <= clock) {
              due.add(s);
            }
          }
          Collections.sort(due);
          for (Long s : due) {
            String w = k.getKey() + "," + s + "," + (s + size);
            int n = firings.merge(w, 1, Integer::sum);
            out.add(w + "," + k.getValue().remove(s) + "#" + n + "@" + (s + size - 1));
            firedThrough = Math.max(firedThrough, s + size - 1);
          }
        }
        continue;
      }
      int key = (int) o[0];
      long t = Math.max(clock, firedThrough + 1); // never in a window already fired
      long last = t - Math.floorMod(t - offset, slide);
      for (long s = last; s > t - size; s -= slide) {
        open.computeIfAbsent(key, x -> new LinkedHashMap<>()).merge(s, o[1], Long::sum);
      }
    }
    return byKey(out);
  }

  /** Stable order per key (keys' results interleave by timer order, which neither side promises). */
  private static List<String> byKey(List<String> results) {
    List<String> sorted = new ArrayList<>(results);
    sorted.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(0, a.indexOf(','))),
        Integer.parseInt(b.substring(0, b.indexOf(',')))));
    return sorted;
  }
}
