package dev.sluice.examples.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kafka.testing.LocalKafkaExtension;
import dev.sluice.streams.KafkaStreams;
import dev.sluice.streams.StreamsConfig;
import dev.sluice.streams.TestInputTopic;
import dev.sluice.streams.TestOutputTopic;
import dev.sluice.streams.TopologyTestDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class WordCountApplicationTest {
  @RegisterExtension
  static final LocalKafkaExtension KAFKA = new LocalKafkaExtension();

  @TempDir Path stateDir;

  static final List<String> LINES = List.of("to be or not to be", "That is the question", "to stream or not");
  static final Map<String, Long> COUNTS = Map.of("to", 3L, "be", 2L, "or", 2L, "not", 2L, "that", 1L, "is", 1L,
      "the", 1L, "question", 1L, "stream", 1L);

  @ParameterizedTest
  @ValueSource(strings = {StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2})
  void countsWordsOnTheBroker(String guarantee) throws Exception {
    // the seed's topic names are fixed: each run gets fresh topics, deleted afterwards
    KAFKA.kafka().createTopic("input-topic", 2);
    KAFKA.kafka().createTopic("word-count-output", 2);
    try {
      run(guarantee);
    } finally {
      try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
          Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
        admin.deleteTopics(List.of("input-topic", "word-count-output")).all().get();
        long deadline = System.currentTimeMillis() + 30_000;
        while (admin.listTopics().names().get().stream().anyMatch(t -> t.equals("input-topic")
            || t.equals("word-count-output")) && System.currentTimeMillis() < deadline) {
          Thread.sleep(50);
        }
      }
    }
  }

  private void run(String guarantee) throws Exception {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", KAFKA.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
      for (String line : LINES) {
        producer.send(new ProducerRecord<>("input-topic", line));
      }
    }
    Properties config = WordCountApplication.config(KAFKA.bootstrapServers());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "wordcount-" + guarantee.replace('_', '-'));
    try (KafkaStreams streams = WordCountApplication.start(config)) {
      Map<String, Long> latest = new HashMap<>();
      try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
          KAFKA.bootstrapServers(), "group.id", "reader-" + guarantee, "auto.offset.reset", "earliest",
          "isolation.level", "read_committed"),
          new StringDeserializer(), new LongDeserializer())) {
        consumer.subscribe(List.of("word-count-output"));
        long deadline = System.currentTimeMillis() + 60_000;
        while (!latest.equals(COUNTS) && System.currentTimeMillis() < deadline) {
          for (ConsumerRecord<String, Long> r : consumer.poll(Duration.ofMillis(200))) {
            latest.put(r.key(), r.value());
          }
        }
      }
      assertThat(latest).isEqualTo(COUNTS);
      assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
  }

  @Test
  void countsWordsInTheTestDriverOnThreePartitions() {
    Properties config = WordCountApplication.config("unused:9092");
    config.put(TopologyTestDriver.PARTITIONS_CONFIG, 3);
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    try (TopologyTestDriver driver = new TopologyTestDriver(WordCountApplication.topology(), config)) {
      TestInputTopic<String, String> in = driver.createInputTopic("input-topic", new StringSerializer(),
          new StringSerializer());
      TestOutputTopic<String, Long> out = driver.createOutputTopic("word-count-output", new StringDeserializer(),
          new LongDeserializer());
      LINES.forEach(in::pipeInput);
      assertThat(out.readKeyValuesToMap()).isEqualTo(COUNTS);
    }
  }
}
