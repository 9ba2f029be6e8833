package dev.sluice.bench.kafka;

import dev.sluice.bench.throughput.Main.CountConverter;
import dev.sluice.bench.throughput.Report;
import dev.sluice.bench.throughput.ScratchDirectory;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sluice against Kafka Streams on one broker: starts a local Kafka broker in a child JVM, preloads the input topics
 * once, then runs every (job, guarantee, parallelism, engine) cell in a fresh child JVM ({@link KafkaRunOne}) that
 * reads the whole input from the earliest offset and writes to a fresh output topic; the output is read back with
 * {@code read_committed} and checked against the expected result. {@code --latency} adds (or with
 * {@code --no-throughput} runs only) the end-to-end latency measurement at a fixed input rate.
 */
@Command(name = "sluice-kafka-bench", mixinStandardHelpOptions = true,
        description = "Kafka -> Kafka: Sluice vs Kafka Streams on the same broker and topics (each run in a fresh JVM);"
                + " prints a Markdown report.")
public final class Main implements Callable<Integer> {

    @Option(names = "--engines", split = ",", defaultValue = "sluice,sluice-dedup,sluice-dsl,kstreams,kstreams-nocache",
            description = "Engines: sluice, sluice-dedup, sluice-dsl, kstreams, kstreams-nocache"
                    + " (default: ${DEFAULT-VALUE}). -dedup and -nocache only run the word count.")
    List<String> engines;

    @Option(names = "--jobs", split = ",", defaultValue = "wordcount,windowed",
            description = "Jobs: wordcount, windowed (default: ${DEFAULT-VALUE}).")
    List<String> jobs;

    @Option(names = "--guarantees", split = ",", defaultValue = "alos,eos",
            description = "alos (at-least-once), eos (exactly-once) (default: ${DEFAULT-VALUE}).")
    List<String> guarantees;

    @Option(names = {"-p", "--parallelism"}, split = ",", defaultValue = "1,2",
            description = "Sluice parallelism = Kafka Streams num.stream.threads (default: ${DEFAULT-VALUE}).")
    List<Integer> parallelisms;

    @Option(names = "--lines", defaultValue = "1M", converter = CountConverter.class,
            description = "Input lines of the word count (about 10 words each) (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(names = "--events", defaultValue = "5M", converter = CountConverter.class,
            description = "Input events of the window count (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = {"-r", "--repeats"}, defaultValue = "3",
            description = "Measured runs per cell, each in a fresh JVM, repetition-major (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--commit-interval-alos", defaultValue = "30000",
            description = "ms: Kafka Streams commit.interval.ms under at_least_once = Sluice's checkpoint interval"
                    + " (default: ${DEFAULT-VALUE}, Kafka Streams' default).")
    long commitAlos;

    @Option(names = "--commit-interval-eos", defaultValue = "100",
            description = "ms: the same under exactly-once (default: ${DEFAULT-VALUE}, Kafka Streams' default for exactly_once_v2).")
    long commitEos;

    @Option(names = "--no-throughput", description = "Skip the throughput runs.")
    boolean noThroughput;

    @Option(names = "--latency", description = "Also measure end-to-end latency at a fixed input rate.")
    boolean latency;

    @Option(names = "--latency-rate", defaultValue = "20000",
            description = "Input records/s in the latency runs (default: ${DEFAULT-VALUE}).")
    int latencyRate;

    @Option(names = "--latency-seconds", defaultValue = "30",
            description = "Measured seconds per latency run, after --latency-warmup (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--latency-warmup", defaultValue = "10",
            description = "Seconds of input before the measurement starts (default: ${DEFAULT-VALUE}).")
    int latencyWarmup;

    @Option(names = "--child-jvm-args", defaultValue = "-Xms2g -Xmx2g -XX:+UseG1GC",
            description = "JVM options of each engine child (default: ${DEFAULT-VALUE}).")
    String childJvmArgs;

    @Option(names = "--broker-jvm-args", defaultValue = "-Xms1g -Xmx1g -XX:+UseG1GC",
            description = "JVM options of the broker child (default: ${DEFAULT-VALUE}).")
    String brokerJvmArgs;

