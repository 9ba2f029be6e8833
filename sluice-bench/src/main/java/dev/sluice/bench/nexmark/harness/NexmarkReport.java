package dev.sluice.bench.nexmark.harness;

import dev.sluice.bench.throughput.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown report of a Nexmark run: machine line, method, the generator's own cost, one row
 * per query × parallelism × checkpointing with both engines side by side (medians of the
 * repeats), notes, failures and all raw runs.
 */
final class NexmarkReport {

    private NexmarkReport() {}

    /** Everything the report shows. */
    record Input(List<NexmarkMain.Cell> cells, List<NexmarkMain.Run> runs, String commandLine, String started,
            String childJvmArgs, String javaExe, long events, long warmupEvents, int repeats, long rate,
            GeneratorCost generator, List<String> notes) {}

    /** A row: one query at one parallelism and checkpointing mode. */
    private record Row(String query, int parallelism, boolean checkpointing) {}

    static String markdown(Input in) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Nexmark: Sluice vs Apache Flink SQL\n\n");
        sb.append("- Machine: ").append(Report.cpuModel()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(Report.memTotal())
                .append(" RAM; Java ").append(System.getProperty("java.runtime.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append("); ").append(Report.flinkVersion())
                .append("; ").append(in.started()).append('\n');
        sb.append("- Command: `").append(in.commandLine()).append("`\n");
        String commit = Report.firstLine(Report.exec("git", "rev-parse", "--short", "HEAD"), null);
        if (commit != null) {
            sb.append("- Git commit of the working directory: ").append(commit).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "- Events: N = %,d per measured run (generator rate %,d events/s of"
                + " event time), identical for both engines; warm-up %,d events; %d measured run(s) per cell,"
                + " medians below; child JVMs `%s` (`%s`)%n", in.events(), in.rate(), Math.min(in.warmupEvents(),
                in.events()), in.repeats(), in.childJvmArgs(), in.javaExe()));
        sb.append(String.format(Locale.ROOT, "- Generator alone (plain iterator, one thread): %.0f ns/event ="
                + " %,.0f events/s; both engines pay this inside their sources%n", in.generator().nanosPerEvent(),
                in.generator().eventsPerSecond()));
        sb.append("- Method: every run is a fresh child JVM: a warm-up job, then the measured job."
                + " events/s = N / wall time of `execute()` (engine start-up inside it included);"
                + " cores = process CPU time (all threads, JIT and GC included; `OperatingSystemMXBean#getProcessCpuTime`)"
                + " / wall time; per core = events/s / cores; heap = sum of the heap pools' peaks during the measured job;"
                + " RSS = VmHWM of /proc/self/status, reset before the measured job where the kernel allows."
                + " Sluice: DataStream queries, `NexmarkSource` → bounded out-of-orderness 4 s → query → discarding sink."
                + " Flink: the Nexmark suite's SQL on a local MiniCluster, same events through a FLIP-27 source,"
                + " watermark `dateTime - INTERVAL '4' SECOND`, blackhole sinks.\n\n");

        sb.append("| query | p | ckpt | Sluice ev/s | Flink ev/s | Sluice ÷ Flink | Sluice cores | Flink cores"
                + " | Sluice ev/s/core | Flink ev/s/core | per-core ÷ | Sluice heap MiB | Flink heap MiB"
                + " | Sluice RSS MiB | Flink RSS MiB |\n");
        sb.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<Row, Map<String, List<NexmarkMain.Run>>> byRow = new LinkedHashMap<>();
        for (NexmarkMain.Cell c : in.cells()) {
            byRow.computeIfAbsent(new Row(c.query(), c.parallelism(), c.checkpointing()), r -> new LinkedHashMap<>())
                    .put(c.engine(), new ArrayList<>());
        }
        for (NexmarkMain.Run run : in.runs()) {
            NexmarkMain.Cell c = run.cell();
            if (run.ok()) {
                byRow.get(new Row(c.query(), c.parallelism(), c.checkpointing())).get(c.engine()).add(run);
            }
        }
        byRow.forEach((row, engines) -> {
            List<NexmarkMain.Run> s = engines.get("sluice");
            List<NexmarkMain.Run> f = engines.get("flink");
            double sRate = median(s, NexmarkMain.Run::eventsPerSecond);
            double fRate = median(f, NexmarkMain.Run::eventsPerSecond);
            double sPerCore = median(s, NexmarkMain.Run::eventsPerSecondPerCore);
            double fPerCore = median(f, NexmarkMain.Run::eventsPerSecondPerCore);
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    row.query(), row.parallelism(), row.checkpointing() ? "on" : "off",
                    cell(s, sRate, "%,.0f"), cell(f, fRate, "%,.0f"), ratio(sRate, fRate),
                    cell(s, median(s, NexmarkMain.Run::cores), "%.2f"), cell(f, median(f, NexmarkMain.Run::cores), "%.2f"),
                    cell(s, sPerCore, "%,.0f"), cell(f, fPerCore, "%,.0f"), ratio(sPerCore, fPerCore),
                    cell(s, median(s, NexmarkMain.Run::peakHeapMiB), "%.0f"),
                    cell(f, median(f, NexmarkMain.Run::peakHeapMiB), "%.0f"),
                    cell(s, median(s, NexmarkMain.Run::peakRssMiB), "%.0f"),
                    cell(f, median(f, NexmarkMain.Run::peakRssMiB), "%.0f")));
        });
        sb.append("\n÷ = Sluice's median over Flink's; > 1 means Sluice is faster (or does more per core)."
                + " \"n/a\": the engine did not run this row; \"FAILED\": every run of it failed (see below).\n");

        if (!in.notes().isEmpty()) {
            sb.append("\n## Notes\n\n");
            in.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        List<NexmarkMain.Run> failed = in.runs().stream().filter(r -> !r.ok()).toList();
        if (!failed.isEmpty()) {
            sb.append("\n## Failed runs\n\n");
            for (NexmarkMain.Run r : failed) {
                sb.append(String.format(Locale.ROOT, "- %s %s p=%d ckpt=%s repeat %d: %s%n", r.cell().engine(),
                        r.cell().query(), r.cell().parallelism(), r.cell().checkpointing() ? "on" : "off", r.repeat(),
                        r.error()));
            }
        }

        sb.append("\n<details><summary>Raw runs</summary>\n\n");
        sb.append("| # | engine | query | p | ckpt | repeat | wall s | events/s | CPU s | cores | heap MiB | RSS MiB"
                + " | output records | GCs | GC ms |\n");
        sb.append("|---:|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int i = 0;
        for (NexmarkMain.Run r : in.runs()) {
            i++;
            NexmarkMain.Cell c = r.cell();
            String head = String.format(Locale.ROOT, "| %d | %s | %s | %d | %s | %d |", i, c.engine(), c.query(),
                    c.parallelism(), c.checkpointing() ? "on" : "off", r.repeat());
            if (!r.ok()) {
                sb.append(head).append(" FAILED | | | | | | | | |\n");
                continue;
            }
            String output = r.values().getOrDefault("outputRecords", "-1");
            sb.append(head).append(String.format(Locale.ROOT, " %.3f | %,.0f | %.2f | %.2f | %.0f | %.0f | %s | %s | %s |%n",
                    r.wallSeconds(), r.eventsPerSecond(), r.wallSeconds() * r.cores(), r.cores(), r.peakHeapMiB(),
                    r.peakRssMiB(), output.equals("-1") ? "n/a" : output, r.values().get("gcCount"),
                    r.values().get("gcMillis")));
        }
        sb.append("\n</details>\n");
        return sb.toString();
    }

    /** A median as text; "n/a" when the engine has no such cell, "FAILED" when it had no good run. */
    private static String cell(List<NexmarkMain.Run> runs, double median, String format) {
        if (runs == null) {
            return "n/a";
        }
        return runs.isEmpty() ? "FAILED" : String.format(Locale.ROOT, format, median);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? "" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    /** The median, NaN for none. */
    static double median(List<NexmarkMain.Run> runs, ToDoubleFunction<NexmarkMain.Run> f) {
        if (runs == null || runs.isEmpty()) {
            return Double.NaN;
        }
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
