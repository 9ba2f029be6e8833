package dev.sluice.examples.streams;

import dev.sluice.streams.KafkaStreams;
import dev.sluice.streams.StreamsBuilder;
import dev.sluice.streams.StreamsConfig;
import dev.sluice.streams.Topology;
import dev.sluice.streams.kstream.KStream;
import dev.sluice.streams.kstream.KTable;
import dev.sluice.streams.kstream.Produced;
import java.util.Arrays;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The Kafka Streams word count, ported to Sluice by changing its imports ({@code
 * org.apache.kafka.streams} became {@code dev.sluice.streams}; {@code Serdes} is Kafka's own).
 * Reads lines from {@code input-topic}, writes the count of each word to {@code
 * word-count-output}. Run it with the bootstrap servers as the argument.
 */
public class WordCountApplication {
  /** The application's configuration. */
  public static Properties config(String bootstrapServers) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "wordcount-application");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.String().getClass());
    config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.String().getClass());
    return config;
  }

  /** The seed's topology, unchanged but for the imports. */
  public static Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> textLines = builder.stream("input-topic");
    KTable<String, Long> wordCounts = textLines
        .flatMapValues(textLine -> Arrays.asList(textLine.toLowerCase().split("\\W+")))
        .groupBy((key, word) -> word)
        .count();
    wordCounts.toStream().to("word-count-output", Produced.with(Serdes.String(), Serdes.Long()));
    return builder.build();
  }

  /** Starts the application; the caller closes it. */
  public static KafkaStreams start(Properties config) {
    KafkaStreams streams = new KafkaStreams(topology(), config);
    streams.start();
    return streams;
  }

  public static void main(String[] args) throws InterruptedException {
    KafkaStreams streams = start(config(args.length > 0 ? args[0] : "localhost:9092"));
    Runtime.getRuntime().addShutdownHook(new Thread(streams::close, "wordcount-shutdown"));
    Thread.currentThread().join();
  }
}
