package dev.sluice.bench.kafka;

/**
 * What one engine child runs.
 *
 * @param bootstrapServers   the broker
 * @param inputTopic         preloaded (throughput) or fed live (latency)
 * @param outputTopic        fresh for this run
 * @param job                word count or window count
 * @param guarantee          at-least-once or exactly-once
 * @param parallelism        Sluice parallelism = Kafka Streams num.stream.threads
 * @param commitIntervalMs   Kafka Streams commit.interval.ms = Sluice checkpoint interval (and the flush interval of
 *                           the {@code sluice-dedup} variant)
 * @param bounded            true: stop at the input's end offsets (throughput); false: run until killed (latency)
 * @param expectedProcessed  throughput runs on engines that cannot stop by themselves (Kafka Streams, the Sluice DSL):
 *                           the number of records their source nodes process in total before the run is complete
 *                           ({@link KafkaEngines#expectedProcessed})
 * @param runId              unique per run: application id, group id, transactional id prefix
 */
public record JobSpec(String bootstrapServers, String inputTopic, String outputTopic, KafkaJob job,
                      Guarantee guarantee, int parallelism, long commitIntervalMs, boolean bounded,
                      long expectedProcessed, String runId) {}
