package dev.sluice.connector.kafka;

import dev.sluice.streams.KafkaStreams;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.StreamsBuilder;
import dev.sluice.streams.StreamsConfig;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The Streams DSL topology {@code KafkaCrashRecoveryTest} kills: the same running count per key as
 * {@link KafkaCrashTestJob}, written with Kafka Streams' API, {@code exactly_once_v2} and the record
 * cache off (so every update is written, as the DataStream job does). It runs until killed. Run as
 * {@code StreamsCrashTestJob <bootstrap servers> <input topic> <output topic> <state dir> <records
 * per second over the job, 0 = unlimited>}.
 */
public final class StreamsCrashTestJob {
  public static void main(String[] args) throws Exception {
    String servers = args[0];
    String input = args[1];
    String output = args[2];
    String stateDir = args[3];
    double rate = Double.parseDouble(args[4]);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "crash-dsl");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, KafkaCrashTestJob.PARALLELISM);
    props.put(StreamsConfig.AUTO_OFFSET_RESET, "earliest");
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.String().getClass());
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.String().getClass());
    long pauseNanos = rate > 0 ? (long) (1e9 * KafkaCrashTestJob.PARALLELISM / rate) : 0;

    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, String>stream(input)
        .peek((k, v) -> {
          if (pauseNanos > 0) {
            LockSupport.parkNanos(pauseNanos); // the input is read over seconds, so kills fall within it
          }
        })
        .groupBy((k, v) -> v)
        .count()
        .toStream()
        .map((key, count) -> KeyValue.pair(key, key + "," + count))
        .to(output);
    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    streams.start();
    Thread.currentThread().join(); // until killed
  }
}
