package dev.sluice.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.streams.kstream.KStream;
import dev.sluice.streams.kstream.KTable;
import dev.sluice.streams.kstream.Produced;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class TopologyTestDriverTest {
  static Properties props(int threads, int partitions) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "wc");
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.String().getClass());
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.String().getClass());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    p.put(TopologyTestDriver.PARTITIONS_CONFIG, partitions);
    return p;
  }

  static Topology wordCount() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> textLines = builder.stream("input-topic");
    KTable<String, Long> wordCounts = textLines
        .flatMapValues(textLine -> Arrays.asList(textLine.toLowerCase().split("\\W+")))
        .groupBy((key, word) -> word)
        .count();
    wordCounts.toStream().to("word-count-output", Produced.with(Serdes.String(), Serdes.Long()));
    return builder.build();
  }

  @Test
  void wordCountOnSeveralPartitionsAndTasks() {
    try (TopologyTestDriver driver = new TopologyTestDriver(wordCount(), props(2, 3))) {
      TestInputTopic<String, String> in = driver.createInputTopic("input-topic",
          Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, Long> out = driver.createOutputTopic("word-count-output",
          Serdes.String().deserializer(), Serdes.Long().deserializer());
      in.pipeInput("k1", "to be or not to be");
      assertThat(out.readKeyValuesToMap()).isEqualTo(Map.of("to", 2L, "be", 2L, "or", 1L, "not", 1L));
      in.pipeInput("k2", "that is the question");
      in.pipeInput(null, "To stream");
      Map<String, Long> counts = out.readKeyValuesToMap();
      assertThat(counts).containsEntry("to", 3L).containsEntry("stream", 1L).containsEntry("question", 1L)
          .doesNotContainKey("be");
      assertThat(out.isEmpty()).isTrue();
    }
  }

  @Test
  void unknownTopicsAreNamed() {
    try (TopologyTestDriver driver = new TopologyTestDriver(wordCount(), props(1, 1))) {
      assertThatThrownBy(() -> driver.createInputTopic("nope", Serdes.String().serializer(), Serdes.String().serializer()))
          .hasMessageContaining("Unknown topic: nope");
    }
  }

  @Test
  void aSerdeThatDoesNotFitNamesTheTopic() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, String>stream("in").mapValues(v -> v.length()).to("out");   // Integer with a String serde
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props(1, 1))) {
      TestInputTopic<String, String> in = driver.createInputTopic("in",
          Serdes.String().serializer(), Serdes.String().serializer());
      assertThatThrownBy(() -> in.pipeInput("a", "abc"))
          .hasMessageContaining("topic [out]").hasMessageContaining("value serializer");
    }
  }

  @Test
  void recordsKeepTheirTimestamps() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, String>stream("in").filter((k, v) -> !v.isEmpty()).to("out");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props(1, 1))) {
      TestInputTopic<String, String> in = driver.createInputTopic("in",
          Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, String> out = driver.createOutputTopic("out",
          Serdes.String().deserializer(), Serdes.String().deserializer());
      in.pipeInput("a", "x", 1234L);
      in.pipeInput("b", "", 1235L);
      List<TestRecord<String, String>> records = out.readRecordsToList();
      assertThat(records).hasSize(1);
      assertThat(records.get(0).timestamp()).isEqualTo(1234L);
    }
  }

  @Test
  void droppedRecordsAreCountedInAMetric() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, String>stream("in").groupByKey().count(dev.sluice.streams.kstream.Materialized.as("counts"))
        .toStream().to("out", Produced.with(Serdes.String(), Serdes.Long()));
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props(2, 3))) {
      TestInputTopic<String, String> in = driver.createInputTopic("in",
          Serdes.String().serializer(), Serdes.String().serializer());
      in.pipeKeyValueList(List.of(KeyValue.pair("a", "x"), KeyValue.pair(null, "y"), KeyValue.pair("b", null),
          KeyValue.pair(null, null), KeyValue.pair("a", "z")));
      long dropped = driver.metrics().entrySet().stream()
          .filter(e -> e.getKey().startsWith("counts-drop-nulls[") && e.getKey().endsWith(".droppedRecords"))
          .mapToLong(Map.Entry::getValue).sum();
      assertThat(dropped).isEqualTo(3);
      assertThat(driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.Long().deserializer())
          .readKeyValuesToMap()).isEqualTo(Map.of("a", 2L));
    }
  }

  @Test
  void theCacheCoalescesUpdatesOfAKeyUntilTheNextCommit() {
    for (long cacheBytes : new long[] {0, 10_000_000}) {
      StreamsBuilder builder = new StreamsBuilder();
      builder.<String, String>stream("in").groupByKey().count().toStream()
          .to("out", Produced.with(Serdes.String(), Serdes.Long()));
      Properties p = props(1, 2);
      p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheBytes);
      try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), p)) {
        TestInputTopic<String, String> in = driver.createInputTopic("in",
            Serdes.String().serializer(), Serdes.String().serializer());
        TestOutputTopic<String, Long> out = driver.createOutputTopic("out",
            Serdes.String().deserializer(), Serdes.Long().deserializer());
        in.pipeKeyValueList(List.of(KeyValue.pair("a", "1"), KeyValue.pair("a", "2"), KeyValue.pair("a", "3")));
        List<KeyValue<String, Long>> updates = out.readKeyValuesToList();
        if (cacheBytes == 0) {
          assertThat(updates).containsExactly(KeyValue.pair("a", 1L), KeyValue.pair("a", 2L), KeyValue.pair("a", 3L));
        } else {
          assertThat(updates).containsExactly(KeyValue.pair("a", 3L));
        }
      }
    }
  }

  @Test
  void wallClockTimeIsTheDriversManualClock() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, String>stream("in").process(() -> new dev.sluice.streams.processor.api.Processor<String, String, String, String>() {
      private dev.sluice.streams.processor.api.ProcessorContext<String, String> context;

      @Override
      public void init(dev.sluice.streams.processor.api.ProcessorContext<String, String> context) {
        this.context = context;
      }

      @Override
      public void process(dev.sluice.streams.processor.api.Record<String, String> record) {
        context.forward(record.withValue(String.valueOf(context.currentSystemTimeMs())));
      }
    }).to("out");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props(1, 1),
        java.time.Instant.ofEpochMilli(1_000))) {
      TestInputTopic<String, String> in = driver.createInputTopic("in",
          Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, String> out = driver.createOutputTopic("out",
          Serdes.String().deserializer(), Serdes.String().deserializer());
      in.pipeInput("k", "v");
      driver.advanceWallClockTime(java.time.Duration.ofSeconds(5));
      in.pipeInput("k", "v");
      assertThat(out.readValuesToList()).containsExactly("1000", "6000");
    }
  }

  @Test
  void aTopologyWithoutASinkIsRefused() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, String>stream("in").filter((k, v) -> true);
    assertThatThrownBy(() -> new TopologyTestDriver(builder.build(), props(1, 1)))
        .isInstanceOf(dev.sluice.streams.errors.TopologyException.class).hasMessageContaining("no sink");
  }
}
