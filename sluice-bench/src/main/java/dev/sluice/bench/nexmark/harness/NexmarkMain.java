package dev.sluice.bench.nexmark.harness;

import dev.sluice.bench.nexmark.flink.NexmarkSql;
import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.throughput.Main.CountConverter;
import dev.sluice.bench.throughput.Report;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Nexmark harness: runs the queries on Sluice (the DataStream queries of {@code
 * dev.sluice.bench.nexmark.queries}) and on Apache Flink (the suite's Flink SQL, {@link
 * NexmarkSql}) over the same generated events, each measurement in a fresh child JVM ({@link
 * NexmarkRunOne}), engines alternating, and prints a Markdown report ({@link NexmarkReport}).
 * Exit code 0 when every run succeeded, 1 when some failed, 2 for a usage error.
 */
@Command(name = "sluice-nexmark", mixinStandardHelpOptions = true,
        description = "Runs the Nexmark queries on Sluice and on Flink SQL over the same events (each run in a"
                + " fresh JVM) and prints a Markdown table of median events/s, CPU and memory.")
public final class NexmarkMain implements Callable<Integer> {

    @Option(names = "--queries", split = ",", defaultValue = "all",
            description = "Queries to run: q0 .. q22, or all (default: ${DEFAULT-VALUE}).")
    List<String> queries;

    @Option(names = {"-n", "--events"}, defaultValue = "10M", converter = CountConverter.class,
            description = "Events N per measured run; suffixes K/M/G allowed (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = {"-p", "--parallelism"}, split = ",", defaultValue = "1,2",
            description = "Parallelism values (default: ${DEFAULT-VALUE}).")
    List<Integer> parallelisms;

    @Option(names = "--checkpointing", split = ",", defaultValue = "off",
            description = "off, on (a checkpoint every 10 s), or off,on (default: ${DEFAULT-VALUE}).")
    List<String> checkpointing;

    @Option(names = "--engines", split = ",", defaultValue = "sluice,flink",
            description = "Engines to run: sluice, flink (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    @Option(names = {"-r", "--repeats"}, defaultValue = "3",
            description = "Measured runs per cell, each in a fresh JVM; the report gives medians (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup-events", defaultValue = "1M", converter = WarmupConverter.class,
            description = "Each child JVM first runs the same query over this many events, discarded; 0 for none"
                    + " (default: ${DEFAULT-VALUE}).")
    long warmupEvents;

    @Option(names = "--rate", converter = CountConverter.class,
            description = "The generator's firstEventRate, events per second of event time (default: GeneratorConfig's, 10M).")
    Long rate;

