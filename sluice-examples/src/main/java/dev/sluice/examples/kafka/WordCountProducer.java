package dev.sluice.examples.kafka;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends lines of text to a Kafka topic, one record per line (no key, the line as a UTF-8 value),
 * for {@link KafkaWordCount}. Run as {@code WordCountProducer [bootstrap servers] [topic] [lines]}:
 * with a number of lines it sends that many generated lines, without it the lines typed on
 * standard input (or piped into it) until its end.
 */
public final class WordCountProducer implements AutoCloseable {
  /** The words generated lines are made of. */
  static final String[] VOCABULARY = (
      "to be or not that is the question whether tis nobler in mind suffer slings and arrows of"
          + " outrageous fortune take arms against a sea troubles by opposing end them die sleep no more")
      .split(" ");

  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final List<Future<RecordMetadata>> inFlight = new ArrayList<>();
  private long sent;

  public WordCountProducer(String bootstrapServers, String topic) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);      // unknown topic or no broker: fail, do not hang
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    this.topic = topic;
  }

  /** Sends one line (asynchronously; {@link #flush()} waits until every line is written). */
  public void send(String line) {
    inFlight.add(producer.send(new ProducerRecord<>(topic, line)));
    sent++;
    if (inFlight.size() >= 10_000) {
      flush();
    }
  }

  /** Waits until every line sent so far is written; fails with the reason if one was not. */
  public void flush() {
    producer.flush();
    try {
      for (Future<RecordMetadata> f : inFlight) {
        f.get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not write to Kafka topic " + topic + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not confirm the lines written to topic " + topic + " within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      inFlight.clear();
    }
  }

  /** Lines sent so far. */
  public long sent() {
    return sent;
  }

  @Override
  public void close() {
    try {
      flush();
    } finally {
      producer.close();
    }
  }

  /** {@code n} generated lines of 1 to 12 words of {@link #VOCABULARY}, the same for the same seed. */
  public static List<String> sampleLines(int n, long seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int words = 1 + random.nextInt(12);
      StringBuilder line = new StringBuilder();
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          line.append(' ');
        }
        line.append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  public static void main(String[] args) throws Exception {
    String servers = args.length > 0 ? args[0] : "127.0.0.1:9092";
    String topic = args.length > 1 ? args[1] : KafkaWordCount.DEFAULT_INPUT;
    try (WordCountProducer producer = new WordCountProducer(servers, topic)) {
      if (args.length > 2) {
        for (String line : sampleLines(Integer.parseInt(args[2]), System.nanoTime())) {
          producer.send(line);
        }
      } else {
        System.err.println("Type lines to send to " + topic + " on " + servers + " (end with Ctrl-D):");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
          producer.send(line);
          producer.flush();
        }
      }
      producer.flush();
      System.err.println("Sent " + producer.sent() + " lines to " + topic);
    }
  }
}
