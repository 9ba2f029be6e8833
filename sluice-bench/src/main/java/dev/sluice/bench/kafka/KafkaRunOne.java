package dev.sluice.bench.kafka;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Child JVM of the Kafka harness: runs one engine on one job, once.
 *
 * <pre>
 * KafkaRunOne throughput ENGINE JOB GUARANTEE PARALLELISM BOOTSTRAP INPUT OUTPUT COMMIT_MS EXPECTED_PROCESSED RUN_ID
 * KafkaRunOne latency    ENGINE JOB GUARANTEE PARALLELISM BOOTSTRAP INPUT OUTPUT COMMIT_MS 0 RUN_ID
 * </pre>
 *
 * <p>Throughput: prints {@code RESULT wallNanos=.. cpuNanos=.. [engine facts]} and exits. Wall time runs from
 * just before the engine starts (after the job's topology is built) until the output is complete and committed.
 * Latency: starts the job, prints {@code READY}, runs until a line {@code stop} (or the end) on standard input,
 * then stops the job and exits.
 */
public final class KafkaRunOne {
    public static final String RESULT_PREFIX = "RESULT ";
    public static final String READY = "READY";

    private KafkaRunOne() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 11) {
            System.err.println("usage: KafkaRunOne throughput|latency ENGINE JOB GUARANTEE P BOOTSTRAP INPUT OUTPUT"
                    + " COMMIT_MS EXPECTED_PROCESSED RUN_ID");
            System.exit(2);
        }
        boolean throughput = args[0].equals("throughput");
        KafkaEngine engine = KafkaEngines.create(args[1]);
        JobSpec spec = new JobSpec(args[5], args[6], args[7], KafkaJob.parse(args[2]), Guarantee.parse(args[3]),
                Integer.parseInt(args[4]), Long.parseLong(args[8]), throughput, Long.parseLong(args[9]), args[10]);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        if (throughput) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Map<String, String> facts = engine.runBounded(spec);
            long wall = System.nanoTime() - t0;
            long cpu = os.getProcessCpuTime() - cpu0;
            StringBuilder sb = new StringBuilder(RESULT_PREFIX);
            sb.append(String.format(Locale.ROOT, "wallNanos=%d cpuNanos=%d", wall, cpu));
            facts.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            System.out.println(sb);
            System.out.flush();
            System.exit(0);
        }
        AutoCloseable job = engine.startUnbounded(spec);
        System.out.println(READY);
        System.out.flush();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
                // wait
            }
        }
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        System.out.println(String.format(Locale.ROOT, "%swallNanos=%d cpuNanos=%d", RESULT_PREFIX, wall, cpu));
        System.out.flush();
        try {
            job.close();
        } catch (Exception e) {
            System.err.println("stopping the job: " + e);
        }
        System.exit(0);
    }
}
