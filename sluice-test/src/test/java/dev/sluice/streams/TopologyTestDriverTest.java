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
}
