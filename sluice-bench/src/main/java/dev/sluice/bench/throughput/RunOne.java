package dev.sluice.bench.throughput;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One measurement, meant to run in a fresh child JVM forked by {@link Main}:
 *
 * <pre>
 * java -cp &lt;classpath&gt; dev.sluice.bench.throughput.RunOne --engine flink --job keyed \
 *      --parallelism 2 --events 20000000 [--warmup-events 4000000] [--object-reuse] \
 *      [--checkpoint-interval 1000] [--state-backend heap|hashmap|rocksdb]
 * </pre>
 *
 * <p>Sequence: one warm-up execution of the same job with {@code --warmup-events} records (discarded;
 * skipped if 0), then {@code System.gc()}, reset of the heap pools' peak counters, then ONE measured
 * execution. Wall time is taken around the engine's {@code execute()} call only (pipeline
 * construction is excluded; engine/cluster start-up inside {@code execute()} is included). Prints a
 * single {@code RESULT key=value ...} line on stdout; engines log to stderr. The warm-up execution
 * uses the same checkpoint interval and state backend as the measured one.
 */
public final class RunOne {

    public static final String RESULT_PREFIX = "RESULT ";

    private RunOne() {}

    public static void main(String[] args) throws Exception {
        String engine = null;
        JobKind job = null;
        int parallelism = 1;
        long events = -1;
        long warmupEvents = 0;
        boolean objectReuse = false;
        long checkpointInterval = 0;
        String stateBackend = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--engine": engine = args[++i]; break;
                case "--job": job = JobKind.parse(args[++i]); break;
                case "--parallelism": parallelism = Integer.parseInt(args[++i]); break;
                case "--events": events = Long.parseLong(args[++i]); break;
                case "--warmup-events": warmupEvents = Long.parseLong(args[++i]); break;
                case "--object-reuse": objectReuse = true; break;
                case "--checkpoint-interval": checkpointInterval = Long.parseLong(args[++i]); break;
                case "--state-backend": stateBackend = args[++i]; break;
                default: throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (engine == null || job == null || events <= 0 || parallelism <= 0 || checkpointInterval < 0) {
            System.err.println("usage: RunOne --engine flink|sluice --job stateless|keyed|tumbling|sliding|session"
                    + " --parallelism P --events N [--warmup-events W] [--object-reuse]"
                    + " [--checkpoint-interval MS] [--state-backend heap|hashmap|rocksdb]");
            System.exit(2);
        }
        EngineJobs.StateSettings state = new EngineJobs.StateSettings(checkpointInterval,
                stateBackend != null ? stateBackend : defaultStateBackend(engine));

        EngineJobs jobs = load(engine);

        if (warmupEvents > 0) {
            jobs.prepare(job, parallelism, warmupEvents, objectReuse, state).execute();
        }
        System.gc();
        System.gc();
        Thread.sleep(200);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        EngineJobs.Prepared prepared = jobs.prepare(job, parallelism, events, objectReuse, state);
        long gcCount0 = gcCount();
        long gcMillis0 = gcMillis();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long netMillis = prepared.execute();
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        long gcCount1 = gcCount();
        long gcMillis1 = gcMillis();
        long checkpoints = prepared.completedCheckpoints();

        long peakHeap = 0;
        long peakOldGen = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) {
                long used = pool.getPeakUsage().getUsed();
                peakHeap += used;
                String name = pool.getName();
                if (name.contains("Old") || name.contains("Tenured")) {
                    peakOldGen += used;
                }
            }
        }

        Map<String, String> out = new LinkedHashMap<>();
        out.put("engine", engine + (objectReuse ? "+reuse" : ""));
        out.put("job", job.id());
        out.put("p", Integer.toString(parallelism));
        out.put("events", Long.toString(events));
        out.put("warmupEvents", Long.toString(warmupEvents));
        out.put("wallNanos", Long.toString(t1 - t0));
        out.put("cpuNanos", Long.toString(cpu1 - cpu0));
        out.put("peakHeapBytes", Long.toString(peakHeap));
        out.put("peakOldGenBytes", Long.toString(peakOldGen));
        out.put("gcCount", Long.toString(gcCount1 - gcCount0));
        out.put("gcMillis", Long.toString(gcMillis1 - gcMillis0));
        out.put("netRuntimeMillis", Long.toString(netMillis));
        out.put("stateBackend", state.stateBackend());
        out.put("checkpointIntervalMs", Long.toString(checkpointInterval));
        out.put("checkpoints", Long.toString(checkpoints));
        StringBuilder sb = new StringBuilder(RESULT_PREFIX);
        out.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        System.out.println(sb.toString().trim());
        double secs = (t1 - t0) / 1e9;
        System.err.printf(Locale.ROOT, "[RunOne] %s %s p=%d: %.2f s, %.0f events/s, %.2f cores busy%n",
                out.get("engine"), job.id(), parallelism, secs, events / secs, (cpu1 - cpu0) / 1e9 / secs);
        System.out.flush();
        // Engines may leave non-daemon threads behind (e.g. a MiniCluster's executors); do not wait for them.
        System.exit(0);
    }

    /** The engine's default state backend: Sluice's heap backend, Flink's HashMap backend. */
    static String defaultStateBackend(String engine) {
        return engine.equals("flink") ? "hashmap" : "heap";
    }

    static EngineJobs load(String engine) throws Exception {
        switch (engine) {
            case "flink":
                return new FlinkJobs();
            case "sluice":
                return (EngineJobs) Class.forName(Main.SLUICE_JOBS_CLASS)
                        .getDeclaredConstructor().newInstance();
            default:
                throw new IllegalArgumentException("unknown engine " + engine + " (expected flink or sluice)");
        }
    }

    /** Collections so far, summed over the garbage collectors. */
    public static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /** Milliseconds spent collecting so far, summed over the garbage collectors. */
    public static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }
}
