package dev.sluice.streams;

import static dev.sluice.streams.DslSemanticsProperties.multiset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.streams.DslSemanticsProperties.In;
import dev.sluice.streams.kstream.JoinWindows;
import dev.sluice.streams.kstream.KStream;
import dev.sluice.streams.kstream.StreamJoined;
import dev.sluice.streams.kstream.ValueJoiner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.serialization.Serdes;

/** KStream-KStream windowed joins against a sequential reference (stream time, late records, closing). */
class StreamJoinProperties {
  /** A record for the left ({@code left}) or the right input. */
  record Side(boolean left, In record) {}

  @Provide
  Arbitrary<List<Side>> sides() {
    Arbitrary<String> keys = Arbitraries.of("a", "b", "c").injectNull(0.03);
    Arbitrary<Integer> values = Arbitraries.integers().between(0, 9);
    Arbitrary<Long> ts = Arbitraries.longs().between(0, 30).map(t -> t * 10);
    Arbitrary<In> in = Combinators.combine(keys, values, ts).as(In::new);
    return Combinators.combine(Arbitraries.of(true, false), in).as(Side::new).list().ofMaxSize(30);
  }

  static final ValueJoiner<Integer, Integer, Integer> JOINER = (a, b) -> (a == null ? 99 : a) * 100 + (b == null ? 99 : b);

