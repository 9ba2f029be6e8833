package dev.sluice.examples.kafka;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.serialization.SimpleStringSchema;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.connector.base.DeliveryGuarantee;
import dev.sluice.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.sluice.connector.kafka.sink.KafkaSink;
import dev.sluice.connector.kafka.source.KafkaSource;
import dev.sluice.connector.kafka.source.KafkaSourceBuilder;
import dev.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.util.Collector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts the words of the lines in a Kafka topic in real time and writes each word's running count
 * to another topic, exactly once.
 *
 * <p>Input: records whose value is a line of text (UTF-8), e.g. from {@link WordCountProducer}.
 * Words are the runs of letters, digits and apostrophes, lower-cased. Output: one record per word
 * occurrence, key the word, value {@code word,count} with the word's running count (UTF-8), so
 * the newest record of a key is its current count (a compacted topic keeps just that). The sink
 * is exactly-once: a consumer with {@code isolation.level=read_committed} sees each count once,
 * across failures and restarts, as soon as the checkpoint after it completes.
 *
 * <p>Run as {@code KafkaWordCount [bootstrap servers] [input topic] [output topic] [checkpoint dir]}
 * (defaults {@code 127.0.0.1:9092 lines word-counts}, {@code <tmp>/sluice-kafka-wordcount});
 * started again on the same checkpoint directory it resumes from its newest checkpoint.
 */
public final class KafkaWordCount {
  public static final String JOB_NAME = "Kafka word count";
  public static final String DEFAULT_INPUT = "lines";
  public static final String DEFAULT_OUTPUT = "word-counts";

  private KafkaWordCount() {}

  /** Settings of the job. */
  public static final class Options {
    String bootstrapServers = "127.0.0.1:9092";
    String input = DEFAULT_INPUT;
    String output = DEFAULT_OUTPUT;
    String groupId = "sluice-word-count";
    String transactionalIdPrefix = "sluice-word-count";
    boolean bounded;

    public Options bootstrapServers(String servers) {
      this.bootstrapServers = servers;
      return this;
    }

    public Options input(String topic) {
      this.input = topic;
      return this;
    }

    public Options output(String topic) {
      this.output = topic;
      return this;
    }

    /** The consumer group id (offsets are committed there for monitoring; default sluice-word-count). */
    public Options groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    /** Unique among the jobs writing to one cluster (default sluice-word-count). */
    public Options transactionalIdPrefix(String prefix) {
      this.transactionalIdPrefix = prefix;
      return this;
    }

    /** Stop at the end offsets the input had when the job started (default: run until cancelled). */
    public Options bounded(boolean bounded) {
      this.bounded = bounded;
      return this;
    }

    public String bootstrapServers() {
      return bootstrapServers;
    }

    public String input() {
      return input;
    }

    public String output() {
      return output;
    }
  }

  /** The words of {@code line}: runs of letters, digits and apostrophes, lower-cased. */
  public static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    for (String w : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /**
   * Adds the job to {@code env}: Kafka source -> words -> keyBy(word) -> sum -> exactly-once Kafka
   * sink. Checkpointing must be enabled for the counts to be committed (the sink writes a
   * transaction per checkpoint).
   */
  public static void define(StreamExecutionEnvironment env, Options o) {
    KafkaSourceBuilder<String> source = KafkaSource.<String>builder()
        .setBootstrapServers(o.bootstrapServers)
        .setTopics(o.input)
        .setGroupId(o.groupId)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setValueOnlyDeserializer(new SimpleStringSchema());
    if (o.bounded) {
      source.setBounded(OffsetsInitializer.latest());
    }
    env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "lines").uid("lines")
        .flatMap((String line, Collector<Tuple2<String, Long>> out) -> {
          for (String word : words(line)) {
            out.collect(Tuple2.of(word, 1L));
          }
        }).returns(Types.TUPLE(Types.STRING, Types.LONG)).uid("words")
        .keyBy(t -> t.f0)
        .sum(1).uid("counts")
        .map(t -> t.f0 + "," + t.f1).returns(Types.STRING).uid("format")
        .sinkTo(KafkaSink.<String>builder()
            .setBootstrapServers(o.bootstrapServers)
            .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
                .setTopic(o.output)
                .setKeySerializationSchema(s -> s.substring(0, s.lastIndexOf(',')).getBytes(StandardCharsets.UTF_8))
                .setValueSerializationSchema(new SimpleStringSchema())
                .build())
            .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .setTransactionalIdPrefix(o.transactionalIdPrefix)
            .build()).uid("word-counts");
  }

  public static void main(String[] args) throws Exception {
    Options o = new Options();
    if (args.length > 0) {
      o.bootstrapServers(args[0]);
    }
    if (args.length > 1) {
      o.input(args[1]);
    }
    if (args.length > 2) {
      o.output(args[2]);
    }
    Path checkpoints = args.length > 3 ? Path.of(args[3])
        : Path.of(System.getProperty("java.io.tmpdir"), "sluice-kafka-wordcount");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(1_000);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.getCheckpointConfig().setResumeFromLatestCheckpoint(true);
    define(env, o);
    env.execute(JOB_NAME);
  }
}
