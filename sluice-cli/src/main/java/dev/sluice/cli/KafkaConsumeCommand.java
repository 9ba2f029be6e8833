package dev.sluice.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sluice kafka consume TOPIC}: prints a topic's committed records from its beginning. */
@Command(name = "consume", mixinStandardHelpOptions = true,
    description = {"Print the records of a topic from its beginning, as text: the value, or key<TAB>value.",
        "Reads with isolation.level=read_committed: only committed transactions (what an",
        "exactly-once sink has committed). Runs until Ctrl-C, or --idle seconds without a record."},
    footer = {"", "Examples:", "  sluice kafka consume word-counts", "  sluice kafka consume word-counts --idle 5"})
final class KafkaConsumeCommand implements Callable<Integer> {
  @ParentCommand
  KafkaCommand parent;

  @Parameters(index = "0", paramLabel = "TOPIC", description = "The topic.")
  String topic;

  @Option(names = {"-b", "--bootstrap-server"}, paramLabel = "HOST:PORT", defaultValue = KafkaCommand.DEFAULT_SERVERS,
      description = "The broker (default: ${DEFAULT-VALUE}).")
  String servers;

  @Option(names = "--idle", paramLabel = "SECONDS",
      description = "Stop after this many seconds without a new record (default: run until Ctrl-C).")
  Integer idleSeconds;

  @Option(names = "--keys", description = "Print key<TAB>value (default: just the value).")
  boolean keys;

  @Override
  public Integer call() throws Exception {
    String missing = KafkaWordCountCommand.checkTopic(servers, topic);
    if (missing != null) {
      parent.err.println("sluice kafka consume: " + missing);
      return 1;
    }
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long lastRecord = System.nanoTime();
      while (idleSeconds == null || System.nanoTime() - lastRecord < idleSeconds * 1_000_000_000L) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          parent.out.println(keys ? r.key() + "\t" + r.value() : r.value());
          lastRecord = System.nanoTime();
        }
        parent.out.flush();
      }
      return 0;
    } catch (org.apache.kafka.common.KafkaException e) {
      parent.err.println("sluice kafka consume: " + KafkaTopicsCommand.failure(e, servers));
      return 1;
    }
  }
}
