package dev.sluice.streams;

import static dev.sluice.streams.DslSemanticsProperties.kvs;
import static dev.sluice.streams.DslSemanticsProperties.multiset;
import static dev.sluice.streams.DslSemanticsProperties.perKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.streams.DslSemanticsProperties.In;
import dev.sluice.streams.kstream.EmitStrategy;
import dev.sluice.streams.kstream.KGroupedStream;
import dev.sluice.streams.kstream.KTable;
import dev.sluice.streams.kstream.SessionWindows;
import dev.sluice.streams.kstream.Suppressed;
import dev.sluice.streams.kstream.TimeWindows;
import dev.sluice.streams.kstream.Windowed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Windowed aggregations against sequential references of Kafka Streams' semantics: stream time is
 * the largest timestamp the task has seen; late records are dropped; final results come when a
 * window closes. Where stream time depends on how partitions interleave (several partitions), the
 * grace period is long enough that nothing closes, and the comparison is per window.
 */
class WindowSemanticsProperties {
  static final int TRIES = 15;
  static final long SIZE = 100;
  static final long ADVANCE = 50;

  @Provide
  Arbitrary<List<In>> records() {
    Arbitrary<String> keys = Arbitraries.of("a", "b", "c").injectNull(0.03);
    Arbitrary<Integer> values = Arbitraries.integers().between(0, 9);
    // multiples of 10, like the grace periods, so that records fall exactly on window boundaries often
    Arbitrary<Long> ts = Arbitraries.longs().between(0, 60).map(t -> t * 10);
    return Combinators.combine(keys, values, ts).as(In::new).list().ofMaxSize(40);
  }

  static String windowKey(Windowed<String> w) {
    return w.key() + "@" + w.window().start() + "-" + w.window().end();
  }

  static List<TestRecord<String, Integer>> run(Function<KGroupedStream<String, Integer>, KTable<Windowed<String>, Long>> agg,
      List<In> input, int threads, int partitions) {
    return DslSemanticsProperties.run(b -> agg.apply(b.<String, Integer>stream("in").groupByKey())
        .toStream().map((w, v) -> KeyValue.pair(windowKey(w), v == null ? null : v.intValue())).to("out"),
        input, threads, partitions, false);
  }

  /** Reference of hopping-window counts: updates per window key, and final results at close. */
  static final class TimeReference {
    final Map<String, List<Integer>> updates = new HashMap<>();
    final List<KeyValue<String, Integer>> finals = new ArrayList<>();
    int late;

    TimeReference(List<In> input, long grace) {
      long streamTime = Long.MIN_VALUE;
      TreeMap<String, long[]> open = new TreeMap<>();     // window key -> {end, count}
      for (In r : input) {
        if (r.key() == null) {
          continue;
        }
        streamTime = Math.max(streamTime, r.ts());
        boolean dropped = false;
        long first = Math.max(0, r.ts() - SIZE + ADVANCE) / ADVANCE * ADVANCE;
        for (long start = first; start <= r.ts(); start += ADVANCE) {
          long end = start + SIZE;
          if (end + grace <= streamTime) {
            dropped = true;
            continue;
          }
          String k = r.key() + "@" + start + "-" + end;
          long[] w = open.computeIfAbsent(k, x -> new long[] {end, 0});
          w[1]++;
          updates.computeIfAbsent(k, x -> new ArrayList<>()).add((int) w[1]);
        }
        if (dropped) {
          late++;
        }
        for (Iterator<Map.Entry<String, long[]>> it = open.entrySet().iterator(); it.hasNext(); ) {
          Map.Entry<String, long[]> e = it.next();
          if (e.getValue()[0] + grace <= streamTime) {
            finals.add(KeyValue.pair(e.getKey(), (int) e.getValue()[1]));
            it.remove();
          }
        }
      }
    }
  }

