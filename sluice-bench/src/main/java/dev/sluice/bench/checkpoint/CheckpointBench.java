package dev.sluice.bench.checkpoint;

import dev.sluice.bench.throughput.Main;
import dev.sluice.bench.throughput.Report;
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
import java.util.function.ToDoubleFunction;

/**
 * Runs {@link BigStateCheckpoint} and {@link RestartTime} for each engine and state backend, each
 * measurement in a fresh child JVM, {@code -r} times in repetition-major order, and prints a Markdown
 * report of the medians and all raw runs.
 */
@Command(name = "sluice-checkpoint-bench", mixinStandardHelpOptions = true,
        description = "Checkpoint of ~1 GB of keyed state and restart from ~100 MB, on Sluice and Flink,"
                + " each run in a fresh JVM; prints a Markdown report of medians.")
public final class CheckpointBench implements Callable<Integer> {

    @Option(names = "--benchmarks", split = ",", defaultValue = "big-state,restart",
            description = "big-state, restart (default: ${DEFAULT-VALUE}).")
    List<String> benchmarks;

    @Option(names = "--engines", split = ",", defaultValue = "sluice,flink",
            description = "Engines: sluice, flink (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    @Option(names = "--state-backend", split = ",", defaultValue = "heap",
            description = "Sluice state backends: heap, rocksdb (when this build has it) (default: ${DEFAULT-VALUE}).")
    List<String> sluiceStateBackends;

    @Option(names = "--flink-state-backend", split = ",", defaultValue = "hashmap,rocksdb",
            description = "Flink state backends: hashmap, rocksdb (default: ${DEFAULT-VALUE}).")
    List<String> flinkStateBackends;

    @Option(names = {"-r", "--repeats"}, defaultValue = "3",
            description = "Runs per (benchmark, engine, backend), each in a fresh JVM (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--big-keys", defaultValue = "1000000",
            description = "Keys of the big-state job (default: ${DEFAULT-VALUE}).")
    long bigKeys;

    @Option(names = "--restart-keys", defaultValue = "100000",
            description = "Keys of the restart job (default: ${DEFAULT-VALUE}).")
    long restartKeys;

    @Option(names = "--payload-bytes", defaultValue = "1000",
            description = "Bytes of state per key (default: ${DEFAULT-VALUE}).")
    int payloadBytes;

    @Option(names = "--rate", defaultValue = "200000",
            description = "Records per second of the jobs' source (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--big-jvm-args", defaultValue = "-Xms6g -Xmx6g -XX:+UseG1GC",
            description = "JVM options of the big-state children (default: ${DEFAULT-VALUE}).")
    String bigJvmArgs;

    @Option(names = "--restart-jvm-args", defaultValue = "-Xms2g -Xmx2g -XX:+UseG1GC",
            description = "JVM options of the restart children (default: ${DEFAULT-VALUE}).")
    String restartJvmArgs;

