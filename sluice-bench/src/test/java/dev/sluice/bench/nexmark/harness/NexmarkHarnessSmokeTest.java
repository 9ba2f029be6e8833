package dev.sluice.bench.nexmark.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.queries.QueryContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NexmarkHarnessSmokeTest {
    private static final int N = 20_000;

    @TempDir
    Path dir;

    private NexmarkJob job(boolean checkpointing) {
        return new NexmarkJob(PassThroughQuery.NAME, 1, GeneratorConfig.builder().numEvents(N).build(), checkpointing,
                QueryContext.defaults(dir));
    }

    private static SluiceNexmarkEngine sluice() {
        return new SluiceNexmarkEngine(name -> name.equals(PassThroughQuery.NAME) ? new PassThroughQuery() : null);
    }

    @Test
    void measuresASluiceRunAndPrintsAResultLineThatParses() throws Exception {
        String line = NexmarkRunOne.format(NexmarkRunOne.measure(sluice(), job(false), 2_000));

        Map<String, String> values = NexmarkRunOne.parse(line);
        assertThat(values).containsEntry("engine", "sluice").containsEntry("query", PassThroughQuery.NAME)
                .containsEntry("p", "1").containsEntry("checkpointing", "off")
                .containsEntry("events", Integer.toString(N)).containsEntry("warmupEvents", "2000")
                .containsEntry("outputRecords", Integer.toString(N));
        assertThat(Long.parseLong(values.get("wallNanos"))).isPositive();
        // the process CPU clock advances in ticks (10 ms here): a run this short may read as 0
        assertThat(Long.parseLong(values.get("cpuNanos"))).isNotNegative();
        assertThat(Long.parseLong(values.get("peakHeapBytes"))).isPositive();
        assertThat(values).containsKeys("peakRssBytes", "gcCount", "gcMillis", "netRuntimeMillis");
    }

    @Test
    void runsWithCheckpointingOn() throws Exception {
        Map<String, String> values = NexmarkRunOne.parse(NexmarkRunOne.format(NexmarkRunOne.measure(sluice(), job(true), 2_000)));
        assertThat(values).containsEntry("checkpointing", "on").containsEntry("outputRecords", Integer.toString(N));
    }

    @Test
    void anUnknownSluiceQueryIsAClearError() {
        NexmarkJob unknown = new NexmarkJob("q99", 1, GeneratorConfig.builder().numEvents(10).build(), false,
                QueryContext.defaults(dir));
        assertThatThrownBy(() -> sluice().prepare(unknown)).hasMessageContaining("q99");
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        assertThat(run("--queries", "q0,q23")).startsWith("2:").contains("unknown query 'q23'").contains("q22");
        assertThat(run("--events", "0")).startsWith("2:").contains("count must be positive");
        assertThat(run("--events", "-5")).startsWith("2:");
        assertThat(run("--engines", "spark")).startsWith("2:").contains("unknown engine 'spark'");
        assertThat(run("--checkpointing", "sometimes")).startsWith("2:").contains("--checkpointing");
        assertThat(run("-r", "0")).startsWith("2:").contains("--repeats");
    }

    @Test
    void parsesCountsWithSuffixes() {
        NexmarkMain main = new NexmarkMain();
        new CommandLine(main).parseArgs("--events", "200K", "--warmup-events", "0", "--rate", "1M");
        assertThat(main.events).isEqualTo(200_000);
        assertThat(main.warmupEvents).isZero();
        assertThat(main.rate).isEqualTo(1_000_000);
    }

    /** Exit code and stderr of NexmarkMain with these arguments, as "code: text". */
    private static String run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = new CommandLine(new NexmarkMain());
            cl.setErr(new java.io.PrintWriter(System.err, true));
            int rc = cl.execute(args);
            return rc + ": " + err.toString(StandardCharsets.UTF_8);
        } finally {
            System.setErr(saved);
        }
    }
}
