package dev.sluice.bench.checkpoint;

import dev.sluice.bench.throughput.ScratchDirectory;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The checkpoint benchmarks' job on Apache Flink 2.3 (local MiniCluster), same shape as
 * {@link SluiceCheckpointEngine}. State backend {@code hashmap} (HashMapStateBackend) or
 * {@code rocksdb} (EmbeddedRocksDBStateBackend, full checkpoints as Flink ships), file-system
 * checkpoint storage in a scratch directory.
 *
 * <p>Checkpoint figures come from the MiniCluster's REST API (the same numbers as Flink's web UI):
 * {@code /jobs/:id/checkpoints} for the completed checkpoints' trigger time, end-to-end duration and
 * checkpointed size, and {@code /jobs/:id/checkpoints/details/:cp/subtasks/:vertex} for each vertex's
 * longest synchronous and asynchronous part and alignment.
 */
final class FlinkCheckpointEngine implements CheckpointEngine {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public RunningJob start(JobSpec spec) throws Exception {
        int restPort = freePort();
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, Integer.toString(restPort));
        conf.set(StateBackendOptions.STATE_BACKEND, spec.stateBackend());
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                ScratchDirectory.create("flink-checkpoints").toUri().toString());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        env.setParallelism(1);
        env.enableCheckpointing(spec.checkpointIntervalMs());

        DataStream<Long> updated = env.fromSource(
                        new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(spec.rate()),
                                Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
                .keyBy(new KeyOf(spec.keys()))
                .process(new Payloads(spec.payloadBytes())).uid("payloads");
        if (spec.failOnce()) {
            updated = updated.map(new FailOnce(spec.keys())).uid("fail-once");
        }
        updated.map(new ProbeMap()).uid("probe")
                .sinkTo(new DiscardingSink<>()).uid("sink");
        JobClient client = env.executeAsync("checkpoint-bench");
        Rest rest = new Rest("http://localhost:" + restPort + "/jobs/" + client.getJobID());

        return new RunningJob() {
            @Override
            public List<Checkpoint> completedCheckpoints() throws IOException, InterruptedException {
                List<Checkpoint> result = new ArrayList<>();
                for (JsonNode c : rest.get("/checkpoints").path("history")) {
                    if (!c.path("status").asText().equals("COMPLETED") || c.path("is_savepoint").asBoolean()) {
                        continue;
                    }
                    long id = c.path("id").asLong();
                    long sync = 0;
                    long async = 0;
                    long alignment = 0;
                    Iterator<String> vertices = rest.get("/checkpoints/details/" + id).path("tasks").fieldNames();
                    while (vertices.hasNext()) {
                        JsonNode summary = rest.get("/checkpoints/details/" + id + "/subtasks/" + vertices.next())
                                .path("summary");
                        sync = Math.max(sync, summary.path("checkpoint_duration").path("sync").path("max").asLong());
                        async = Math.max(async, summary.path("checkpoint_duration").path("async").path("max").asLong());
                        alignment = Math.max(alignment,
                                summary.path("alignment").path("duration").path("max").asLong());
                    }
                    result.add(new Checkpoint(id, c.path("trigger_timestamp").asLong(),
                            c.path("end_to_end_duration").asLong(), c.path("checkpointed_size").asLong(),
                            sync, async, alignment));
                }
                result.sort((a, b) -> Long.compare(a.id(), b.id()));
                return result;
            }

            @Override
            public void cancel() throws Exception {
                client.cancel().get(60, TimeUnit.SECONDS);
            }
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** GETs JSON below one job's REST address. */
    private static final class Rest {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;

        Rest(String base) {
            this.base = base;
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + base + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }

    /** {@code x % keys}. */
    static final class KeyOf implements KeySelector<Long, Long> {
        private final long keys;

        KeyOf(long keys) {
            this.keys = keys;
        }

        @Override
        public Long getKey(Long x) {
            return x % keys;
        }
    }

    /** Keeps a {@code byte[]} per key; each record changes one byte of it and is passed on. */
    static final class Payloads extends KeyedProcessFunction<Long, Long, Long> {
        private final int payloadBytes;
        private transient ValueState<byte[]> payload;

        Payloads(int payloadBytes) {
            this.payloadBytes = payloadBytes;
        }

        @Override
        public void open(OpenContext openContext) {
            payload = getRuntimeContext().getState(new ValueStateDescriptor<>("payload", byte[].class));
        }

        @Override
        public void processElement(Long x, Context ctx, Collector<Long> out) throws Exception {
            byte[] value = payload.value();
            if (value == null) {
                value = new byte[payloadBytes];
                Probe.KEYS_CREATED.incrementAndGet();
            }
            value[(int) (x % payloadBytes)]++;
            payload.update(value);
            out.collect(x);
        }
    }

    /** Throws once, after the second checkpoint completed with every key's state in place. */
    static final class FailOnce implements MapFunction<Long, Long>, CheckpointListener {
        private final long keys;
        private int completeCheckpoints;

        FailOnce(long keys) {
            this.keys = keys;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (Probe.KEYS_CREATED.get() >= keys) {
                completeCheckpoints++;
            }
        }

        @Override
        public Long map(Long x) {
            if (completeCheckpoints >= 2 && !Probe.failed()) {
                Probe.failing();
                throw new IllegalStateException("injected failure (checkpoint benchmark)");
            }
            return x;
        }
    }

    /** Passes records on and tells the {@link Probe} about each. */
    static final class ProbeMap implements MapFunction<Long, Long> {
        @Override
        public Long map(Long x) {
            Probe.record();
            return x;
        }
    }
}
