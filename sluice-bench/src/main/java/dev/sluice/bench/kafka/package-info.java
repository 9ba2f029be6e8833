/**
 * Kafka → Kafka against Kafka Streams 4.3.1 on one local broker: {@link dev.sluice.bench.kafka.Main} (the harness),
 * {@link dev.sluice.bench.kafka.KafkaRunOne} (one engine run in a child JVM), the engines
 * ({@link dev.sluice.bench.kafka.SluiceKafkaEngine}, {@link dev.sluice.bench.kafka.KafkaStreamsEngine}; the slot for
 * Sluice's Streams DSL is described in {@link dev.sluice.bench.kafka.KafkaEngines}), the data
 * ({@link dev.sluice.bench.kafka.KafkaWorkload}, {@link dev.sluice.bench.kafka.KafkaBenchData}) and the latency probe
 * ({@link dev.sluice.bench.kafka.LatencyProbe}). See sluice-bench/README.md.
 */
package dev.sluice.bench.kafka;
