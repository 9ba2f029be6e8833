package dev.sluice.bench.throughput;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Side-by-side throughput harness: runs the same jobs ({@link JobKind}) on the same generated data
 * on Sluice and on Apache Flink, each measurement in a fresh child JVM ({@link RunOne}), and prints
 * a Markdown report. With {@code --checkpoint-modes off,1000} every cell runs with checkpointing
 * off and every 1000 ms, alternately, and the report adds the overhead of checkpointing.
 */
@Command(name = "sluice-throughput", mixinStandardHelpOptions = true,
        description = "Runs the stateless and keyed benchmark jobs on Sluice and Flink (each run in a fresh JVM)"
                + " and prints a Markdown table of median events/s.")
public final class Main implements Callable<Integer> {

    static final String SLUICE_JOBS_CLASS = "dev.sluice.bench.throughput.SluiceJobs";

    /** Sluice state backends other than the built-in heap one: harness name to class name. */
    public static final Map<String, String> SLUICE_STATE_BACKENDS =
            Map.of("rocksdb", "dev.sluice.state.rocksdb.EmbeddedRocksDBStateBackend");

    static final List<String> FLINK_STATE_BACKENDS = List.of("hashmap", "rocksdb");

    @Option(names = "--engines", split = ",", defaultValue = "sluice,flink",
            description = "Engines to run: sluice, flink (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    @Option(names = "--jobs", split = ",", defaultValue = "stateless,keyed",
            description = "Jobs to run: stateless, keyed, tumbling, sliding, session (default: ${DEFAULT-VALUE}).")
    List<String> jobs;

    @Option(names = {"-p", "--parallelism"}, split = ",", defaultValue = "1,2",
            description = "Parallelism values (default: ${DEFAULT-VALUE}).")
    List<Integer> parallelisms;

    @Option(names = "--events-stateless", defaultValue = "350M", converter = CountConverter.class,
            description = "Records N for the stateless job; suffixes K/M/G allowed (default: ${DEFAULT-VALUE}).")
    long eventsStateless;

    @Option(names = "--events-keyed", defaultValue = "50M", converter = CountConverter.class,
            description = "Records N for the keyed job (default: ${DEFAULT-VALUE}).")
    long eventsKeyed;

    @Option(names = "--events-windowed", defaultValue = "10M", converter = CountConverter.class,
            description = "Records N for the window jobs (default: ${DEFAULT-VALUE}).")
    long eventsWindowed;

    @Option(names = {"-n", "--events"}, converter = CountConverter.class,
            description = "Records N for every job (overrides --events-stateless/--events-keyed).")
    Long events;

    @Option(names = {"-r", "--repeats"}, defaultValue = "3",
            description = "Measured runs per (engine, job, parallelism) cell, each in a fresh JVM (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup-fraction", defaultValue = "0.2",
            description = "Each child JVM first runs the same job on fraction*N records (discarded), then the"
                    + " measured run; 0 disables warm-up (default: ${DEFAULT-VALUE}).")
    double warmupFraction;

    @Option(names = "--flink-object-reuse", defaultValue = "off",
            description = "Flink object reuse: off (Flink's default), on, or both (adds a 'flink+reuse' row)"
                    + " (default: ${DEFAULT-VALUE}).")
    String flinkObjectReuse;

    @Option(names = "--checkpoint-interval", defaultValue = "0",
            description = "Checkpoint interval in ms for both engines; 0 = off (default: ${DEFAULT-VALUE}).")
    long checkpointInterval;

    @Option(names = "--checkpoint-modes", split = ",",
            description = "Several checkpoint intervals, each measured as its own row, alternating within each"
                    + " repetition: e.g. off,1000 (off = 0). Replaces --checkpoint-interval.")
    List<String> checkpointModes;

    @Option(names = "--state-backend", split = ",", defaultValue = "heap",
            description = "Sluice state backends: heap, rocksdb (when this build has it) (default: ${DEFAULT-VALUE}).")
    List<String> sluiceStateBackends;

