package dev.sluice.bench.nexmark.harness;

import dev.sluice.bench.nexmark.queries.NexmarkQueries;

import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.queries.QueryContext;
import dev.sluice.bench.throughput.EngineJobs;
import dev.sluice.bench.throughput.RunOne;
import dev.sluice.bench.throughput.ScratchDirectory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Nexmark measurement, meant to run in a fresh child JVM forked by {@link NexmarkMain}:
 *
 * <pre>
 * java -cp &lt;classpath&gt; dev.sluice.bench.nexmark.harness.NexmarkRunOne --engine sluice --query q5 \
 *      --parallelism 2 --events 10000000 --warmup-events 1000000 [--rate R] [--checkpointing on]
 * </pre>
 *
 * <p>{@link #measure}: one warm-up job over the first {@code --warmup-events} events (discarded),
 * {@code System.gc()}, reset of the peak counters, then the measured job over N events. Prints one
 * line {@code RESULT key=value …} on stdout, or {@code ERROR message} and exit code 1 when the job
 * cannot be built or fails; engines log to stderr. q10's output directory (and Flink's checkpoint
 * directory) is a temporary directory deleted at the end.
 */
public final class NexmarkRunOne {
    public static final String RESULT_PREFIX = RunOne.RESULT_PREFIX;
    public static final String ERROR_PREFIX = "ERROR ";

    private static final int MAX_MESSAGE = 400;

    static final String FLINK_ENGINE = "dev.sluice.bench.nexmark.flink.FlinkNexmarkEngine";

    private NexmarkRunOne() {}

    public static void main(String[] args) throws IOException {
        String engineName = null;
        String query = null;
        int parallelism = 1;
        long events = -1;
        long warmupEvents = 0;
        long rate = GeneratorConfig.defaults().firstEventRate();
        boolean checkpointing = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--engine" -> engineName = args[++i];
                case "--query" -> query = args[++i];
                case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
                case "--events" -> events = Long.parseLong(args[++i]);
                case "--warmup-events" -> warmupEvents = Long.parseLong(args[++i]);
                case "--rate" -> rate = Long.parseLong(args[++i]);
                case "--checkpointing" -> checkpointing = "on".equals(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (engineName == null || query == null || events <= 0 || parallelism <= 0) {
            System.err.println("usage: NexmarkRunOne --engine sluice|flink --query qN --parallelism P --events N"
                    + " [--warmup-events W] [--rate R] [--checkpointing on|off]");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("sluice-nexmark-");
        int rc = 0;
        try {
            NexmarkJob job = new NexmarkJob(query, parallelism,
                    GeneratorConfig.builder().numEvents(events).firstEventRate(rate).build(), checkpointing,
                    QueryContext.defaults(dir));
            System.out.println(format(measure(engine(engineName), job, warmupEvents)));
        } catch (Throwable t) {
            t.printStackTrace();
            System.out.println(ERROR_PREFIX + message(t));
            rc = 1;
        } finally {
            ScratchDirectory.delete(dir);
        }
        System.out.flush();
        // Engines may leave non-daemon threads behind (e.g. a MiniCluster's executors); do not wait for them.
        System.exit(rc);
    }

    /** The engine called {@code name}: "sluice" (queries from {@link NexmarkQueries}) or "flink". */
    static NexmarkEngine engine(String name) throws ReflectiveOperationException {
        return switch (name) {
            case "sluice" -> new SluiceNexmarkEngine(NexmarkQueries::byName);
            case "flink" -> {
                try {
                    yield (NexmarkEngine) Class.forName(FLINK_ENGINE).getDeclaredConstructor().newInstance();
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("Flink (table API, planner) is not on the class path: " + e, e);
                }
            }
            default -> throw new IllegalArgumentException("unknown engine " + name + " (expected sluice or flink)");
        };
    }

    /**
     * Runs the warm-up job and then the measured job, in this JVM, and returns the measurement:
     * {@code engine, query, p, checkpointing, events, warmupEvents, wallNanos} (around {@code
     * execute()}), {@code cpuNanos} (process CPU time, all threads, from {@code
     * OperatingSystemMXBean#getProcessCpuTime}), {@code peakHeapBytes} (sum of the heap pools'
     * peaks), {@code peakRssBytes} (VmHWM of /proc/self/status, reset before the measured job when
     * the kernel allows it: {@code rssPeakReset}), {@code outputRecords} (-1 if not counted),
     * {@code gcCount, gcMillis, netRuntimeMillis} (-1 if the engine reports none).
     */
    public static Map<String, String> measure(NexmarkEngine engine, NexmarkJob job, long warmupEvents)
            throws Exception {
        if (warmupEvents > 0) {
            engine.prepare(job.withEvents(warmupEvents)).execute();
        }
        System.gc();
        System.gc();
        Thread.sleep(200);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
        boolean rssReset = ProcessMemory.resetPeakRss();

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        EngineJobs.Prepared prepared = engine.prepare(job);
        long gcCount0 = RunOne.gcCount();
        long gcMillis0 = RunOne.gcMillis();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long netMillis = prepared.execute();
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        long gcCount1 = RunOne.gcCount();
        long gcMillis1 = RunOne.gcMillis();

        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }

        Map<String, String> out = new LinkedHashMap<>();
        out.put("engine", engine.name());
        out.put("query", job.query());
        out.put("p", Integer.toString(job.parallelism()));
        out.put("checkpointing", job.checkpointing() ? "on" : "off");
        out.put("events", Long.toString(job.events().numEvents()));
        out.put("warmupEvents", Long.toString(warmupEvents));
        out.put("wallNanos", Long.toString(t1 - t0));
        out.put("cpuNanos", Long.toString(cpu1 - cpu0));
        out.put("peakHeapBytes", Long.toString(peakHeap));
        out.put("peakRssBytes", Long.toString(ProcessMemory.peakRssBytes()));
        out.put("rssPeakReset", Boolean.toString(rssReset));
        out.put("outputRecords", Long.toString(engine.outputRecords()));
        out.put("gcCount", Long.toString(gcCount1 - gcCount0));
        out.put("gcMillis", Long.toString(gcMillis1 - gcMillis0));
        out.put("netRuntimeMillis", Long.toString(netMillis));
        return out;
    }

    /** The {@code RESULT} line of a measurement. */
    static String format(Map<String, String> values) {
        StringBuilder sb = new StringBuilder(RESULT_PREFIX);
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        return sb.toString().trim();
    }

    /** The values of a {@code RESULT} line. */
    static Map<String, String> parse(String line) {
        if (!line.startsWith(RESULT_PREFIX)) {
            throw new IllegalArgumentException("Not a result line: " + line);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String kv : line.substring(RESULT_PREFIX.length()).trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Not key=value: " + kv + " in " + line);
            }
            values.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return values;
    }

    /** The innermost cause's class and message, on one line, cut at {@link #MAX_MESSAGE} characters. */
    private static String message(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        if (root != t) {
            text = t.getClass().getSimpleName() + ": " + t.getMessage() + " <- " + text;
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + " …";
    }
}
