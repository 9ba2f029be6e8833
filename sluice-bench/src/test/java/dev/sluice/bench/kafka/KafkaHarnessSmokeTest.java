package dev.sluice.bench.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the Kafka harness at a tiny size (broker child, preload, one child JVM per engine and job) and checks that
 * Sluice (DataStream and Streams DSL) and Kafka Streams write the same final results: the count of every word, and the count of every user and
 * window. This is what makes the two jobs the same job. No timing is checked.
 */
class KafkaHarnessSmokeTest {

    /**
     * Six child JVMs run one after another, each a few seconds here; a child that hangs is killed after
     * {@code timeoutSeconds} with its threads printed, and its run fails with the cell's name, so the test's own
     * limit is above the sum.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void sluiceAndKafkaStreamsWriteTheSameResults() throws Exception {
        Main main = new Main();
        main.engines = List.of("sluice", "sluice-dsl", "kstreams");
        main.jobs = List.of("wordcount", "windowed");
        main.guarantees = List.of("eos");
        main.parallelisms = List.of(1);
        main.lines = 2_000;
        main.events = 20_000;
        main.repeats = 1;
        main.commitAlos = 30_000;
        main.commitEos = 100;
        main.childJvmArgs = "-Xmx384m -XX:TieredStopAtLevel=1";
        main.brokerJvmArgs = "-Xmx512m -XX:TieredStopAtLevel=1";
        main.timeoutSeconds = 60;

        Main.Results results = main.execute();

        assertNotNull(results);
        assertEquals(6, results.runs().size());
        for (Main.Run run : results.runs()) {
            assertNull(run.error(), run.cell().label());
            assertNull(run.wrong(), run.cell().label() + " differs from the expected result");
            assertTrue(run.output().records() > 0, run.cell().label());
        }
        for (KafkaJob job : KafkaJob.values()) {
            Map<String, Long> sluice = latest(results, job, "sluice");
            Map<String, Long> dsl = latest(results, job, "sluice-dsl");
            Map<String, Long> kstreams = latest(results, job, "kstreams");
            assertTrue(sluice.size() > 100, job + ": " + sluice.size() + " keys");
            assertEquals(kstreams, sluice, job.id());
            assertEquals(kstreams, dsl, job.id() + " on the Sluice Streams DSL");
        }
        assertTrue(results.report().contains("| wordcount | eos | 1 | sluice |"), results.report());
    }

    private static Map<String, Long> latest(Main.Results results, KafkaJob job, String engine) {
        return results.runs().stream()
                .filter(r -> r.cell().job() == job && r.cell().engine().equals(engine))
                .findFirst().orElseThrow().output().latest();
    }
}
