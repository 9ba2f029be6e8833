package dev.sluice.runtime.operators.co;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.datastream.KeyedStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.co.ProcessJoinFunction;
import dev.sluice.testutil.Jobs;
import dev.sluice.testutil.ScriptedSource.Step;
import dev.sluice.util.Collector;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The interval join against a nested-loop model, in a harness (lateness, cleanup) and in jobs. */
class IntervalJoinProperties {
  record E(int key, String id, long ts) implements Serializable {}

  static final KeySelector<E, Integer> KEY = E::key;

  /** Emits "leftId-rightId@timestamp", checking the context's timestamps on the way. */
  static final class Pairs extends ProcessJoinFunction<E, E, String> {
    @Override
    public void processElement(E left, E right, Context ctx, Collector<String> out) {
      if (ctx.getLeftTimestamp() != left.ts() || ctx.getRightTimestamp() != right.ts()
          || ctx.getTimestamp() != Math.max(left.ts(), right.ts()) || left.key() != right.key()) {
        throw new AssertionError("bad context for " + left + " " + right);
      }
      out.collect(left.id() + "-" + right.id() + "@" + ctx.getTimestamp());
    }
  }

  static String pair(E l, E r) {
    return l.id() + "-" + r.id() + "@" + Math.max(l.ts(), r.ts());
  }

  static boolean inInterval(E l, E r, long lower, long upper) {
    return l.key() == r.key() && r.ts() >= l.ts() + lower && r.ts() <= l.ts() + upper;
  }

  static long cleanupTime(boolean left, long ts, long lower, long upper) {
    return left ? (upper > 0 ? ts + upper : ts) : (lower < 0 ? ts - lower : ts);
  }

  /**
   * Random input with watermarks and late elements through the operator in a harness; after each
   * watermark, exactly the entries that can still match are buffered, and none after the last.
   */
  @Property(tries = 200)
  void harnessMatchesModelWithLatenessAndCleansUp(@ForAll long seed,
      @ForAll @IntRange(min = -15, max = 10) int lowerIn, @ForAll @IntRange(min = 0, max = 20) int width,
      @ForAll boolean lowerExclusive, @ForAll boolean upperExclusive) throws Exception {
    long lower = lowerExclusive ? lowerIn + 1 : lowerIn;
    long upper = upperExclusive ? lowerIn + width - 1 : lowerIn + width;
    Assume.that(lower <= upper);
    Random random = new Random(seed);
    IntervalJoinOperator<Integer, E, E, String> op =
        new IntervalJoinOperator<>(lower, upper, null, null, new Pairs());
    List<String> expected = new ArrayList<>();
    List<E> lefts = new ArrayList<>();
    List<E> rights = new ArrayList<>();
    long wm = Long.MIN_VALUE;
    long base = 0;
    long late = 0;
    try (var h = new TwoInputHarness<>(op, KEY, KEY)) {
      int n = random.nextInt(80);
      for (int i = 0; i < n; i++) {
        if (random.nextInt(5) == 0) {
          base += random.nextInt(8);
          long next = base - random.nextInt(10);
          if (next > wm) {
            wm = next;
            h.processWatermark(wm);
            // an advancing watermark drops what can no longer match; an element that arrives at
            // a watermark already at its cleanup time stays until the next advance (as in Flink:
            // its timer is at or behind the watermark and fires when the watermark moves)
            long w = wm;
            lefts.removeIf(l -> cleanupTime(true, l.ts(), lower, upper) <= w);
            rights.removeIf(r -> cleanupTime(false, r.ts(), lower, upper) <= w);
            Set<String> bufferedKeys = new HashSet<>();
            Set<String> bufferedTimestamps = new HashSet<>();
            for (E l : lefts) {
              if (cleanupTime(true, l.ts(), lower, upper) > wm) {
                bufferedKeys.add("L" + l.key());
                bufferedTimestamps.add("L" + l.key() + "/" + l.ts());
              }
            }
            for (E r : rights) {
              if (cleanupTime(false, r.ts(), lower, upper) > wm) {
                bufferedKeys.add("R" + r.key());
                bufferedTimestamps.add("R" + r.key() + "/" + r.ts());
              }
            }
            assertThat(op.bufferedKeys()).as("keys buffered after watermark " + wm)
                .isEqualTo(bufferedKeys.size());
            assertThat(op.pendingCleanupTimers()).as("timers after watermark " + wm)
                .isEqualTo(bufferedTimestamps.size());
          }
          continue;
        }
        boolean left = random.nextBoolean();
        E e = new E(random.nextInt(3), (left ? "l" : "r") + i, base - 12 + random.nextInt(30));
        if (wm != Long.MIN_VALUE && e.ts() < wm) {
          late++;
        } else if (left) {
          for (E r : rights) {
            if (inInterval(e, r, lower, upper)) {
              expected.add(pair(e, r));
            }
          }
          lefts.add(e);
        } else {
          for (E l : lefts) {
            if (inInterval(l, e, lower, upper)) {
              expected.add(pair(l, e));
            }
          }
          rights.add(e);
        }
        if (left) {
          h.processElement1(e, e.ts());
        } else {
          h.processElement2(e, e.ts());
        }
      }
      assertThat(h.values()).containsExactlyInAnyOrderElementsOf(expected);
      for (TwoInputHarness.Rec<String> rec : h.output) {
        assertThat(rec.value()).endsWith("@" + rec.timestamp());
      }
      assertThat(op.numLateRecordsDropped()).isEqualTo(late);
      h.processWatermark(Long.MAX_VALUE);
      assertThat(op.bufferedKeys()).isZero();
      assertThat(op.pendingCleanupTimers()).isZero();
      assertThat(h.keyedState.stateNames()).allSatisfy(name -> assertThat(name).startsWith("_interval-join"));
    }
  }

