package dev.sluice.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The throughput harness's checkpointing on Sluice, on a short tumbling-window run. */
class CheckpointingSmokeTest {

    @Test
    void countsTheCheckpointsOfASluiceRun() throws Exception {
        EngineJobs.Prepared job = new SluiceJobs().prepare(JobKind.TUMBLING, 1, 2_000_000, false,
                new EngineJobs.StateSettings(20, "heap"));
        job.execute();
        assertThat(job.completedCheckpoints()).isPositive(); // at least the final checkpoint
    }

    @Test
    void withoutCheckpointsThereIsNoCount() throws Exception {
        EngineJobs.Prepared job = new SluiceJobs().prepare(JobKind.KEYED, 1, 10_000, false,
                new EngineJobs.StateSettings(0, "heap"));
        job.execute();
        assertThat(job.completedCheckpoints()).isEqualTo(-1);
    }

    @Test
    void aSluiceBackendMissingFromTheBuildIsNamed() {
        assertThatThrownBy(() -> SluiceJobs.useStateBackend(StreamExecutionEnvironment.createLocalEnvironment(1),
                "rocksdb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not available in this build")
                .hasMessageContaining("dev.sluice.state.rocksdb.EmbeddedRocksDBStateBackend");
    }
}
