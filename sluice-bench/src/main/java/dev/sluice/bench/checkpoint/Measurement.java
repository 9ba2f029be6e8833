package dev.sluice.bench.checkpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** The command line and the output shared by {@link BigStateCheckpoint} and {@link RestartTime}. */
final class Measurement {

    /** Prefix of the one line of results a measurement prints on stdout. */
    static final String RESULT_PREFIX = "RESULT ";

    final String engine;
    final CheckpointEngine.JobSpec spec;
    final long timeoutMs;

    private Measurement(String engine, CheckpointEngine.JobSpec spec, long timeoutMs) {
        this.engine = engine;
        this.spec = spec;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Parses {@code --engine sluice|flink [--state-backend B] [--keys N] [--payload-bytes N] [--rate R]
     * [--checkpoint-interval MS] [--timeout S]}; the numbers' defaults are given by the caller.
     */
    static Measurement parse(String[] args, long keys, int payloadBytes, double rate, long intervalMs,
                             boolean failOnce) {
        String engine = null;
        String backend = null;
        long timeoutSeconds = 300;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engine" -> engine = args[++i];
                case "--state-backend" -> backend = args[++i];
                case "--keys" -> keys = Long.parseLong(args[++i].replace("_", ""));
                case "--payload-bytes" -> payloadBytes = Integer.parseInt(args[++i].replace("_", ""));
                case "--rate" -> rate = Double.parseDouble(args[++i].replace("_", ""));
                case "--checkpoint-interval" -> intervalMs = Long.parseLong(args[++i]);
                case "--timeout" -> timeoutSeconds = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: --engine"
                        + " sluice|flink [--state-backend heap|hashmap|rocksdb] [--keys N] [--payload-bytes N]"
                        + " [--rate records/s] [--checkpoint-interval ms] [--timeout s]");
            }
        }
        if (engine == null || keys <= 0 || payloadBytes <= 0 || rate <= 0 || intervalMs <= 0) {
            throw new IllegalArgumentException("--engine is required; counts, rate and interval must be positive");
        }
        String stateBackend = backend != null ? backend : CheckpointEngine.defaultStateBackend(engine);
        return new Measurement(engine, new CheckpointEngine.JobSpec(keys, payloadBytes, rate, intervalMs,
                stateBackend, failOnce), timeoutSeconds * 1000);
    }

    /** The settings as the first fields of the result line. */
    Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("engine", engine);
        out.put("stateBackend", spec.stateBackend());
        out.put("keys", Long.toString(spec.keys()));
        out.put("payloadBytes", Integer.toString(spec.payloadBytes()));
        out.put("rate", Long.toString(Math.round(spec.rate())));
        out.put("checkpointIntervalMs", Long.toString(spec.checkpointIntervalMs()));
        return out;
    }

    /** Polls {@code condition} every 50 ms until it holds; fails after the timeout. */
    void await(String what, BooleanSupplier condition) throws InterruptedException, TimeoutException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new TimeoutException("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Prints {@code values} as the result line and ends the JVM (engines may leave threads behind). */
    static void print(Map<String, String> values) {
        StringBuilder sb = new StringBuilder(RESULT_PREFIX);
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        System.out.println(sb.toString().trim());
        System.out.flush();
        System.exit(0);
    }
}