  @Property(tries = TRIES)
  void hoppingWindowCountsPerUpdateOnSeveralPartitions(@ForAll("records") List<In> input,
      @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 1, max = 4) int partitions) {
    long grace = 10_000;    // nothing closes: stream time order across partitions does not matter
    List<TestRecord<String, Integer>> out = run(g -> g.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(SIZE),
        Duration.ofMillis(grace)).advanceBy(Duration.ofMillis(ADVANCE))).count(), input, threads, partitions);
    assertThat(perKey(kvs(out))).isEqualTo(new TimeReference(input, grace).updates);
  }

  @Property(tries = TRIES)
  void lateRecordsAreDroppedAndCounted(@ForAll("records") List<In> input, @ForAll @IntRange(min = 0, max = 12) int graceTens) {
    int grace = graceTens * 10;
    StreamsBuilder b = new StreamsBuilder();
    b.<String, Integer>stream("in").groupByKey()
        .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(SIZE), Duration.ofMillis(grace))
            .advanceBy(Duration.ofMillis(ADVANCE)))
        .count(dev.sluice.streams.kstream.Materialized.as("counts"))
        .toStream().map((w, v) -> KeyValue.pair(windowKey(w), v.intValue())).to("out");
    TimeReference expected = new TimeReference(input, grace);
    try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), DslSemanticsProperties.props(1, 1, false))) {
      TestInputTopic<String, Integer> in = driver.createInputTopic("in", org.apache.kafka.common.serialization.Serdes.String().serializer(),
          org.apache.kafka.common.serialization.Serdes.Integer().serializer());
      TestOutputTopic<String, Integer> out = driver.createOutputTopic("out",
          org.apache.kafka.common.serialization.Serdes.String().deserializer(),
          org.apache.kafka.common.serialization.Serdes.Integer().deserializer());
      DslSemanticsProperties.pipe(in, input);
      assertThat(perKey(out.readKeyValuesToList())).isEqualTo(expected.updates);
      long late = driver.metrics().entrySet().stream()
          .filter(e -> e.getKey().endsWith("numLateRecordsDropped") && e.getKey().startsWith("counts["))
          .mapToLong(Map.Entry::getValue).sum();
      assertThat(late).isEqualTo(expected.late);
    }
  }

  @Property(tries = TRIES)
  void suppressAndEmitOnCloseEmitEachClosedWindowOnce(@ForAll("records") List<In> input,
      @ForAll @IntRange(min = 0, max = 12) int graceTens, @ForAll boolean viaSuppress) {
    int grace = graceTens * 10;
    TimeWindows windows = TimeWindows.ofSizeAndGrace(Duration.ofMillis(SIZE), Duration.ofMillis(grace))
        .advanceBy(Duration.ofMillis(ADVANCE));
    List<TestRecord<String, Integer>> out = run(g -> viaSuppress
            ? g.windowedBy(windows).count().suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
            : g.windowedBy(windows).emitStrategy(EmitStrategy.onWindowClose()).count(),
        input, 1, 1);
    assertThat(multiset(kvs(out))).isEqualTo(multiset(new TimeReference(input, grace).finals));
  }

  /** Reference of session counts. */
  static final class SessionReference {
    final Map<String, List<Integer>> updates = new HashMap<>();
    final List<KeyValue<String, Integer>> finals = new ArrayList<>();

    SessionReference(List<In> input, long gap, long grace) {
      long streamTime = Long.MIN_VALUE;
      Map<String, List<long[]>> sessions = new HashMap<>();   // key -> {start, end, count}
      for (In r : input) {
        if (r.key() == null) {
          continue;
        }
        streamTime = Math.max(streamTime, r.ts());
        List<long[]> own = sessions.computeIfAbsent(r.key(), k -> new ArrayList<>());
        long start = r.ts();
        long end = r.ts();
        List<long[]> merged = new ArrayList<>();
        for (long[] s : own) {
          if (s[0] <= r.ts() + gap && s[1] >= r.ts() - gap) {
            merged.add(s);
            start = Math.min(start, s[0]);
            end = Math.max(end, s[1]);
          }
        }
        if (end + grace >= streamTime) {
          merged.sort((x, y) -> Long.compare(x[0], y[0]));
          long count = 0;
          for (long[] s : merged) {
            count += s[2];
            own.remove(s);
            updates.computeIfAbsent(r.key() + "@" + s[0] + "-" + s[1], k -> new ArrayList<>()).add(null);
          }
          count++;
          own.add(new long[] {start, end, count});
          updates.computeIfAbsent(r.key() + "@" + start + "-" + end, k -> new ArrayList<>()).add((int) count);
        }
        for (Map.Entry<String, List<long[]>> e : sessions.entrySet()) {
          for (Iterator<long[]> it = e.getValue().iterator(); it.hasNext(); ) {
            long[] s = it.next();
            if (s[1] + grace + 1 <= streamTime) {
              finals.add(KeyValue.pair(e.getKey() + "@" + s[0] + "-" + s[1], (int) s[2]));
              it.remove();
            }
          }
        }
      }
    }
  }

  @Property(tries = TRIES)
  void sessionCountsPerUpdateAndOnClose(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 6) int gapTens,
      @ForAll @IntRange(min = 0, max = 10) int graceTens) {
    int gap = gapTens * 10;
    int grace = graceTens * 10;
    SessionWindows windows = SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(gap), Duration.ofMillis(grace));
    SessionReference expected = new SessionReference(input, gap, grace);
    List<TestRecord<String, Integer>> updates = run(g -> g.windowedBy(windows).count(), input, 1, 1);
    assertThat(perKey(kvs(updates))).isEqualTo(expected.updates);
    List<TestRecord<String, Integer>> finals = run(g -> g.windowedBy(windows).count()
        .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())), input, 1, 1);
    assertThat(multiset(kvs(finals))).isEqualTo(multiset(expected.finals));
  }

  @Property(tries = TRIES)
  void sessionsOnSeveralPartitionsWithoutClosing(@ForAll("records") List<In> input,
      @ForAll @IntRange(min = 1, max = 60) int gap, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    SessionWindows windows = SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(gap), Duration.ofMillis(10_000));
    List<TestRecord<String, Integer>> updates = run(g -> g.windowedBy(windows).count(), input, threads, partitions);
    assertThat(perKey(kvs(updates))).isEqualTo(new SessionReference(input, gap, 10_000).updates);
  }

  // ------------------------------------------------------------------ sliding windows

  static final long D = 30;

  /** The windows of a key's records by definition, with their counts: {@code [x - d, x]}, and {@code [x + 1, x + 1 + d]} when not empty. */
  static Map<String, Integer> slidingByDefinition(List<In> input) {
    Map<String, List<Long>> times = new HashMap<>();
    for (In r : input) {
      if (r.key() != null) {
        times.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.ts());
      }
    }
    Map<String, Integer> out = new HashMap<>();
    times.forEach((k, ts) -> {
      for (long x : ts) {
        for (long start : new long[] {x - D, x + 1}) {
          int n = (int) ts.stream().filter(t -> t >= start && t <= start + D).count();
          if (n > 0) {
            out.put(k + "@" + start + "-" + (start + D), n);
          }
        }
      }
    });
    return out;
  }

  @Property(tries = TRIES)
  void slidingWindowsOnSeveralPartitionsEndWithEveryWindowOfTheDefinition(@ForAll("records") List<In> input,
      @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 1, max = 4) int partitions) {
    List<TestRecord<String, Integer>> out = run(g -> g.windowedBy(
        dev.sluice.streams.kstream.SlidingWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(D), Duration.ofMillis(10_000)))
        .count(), input, threads, partitions);
    assertThat(DslSemanticsProperties.table(kvs(out))).isEqualTo(slidingByDefinition(input));
  }

  /** Sequential reference of sliding windows with lateness: the windows a record touches, by stream time. */
  static List<KeyValue<String, Integer>> slidingFinals(List<In> input, long grace) {
    long streamTime = Long.MIN_VALUE;
    Map<String, List<Long>> accepted = new HashMap<>();
    Map<String, long[]> open = new java.util.TreeMap<>();   // window key -> {end, count}
    List<KeyValue<String, Integer>> finals = new ArrayList<>();
    for (In r : input) {
      if (r.key() == null) {
        continue;
      }
      long t = r.ts();
      streamTime = Math.max(streamTime, t);
      if (t + D + grace >= streamTime) {
        List<Long> ts = accepted.computeIfAbsent(r.key(), k -> new ArrayList<>());
        ts.add(t);
        java.util.Set<Long> starts = new java.util.LinkedHashSet<>();
        for (long x : ts) {
          if (x >= t && x <= t + D) {
            starts.add(x - D);
          }
          if (x >= t - D - 1 && x <= t - 1) {
            starts.add(x + 1);
          }
          if (x > t && x <= t + 1 + D) {
            starts.add(t + 1);
          }
        }
        for (long start : starts) {
          long end = start + D;
          if (end + grace < streamTime) {
            continue;
          }
          int n = (int) ts.stream().filter(x -> x >= start && x <= end).count();
          open.put(r.key() + "@" + start + "-" + end, new long[] {end, n});
        }
      }
      for (var it = open.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (e.getValue()[0] + grace + 1 <= streamTime) {
          finals.add(KeyValue.pair(e.getKey(), (int) e.getValue()[1]));
          it.remove();
        }
      }
    }
    return finals;
  }

  @Property(tries = TRIES)
  void slidingWindowsEmitOnCloseWithLateRecords(@ForAll("records") List<In> input,
      @ForAll @IntRange(min = 0, max = 6) int graceTens) {
    long grace = graceTens * 10L;
    List<TestRecord<String, Integer>> out = run(g -> g.windowedBy(
        dev.sluice.streams.kstream.SlidingWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(D), Duration.ofMillis(grace)))
        .emitStrategy(EmitStrategy.onWindowClose()).count(), input, 1, 1);
    assertThat(multiset(kvs(out))).isEqualTo(multiset(slidingFinals(input, grace)));
  }
}
