package dev.sluice.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execution.JobClient;
import dev.sluice.kafka.testing.LocalKafkaExtension;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Exercise 1 on the real local broker: lines produced to a topic, counted, read back exactly once. */
class KafkaWordCountTest {
  @RegisterExtension
  static final LocalKafkaExtension KAFKA = new LocalKafkaExtension();

  @TempDir Path tmp;

  @Test
  void wordsAreSplitOnWhatIsNotALetterOrDigit() {
    assertThat(KafkaWordCount.words("To be, or NOT to be: that's 2 questions!"))
        .containsExactly("to", "be", "or", "not", "to", "be", "that's", "2", "questions");
    assertThat(KafkaWordCount.words("  ...  ")).isEmpty();
  }

  /**
   * Half the lines are in the topic before the job starts, half are sent while it runs; a
   * read_committed consumer sees for each word exactly the counts 1..n, each once, with n the
   * word's number of occurrences counted here.
   */
  @Test
  void countsTheWordsOfATopicIntoAnotherExactlyOnce() throws Exception {
    KAFKA.kafka().createTopic("lines", 3);
    KAFKA.kafka().createTopic("word-counts", 2);
    List<String> lines = WordCountProducer.sampleLines(4_000, 42);
    Map<String, Long> expected = new TreeMap<>();
    for (String line : lines) {
      for (String word : line.split(" ")) {
        expected.merge(word, 1L, Long::sum);
      }
    }
    try (WordCountProducer producer = new WordCountProducer(KAFKA.bootstrapServers(), "lines")) {
      lines.subList(0, 2_000).forEach(producer::send);
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(100);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk").toString());
    KafkaWordCount.define(env, new KafkaWordCount.Options().bootstrapServers(KAFKA.bootstrapServers())
        .input("lines").output("word-counts"));
    JobClient job = env.executeAsync(KafkaWordCount.JOB_NAME);
    Map<String, List<Long>> counts = new TreeMap<>();
    try {
      try (WordCountProducer producer = new WordCountProducer(KAFKA.bootstrapServers(), "lines")) {
        lines.subList(2_000, lines.size()).forEach(producer::send);
      }
      counts = readUntil("word-counts", expected, job);
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }

    Map<String, Long> latest = new TreeMap<>();
    counts.forEach((word, seen) -> latest.put(word, seen.get(seen.size() - 1)));
    assertThat(latest).isEqualTo(expected);
    counts.forEach((word, seen) -> {
      List<Long> oneToN = new ArrayList<>();
      for (long n = 1; n <= expected.get(word); n++) {
        oneToN.add(n);
      }
      assertThat(seen).as("the counts of %s, in the order of its partition", word).isEqualTo(oneToN);
    });
  }

  /**
   * Reads {@code topic} with read_committed until the newest count of every word is the expected
   * one (or 60 s pass, or the job fails); the counts of each word in the order read.
   */
  private static Map<String, List<Long>> readUntil(String topic, Map<String, Long> expected, JobClient job)
      throws Exception {
    Map<String, List<Long>> counts = new TreeMap<>();
    Map<String, Long> latest = new HashMap<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", KAFKA.bootstrapServers(),
        "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> tps = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      c.assign(tps);
      c.seekToBeginning(tps);
      long deadline = System.currentTimeMillis() + 60_000;
      while (!latest.equals(expected) && System.currentTimeMillis() < deadline) {
        if (job.getJobExecutionResult().isDone()) {
          job.getJobExecutionResult().get(); // throws the failure
          throw new AssertionError("the job ended before it had counted every word");
        }
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          String[] wordAndCount = r.value().split(",");
          assertThat(r.key()).isEqualTo(wordAndCount[0]);
          long n = Long.parseLong(wordAndCount[1]);
          counts.computeIfAbsent(wordAndCount[0], w -> new ArrayList<>()).add(n);
          latest.put(wordAndCount[0], n);
        }
      }
      // anything committed after the expected counts would be a duplicate: read up to the end
      Map<TopicPartition, Long> ends = c.endOffsets(tps);
      while (tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp)) && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          String[] wordAndCount = r.value().split(",");
          counts.computeIfAbsent(wordAndCount[0], w -> new ArrayList<>()).add(Long.parseLong(wordAndCount[1]));
        }
      }
    }
    return counts;
  }
}
