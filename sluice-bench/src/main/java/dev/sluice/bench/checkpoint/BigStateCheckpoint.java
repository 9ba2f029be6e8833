package dev.sluice.bench.checkpoint;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One checkpoint of big keyed state, in this JVM:
 *
 * <pre>
 * java -Xms6g -Xmx6g -cp &lt;classpath&gt; dev.sluice.bench.checkpoint.BigStateCheckpoint --engine sluice \
 *      [--state-backend heap|hashmap|rocksdb] [--keys 1000000] [--payload-bytes 1000] [--rate 200000] \
 *      [--checkpoint-interval 5000] [--timeout 300]
 * </pre>
 *
 * <p>Runs the {@link CheckpointEngine} job (1,000,000 keys × 1,000 bytes: about 1 GB of state) with
 * periodic checkpoints, waits until every key has state, then takes the first checkpoint triggered at
 * least one second later (so the second before it shows the gaps between records without a
 * checkpoint) and prints one {@code RESULT} line: the engine's figures for that checkpoint (duration,
 * state size, longest synchronous and asynchronous part, alignment) and the longest gap between two
 * records at the probe at the end of the job while it ran ({@code maxGapMs}: the pause as processing
 * sees it) next to the longest gap in the second before its trigger ({@code baselineGapMs}). Gaps
 * under {@value Probe#LOGGED_GAP_NANOS} ns are not logged and count as 0.
 */
public final class BigStateCheckpoint {

    private BigStateCheckpoint() {}

    public static void main(String[] args) throws Exception {
        Measurement m = Measurement.parse(args, 1_000_000, 1_000, 200_000, 5_000, false);
        long started = System.currentTimeMillis();
        CheckpointEngine.RunningJob job = CheckpointEngine.named(m.engine).start(m.spec);
        m.await("every key's state", () -> Probe.KEYS_CREATED.get() >= m.spec.keys());
        long built = System.currentTimeMillis();
        CheckpointEngine.Checkpoint[] measured = new CheckpointEngine.Checkpoint[1];
        m.await("a checkpoint of the complete state", () -> {
            try {
                List<CheckpointEngine.Checkpoint> done = job.completedCheckpoints();
                measured[0] = done.stream().filter(c -> c.triggerEpochMs() >= built + 1000).findFirst().orElse(null);
                return measured[0] != null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200); // the probe logs a gap when it ends
        job.cancel();

        CheckpointEngine.Checkpoint c = measured[0];
        Map<String, String> out = m.settings();
        out.put("buildSeconds", String.format(Locale.ROOT, "%.1f", (built - started) / 1e3));
        out.put("checkpointId", Long.toString(c.id()));
        out.put("durationMs", Long.toString(c.durationMs()));
        out.put("stateBytes", Long.toString(c.stateBytes()));
        out.put("maxSyncMs", Long.toString(c.maxSyncMs()));
        out.put("maxAsyncMs", Long.toString(c.maxAsyncMs()));
        out.put("maxAlignmentMs", Long.toString(c.maxAlignmentMs()));
        out.put("maxGapMs", String.format(Locale.ROOT, "%.1f",
                Probe.maxGapMs(c.triggerEpochMs(), c.triggerEpochMs() + c.durationMs())));
        out.put("baselineGapMs", String.format(Locale.ROOT, "%.1f",
                Probe.maxGapMs(c.triggerEpochMs() - 1000, c.triggerEpochMs() - 1)));
        Measurement.print(out);
    }
}