  /** A script in which no record is behind an earlier watermark (so nothing is late). */
  static List<Step<E>> script(Random random, String prefix, int n) {
    List<E> elements = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      elements.add(new E(random.nextInt(5), prefix + i, random.nextInt(120)));
    }
    List<E> order = new ArrayList<>(elements);
    order.sort((a, b) -> Long.compare(a.ts(), b.ts()));
    // disorder locally: swap neighbours now and then; watermarks trail the smallest remaining
    for (int i = 1; i < order.size(); i++) {
      if (random.nextInt(3) == 0) {
        E t = order.get(i);
        order.set(i, order.get(i - 1));
        order.set(i - 1, t);
      }
    }
    List<Step<E>> steps = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      steps.add(Step.record(order.get(i), order.get(i).ts()));
      if (random.nextInt(4) == 0) {
        long minRemaining = Long.MAX_VALUE;
        for (int j = i + 1; j < order.size(); j++) {
          minRemaining = Math.min(minRemaining, order.get(j).ts());
        }
        if (minRemaining != Long.MAX_VALUE) {
          steps.add(Step.watermark(minRemaining - 1));
        }
      }
    }
    return steps;
  }

  @Property(tries = 25)
  void jobMatchesNestedLoopJoin(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int parallelism,
      @ForAll @IntRange(min = -30, max = 20) int lower, @ForAll @IntRange(min = 0, max = 30) int width)
      throws Exception {
    Random random = new Random(seed);
    List<Step<E>> leftScript = script(random, "l", random.nextInt(60));
    List<Step<E>> rightScript = script(random, "r", random.nextInt(60));
    List<String> expected = new ArrayList<>();
    for (Step<E> l : leftScript) {
      for (Step<E> r : rightScript) {
        if (!l.watermark() && !r.watermark() && inInterval(l.value(), r.value(), lower, lower + width)) {
          expected.add(pair(l.value(), r.value()));
        }
      }
    }
    StreamExecutionEnvironment env = Jobs.env(parallelism);
    KeyedStream<E, Integer> left = Jobs.scripted(env, "left", leftScript, E.class).keyBy(KEY);
    KeyedStream<E, Integer> right = Jobs.scripted(env, "right", rightScript, E.class).keyBy(KEY);
    DataStream<String> joined = left.intervalJoin(right)
        .between(Duration.ofMillis(lower), Duration.ofMillis(lower + width))
        .process(new Pairs());
    assertThat(Jobs.collect(joined)).containsExactlyInAnyOrderElementsOf(expected);
  }
}
