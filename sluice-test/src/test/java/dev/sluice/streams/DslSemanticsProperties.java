package dev.sluice.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.streams.kstream.Consumed;
import dev.sluice.streams.kstream.GlobalKTable;
import dev.sluice.streams.kstream.Grouped;
import dev.sluice.streams.kstream.KStream;
import dev.sluice.streams.kstream.KTable;
import dev.sluice.streams.kstream.Materialized;
import dev.sluice.streams.kstream.Named;
import dev.sluice.streams.kstream.Produced;
import dev.sluice.streams.kstream.Branched;
import dev.sluice.streams.processor.api.Processor;
import dev.sluice.streams.processor.api.ProcessorContext;
import dev.sluice.streams.processor.api.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.serialization.Serdes;

/**
 * For each DSL operator: the {@link TopologyTestDriver}'s output, on random input spread over
 * several partitions and parallel tasks, equals a sequential reference computation. Where the
 * engine's order across partitions is free (records of different keys, or of one new key coming
 * from several partitions), the comparison is per key or of the final table, which are fixed.
 */
class DslSemanticsProperties {
  static final int TRIES = 15;

  /** An input record: key (null sometimes), value (null sometimes), timestamp. */
  record In(String key, Integer value, long ts) {}

  @Provide
  Arbitrary<List<In>> records() {
    Arbitrary<String> keys = Arbitraries.of("a", "b", "c", "d", "e", "f").injectNull(0.05);
    Arbitrary<Integer> values = Arbitraries.integers().between(0, 20).injectNull(0.05);
    Arbitrary<Long> ts = Arbitraries.longs().between(0, 1_000);
    return Combinators.combine(keys, values, ts).as(In::new).list().ofMaxSize(40);
  }