    @Option(names = "--child-jvm-args", defaultValue = "-Xms4g -Xmx4g -XX:+UseG1GC -XX:+AlwaysPreTouch",
            description = "JVM options of every child JVM, both engines, space separated (default: ${DEFAULT-VALUE}; "
                    + "without pre-touch a run first pays the kernel's page faults on its young generation, "
                    + "about 2.5 s of a 5.5 s q0 run at 10M events; with 2 GiB Flink runs out of heap on q4, q7 "
                    + "and q9 at 10M events).")
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
        NexmarkMain main = new NexmarkMain();
        main.originalArgs = args.clone();
        System.exit(new CommandLine(main).execute(args));
    }

    /** One row of one engine: a query at a parallelism, with or without checkpoints. */
    record Cell(String query, int parallelism, boolean checkpointing, String engine) {}

    /** One measured run: the values of its result line, or why it failed. */
    record Run(Cell cell, int repeat, Map<String, String> values, String error) {
        boolean ok() {
            return error == null;
        }

        long events() {
            return Long.parseLong(values.get("events"));
        }

        double wallSeconds() {
            return Long.parseLong(values.get("wallNanos")) / 1e9;
        }

        double eventsPerSecond() {
            return events() / wallSeconds();
        }

        /** CPU time over wall time: how many cores the process kept busy. */
        double cores() {
            return Long.parseLong(values.get("cpuNanos")) / 1e9 / wallSeconds();
        }

        double eventsPerSecondPerCore() {
            return eventsPerSecond() / cores();
        }

        double peakHeapMiB() {
            return Long.parseLong(values.get("peakHeapBytes")) / (1024.0 * 1024.0);
        }

        double peakRssMiB() {
            return Long.parseLong(values.get("peakRssBytes")) / (1024.0 * 1024.0);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> queryNames = queryNames();
        if (queryNames == null) {
            return 2;
        }
        if (repeats < 1) {
            return usage("--repeats must be >= 1");
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        for (int p : parallelisms) {
            if (p < 1) {
                return usage("--parallelism values must be >= 1, got " + p);
            }
            if (p > cpus) {
                System.err.printf(Locale.ROOT, "warning: parallelism %d is above the %d available processors;"
                        + " running it anyway (tasks will share cores)%n", p, cpus);
            }
        }
        List<Boolean> checkpointModes = new ArrayList<>();
        for (String c : checkpointing) {
            switch (c.trim().toLowerCase(Locale.ROOT)) {
                case "off" -> checkpointModes.add(false);
                case "on" -> checkpointModes.add(true);
                default -> {
                    return usage("--checkpointing takes off and/or on, got '" + c + "'");
                }
            }
        }
        List<String> engineNames = engineNames();
        if (engineNames == null) {
            return 2;
        }

        List<String> notes = new ArrayList<>();
        if (engineNames.contains("flink")) {
            String missing = missingFlink();
            if (missing != null) {
                note(notes, "Flink: " + missing + " is not on the class path; running without Flink"
                        + " (build sluice-bench with its dependencies: sluice-bench/run-nexmark.sh).");
                engineNames.remove("flink");
            }
        }
        if (engineNames.isEmpty()) {
            System.err.println("Nothing to run: no engine left.");
            return 2;
        }
        List<Cell> cells = new ArrayList<>();
        for (String q : queryNames) {
            for (int p : parallelisms) {
                for (boolean ckpt : checkpointModes) {
                    for (String engine : engineNames) {
                        cells.add(new Cell(q, p, ckpt, engine));
                    }
                }
            }
        }
        if (cells.isEmpty()) {
            System.err.println("Nothing to run: no (query, engine) pair is available.");
            return 2;
        }

        String started = ZonedDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        GeneratorConfig config = config();
        System.err.printf(Locale.ROOT, "Generator alone: timing %,d events on one thread ...%n", events);
        GeneratorCost generator = GeneratorCost.measure(config, Math.min(warmupEvents, events));
        System.err.printf(Locale.ROOT, "Generator alone: %.0f ns/event, %,.0f events/s on one thread%n",
                generator.nanosPerEvent(), generator.eventsPerSecond());

        // Repetition-major order, engines alternating within a (query, p, checkpointing): slow drifts
        // of the machine spread over all engines instead of hitting one.
        List<Run> runs = new ArrayList<>();
        int total = cells.size() * repeats;
        int k = 0;
        for (int r = 1; r <= repeats; r++) {
            for (Cell cell : cells) {
                k++;
                System.err.printf(Locale.ROOT, "[%d/%d] %s %s p=%d checkpointing=%s N=%,d repeat %d/%d%n", k, total,
                        cell.engine(), cell.query(), cell.parallelism(), cell.checkpointing() ? "on" : "off", events,
                        r, repeats);
                Run run = runChild(cell, r);
                if (run.ok()) {
                    System.err.printf(Locale.ROOT, "        -> %.3f s, %,.0f events/s, %.2f cores%n",
                            run.wallSeconds(), run.eventsPerSecond(), run.cores());
                } else {
                    System.err.println("        -> FAILED: " + run.error());
                }
                runs.add(run);
            }
        }

        String report = NexmarkReport.markdown(new NexmarkReport.Input(cells, runs, commandLine(), started,
                childJvmArgs, javaExecutable(), events, warmupEvents, repeats, config.firstEventRate(), generator,
                notes));
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

    private GeneratorConfig config() {
        GeneratorConfig.Builder b = GeneratorConfig.builder().numEvents(events);
        if (rate != null) {
            b.firstEventRate(rate);
        }
        return b.build();
    }

    /** The requested queries in order, without repeats; null (after a message) if one is unknown. */
    private List<String> queryNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String q : queries) {
            String name = q.trim().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                names.addAll(NexmarkSql.QUERIES);
            } else if (NexmarkSql.QUERIES.contains(name)) {
                names.add(name);
            } else {
                usage("unknown query '" + q + "'; valid: " + String.join(",", NexmarkSql.QUERIES) + " or all");
                return null;
            }
        }
        return new ArrayList<>(names);
    }

    private List<String> engineNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String e : engines) {
            String name = e.trim().toLowerCase(Locale.ROOT);
            if (!name.equals("sluice") && !name.equals("flink")) {
                usage("unknown engine '" + e + "' (expected sluice and/or flink)");
                return null;
            }
            names.add(name);
        }
        return new ArrayList<>(names);
    }

    /** The first Flink class the Flink side needs that cannot be loaded, or null if all load. */
    private static String missingFlink() {
        for (String name : List.of("org.apache.flink.table.api.bridge.java.StreamTableEnvironment",
                "org.apache.flink.table.planner.loader.DelegatePlannerFactory", NexmarkRunOne.FLINK_ENGINE)) {
            try {
                Class.forName(name, false, NexmarkMain.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return name;
            }
        }
        return null;
    }

    private static int usage(String message) {
        System.err.println(message);
        return 2;
    }

    private static void note(List<String> notes, String message) {
        System.err.println(message);
        notes.add(message);
    }

    private String javaExecutable() {
        return javaExe != null ? javaExe : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Run runChild(Cell cell, int repeat) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        for (String a : childJvmArgs.trim().split("\\s+")) {
            if (!a.isEmpty()) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), NexmarkRunOne.class.getName(),
                "--engine", cell.engine(), "--query", cell.query(),
                "--parallelism", Integer.toString(cell.parallelism()), "--events", Long.toString(events),
                "--warmup-events", Long.toString(Math.min(warmupEvents, events)),
                "--checkpointing", cell.checkpointing() ? "on" : "off"));
        if (rate != null) {
            cmd.addAll(List.of("--rate", Long.toString(rate)));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process proc = pb.start();
        Thread killer = new Thread(() -> {
            try {
                if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    System.err.println("child exceeded --timeout, killing it");
                    proc.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "child-timeout");
        killer.setDaemon(true);
        killer.start();
        String result = null;
        String error = null;
        try (BufferedReader br = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = br.readLine()) != null) {
                if (line.startsWith(NexmarkRunOne.RESULT_PREFIX)) {
                    result = line;
                } else if (line.startsWith(NexmarkRunOne.ERROR_PREFIX)) {
                    error = line.substring(NexmarkRunOne.ERROR_PREFIX.length());
                } else {
                    System.err.println("  | " + line);
                }
            }
        }
        int rc = proc.waitFor();
        if (rc != 0 || result == null) {
            return new Run(cell, repeat, Map.of(), error != null ? error
                    : "child exited with " + rc + (result == null ? ", no RESULT line" : ""));
        }
        return new Run(cell, repeat, NexmarkRunOne.parse(result), null);
    }

    private String commandLine() {
        String fromScript = System.getenv("SLUICE_BENCH_CMD");
        if (fromScript != null && !fromScript.isBlank()) {
            return fromScript;
        }
        StringBuilder sb = new StringBuilder("java -cp <sluice-bench classpath> ").append(NexmarkMain.class.getName());
        for (String a : originalArgs) {
            sb.append(' ').append(Report.shellQuote(a));
        }
        return sb.toString();
    }

    /** A count like {@link CountConverter}, but 0 (no warm-up) is allowed. */
    static final class WarmupConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return value.trim().equals("0") ? 0L : new CountConverter().convert(value);
        }
    }
}
