package dev.sluice.bench.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checkpoint benchmarks' Sluice job on a little state: a checkpoint with figures, and one restart. */
class SluiceCheckpointEngineSmokeTest {

    @Test
    void checkpointsTheStateAndRestartsOnceAfterTheInjectedFailure() throws Exception {
        CheckpointEngine.JobSpec spec = new CheckpointEngine.JobSpec(1_000, 100, 50_000, 50, "heap", true);
        CheckpointEngine.RunningJob job = new SluiceCheckpointEngine().start(spec);
        try {
            long deadline = System.currentTimeMillis() + 8_000;
            while (Probe.restartNanos() < 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Probe.failed()).isTrue();
            assertThat(Probe.restartNanos()).isPositive();
            List<CheckpointEngine.Checkpoint> done = job.completedCheckpoints();
            assertThat(done).isNotEmpty();
            assertThat(done.get(done.size() - 1).stateBytes()).isGreaterThan(1_000L * 100);
        } finally {
            job.cancel();
        }
    }
}
