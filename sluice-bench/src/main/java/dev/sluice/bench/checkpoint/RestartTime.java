package dev.sluice.bench.checkpoint;

import java.util.Locale;
import java.util.Map;

/**
 * Recovery time after a failure, in this JVM:
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp &lt;classpath&gt; dev.sluice.bench.checkpoint.RestartTime --engine sluice \
 *      [--state-backend heap|hashmap|rocksdb] [--keys 100000] [--payload-bytes 1000] [--rate 200000] \
 *      [--checkpoint-interval 1000] [--timeout 300]
 * </pre>
 *
 * <p>Runs the {@link CheckpointEngine} job (100,000 keys × 1,000 bytes: about 100 MB of state) with
 * periodic checkpoints and a map that throws once, after the second checkpoint completed with every
 * key's state in place; the engine restarts the job at once (fixed-delay strategy, delay 0) from its
 * newest checkpoint. Prints one {@code RESULT} line with {@code restartMs}: from the failure (the time
 * taken just before the throw) to the first record of the restarted job at the probe after it, and
 * the size of the newest checkpoint completed before the failure.
 */
public final class RestartTime {

    private RestartTime() {}

    public static void main(String[] args) throws Exception {
        Measurement m = Measurement.parse(args, 100_000, 1_000, 200_000, 1_000, true);
        CheckpointEngine.RunningJob job = CheckpointEngine.named(m.engine).start(m.spec);
        m.await("the injected failure", Probe::failed);
        m.await("the first record after the restart", () -> Probe.restartNanos() >= 0);
        long restartNanos = Probe.restartNanos();
        long stateBytes = job.completedCheckpoints().stream()
                .mapToLong(CheckpointEngine.Checkpoint::stateBytes).max().orElse(-1);
        job.cancel();

        Map<String, String> out = m.settings();
        out.put("restartMs", String.format(Locale.ROOT, "%.1f", restartNanos / 1e6));
        out.put("stateBytes", Long.toString(stateBytes));
        Measurement.print(out);
    }
}
