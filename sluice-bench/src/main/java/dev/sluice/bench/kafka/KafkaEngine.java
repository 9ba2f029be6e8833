package dev.sluice.bench.kafka;

import java.util.Map;

/**
 * One engine (or variant) of the Kafka harness, run inside a child JVM by {@link KafkaRunOne}.
 *
 * <p>A new engine, such as Sluice's Kafka Streams-compatible DSL, is one class implementing this interface
 * with a public no-argument constructor, registered by name in {@link KafkaEngines}.
 */
public interface KafkaEngine {

    /**
     * Throughput run: processes the whole input and returns once the output is complete, flushed and (for
     * exactly-once) committed. The caller times this call. Returns engine facts for the report (e.g. commits).
     */
    Map<String, String> runBounded(JobSpec spec) throws Exception;

    /** Latency run: starts the job unbounded and returns a handle that stops it. */
    AutoCloseable startUnbounded(JobSpec spec) throws Exception;
}
