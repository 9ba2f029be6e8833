package dev.sluice.bench.kafka;

import dev.sluice.bench.throughput.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The Markdown report of the Kafka harness. */
final class KafkaReport {
    private KafkaReport() {}

    static String markdown(Main m, List<Main.Cell> cells, List<Main.Run> runs, List<Main.LatencyRun> latencyRuns,
                           Map<KafkaJob, KafkaBenchData.Input> inputs, String command, String started, String loadBefore,
                           String loadAfter) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Sluice vs Kafka Streams 4.3.1: Kafka → Kafka run\n\n");
        sb.append("- Started: ").append(started).append('\n');
        sb.append("- Command: `").append(command).append("`\n");
        sb.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (nproc ")
                .append(Report.firstLine(Report.exec("nproc"), "?")).append("), ").append(Report.cpuModel()).append(", ")
                .append(Report.memTotal()).append(" RAM; load average before: ").append(loadBefore).append(", after: ")
                .append(loadAfter).append('\n');
        sb.append("- OS: ").append(Report.osPrettyName()).append(" (").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append(")\n");
        sb.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        sb.append("- Engine child JVM options: `").append(m.childJvmArgs).append("`; broker child: `").append(m.brokerJvmArgs)
                .append("`\n");
        String commit = Report.firstLine(Report.exec("git", "rev-parse", "--short", "HEAD"), null);
        if (commit != null) {
            sb.append("- Git commit of the working directory: ").append(commit).append('\n');
        }
        sb.append("- Broker: one local Kafka 4.3.1 (KRaft, `LocalKafka`) in its own child JVM, shared by all runs;")
                .append(" input topics with ").append(KafkaBenchData.INPUT_PARTITIONS)
                .append(" partitions, preloaded once; each run writes to a fresh output topic with the same partitions.\n");
        sb.append("- Commit / checkpoint interval: at-least-once ").append(m.commitAlos).append(" ms, exactly-once ")
                .append(m.commitEos).append(" ms (Kafka Streams `commit.interval.ms` = Sluice checkpoint interval)\n");
        sb.append("- Method: each run is a fresh child JVM that reads the whole input topic from the earliest offset."
                + " Records/s = input records / wall time from just before the engine starts (topology built) until the"
                + " output is complete and committed: Sluice, the bounded job (`setBounded(OffsetsInitializer.latest())`)"
                + " returns from `execute()`, after its final checkpoint committed the sink; Kafka Streams, the stream"
                + " threads' `process-total` reached the input + repartition record count and `close()` (which commits:"
                + " caches flushed, producer flushed, offsets or the transaction committed) returned. No warm-up run."
                + " Cores = the child's process CPU time / wall time (the broker's CPU is not counted). The output is read"
                + " back with `read_committed` and checked against the expected result (final count per word; count per"
                + " user and window). ").append(m.repeats).append(" run(s) per cell, repetition-major.\n\n");
        for (Map.Entry<KafkaJob, KafkaBenchData.Input> e : inputs.entrySet()) {
            sb.append(String.format(Locale.ROOT, "Input `%s`: %,d records (%s); %,d expected final results.%n%n",
                    e.getValue().topic(), e.getValue().records(),
                    e.getKey() == KafkaJob.WORDCOUNT
                            ? String.format(Locale.ROOT, "%,d words", e.getValue().processedByKafkaStreams() - e.getValue().records())
                            : "incl. " + KafkaBenchData.END_MARKERS + " end markers",
                    e.getValue().expected().size()));
        }
        if (!runs.isEmpty()) {
            sb.append("| job | guarantee | p | engine | median records/s | min–max records/s | median wall s | cores busy"
                    + " | output records | output correct | × Kafka Streams |\n");
            sb.append("|---|---|---:|---|---:|---:|---:|---:|---:|---|---:|\n");
            for (Main.Cell c : cells) {
                List<Main.Run> ok = ok(runs, c);
                long failed = runs.stream().filter(r -> r.cell().equals(c) && !r.ok()).count();
                if (ok.isEmpty()) {
                    sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | FAILED (%d) | | | | | | |%n", c.job().id(),
                            c.guarantee().id(), c.parallelism(), c.engine(), failed));
                    continue;
                }
                double med = median(ok, Main.Run::recordsPerSecond);
                String ratio = "";
                List<Main.Run> ks = ok(runs, new Main.Cell(c.job(), c.guarantee(), c.parallelism(), "kstreams"));
                if (!ks.isEmpty()) {
                    ratio = String.format(Locale.ROOT, "%.2f", med / median(ks, Main.Run::recordsPerSecond));
                }
                long wrong = ok.stream().filter(r -> r.wrong() != null).count();
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %,.0f | %,.0f – %,.0f | %.2f | %.2f | %,.0f | %s | %s |%n",
                        c.job().id(), c.guarantee().id(), c.parallelism(), c.engine(), med,
                        ok.stream().mapToDouble(Main.Run::recordsPerSecond).min().orElse(0),
                        ok.stream().mapToDouble(Main.Run::recordsPerSecond).max().orElse(0),
                        median(ok, Main.Run::wallSeconds), median(ok, Main.Run::coresBusy),
                        median(ok, r -> r.output().records()),
                        wrong == 0 ? "yes" : "NO (" + wrong + " of " + ok.size() + ")", ratio));
            }
            sb.append("\n× Kafka Streams = median records/s over the `kstreams` row's (cache on, Kafka Streams' defaults)"
                    + " for the same job, guarantee and parallelism.\n\n");
            sb.append("<details><summary>Raw runs</summary>\n\n| # | cell | repeat | wall s | records/s | cores | output records"
                    + " | engine facts | check |\n|---:|---|---:|---:|---:|---:|---:|---|---|\n");
            int i = 0;
            for (Main.Run r : runs) {
                i++;
                if (!r.ok()) {
                    sb.append(String.format(Locale.ROOT, "| %d | %s | %d | | | | | | FAILED: %s |%n", i, r.cell().label(),
                            r.repeat(), r.error()));
                    continue;
                }
                List<String> facts = new ArrayList<>();
                r.values().forEach((k, v) -> {
                    if (!k.equals("wallNanos") && !k.equals("cpuNanos")) {
                        facts.add(k + "=" + v);
                    }
                });
                sb.append(String.format(Locale.ROOT, "| %d | %s | %d | %.3f | %,.0f | %.2f | %,d | %s | %s |%n", i,
                        r.cell().label(), r.repeat(), r.wallSeconds(), r.recordsPerSecond(), r.coresBusy(),
                        r.output().records(), String.join(" ", facts), r.wrong() == null ? "ok" : r.wrong()));
            }
            sb.append("\n</details>\n\n");
        }
        if (!latencyRuns.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "End-to-end latency: %,d input records/s for %d s after %d s of warm-up;"
                    + " latency = read_committed receive time − the record's timestamp (word count: the input record"
                    + " that caused the update) or − window end + 2 s grace (window count). ms.%n%n",
                    m.latencyRate, m.latencySeconds, m.latencyWarmup));
            sb.append("| job | guarantee | p | engine | commit interval ms | samples | p50 | p99 | p99.9 | max |\n");
            sb.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
            for (Main.LatencyRun lr : latencyRuns) {
                Main.Cell c = lr.cell();
                if (lr.error() != null) {
                    sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | FAILED: %s | | | | |%n", c.job().id(),
                            c.guarantee().id(), c.parallelism(), c.engine(), m.commitInterval(c.guarantee()), lr.error()));
                    continue;
                }
                LatencyProbe.Result r = lr.result();
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %,d | %d | %d | %d | %d |%n", c.job().id(),
                        c.guarantee().id(), c.parallelism(), c.engine(), r.commitIntervalMs(), r.samples(), r.p50(), r.p99(),
                        r.p999(), r.max()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static List<Main.Run> ok(List<Main.Run> runs, Main.Cell c) {
        return runs.stream().filter(r -> r.cell().equals(c) && r.ok()).toList();
    }

    private static double median(List<Main.Run> runs, ToDoubleFunction<Main.Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
