package dev.sluice.bench.throughput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/** Builds the Markdown report: machine facts, the exact command, the summary table and all raw runs. */
public final class Report {

    private Report() {}

    static String markdown(List<Main.Cell> cells, List<Main.Run> runs, String commandLine, String started,
                           String childJvmArgs, String javaExe, double warmupFraction, int repeats) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Sluice vs Apache Flink: throughput run\n\n");
        sb.append("- Started: ").append(started).append('\n');
        sb.append("- Command: `").append(commandLine).append("`\n");
        sb.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (nproc ")
                .append(firstLine(exec("nproc"), "?")).append("), ").append(cpuModel()).append(", ")
                .append(memTotal()).append(" RAM\n");
        sb.append("- OS: ").append(osPrettyName()).append(" (").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append(' ').append(System.getProperty("os.arch"))
                .append(")\n");
        sb.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(javaExe).append(")\n");
        sb.append("- Child JVM options: `").append(childJvmArgs).append("`\n");
        sb.append("- Flink: ").append(flinkVersion()).append(", local MiniCluster via")
                .append(" `createLocalEnvironment(p)`, STREAMING mode\n");
        String commit = firstLine(exec("git", "rev-parse", "--short", "HEAD"), null);
        if (commit != null) {
            sb.append("- Git commit of the working directory: ").append(commit).append('\n');
        }
        sb.append("- Method: every measured run is a fresh child JVM that first runs the same job on ")
                .append(String.format(Locale.ROOT, "%.0f%%", warmupFraction * 100))
                .append(" of N records (warm-up, discarded), then once on N records (measured). ")
                .append(repeats).append(" measured run(s) per cell, run in repetition-major order. ")
                .append("Events/s = N / wall time of `execute()` (engine start-up inside `execute()` included). ")
                .append("CPU = process CPU time (all threads, incl. JIT and GC) over the same interval. ")
                .append("Peak heap = sum of the heap pools' peak usage during the measured run (mostly young-gen sizing);"
                + " peak old gen = the old/tenured pool's peak (retained data).\n");
        if (cells.stream().anyMatch(c -> c.checkpointIntervalMs() > 0)) {
            sb.append("- Checkpoints: exactly-once, to a temporary directory on the local disk. Sluice: heap state;"
                    + " completed checkpoints from `JobClient#checkpointStatistics()`. Flink: `hashmap` = HashMapStateBackend,"
                    + " `rocksdb` = EmbeddedRocksDBStateBackend (full, not incremental checkpoints; Flink's defaults),"
                    + " file-system checkpoint storage; completed checkpoints counted by a `CheckpointListener` in the"
                    + " job's first function. Both counts include the final checkpoint of the bounded job.\n");
        }
        sb.append('\n');

        sb.append("| job | p | engine | checkpoints every | N | median events/s | min–max events/s | median wall s"
                + " | CPU cores busy | CPU ns / event | peak heap MiB | peak old gen MiB | checkpoints completed | × Flink |\n");
        sb.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Main.Cell cell : cells) {
            List<Main.Run> ok = okRuns(runs, cell);
            int failed = (int) runs.stream().filter(r -> r.cell().equals(cell) && !r.ok()).count();
            if (ok.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %,d | FAILED (%d) | | | | | | | | |%n",
                        cell.job().id(), cell.parallelism(), cell.variant().label(),
                        interval(cell.checkpointIntervalMs()), cell.events(), failed));
                continue;
            }
            double median = median(ok, Main.Run::eventsPerSecond);
            double min = ok.stream().mapToDouble(Main.Run::eventsPerSecond).min().orElse(Double.NaN);
            double max = ok.stream().mapToDouble(Main.Run::eventsPerSecond).max().orElse(Double.NaN);
            String ratio = "";
            Main.Cell flinkCell = new Main.Cell(cell.job(), cell.parallelism(),
                    new Main.Variant("flink", false, "hashmap"), cell.events(), cell.checkpointIntervalMs());
            List<Main.Run> flinkRuns = okRuns(runs, flinkCell);
            if (!flinkRuns.isEmpty()) {
                ratio = String.format(Locale.ROOT, "%.2f", median / median(flinkRuns, Main.Run::eventsPerSecond));
            }
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %,d | %,.0f | %,.0f – %,.0f | %.2f | %.2f | %.1f | %.0f | %.0f | %s | %s |%n",
                    cell.job().id(), cell.parallelism(), cell.variant().label() + (failed > 0 ? " (" + failed + " failed)" : ""),
                    interval(cell.checkpointIntervalMs()), cell.events(), median, min, max,
                    median(ok, r -> r.wallNanos() / 1e9), median(ok, Main.Run::coresBusy),
                    median(ok, Main.Run::cpuNanosPerEvent),
                    median(ok, r -> r.peakHeapBytes() / (1024.0 * 1024.0)),
                    median(ok, r -> r.peakOldGenBytes() / (1024.0 * 1024.0)),
                    cell.checkpointIntervalMs() > 0 ? String.format(Locale.ROOT, "%.0f", median(ok, Main.Run::checkpoints)) : "",
                    ratio));
        }
        sb.append("\n× Flink = this row's median events/s divided by the median of the `flink` row (object reuse off,"
                + " Flink's default, HashMap state backend) for the same job, parallelism and checkpoint interval;"
                + " > 1 means faster than Flink.\n\n");
        overhead(sb, cells, runs);

        sb.append("<details><summary>Raw runs</summary>\n\n");
        sb.append("| # | job | p | engine | checkpoints every | repeat | wall s | events/s | CPU s | cores busy | peak heap MiB"
                + " | GCs | GC ms | engine net runtime ms | checkpoints completed |\n");
        sb.append("|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int i = 0;
        for (Main.Run r : runs) {
            i++;
            if (!r.ok()) {
                sb.append(String.format(Locale.ROOT, "| %d | %s | %d | %s | %s | %d | FAILED: %s | | | | | | | | |%n", i,
                        r.cell().job().id(), r.cell().parallelism(), r.cell().variant().label(),
                        interval(r.cell().checkpointIntervalMs()), r.repeat(), r.error()));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %d | %s | %d | %s | %s | %d | %.3f | %,.0f | %.2f | %.2f | %.0f | %s | %s | %s | %s |%n",
                    i, r.cell().job().id(), r.cell().parallelism(), r.cell().variant().label(),
                    interval(r.cell().checkpointIntervalMs()), r.repeat(),
                    r.wallNanos() / 1e9, r.eventsPerSecond(), r.cpuNanos() / 1e9, r.coresBusy(),
                    r.peakHeapBytes() / (1024.0 * 1024.0), r.values().get("gcCount"), r.values().get("gcMillis"),
                    "-1".equals(r.values().get("netRuntimeMillis")) ? "n/a" : r.values().get("netRuntimeMillis"),
                    r.checkpoints() < 0 ? "" : Long.toString(r.checkpoints())));
        }
        sb.append("\n</details>\n");
        return sb.toString();
    }

    /**
     * The table of checkpointing's cost: for each row with checkpoints on, its median events/s next to
     * the same engine's with checkpoints off, and the overhead {@code 1 - on / off}.
     */
    private static void overhead(StringBuilder sb, List<Main.Cell> cells, List<Main.Run> runs) {
        List<String> rows = new ArrayList<>();
        for (Main.Cell cell : cells) {
            List<Main.Run> on = okRuns(runs, cell);
            List<Main.Run> off = okRuns(runs, cell.withoutCheckpoints());
            if (cell.checkpointIntervalMs() == 0 || on.isEmpty() || off.isEmpty()) {
                continue;
            }
            double rateOn = median(on, Main.Run::eventsPerSecond);
            double rateOff = median(off, Main.Run::eventsPerSecond);
            rows.add(String.format(Locale.ROOT, "| %s | %d | %s | %s | %,.0f | %,.0f | %.1f %% | %.0f |%n",
                    cell.job().id(), cell.parallelism(), cell.variant().label(), interval(cell.checkpointIntervalMs()),
                    rateOff, rateOn, (1 - rateOn / rateOff) * 100, median(on, Main.Run::checkpoints)));
        }
        if (rows.isEmpty()) {
            return;
        }
        sb.append("Cost of checkpointing (medians; overhead = 1 − on / off, negative = faster with checkpoints,"
                + " i.e. within noise):\n\n");
        sb.append("| job | p | engine | checkpoints every | events/s off | events/s on | overhead | checkpoints completed |\n");
        sb.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
        rows.forEach(sb::append);
        sb.append('\n');
    }

    /** A checkpoint interval for the tables: {@code off} or e.g. {@code 1000 ms}. */
    static String interval(long ms) {
        return ms == 0 ? "off" : ms + " ms";
    }

    private static List<Main.Run> okRuns(List<Main.Run> runs, Main.Cell cell) {
        List<Main.Run> ok = new ArrayList<>();
        for (Main.Run r : runs) {
            if (r.ok() && r.cell().equals(cell)) {
                ok.add(r);
            }
        }
        return ok;
    }

    static double median(List<Main.Run> runs, ToDoubleFunction<Main.Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** The first "model name" of /proc/cpuinfo. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return "CPU model unknown";
    }

    /** MemTotal of /proc/meminfo in GiB. */
    public static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return "? GiB";
    }

    public static String osPrettyName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // no os-release
        }
        return System.getProperty("os.name");
    }

    /** "Apache Flink" and the version on the class path. */
    public static String flinkVersion() {
        try {
            Class<?> info = Class.forName("org.apache.flink.runtime.util.EnvironmentInformation");
            return "Apache Flink " + info.getMethod("getVersion").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return "Apache Flink (version unknown)";
        }
    }

    /** The output of a command, or null if it fails or takes over 10 s. */
    public static String exec(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text;
            try (BufferedReader br = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                text = br.lines().reduce("", (a, b) -> a + b + "\n");
            }
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return text;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The first line of {@code s}, trimmed, or {@code fallback} if there is none. */
    public static String firstLine(String s, String fallback) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        return s.lines().findFirst().orElse(fallback).trim();
    }

    /** {@code a} quoted for a POSIX shell where it needs quoting. */
    public static String shellQuote(String a) {
        if (a.matches("[A-Za-z0-9_./=:,+@%-]+")) {
            return a;
        }
        return "'" + a.replace("'", "'\\''") + "'";
    }

}