    @Option(names = "--timeout", defaultValue = "1800", description = "Seconds before a child is killed (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = {"-o", "--out"}, description = "Also write the Markdown report to this file.")
    Path out;

    private String[] originalArgs = new String[0];

    public static void main(String[] args) {
        Main main = new Main();
        main.originalArgs = args.clone();
        System.exit(new CommandLine(main).execute(args));
    }

    /** One table row. */
    public record Cell(KafkaJob job, Guarantee guarantee, int parallelism, String engine) {
        String label() {
            return job.id() + " " + guarantee.id() + " p=" + parallelism + " " + engine;
        }
    }

    /** One throughput run. */
    public record Run(Cell cell, int repeat, long inputRecords, Map<String, String> values, KafkaBenchData.Output output,
                      String wrong, String error) {
        public boolean ok() {
            return error == null;
        }

        public double recordsPerSecond() {
            return inputRecords / (Long.parseLong(values.get("wallNanos")) / 1e9);
        }

        double wallSeconds() {
            return Long.parseLong(values.get("wallNanos")) / 1e9;
        }

        double coresBusy() {
            return (double) Long.parseLong(values.get("cpuNanos")) / Long.parseLong(values.get("wallNanos"));
        }
    }

    /** One latency run. */
    public record LatencyRun(Cell cell, LatencyProbe.Result result, String error) {}

    /** What {@link #execute} produced: for the report and for tests. */
    public record Results(List<Run> runs, List<LatencyRun> latencyRuns, String report) {}

    @Override
    public Integer call() throws Exception {
        Results r = execute();
        if (r == null) {
            return 2;
        }
        System.out.println(r.report());
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, r.report(), StandardCharsets.UTF_8);
            System.err.println("Report written to " + out);
        }
        boolean ok = r.runs().stream().allMatch(x -> x.ok() && x.wrong() == null)
                && r.latencyRuns().stream().allMatch(x -> x.error() == null);
        return ok ? 0 : 1;
    }

    /** Runs everything; null after a usage error. Public for the smoke test. */
    public Results execute() throws Exception {
        List<Cell> cells = cells();
        if (cells == null) {
            return null;
        }
        String started = ZonedDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String load = Report.firstLine(Report.exec("cat", "/proc/loadavg"), "?");
        Path brokerDir = ScratchDirectory.create("kafka-bench-broker");
        int port = freePort();
        Process broker = startBroker(port, brokerDir);
        String bootstrap = "127.0.0.1:" + port;
        List<Run> runs = new ArrayList<>();
        List<LatencyRun> latencyRuns = new ArrayList<>();
        Map<KafkaJob, KafkaBenchData.Input> inputs = new LinkedHashMap<>();
        try (Admin admin = KafkaBenchData.admin(bootstrap)) {
            if (!noThroughput) {
                for (Cell c : cells) {
                    if (!inputs.containsKey(c.job())) {
                        long n = c.job() == KafkaJob.WORDCOUNT ? lines : events;
                        System.err.printf(Locale.ROOT, "preloading %,d %s input records ...%n", n, c.job().id());
                        long t0 = System.nanoTime();
                        inputs.put(c.job(), KafkaBenchData.preload(admin, bootstrap, "in-" + c.job().id(), c.job(), n));
                        System.err.printf(Locale.ROOT, "  done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                    }
                }
                int total = cells.size() * repeats;
                int k = 0;
                for (int rep = 1; rep <= repeats; rep++) {
                    for (Cell c : cells) {
                        k++;
                        System.err.printf(Locale.ROOT, "[%d/%d] %s repeat %d/%d%n", k, total, c.label(), rep, repeats);
                        Run run = throughputRun(admin, bootstrap, c, rep, inputs.get(c.job()));
                        if (run.ok()) {
                            System.err.printf(Locale.ROOT, "        -> %.2f s, %s records/s, %.2f cores, %,d output records%s%n",
                                    run.wallSeconds(), fmt(run.recordsPerSecond()), run.coresBusy(),
                                    run.output().records(), run.wrong() == null ? "" : ", WRONG: " + run.wrong());
                        } else {
                            System.err.println("        -> FAILED: " + run.error());
                        }
                        runs.add(run);
                    }
                }
            }
            if (latency) {
                int k = 0;
                for (Cell c : cells) {
                    k++;
                    System.err.printf(Locale.ROOT, "[latency %d/%d] %s at %,d records/s%n", k, cells.size(), c.label(), latencyRate);
                    LatencyRun lr = latencyRun(admin, bootstrap, c);
                    System.err.println("        -> " + (lr.error() != null ? "FAILED: " + lr.error() : lr.result().summary()));
                    latencyRuns.add(lr);
                }
            }
        } finally {
            broker.destroy();
            if (!broker.waitFor(60, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
            ScratchDirectory.delete(brokerDir);
        }
        String loadAfter = Report.firstLine(Report.exec("cat", "/proc/loadavg"), "?");
        String report = KafkaReport.markdown(this, cells, runs, latencyRuns, inputs, commandLine(), started, load, loadAfter);
        return new Results(runs, latencyRuns, report);
    }

    private List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        List<String> engineNames = new ArrayList<>();
        for (String e : engines) {
            String name = e.trim().toLowerCase(Locale.ROOT);
            if (!KafkaEngines.CLASSES.containsKey(name)) {
                System.err.println("unknown engine '" + e + "' (expected one of " + KafkaEngines.CLASSES.keySet() + ")");
                return null;
            }
            if (!KafkaEngines.available(name)) {
                System.err.println("engine '" + name + "' is not in this build (class " + KafkaEngines.CLASSES.get(name)
                        + " not found); its rows are skipped");
                continue;
            }
            engineNames.add(name);
        }
        for (String j : jobs) {
            KafkaJob job = KafkaJob.parse(j);
            for (String g : guarantees) {
                Guarantee guarantee = Guarantee.parse(g);
                for (int p : parallelisms) {
                    for (String e : engineNames) {
                        if (job != KafkaJob.WORDCOUNT && KafkaEngines.WORDCOUNT_ONLY.containsKey(e)) {
                            continue;
                        }
                        cells.add(new Cell(job, guarantee, p, e));
                    }
                }
            }
        }
        if (cells.isEmpty()) {
            System.err.println("nothing to run");
            return null;
        }
        return cells;
    }

    long commitInterval(Guarantee g) {
        return g == Guarantee.EOS ? commitEos : commitAlos;
    }

    private Run throughputRun(Admin admin, String bootstrap, Cell c, int rep, KafkaBenchData.Input input) {
        String runId = String.format(Locale.ROOT, "r%d-%s-%s-p%d-%s", rep, c.job().id(), c.guarantee().id(),
                c.parallelism(), c.engine());
        String output = "out-" + runId;
        try {
            KafkaBenchData.createTopic(admin, output, KafkaBenchData.INPUT_PARTITIONS);
            List<String> result = new ArrayList<>();
            String err = runChild(List.of("throughput", c.engine(), c.job().id(), c.guarantee().id(),
                    Integer.toString(c.parallelism()), bootstrap, input.topic(), output,
                    Long.toString(commitInterval(c.guarantee())),
                    Long.toString(KafkaEngines.expectedProcessed(c.engine(), input)), runId),
                    null, result);
            if (err != null) {
                return new Run(c, rep, input.records(), Map.of(), null, null, err);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String kv : result.get(0).substring(KafkaRunOne.RESULT_PREFIX.length()).trim().split("\\s+")) {
                int eq = kv.indexOf('=');
                values.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            KafkaBenchData.Output o = KafkaBenchData.readOutput(bootstrap, output);
            return new Run(c, rep, input.records(), values, o, o.diff(input.expected()), null);
        } catch (Exception e) {
            return new Run(c, rep, input.records(), Map.of(), null, null, e.toString());
        } finally {
            try {
                KafkaBenchData.deleteTopics(admin, output, runId);
            } catch (Exception e) {
                System.err.println("could not delete the topics of " + runId + ": " + e);
            }
        }
    }

    private LatencyRun latencyRun(Admin admin, String bootstrap, Cell c) {
        String runId = String.format(Locale.ROOT, "lat-%s-%s-p%d-%s", c.job().id(), c.guarantee().id(), c.parallelism(), c.engine());
        String input = "in-" + runId;
        String output = "out-" + runId;
        try {
            KafkaBenchData.createTopic(admin, input, KafkaBenchData.INPUT_PARTITIONS);
            KafkaBenchData.createTopic(admin, output, KafkaBenchData.INPUT_PARTITIONS);
            LatencyProbe probe = new LatencyProbe(bootstrap, input, output, c.job(), latencyRate, latencyWarmup, latencySeconds,
                    commitInterval(c.guarantee()));
            List<String> result = new ArrayList<>();
            String err = runChild(List.of("latency", c.engine(), c.job().id(), c.guarantee().id(),
                    Integer.toString(c.parallelism()), bootstrap, input, output,
                    Long.toString(commitInterval(c.guarantee())), "0", runId), probe, result);
            if (err != null) {
                return new LatencyRun(c, null, err);
            }
            return new LatencyRun(c, probe.result(), null);
        } catch (Exception e) {
            return new LatencyRun(c, null, e.toString());
        } finally {
            try {
                KafkaBenchData.deleteTopics(admin, input, output, runId);
            } catch (Exception e) {
                System.err.println("could not delete the topics of " + runId + ": " + e);
            }
        }
    }

    /**
     * Runs one {@link KafkaRunOne}; with a probe (latency), runs the probe once the child is READY, then tells the
     * child to stop. Adds the RESULT line to {@code result}; returns an error or null.
     */
    private String runChild(List<String> args, LatencyProbe probe, List<String> result) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        addArgs(cmd, childJvmArgs);
        cmd.add("-cp");
        cmd.add(ChildClasspath.forEngine());
        cmd.add(KafkaRunOne.class.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process proc = pb.start();
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            try {
                if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    System.err.println("child exceeded --timeout (" + timeoutSeconds + " s), its threads:");
                    System.err.println(threadDump(proc));
                    timedOut.set(true);
                    proc.destroyForcibly();
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        String error = null;
        try (BufferedReader br = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
             Writer toChild = new OutputStreamWriter(proc.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = br.readLine()) != null) {
                if (line.startsWith(KafkaRunOne.RESULT_PREFIX)) {
                    result.add(line);
                } else if (line.equals(KafkaRunOne.READY) && probe != null) {
                    try {
                        probe.run();
                    } catch (Exception e) {
                        error = "latency probe: " + e;
                    }
                    toChild.write("stop\n");
                    toChild.flush();
                } else {
                    System.err.println("  | " + line);
                }
            }
        }
        int rc = proc.waitFor();
        killer.cancel(true);
        if (error != null) {
            return error;
        }
        if (timedOut.get()) {
            return "child exceeded --timeout (" + timeoutSeconds + " s) and was killed; its threads are printed above";
        }
        if (rc != 0 || result.isEmpty()) {
            return "child exited with " + rc + (result.isEmpty() ? ", no RESULT line" : "");
        }
        return null;
    }

    /** The threads of a child JVM that is still running, as {@code jcmd Thread.print} prints them. */
    private static String threadDump(Process proc) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(proc.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    private Process startBroker(int port, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        addArgs(cmd, brokerJvmArgs);
        cmd.add("-cp");
        cmd.add(ChildClasspath.forBroker());
        cmd.add("dev.sluice.kafka.broker.LocalKafka");
        cmd.add(Integer.toString(port));
        cmd.add(dir.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // the broker's log (warnings and its shutdown) goes to a file next to its data, not into the report's stderr
        pb.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process proc = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(proc::destroy));
        BufferedReader br = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while ((line = br.readLine()) != null) {
            if (line.startsWith("Kafka is running on")) {
                System.err.println("broker: " + line);
                Thread drain = new Thread(() -> {
                    try {
                        while (br.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException ignored) {
                        // broker gone
                    }
                }, "broker-stdout");
                drain.setDaemon(true);
                drain.start();
                return proc;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        proc.destroyForcibly();
        throw new IllegalStateException("the broker child did not start (exit " + (proc.waitFor(5, TimeUnit.SECONDS)
                ? proc.exitValue() : "?") + ")");
    }

    private static void addArgs(List<String> cmd, String args) {
        for (String a : args.trim().split("\\s+")) {
            if (!a.isEmpty()) {
                cmd.add(a);
            }
        }
    }

    String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
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

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