    @Option(names = "--timeout", defaultValue = "600",
            description = "Seconds before a child JVM is killed (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = {"-o", "--out"}, description = "Also write the Markdown report to this file.")
    Path out;

    /** One (benchmark, engine, state backend) row. */
    record Cell(String benchmark, String engine, String stateBackend) {
        String label() {
            return engine + " " + stateBackend;
        }
    }

    /** One child's result line, or its error. */
    record Run(Cell cell, int repeat, Map<String, String> values, String error) {
        double get(String key) {
            return Double.parseDouble(values.get(key));
        }
    }

    private String commandLine = "";

    public static void main(String[] args) {
        CheckpointBench bench = new CheckpointBench();
        String fromScript = System.getenv("SLUICE_BENCH_CMD");
        StringBuilder cmd = new StringBuilder("java -cp <sluice-bench classpath> " + CheckpointBench.class.getName());
        for (String a : args) {
            cmd.append(' ').append(Report.shellQuote(a));
        }
        bench.commandLine = fromScript != null && !fromScript.isBlank() ? fromScript : cmd.toString();
        System.exit(new CommandLine(bench).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (String benchmark : benchmarks) {
            if (!List.of("big-state", "restart").contains(benchmark)) {
                System.err.println("unknown benchmark '" + benchmark + "' (expected big-state or restart)");
                return 2;
            }
            for (String engine : engines) {
                List<String> backends = switch (engine) {
                    case "sluice" -> sluiceStateBackends;
                    case "flink" -> flinkStateBackends;
                    default -> null;
                };
                if (backends == null) {
                    System.err.println("unknown engine '" + engine + "' (expected sluice or flink)");
                    return 2;
                }
                for (String backend : backends) {
                    if (engine.equals("sluice") && !backend.equals("heap")) {
                        // Only the heap backend is wired into this benchmark's Sluice job.
                        System.err.println(Main.SLUICE_STATE_BACKENDS.containsKey(backend)
                                ? Main.sluiceBackendMissing(backend) + "; its rows are skipped."
                                : "unknown Sluice state backend '" + backend + "'; skipped.");
                        continue;
                    }
                    cells.add(new Cell(benchmark, engine, backend));
                }
            }
        }
        String started = ZonedDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String load = Report.firstLine(Report.exec("uptime"), "?");
        List<Run> runs = new ArrayList<>();
        int k = 0;
        for (int r = 1; r <= repeats; r++) {
            for (Cell cell : cells) {
                System.err.printf(Locale.ROOT, "[%d/%d] %s %s repeat %d%n", ++k, cells.size() * repeats,
                        cell.benchmark(), cell.label(), r);
                Run run = runChild(cell, r);
                System.err.println("        -> " + (run.error() == null ? run.values() : "FAILED: " + run.error()));
                runs.add(run);
            }
        }
        String report = report(cells, runs, started, load);
        System.out.println(report);
        if (out != null) {
            Files.writeString(out, report, StandardCharsets.UTF_8);
        }
        return runs.stream().allMatch(run -> run.error() == null) ? 0 : 1;
    }

    private Run runChild(Cell cell, int repeat) throws IOException, InterruptedException {
        boolean big = cell.benchmark().equals("big-state");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : (big ? bigJvmArgs : restartJvmArgs).trim().split("\\s+")) {
            if (!a.isEmpty()) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                (big ? BigStateCheckpoint.class : RestartTime.class).getName(),
                "--engine", cell.engine(), "--state-backend", cell.stateBackend(),
                "--keys", Long.toString(big ? bigKeys : restartKeys), "--payload-bytes", Integer.toString(payloadBytes),
                "--rate", Long.toString(rate), "--timeout", Long.toString(timeoutSeconds)));
        Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String result = null;
        try (BufferedReader br = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = br.readLine()) != null) {
                if (line.startsWith(Measurement.RESULT_PREFIX)) {
                    result = line;
                } else {
                    System.err.println("  | " + line);
                }
            }
        }
        // The child times out its own waits after --timeout; this bounds a child that hangs anyway.
        if (!proc.waitFor(60, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
        }
        if (result == null) {
            return new Run(cell, repeat, Map.of(), "child exited with " + proc.waitFor() + ", no RESULT line");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String kv : result.substring(Measurement.RESULT_PREFIX.length()).trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            values.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return new Run(cell, repeat, values, null);
    }

    private String report(List<Cell> cells, List<Run> runs, String started, String load) {
        StringBuilder sb = new StringBuilder("# Checkpoint benchmarks: Sluice vs Apache Flink\n\n");
        sb.append("- Started: ").append(started).append(", load before: `").append(load).append("`\n");
        sb.append("- Command: `").append(commandLine).append("`\n");
        sb.append("- Machine: nproc ").append(Report.firstLine(Report.exec("nproc"), "?")).append(", ")
                .append(Report.cpuModel()).append(", ").append(Report.memTotal()).append(" RAM; Java ")
                .append(System.getProperty("java.runtime.version")).append("; ").append(Report.flinkVersion())
                .append('\n');
        sb.append(String.format(Locale.ROOT, "- Jobs at parallelism 1, source at %,d records/s, %,d bytes of state"
                        + " per key; big state: %,d keys, child JVM `%s`; restart: %,d keys, child JVM `%s`;"
                        + " %d run(s) each, fresh JVM per run, medians (min–max)%n%n",
                rate, payloadBytes, bigKeys, bigJvmArgs, restartKeys, restartJvmArgs, repeats));
        if (cells.stream().anyMatch(c -> c.benchmark().equals("big-state"))) {
            sb.append("| big state | state MB | checkpoint duration ms | sync part ms (engine) | async part ms"
                    + " | longest gap at probe during checkpoint ms | longest gap in the second before ms | build s |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Cell cell : cells) {
                if (cell.benchmark().equals("big-state")) {
                    List<Run> ok = ok(runs, cell);
                    sb.append("| ").append(cell.label()).append(" | ")
                            .append(ok.isEmpty() ? "FAILED | | | | | | |" : String.join(" | ",
                                    fmt(ok, r -> r.get("stateBytes") / 1e6), fmt(ok, r -> r.get("durationMs")),
                                    fmt(ok, r -> r.get("maxSyncMs")), fmt(ok, r -> r.get("maxAsyncMs")),
                                    fmt(ok, r -> r.get("maxGapMs")), fmt(ok, r -> r.get("baselineGapMs")),
                                    fmt(ok, r -> r.get("buildSeconds"))) + " |")
                            .append('\n');
                }
            }
            sb.append('\n');
        }
        if (cells.stream().anyMatch(c -> c.benchmark().equals("restart"))) {
            sb.append("| restart | state MB | failure to first output after restart, ms |\n|---|---:|---:|\n");
            for (Cell cell : cells) {
                if (cell.benchmark().equals("restart")) {
                    List<Run> ok = ok(runs, cell);
                    sb.append("| ").append(cell.label()).append(" | ")
                            .append(ok.isEmpty() ? "FAILED | |" : fmt(ok, r -> r.get("stateBytes") / 1e6) + " | "
                                    + fmt(ok, r -> r.get("restartMs")) + " |")
                            .append('\n');
                }
            }
            sb.append('\n');
        }
        sb.append("<details><summary>Raw runs</summary>\n\n");
        for (Run r : runs) {
            sb.append("- ").append(r.cell().benchmark()).append(' ').append(r.cell().label()).append(" #")
                    .append(r.repeat()).append(": ").append(r.error() == null ? r.values() : "FAILED: " + r.error())
                    .append('\n');
        }
        sb.append("\n</details>\n");
        return sb.toString();
    }

    private static List<Run> ok(List<Run> runs, Cell cell) {
        return runs.stream().filter(r -> r.error() == null && r.cell().equals(cell)).toList();
    }

    /** Median and, for several runs, the min–max range. */
    private static String fmt(List<Run> runs, ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        int m = v.length / 2;
        double median = v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
        String s = String.format(Locale.ROOT, "%,.0f", median);
        return v.length == 1 ? s : s + String.format(Locale.ROOT, " (%,.0f–%,.0f)", v[0], v[v.length - 1]);
    }
}
