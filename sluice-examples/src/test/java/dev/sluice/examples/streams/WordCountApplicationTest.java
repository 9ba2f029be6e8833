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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class WordCountApplicationTest {
  @RegisterExtension
  static final LocalKafkaExtension KAFKA = new LocalKafkaExtension();

  @TempDir Path stateDir;

  static final List<String> LINES = List.of("to be or not to be", "That is the question", "to stream or not");
  static final Map<String, Long> COUNTS = Map.of("to", 3L, "be", 2L, "or", 2L, "not", 2L, "that", 1L, "is", 1L,
      "the", 1L, "question", 1L, "stream", 1L);

  @Test
  void countsWordsOnTheBroker() throws Exception {
    KAFKA.kafka().createTopic("input-topic", 2);
    KAFKA.kafka().createTopic("word-count-output", 2);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", KAFKA.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
      for (String line : LINES) {
        producer.send(new ProducerRecord<>("input-topic", line));
      }
    }
    Properties config = WordCountApplication.config(KAFKA.bootstrapServers());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    try (KafkaStreams streams = WordCountApplication.start(config)) {
      Map<String, Long> latest = new HashMap<>();
      try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
          KAFKA.bootstrapServers(), "group.id", "reader", "auto.offset.reset", "earliest"),
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