  static Properties props(int threads, int partitions, boolean caching) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "semantics");
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.String().getClass());
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.Integer().getClass());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    p.put(TopologyTestDriver.PARTITIONS_CONFIG, partitions);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, caching ? 10_000_000L : 0L);
    return p;
  }

  /** Runs {@code topology} over {@code input} (piped in chunks) and returns what topic "out" got. */
  static List<TestRecord<String, Integer>> run(Consumer<StreamsBuilder> topology, List<In> input, int threads,
      int partitions, boolean caching) {
    StreamsBuilder builder = new StreamsBuilder();
    topology.accept(builder);
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props(threads, partitions, caching))) {
      TestInputTopic<String, Integer> in = driver.createInputTopic("in", Serdes.String().serializer(),
          Serdes.Integer().serializer());
      TestOutputTopic<String, Integer> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
          Serdes.Integer().deserializer());
      pipe(in, input);
      return out.readRecordsToList();
    }
  }

  static void pipe(TestInputTopic<String, Integer> in, List<In> input) {
    List<TestRecord<String, Integer>> chunk = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      In r = input.get(i);
      chunk.add(new TestRecord<>(r.key(), r.value(), java.time.Instant.ofEpochMilli(r.ts())));
      if (chunk.size() == 7 || i == input.size() - 1) {
        in.pipeRecordList(chunk);
        chunk.clear();
      }
    }
  }

  static List<KeyValue<String, Integer>> kvs(List<TestRecord<String, Integer>> records) {
    List<KeyValue<String, Integer>> out = new ArrayList<>();
    records.forEach(r -> out.add(KeyValue.pair(r.key(), r.value())));
    return out;
  }

  /**
   * The sequence of values per key, in order. Records without a key are left out: they are spread
   * round robin over the partitions, so their order is not fixed.
   */
  static Map<String, List<Integer>> perKey(List<KeyValue<String, Integer>> records) {
    Map<String, List<Integer>> out = new HashMap<>();
    for (KeyValue<String, Integer> kv : records) {
      if (kv.key == null) {
        continue;
      }
      out.computeIfAbsent(kv.key, k -> new ArrayList<>()).add(kv.value);
    }
    return out;
  }

  static <T> Map<T, Long> multiset(List<T> items) {
    Map<T, Long> out = new HashMap<>();
    items.forEach(i -> out.merge(i, 1L, Long::sum));
    return out;
  }

  /** The latest value per key (null deletes). */
  static Map<String, Integer> table(List<KeyValue<String, Integer>> updates) {
    Map<String, Integer> out = new HashMap<>();
    for (KeyValue<String, Integer> kv : updates) {
      if (kv.value == null) {
        out.remove(kv.key);
      } else {
        out.put(kv.key, kv.value);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ stateless

  /** A stateless step's output per key, compared with the step applied to each record in order. */
  private static void assertStateless(Consumer<StreamsBuilder> topology,
      Function<In, List<KeyValue<String, Integer>>> reference, List<In> input, int threads, int partitions,
      boolean keyPreserving) {
    List<KeyValue<String, Integer>> actual = kvs(run(topology, input, threads, partitions, false));
    List<KeyValue<String, Integer>> expected = new ArrayList<>();
    input.forEach(r -> expected.addAll(reference.apply(r)));
    if (keyPreserving) {
      assertThat(perKey(actual)).isEqualTo(perKey(expected));
    }
    assertThat(multiset(actual)).isEqualTo(multiset(expected));
  }

  @Property(tries = TRIES)
  void filter(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    assertStateless(b -> b.<String, Integer>stream("in").filter((k, v) -> v != null && v % 2 == 0).to("out"),
        r -> r.value() != null && r.value() % 2 == 0 ? List.of(KeyValue.pair(r.key(), r.value())) : List.of(),
        input, threads, partitions, true);
  }

  @Property(tries = TRIES)
  void filterNot(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    assertStateless(b -> b.<String, Integer>stream("in").filterNot((k, v) -> "a".equals(k)).to("out"),
        r -> !"a".equals(r.key()) ? List.of(KeyValue.pair(r.key(), r.value())) : List.of(),
        input, threads, partitions, true);
  }

  @Property(tries = TRIES)
  void mapValuesBothArities(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    assertStateless(b -> b.<String, Integer>stream("in")
            .mapValues(v -> v == null ? -1 : v * 3)
            .mapValues((k, v) -> k == null ? v : v + k.length())
            .to("out"),
        r -> List.of(KeyValue.pair(r.key(), (r.value() == null ? -1 : r.value() * 3) + (r.key() == null ? 0 : 1))),
        input, threads, partitions, true);
  }

  @Property(tries = TRIES)
  void mapAndSelectKey(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    assertStateless(b -> b.<String, Integer>stream("in")
            .map((k, v) -> KeyValue.pair(v == null ? null : "v" + (v % 3), k == null ? 0 : (int) k.charAt(0)))
            .selectKey((k, v) -> k == null ? "none" : k + "!")
            .to("out"),
        r -> List.of(KeyValue.pair(r.value() == null ? "none" : "v" + (r.value() % 3) + "!",
            r.key() == null ? 0 : (int) r.key().charAt(0))),
        input, threads, partitions, false);
  }

  @Property(tries = TRIES)
  void flatMapAndFlatMapValues(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    assertStateless(b -> b.<String, Integer>stream("in")
            .flatMapValues(v -> v == null ? List.<Integer>of() : Arrays.asList(v, v + 100))
            .flatMap((k, v) -> v % 2 == 0 ? List.of(KeyValue.pair(k, v), KeyValue.pair("even", v)) : List.of())
            .to("out"),
        r -> {
          List<KeyValue<String, Integer>> out = new ArrayList<>();
          if (r.value() != null) {
            for (int v : List.of(r.value(), r.value() + 100)) {
              if (v % 2 == 0) {
                out.add(KeyValue.pair(r.key(), v));
                out.add(KeyValue.pair("even", v));
              }
            }
          }
          return out;
        },
        input, threads, partitions, false);
  }

  @Property(tries = TRIES)
  void flatMapValuesKeepsOrderPerKey(@ForAll("records") List<In> input,
      @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 1, max = 4) int partitions) {
    assertStateless(b -> b.<String, Integer>stream("in")
            .flatMapValues((k, v) -> v == null ? List.<Integer>of() : List.of(v, -v))
            .to("out"),
        r -> r.value() == null ? List.of() : List.of(KeyValue.pair(r.key(), r.value()), KeyValue.pair(r.key(), -r.value())),
        input, threads, partitions, true);
  }

  @Property(tries = TRIES)
  void peekSeesEveryRecordOnce(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    List<KeyValue<String, Integer>> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    assertStateless(b -> b.<String, Integer>stream("in").peek((k, v) -> seen.add(KeyValue.pair(k, v))).to("out"),
        r -> List.of(KeyValue.pair(r.key(), r.value())), input, threads, partitions, true);
    List<KeyValue<String, Integer>> expected = new ArrayList<>();
    input.forEach(r -> expected.add(KeyValue.pair(r.key(), r.value())));
    assertThat(multiset(seen)).isEqualTo(multiset(expected));
  }

  @Property(tries = TRIES)
  void splitSendsEachRecordToItsFirstMatchingBranch(@ForAll("records") List<In> input,
      @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 1, max = 4) int partitions) {
    assertStateless(b -> {
      Map<String, KStream<String, Integer>> branches = b.<String, Integer>stream("in")
          .split(Named.as("s-"))
          .branch((k, v) -> v != null && v < 5, Branched.as("small"))
          .branch((k, v) -> v != null && v < 10, Branched.withFunction(s -> s.mapValues(v -> v * 10)))
          .branch((k, v) -> "a".equals(k), Branched.withConsumer(s -> s.mapValues(v -> -1000).to("out")))
          .defaultBranch(Branched.as("rest"));
      assertThat(branches.keySet()).containsExactlyInAnyOrder("s-small", "s-2", "s-rest");
      branches.get("s-small").mapValues(v -> v + 1000).to("out");
      branches.get("s-2").to("out");
      branches.get("s-rest").mapValues(v -> v == null ? 9999 : v).to("out");
    }, r -> {
      Integer v = r.value();
      int result;
      if (v != null && v < 5) {
        result = v + 1000;
      } else if (v != null && v < 10) {
        result = v * 10;
      } else if ("a".equals(r.key())) {
        result = -1000;
      } else {
        result = v == null ? 9999 : v;
      }
      return List.of(KeyValue.pair(r.key(), result));
    }, input, threads, partitions, true);
  }

  @Property(tries = TRIES)
  void mergeCombinesBothStreams(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    assertStateless(b -> {
      KStream<String, Integer> in = b.stream("in");
      KStream<String, Integer> evens = in.filter((k, v) -> v != null && v % 2 == 0);
      KStream<String, Integer> odds = in.filter((k, v) -> v != null && v % 2 == 1).mapValues(v -> -v);
      evens.merge(odds).to("out");
    }, r -> r.value() == null ? List.of()
        : List.of(KeyValue.pair(r.key(), r.value() % 2 == 0 ? r.value() : -r.value())),
        input, threads, partitions, false);   // the merged streams reach the sink on two channels: no order between them
  }

  @Property(tries = TRIES)
  void processForwardsWhatTheProcessorForwards(@ForAll("records") List<In> input,
      @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 1, max = 4) int partitions) {
    List<TestRecord<String, Integer>> out = run(b -> b.<String, Integer>stream("in")
        .process(() -> new Processor<String, Integer, String, Integer>() {
          private ProcessorContext<String, Integer> context;

          @Override
          public void init(ProcessorContext<String, Integer> context) {
            this.context = context;
          }

          @Override
          public void process(Record<String, Integer> record) {
            if (record.value() != null) {
              context.forward(record.withValue(record.value() * 2).withTimestamp(record.timestamp() + 1));
            }
          }
        }).to("out"), input, threads, partitions, false);
    List<String> expected = new ArrayList<>();
    input.forEach(r -> {
      if (r.value() != null) {
        expected.add(r.key() + "=" + (r.value() * 2) + "@" + (r.ts() + 1));
      }
    });
    List<String> actual = new ArrayList<>();
    out.forEach(r -> actual.add(r.key() + "=" + r.value() + "@" + r.timestamp()));
    assertThat(multiset(actual)).isEqualTo(multiset(expected));
  }

  // ------------------------------------------------------------------ aggregations

  /** Kafka Streams' stream aggregation: records with a null key or value are skipped. */
  static Map<String, List<Integer>> referenceAggregate(List<In> input, Function<In, String> key,
      java.util.function.BinaryOperator<Integer> add, Integer initial) {
    Map<String, Integer> agg = new HashMap<>();
    Map<String, List<Integer>> updates = new HashMap<>();
    for (In r : input) {
      String k = key.apply(r);
      if (k == null || r.value() == null) {
        continue;
      }
      Integer old = agg.get(k);
      Integer updated = old == null ? (initial == null ? r.value() : add.apply(initial, r.value())) : add.apply(old, r.value());
      agg.put(k, updated);
      updates.computeIfAbsent(k, x -> new ArrayList<>()).add(updated);
    }
    return updates;
  }

  private static void assertUpdates(List<TestRecord<String, Integer>> out, Map<String, List<Integer>> expected,
      boolean caching, boolean orderFixed) {
    Map<String, List<Integer>> actual = perKey(kvs(out));
    Map<String, Integer> finalExpected = new HashMap<>();
    expected.forEach((k, v) -> finalExpected.put(k, v.get(v.size() - 1)));
    assertThat(table(kvs(out))).isEqualTo(finalExpected);
    if (!caching && orderFixed) {
      assertThat(actual).isEqualTo(expected);
    } else if (!caching) {
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      actual.forEach((k, v) -> assertThat(v).hasSameSizeAs(expected.get(k)));
    } else if (orderFixed) {
      // coalesced: each emitted value is one the reference had, in order, the last one last
      actual.forEach((k, v) -> assertThat(expected.get(k)).containsSubsequence(v));
    }
  }

  @Property(tries = TRIES)
  void countByKey(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions, @ForAll boolean caching) {
    List<TestRecord<String, Integer>> out = run(b -> b.<String, Integer>stream("in").groupByKey().count()
        .toStream().mapValues(Long::intValue).to("out"), input, threads, partitions, caching);
    assertUpdates(out, referenceAggregate(input, In::key, (a, v) -> a + 1, 0), caching, true);
  }

  @Property(tries = TRIES)
  void reduceByKeyIsOrdered(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions, @ForAll boolean caching) {
    // not commutative: the order of a key's records matters, and is kept
    List<TestRecord<String, Integer>> out = run(b -> b.<String, Integer>stream("in").groupByKey()
        .reduce((a, v) -> (a * 31 + v) % 1_000_003).toStream().to("out"), input, threads, partitions, caching);
    assertUpdates(out, referenceAggregate(input, In::key, (a, v) -> (a * 31 + v) % 1_000_003, null), caching, true);
  }

  @Property(tries = TRIES)
  void aggregateByKey(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    List<TestRecord<String, Integer>> out = run(b -> b.<String, Integer>stream("in").groupByKey()
        .aggregate(() -> 7, (k, v, a) -> a * 2 - v, Materialized.as("agg")).toStream().to("out"),
        input, threads, partitions, false);
    assertUpdates(out, referenceAggregate(input, In::key, (a, v) -> a * 2 - v, 7), false, true);
  }

  @Property(tries = TRIES)
  void groupByANewKeyThenCountAndSum(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions, @ForAll boolean caching) {
    Function<In, String> newKey = r -> r.value() == null ? null : "g" + (r.value() % 3);
    List<TestRecord<String, Integer>> counts = run(b -> b.<String, Integer>stream("in")
        .groupBy((k, v) -> v == null ? null : "g" + (v % 3), Grouped.as("by-mod")).count()
        .toStream().mapValues(Long::intValue).to("out"), input, threads, partitions, caching);
    // records of one new key come from several partitions: their order is free, counts are not
    assertUpdates(counts, referenceAggregate(input, newKey, (a, v) -> a + 1, 0), caching, true);
    List<TestRecord<String, Integer>> sums = run(b -> b.<String, Integer>stream("in")
        .groupBy((k, v) -> v == null ? null : "g" + (v % 3)).reduce(Integer::sum)
        .toStream().to("out"), input, threads, partitions, caching);
    assertUpdates(sums, referenceAggregate(input, newKey, Integer::sum, null), caching, false);
  }

  // ------------------------------------------------------------------ tables

  /** Kafka Streams' table semantics for a changelog topic: upserts, null deletes, null keys skipped. */
  static Map<String, List<Integer>> referenceTableUpdates(List<In> input, java.util.function.Predicate<Integer> keep,
      Function<Integer, Integer> map) {
    Map<String, Integer> table = new HashMap<>();
    Map<String, List<Integer>> updates = new LinkedHashMap<>();
    for (In r : input) {
      if (r.key() == null) {
        continue;
      }
      Integer old = table.get(r.key());
      if (r.value() == null) {
        if (old == null) {
          continue;
        }
        table.remove(r.key());
      } else {
        table.put(r.key(), r.value());
      }
      Integer n = r.value() != null && keep.test(r.value()) ? map.apply(r.value()) : null;
      Integer o = old != null && keep.test(old) ? map.apply(old) : null;
      if (n != null || o != null) {
        updates.computeIfAbsent(r.key(), x -> new ArrayList<>()).add(n);
      }
    }
    return updates;
  }

  @Property(tries = TRIES)
  void tableFromTopicWithFilterAndMapValues(@ForAll("records") List<In> input,
      @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 1, max = 4) int partitions) {
    List<TestRecord<String, Integer>> out = run(b -> b.<String, Integer>table("in",
            Materialized.<String, Integer, dev.sluice.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("t")
                .withCachingDisabled())
        .filter((k, v) -> v % 4 != 0).mapValues(v -> v + 1).toStream().to("out"), input, threads, partitions, false);
    assertThat(perKey(kvs(out))).isEqualTo(referenceTableUpdates(input, v -> v % 4 != 0, v -> v + 1));
  }

  @Property(tries = TRIES)
  void toTableUpserts(@ForAll("records") List<In> input, @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    List<TestRecord<String, Integer>> out = run(b -> b.<String, Integer>stream("in").toTable().toStream().to("out"),
        input, threads, partitions, false);
    assertThat(perKey(kvs(out))).isEqualTo(referenceTableUpdates(input, v -> true, v -> v));
  }

  @Property(tries = TRIES)
  void tableGroupByWithAdderAndSubtractor(@ForAll("records") List<In> input,
      @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 1, max = 4) int partitions,
      @ForAll boolean caching) {
    // a table of key -> value re-grouped by value % 3: a key whose value moves leaves its old group
    Map<String, Integer> table = new HashMap<>();
    for (In r : input) {
      if (r.key() == null) {
        continue;
      }
      if (r.value() == null) {
        table.remove(r.key());
      } else {
        table.put(r.key(), r.value());
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> sums = new HashMap<>();
    table.values().forEach(v -> {
      counts.merge("g" + (v % 3), 1, Integer::sum);
      sums.merge("g" + (v % 3), v, Integer::sum);
    });
    List<TestRecord<String, Integer>> countOut = run(b -> b.<String, Integer>table("in")
        .groupBy((k, v) -> KeyValue.pair("g" + (v % 3), v)).count()
        .toStream().mapValues(Long::intValue).to("out"), input, threads, partitions, caching);
    Map<String, Integer> actualCounts = table(kvs(countOut));
    actualCounts.values().removeIf(c -> c == 0);
    assertThat(actualCounts).isEqualTo(counts);
    List<TestRecord<String, Integer>> sumOut = run(b -> b.<String, Integer>table("in")
        .groupBy((k, v) -> KeyValue.pair("g" + (v % 3), v))
        .aggregate(() -> 0, (k, v, a) -> a + v, (k, v, a) -> a - v)
        .toStream().to("out"), input, threads, partitions, caching);
    Map<String, Integer> actualSums = table(kvs(sumOut));
    for (String g : List.of("g0", "g1", "g2")) {
      assertThat(actualSums.getOrDefault(g, 0)).as("sum of %s", g).isEqualTo(sums.getOrDefault(g, 0));
    }
  }

  @Property(tries = TRIES)
  void tableTableJoins(@ForAll("records") List<In> left, @ForAll("records") List<In> right,
      @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 1, max = 4) int partitions) {
    Map<String, Integer> l = finalTable(left);
    Map<String, Integer> r = finalTable(right);
    for (String kind : List.of("inner", "left", "outer")) {
      Map<String, Integer> expected = new HashMap<>();
      java.util.Set<String> keys = new java.util.HashSet<>(l.keySet());
      keys.addAll(r.keySet());
      for (String k : keys) {
        Integer lv = l.get(k);
        Integer rv = r.get(k);
        boolean match = switch (kind) {
          case "inner" -> lv != null && rv != null;
          case "left" -> lv != null;
          default -> true;
        };
        if (match) {
          expected.put(k, (lv == null ? 0 : lv) * 100 + (rv == null ? -1 : rv));
        }
      }
      StreamsBuilder b = new StreamsBuilder();
      KTable<String, Integer> lt = b.table("in");
      KTable<String, Integer> rt = b.table("in2");
      dev.sluice.streams.kstream.ValueJoiner<Integer, Integer, Integer> joiner =
          (a, c) -> (a == null ? 0 : a) * 100 + (c == null ? -1 : c);
      KTable<String, Integer> joined = switch (kind) {
        case "inner" -> lt.join(rt, joiner);
        case "left" -> lt.leftJoin(rt, joiner);
        default -> lt.outerJoin(rt, joiner);
      };
      joined.toStream().to("out");
      try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), props(threads, partitions, kind.equals("left")))) {
        TestInputTopic<String, Integer> in1 = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.Integer().serializer());
        TestInputTopic<String, Integer> in2 = driver.createInputTopic("in2", Serdes.String().serializer(), Serdes.Integer().serializer());
        TestOutputTopic<String, Integer> out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.Integer().deserializer());
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {    // interleave the two topics
          if (i < left.size()) {
            pipe(in1, left.subList(i, Math.min(left.size(), i + 5)));
            i += 5;
          }
          if (j < right.size()) {
            pipe(in2, right.subList(j, Math.min(right.size(), j + 3)));
            j += 3;
          }
        }
        assertThat(out.readKeyValuesToMap()).as(kind).isEqualTo(expected);
      }
    }
  }

  static Map<String, Integer> finalTable(List<In> input) {
    Map<String, Integer> t = new HashMap<>();
    for (In r : input) {
      if (r.key() == null) {
        continue;
      }
      if (r.value() == null) {
        t.remove(r.key());
      } else {
        t.put(r.key(), r.value());
      }
    }
    return t;
  }

  @Property(tries = TRIES)
  void streamTableAndGlobalTableJoins(@ForAll("records") List<In> tableInput, @ForAll("records") List<In> streamInput,
      @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 1, max = 4) int partitions,
      @ForAll boolean left) {
    Map<String, Integer> t = finalTable(tableInput);
    List<KeyValue<String, Integer>> expectedByKey = new ArrayList<>();
    List<KeyValue<String, Integer>> expectedGlobal = new ArrayList<>();
    for (In r : streamInput) {
      if (r.key() != null) {
        Integer tv = t.get(r.key());
        if (tv != null || left) {
          expectedByKey.add(KeyValue.pair(r.key(), join(r.value(), tv)));
        }
      }
      String gk = r.value() == null ? null : String.valueOf((char) ('a' + r.value() % 6));
      Integer gv = gk == null ? null : t.get(gk);
      if (gv != null || left) {
        expectedGlobal.add(KeyValue.pair(r.key(), join(r.value(), gv)));
      }
    }
    StreamsBuilder b = new StreamsBuilder();
    KStream<String, Integer> s = b.stream("in");
    KTable<String, Integer> table = b.table("table");
    GlobalKTable<String, Integer> global = b.globalTable("global", Consumed.with(Serdes.String(), Serdes.Integer()));
    (left ? s.leftJoin(table, DslSemanticsProperties::join) : s.join(table, DslSemanticsProperties::join)).to("out");
    dev.sluice.streams.kstream.KeyValueMapper<String, Integer, String> toGlobalKey =
        (k, v) -> v == null ? null : String.valueOf((char) ('a' + v % 6));
    (left ? s.leftJoin(global, toGlobalKey, DslSemanticsProperties::join)
        : s.join(global, toGlobalKey, DslSemanticsProperties::join)).to("out-global", Produced.with(Serdes.String(), Serdes.Integer()));
    try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), props(threads, partitions, true))) {
      var ser = Serdes.String().serializer();
      var iser = Serdes.Integer().serializer();
      pipe(driver.createInputTopic("table", ser, iser), tableInput);
      pipe(driver.createInputTopic("global", ser, iser), tableInput);
      pipe(driver.createInputTopic("in", ser, iser), streamInput);   // after the tables: lookups see them whole
      var out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.Integer().deserializer());
      var outGlobal = driver.createOutputTopic("out-global", Serdes.String().deserializer(), Serdes.Integer().deserializer());
      List<KeyValue<String, Integer>> byKey = out.readKeyValuesToList();
      List<KeyValue<String, Integer>> byGlobal = outGlobal.readKeyValuesToList();
      assertThat(perKey(byKey)).isEqualTo(perKey(expectedByKey));
      assertThat(multiset(byKey)).isEqualTo(multiset(expectedByKey));
      assertThat(perKey(byGlobal)).isEqualTo(perKey(expectedGlobal));
      assertThat(multiset(byGlobal)).isEqualTo(multiset(expectedGlobal));
    }
  }

  static Integer join(Integer v, Integer t) {
    return Objects.hash(v, t);
  }
}