    @Option(names = "--flink-state-backend", split = ",", defaultValue = "hashmap",
            description = "Flink state backends: hashmap (Flink's default), rocksdb (EmbeddedRocksDBStateBackend)"
                    + " (default: ${DEFAULT-VALUE}).")
    List<String> flinkStateBackends;

    @Option(names = "--child-jvm-args", defaultValue = "-Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch",
            description = "JVM options for each child JVM, space separated (default: ${DEFAULT-VALUE}; pre-touch keeps "
                    + "the page faults of a growing young generation out of the measured run).")
    String childJvmArgs;

    @Option(names = "--java", description = "java executable for the child JVMs (default: this JVM's).")
    String javaExe;

    @Option(names = "--timeout", defaultValue = "900",
            description = "Seconds before a child JVM is killed (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = {"-o", "--out"}, description = "Also write the Markdown report to this file.")
    Path out;

    private String[] originalArgs = new String[0];

    public static void main(String[] args) {
        Main main = new Main();
        main.originalArgs = args.clone();
        int rc = new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(rc);
    }

    /** One engine variant as a table row: engine name for RunOne, object-reuse flag and state backend. */
    record Variant(String engine, boolean objectReuse, String stateBackend) {
        String label() {
            boolean defaultBackend = stateBackend.equals(RunOne.defaultStateBackend(engine));
            return engine + (defaultBackend ? "" : "-" + stateBackend) + (objectReuse ? "+reuse" : "");
        }
    }

    /** One row of the report; {@code checkpointIntervalMs} 0 = checkpointing off. */
    record Cell(JobKind job, int parallelism, Variant variant, long events, long checkpointIntervalMs) {
        /** The same cell with checkpointing off. */
        Cell withoutCheckpoints() {
            return new Cell(job, parallelism, variant, events, 0);
        }
    }

    /** Parsed RESULT line of one child run. */
    record Run(Cell cell, int repeat, Map<String, String> values, String error) {
        boolean ok() {
            return error == null;
        }

        long wallNanos() {
            return Long.parseLong(values.get("wallNanos"));
        }

        long cpuNanos() {
            return Long.parseLong(values.get("cpuNanos"));
        }

        double eventsPerSecond() {
            return cell.events() / (wallNanos() / 1e9);
        }

        double coresBusy() {
            return (double) cpuNanos() / wallNanos();
        }

        double cpuNanosPerEvent() {
            return (double) cpuNanos() / cell.events();
        }

        long peakHeapBytes() {
            return Long.parseLong(values.get("peakHeapBytes"));
        }

        long peakOldGenBytes() {
            return Long.parseLong(values.getOrDefault("peakOldGenBytes", "-1"));
        }

        /** Checkpoints completed during the measured run, -1 when off or unknown. */
        long checkpoints() {
            return Long.parseLong(values.getOrDefault("checkpoints", "-1"));
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Variant> variants = variants();
        if (variants == null) {
            return 2;
        }
        List<JobKind> jobKinds = new ArrayList<>();
        for (String j : jobs) {
            jobKinds.add(JobKind.parse(j));
        }
        if (repeats < 1) {
            System.err.println("--repeats must be >= 1");
            return 2;
        }
        List<Long> intervals = checkpointIntervals();
        if (intervals == null) {
            return 2;
        }

        List<Cell> cells = new ArrayList<>();
        for (JobKind job : jobKinds) {
            for (int p : parallelisms) {
                for (Variant v : variants) {
                    for (long interval : intervals) {
                        cells.add(new Cell(job, p, v, eventsFor(job), interval));
                    }
                }
            }
        }

        String commandLine = commandLine();
        String started = ZonedDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        // Repetition-major order: each repetition visits every cell once, so slow drifts of the
        // machine (other load, thermal) spread over all engines instead of hitting one.
        List<Run> runs = new ArrayList<>();
        int total = cells.size() * repeats;
        int k = 0;
        for (int r = 1; r <= repeats; r++) {
            for (Cell cell : cells) {
                k++;
                System.err.printf(Locale.ROOT, "[%d/%d] %s %s p=%d N=%d checkpoints %s repeat %d/%d%n", k, total,
                        cell.variant().label(), cell.job().id(), cell.parallelism(), cell.events(),
                        Report.interval(cell.checkpointIntervalMs()), r, repeats);
                Run run = runChild(cell, r);
                if (run.ok()) {
                    System.err.printf(Locale.ROOT, "        -> %.3f s, %s events/s, %.2f cores busy%n",
                            run.wallNanos() / 1e9, fmtRate(run.eventsPerSecond()), run.coresBusy());
                } else {
                    System.err.println("        -> FAILED: " + run.error());
                }
                runs.add(run);
            }
        }

        String report = Report.markdown(cells, runs, commandLine, started, childJvmArgs, javaExecutable(),
                warmupFraction, repeats);
        System.out.println(report);
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.err.println("Report written to " + out);
        }
        return runs.stream().allMatch(Run::ok) ? 0 : 1;
    }

    /** The checkpoint intervals to measure (0 = off), or null after a usage error. */
    private List<Long> checkpointIntervals() {
        if (checkpointModes == null) {
            if (checkpointInterval < 0) {
                System.err.println("--checkpoint-interval must be >= 0");
                return null;
            }
            return List.of(checkpointInterval);
        }
        List<Long> result = new ArrayList<>();
        for (String mode : checkpointModes) {
            String m = mode.trim().toLowerCase(Locale.ROOT);
            try {
                long interval = m.equals("off") ? 0 : Long.parseLong(m);
                if (interval < 0) {
                    throw new NumberFormatException(m);
                }
                result.add(interval);
            } catch (NumberFormatException e) {
                System.err.println("--checkpoint-modes takes off or intervals in ms, e.g. off,1000; got '" + mode + "'");
                return null;
            }
        }
        return result;
    }

    /** The message for a Sluice state backend whose class is not on the class path. */
    public static String sluiceBackendMissing(String name) {
        return "Sluice state backend '" + name + "' is not available in this build (class "
                + SLUICE_STATE_BACKENDS.get(name) + " not found)";
    }

    /**
     * The table rows' engine variants, or null after a usage error. A Sluice state backend that this
     * build does not have is skipped with a message; the other rows still run.
     */
    private List<Variant> variants() {
        List<Variant> result = new ArrayList<>();
        String reuse = flinkObjectReuse.toLowerCase(Locale.ROOT);
        if (!List.of("off", "on", "both").contains(reuse)) {
            System.err.println("--flink-object-reuse must be off, on or both");
            return null;
        }
        for (String b : flinkStateBackends) {
            if (!FLINK_STATE_BACKENDS.contains(b)) {
                System.err.println("unknown Flink state backend '" + b + "' (expected hashmap or rocksdb)");
                return null;
            }
        }
        for (String e : engines) {
            switch (e.trim().toLowerCase(Locale.ROOT)) {
                case "sluice":
                    try {
                        Class.forName(SLUICE_JOBS_CLASS);
                    } catch (ClassNotFoundException | LinkageError ex) {
                        System.err.println("The Sluice jobs are not compiled into this build (" + ex
                                + ").\nsrc/main/java/dev/sluice/bench/throughput/SluiceJobs.java is excluded until the"
                                + " Sluice DataStream API exists; rebuild with -Dsluice.api, or run with --engines flink.");
                        return null;
                    }
                    for (String b : sluiceStateBackends) {
                        if (b.equals("heap")) {
                            result.add(new Variant("sluice", false, b));
                        } else if (!SLUICE_STATE_BACKENDS.containsKey(b)) {
                            System.err.println("unknown Sluice state backend '" + b + "' (expected heap or rocksdb)");
                            return null;
                        } else if (classPresent(SLUICE_STATE_BACKENDS.get(b))) {
                            result.add(new Variant("sluice", false, b));
                        } else {
                            System.err.println(sluiceBackendMissing(b) + "; its rows are skipped.");
                        }
                    }
                    break;
                case "flink":
                    for (String b : flinkStateBackends) {
                        if (!reuse.equals("on")) {
                            result.add(new Variant("flink", false, b));
                        }
                        if (!reuse.equals("off")) {
                            result.add(new Variant("flink", true, b));
                        }
                    }
                    break;
                default:
                    System.err.println("unknown engine '" + e + "' (expected sluice or flink)");
                    return null;
            }
        }
        if (result.isEmpty()) {
            System.err.println("nothing to run");
            return null;
        }
        return result;
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private long eventsFor(JobKind job) {
        if (events != null) {
            return events;
        }
        if (job.windowed()) {
            return eventsWindowed;
        }
        return job == JobKind.STATELESS ? eventsStateless : eventsKeyed;
    }

    private String javaExecutable() {
        if (javaExe != null) {
            return javaExe;
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Run runChild(Cell cell, int repeat) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        for (String a : childJvmArgs.trim().split("\\s+")) {
            if (!a.isEmpty()) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(RunOne.class.getName());
        cmd.addAll(List.of("--engine", cell.variant().engine(), "--job", cell.job().id(),
                "--parallelism", Integer.toString(cell.parallelism()), "--events", Long.toString(cell.events()),
                "--warmup-events", Long.toString(Math.round(cell.events() * warmupFraction)),
                "--state-backend", cell.variant().stateBackend(),
                "--checkpoint-interval", Long.toString(cell.checkpointIntervalMs())));
        if (cell.variant().objectReuse()) {
            cmd.add("--object-reuse");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process proc = pb.start();
        String resultLine = null;
        // Read stdout on this thread; the child prints little there (engines log to stderr).
        try (BufferedReader br = new BufferedReader(
                new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            Thread killer = new Thread(() -> {
                try {
                    if (!proc.waitFor(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS)) {
                        System.err.println("child exceeded --timeout, killing it");
                        proc.destroyForcibly();
                    }
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "child-timeout");
            killer.setDaemon(true);
            killer.start();
            String line;
            while ((line = br.readLine()) != null) {
                if (line.startsWith(RunOne.RESULT_PREFIX)) {
                    resultLine = line;
                } else {
                    System.err.println("  | " + line);
                }
            }
        }
        int rc = proc.waitFor();
        if (rc != 0 || resultLine == null) {
            return new Run(cell, repeat, Map.of(), "child exited with " + rc
                    + (resultLine == null ? ", no RESULT line" : ""));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String kv : resultLine.substring(RunOne.RESULT_PREFIX.length()).trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            values.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return new Run(cell, repeat, values, null);
    }

    private String commandLine() {
        String fromScript = System.getenv("SLUICE_BENCH_CMD");
        if (fromScript != null && !fromScript.isBlank()) {
            return fromScript;
        }
        StringBuilder sb = new StringBuilder("java -cp <sluice-bench classpath> ").append(Main.class.getName());
        for (String a : originalArgs) {
            sb.append(' ').append(Report.shellQuote(a));
        }
        return sb.toString();
    }

    static String fmtRate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** Parses counts such as 50000000, 50_000_000, 50M, 2.5M, 500K, 1G. */
    public static final class CountConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.trim().replace("_", "").replace(",", "");
            double mult = 1;
            char last = Character.toUpperCase(v.charAt(v.length() - 1));
            if (last == 'K' || last == 'M' || last == 'G') {
                mult = last == 'K' ? 1e3 : last == 'M' ? 1e6 : 1e9;
                v = v.substring(0, v.length() - 1);
            }
            long n = Math.round(Double.parseDouble(v) * mult);
            if (n <= 0) {
                throw new CommandLine.TypeConversionException("count must be positive: " + value);
            }
            return n;
        }
    }
}
