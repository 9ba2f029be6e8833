package dev.sluice.connector.kafka;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.common.serialization.SimpleStringSchema;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.connector.base.DeliveryGuarantee;
import dev.sluice.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.sluice.connector.kafka.sink.KafkaSink;
import dev.sluice.connector.kafka.source.KafkaSource;
import dev.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.charset.StandardCharsets;

/**
 * The job {@code KafkaCrashRecoveryTest} kills: reads a topic of keys (bounded at the end it has
 * when the first run starts), counts per key, writes {@code key,count} for every record to another
 * topic with an exactly-once sink, and resumes from its newest checkpoint when started again. Run
 * as {@code KafkaCrashTestJob <bootstrap servers> <input topic> <output topic> <checkpoint dir>
 * <records per second over the job, 0 = unlimited>}.
 */
public final class KafkaCrashTestJob {
  static final int PARALLELISM = 2;

  public static void main(String[] args) throws Exception {
    String servers = args[0];
    String input = args[1];
    String output = args[2];
    String checkpoints = args[3];
    double rate = Double.parseDouble(args[4]);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
    env.enableCheckpointing(100);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints);
    env.getCheckpointConfig().setResumeFromLatestCheckpoint(true);
    env.fromSource(KafkaSource.<String>builder()
                .setBootstrapServers(servers)
                .setTopics(input)
                .setGroupId("crash-test")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build(),
            WatermarkStrategy.noWatermarks(), "in").uid("in")
        // chained to the source: the input is read over seconds, so kills fall within it
        .map(new Rate(rate / PARALLELISM)).uid("rate")
        .map(v -> Tuple2.of(v, 1L)).returns(Types.TUPLE(Types.STRING, Types.LONG)).uid("ones")
        .keyBy(t -> t.f0)
        .sum(1).uid("counts")
        .map(t -> t.f0 + "," + t.f1).returns(Types.STRING).uid("format")
        .sinkTo(KafkaSink.<String>builder()
            .setBootstrapServers(servers)
            .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
                .setTopic(output)
                .setKeySerializationSchema(s -> s.substring(0, s.indexOf(',')).getBytes(StandardCharsets.UTF_8))
                .setValueSerializationSchema(new SimpleStringSchema())
                .build())
            .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .setTransactionalIdPrefix("crash-test")
            .build()).uid("out");
    env.execute("kafka-crash-test");
  }

  /** Passes at most {@code perSecond} records a second (0 = no limit), sleeping when ahead. */
  static final class Rate implements MapFunction<String, String> {
    private final double perSecond;
    private transient long start;
    private long seen;

    Rate(double perSecond) {
      this.perSecond = perSecond;
    }

    @Override
    public String map(String value) throws Exception {
      if (perSecond > 0) {
        if (start == 0) {
          start = System.nanoTime();
        }
        long ahead = (long) (++seen * 1e9 / perSecond) - (System.nanoTime() - start);
        if (ahead > 1_000_000) {
          Thread.sleep(ahead / 1_000_000);
        }
      }
      return value;
    }
  }
}