  /** The reference: the same rules, one record at a time. */
  static List<String> reference(List<Side> input, String kind, long before, long after, long grace) {
    List<String> out = new ArrayList<>();
    long streamTime = Long.MIN_VALUE;
    Map<String, TreeMap<Long, List<int[]>>> left = new HashMap<>();    // key -> ts -> {value, matched}
    Map<String, TreeMap<Long, List<int[]>>> right = new HashMap<>();
    List<long[]> events = new ArrayList<>();                           // {time, type, seq}; type 0..3
    List<String> eventKeys = new ArrayList<>();
    long seq = 0;
    for (Side s : input) {
      In r = s.record();
      if (r.key() == null) {
        continue;
      }
      streamTime = Math.max(streamTime, r.ts());
      long ts = r.ts();
      if (s.left()) {
        if (ts + after + grace >= streamTime) {
          boolean matched = false;
          for (Map.Entry<Long, List<int[]>> e : right.computeIfAbsent(r.key(), k -> new TreeMap<>()).entrySet()) {
            if (e.getKey() >= ts - before && e.getKey() <= ts + after) {
              for (int[] b : e.getValue()) {
                out.add(r.key() + "=" + JOINER.apply(r.value(), b[0]) + "@" + Math.max(ts, e.getKey()));
                b[1] = 1;
                matched = true;
              }
            }
          }
          left.computeIfAbsent(r.key(), k -> new TreeMap<>()).computeIfAbsent(ts, t -> new ArrayList<>())
              .add(new int[] {r.value(), matched ? 1 : 0});
          events.add(new long[] {ts + after + grace, 0, seq++, ts});
          eventKeys.add(r.key());
          events.add(new long[] {ts + after + before + grace, 2, seq++, ts});
          eventKeys.add(r.key());
        }
      } else if (ts + before + grace >= streamTime) {
        boolean matched = false;
        for (Map.Entry<Long, List<int[]>> e : left.computeIfAbsent(r.key(), k -> new TreeMap<>()).entrySet()) {
          if (e.getKey() >= ts - after && e.getKey() <= ts + before) {
            for (int[] b : e.getValue()) {
              out.add(r.key() + "=" + JOINER.apply(b[0], r.value()) + "@" + Math.max(ts, e.getKey()));
              b[1] = 1;
              matched = true;
            }
          }
        }
        right.computeIfAbsent(r.key(), k -> new TreeMap<>()).computeIfAbsent(ts, t -> new ArrayList<>())
            .add(new int[] {r.value(), matched ? 1 : 0});
        events.add(new long[] {ts + before + grace, 1, seq++, ts});
        eventKeys.add(r.key());
        events.add(new long[] {ts + after + before + grace, 3, seq++, ts});
        eventKeys.add(r.key());
      }
      // fire what is due, in time order (registration order within a time)
      List<Integer> due = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i) != null && events.get(i)[0] <= streamTime) {
          due.add(i);
        }
      }
      due.sort(Comparator.<Integer>comparingLong(i -> events.get(i)[0]).thenComparingLong(i -> events.get(i)[2]));
      for (int i : due) {
        long[] ev = events.get(i);
        String key = eventKeys.get(i);
        events.set(i, null);
        long t = ev[3];
        switch ((int) ev[1]) {
          case 0 -> {
            if (!kind.equals("inner")) {
              for (int[] b : left.get(key).getOrDefault(t, List.of())) {
                if (b[1] == 0) {
                  out.add(key + "=" + JOINER.apply(b[0], null) + "@" + t);
                  b[1] = 2; // emitted: another record of the same key and time fires its own event
                }
              }
            }
          }
          case 1 -> {
            if (kind.equals("outer")) {
              for (int[] b : right.get(key).getOrDefault(t, List.of())) {
                if (b[1] == 0) {
                  out.add(key + "=" + JOINER.apply(null, b[0]) + "@" + t);
                  b[1] = 2;
                }
              }
            }
          }
          case 2 -> left.get(key).remove(t);
          default -> right.get(key).remove(t);
        }
      }
    }
    return out;
  }

  static List<String> run(List<Side> input, String kind, JoinWindows windows, int threads, int partitions,
      boolean oneByOne) {
    StreamsBuilder b = new StreamsBuilder();
    KStream<String, Integer> l = b.stream("in");
    KStream<String, Integer> r = b.stream("in2");
    StreamJoined<String, Integer, Integer> named = StreamJoined.as("join");
    KStream<String, Integer> joined = switch (kind) {
      case "inner" -> l.join(r, JOINER, windows, named);
      case "left" -> l.leftJoin(r, JOINER, windows, named);
      default -> l.outerJoin(r, JOINER, windows, named);
    };
    joined.to("out");
    try (TopologyTestDriver driver = new TopologyTestDriver(b.build(),
        DslSemanticsProperties.props(threads, partitions, false))) {
      TestInputTopic<String, Integer> in1 = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.Integer().serializer());
      TestInputTopic<String, Integer> in2 = driver.createInputTopic("in2", Serdes.String().serializer(), Serdes.Integer().serializer());
      TestOutputTopic<String, Integer> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
          Serdes.Integer().deserializer());
      if (oneByOne) {
        // the order of arrival decides stream time: pipe (and settle) one record at a time
        for (Side s : input) {
          (s.left() ? in1 : in2).pipeInput(s.record().key(), s.record().value(), Instant.ofEpochMilli(s.record().ts()));
        }
      } else {
        List<In> lefts = input.stream().filter(Side::left).map(Side::record).toList();
        List<In> rights = input.stream().filter(s -> !s.left()).map(Side::record).toList();
        DslSemanticsProperties.pipe(in1, lefts);
        DslSemanticsProperties.pipe(in2, rights);
      }
      List<String> result = new ArrayList<>();
      out.readRecordsToList().forEach(rec -> result.add(rec.key() + "=" + rec.value() + "@" + rec.timestamp()));
      return result;
    }
  }

  /** Found by the property on CI: two unmatched left records of one key and time are emitted once each. */
  @net.jqwik.api.Example
  void twoUnmatchedLeftRecordsOfOneKeyAndTimeAreEmittedOnceEach() {
    List<Side> input = List.of(new Side(true, new In("c", 0, 90)), new Side(true, new In(null, 0, 0)),
        new Side(true, new In("c", 0, 90)), new Side(true, new In("a", 0, 160)));
    joinsAgreeWithTheReference(input, 2, 1, 5);
    assertThat(reference(input, "left", 20, 10, 50)).containsExactly("c=99@90", "c=99@90");
  }

  @Property(tries = 12)
  void joinsAgreeWithTheReference(@ForAll("sides") List<Side> input, @ForAll @IntRange(min = 0, max = 3) int beforeTens,
      @ForAll @IntRange(min = 0, max = 3) int afterTens, @ForAll @IntRange(min = 0, max = 5) int graceTens) {
    long before = beforeTens * 10L;
    long after = afterTens * 10L;
    long grace = graceTens * 10L;
    JoinWindows windows = JoinWindows.ofTimeDifferenceAndGrace(Duration.ZERO, Duration.ofMillis(grace))
        .before(Duration.ofMillis(before)).after(Duration.ofMillis(after));
    for (String kind : List.of("inner", "left", "outer")) {
      assertThat(multiset(run(input, kind, windows, 1, 1, true))).as(kind)
          .isEqualTo(multiset(reference(input, kind, before, after, grace)));
    }
  }

  @Property(tries = 12)
  void innerJoinOnSeveralPartitionsFindsEveryPairInTheWindow(@ForAll("sides") List<Side> input,
      @ForAll @IntRange(min = 0, max = 5) int diffTens, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    long diff = diffTens * 10L;
    List<String> expected = new ArrayList<>();
    for (Side l : input) {
      for (Side r : input) {
        if (l.left() && !r.left() && l.record().key() != null && l.record().key().equals(r.record().key())
            && Math.abs(l.record().ts() - r.record().ts()) <= diff) {
          expected.add(l.record().key() + "=" + JOINER.apply(l.record().value(), r.record().value()) + "@"
              + Math.max(l.record().ts(), r.record().ts()));
        }
      }
    }
    // a grace period beyond every timestamp: nothing is late, so the order of arrival does not matter
    JoinWindows windows = JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(diff), Duration.ofMillis(10_000));
    assertThat(multiset(run(input, "inner", windows, threads, partitions, false))).isEqualTo(multiset(expected));
  }
}
