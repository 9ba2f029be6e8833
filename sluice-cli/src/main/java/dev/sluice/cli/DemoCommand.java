package dev.sluice.cli;

import dev.sluice.core.execution.JobClient;
import dev.sluice.examples.demo.DemoJob;
import dev.sluice.examples.demo.DemoOptions;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import dev.sluice.runtime.checkpoint.CheckpointStorage;
import dev.sluice.runtime.execution.JobExecution;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice demo}: runs {@link DemoJob} in this JVM and shows its live table until the events
 * are done or Ctrl-C. Ctrl-C cancels the job from a shutdown hook, waits for it to stop and for
 * the last table, and exits with 0.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        "Run a live demo job: revenue per category of generated orders, live and windowed.",
        "",
        "Generated e-commerce orders -> keyBy(category) -> running revenue, and 10 s",
        "event-time windows (5 s allowed lateness, late orders counted) -> alerts when a",
        "category's window revenue jumps above 2x the window before. Shown as a view that",
        "refreshes twice a second. Stop it with Ctrl-C.",
        "",
        "The demo checkpoints every 2 s; stopped or killed, it resumes from its newest",
        "checkpoint when started again (--fresh starts over)."},
    footer = {"", "Examples:", "  sluice demo", "  sluice demo --events 1M --rate 0",
        "  sluice demo --rate 50k --parallelism 2"})
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-n", "--events"}, paramLabel = "N", converter = Counts.LongConverter.class,
      description = "Stop after N events and print the final totals (default: run until Ctrl-C).")
  Long events;

  @Option(names = {"-r", "--rate"}, paramLabel = "R", converter = Counts.DoubleConverter.class,
      defaultValue = "200k",
      description = "Events per second over the whole job, 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = {"-p", "--parallelism"}, paramLabel = "P",
      description = "Parallel subtasks per operator (default: the number of cores, ${sys:sluice.cores}).")
  Integer parallelism;

  @Option(names = "--checkpoint-dir", paramLabel = "DIR",
      description = "Where the demo checkpoints (default: ${sys:java.io.tmpdir}/sluice-demo/checkpoints[-N]).")
  Path checkpointDir;

  @Option(names = "--checkpoint-interval", paramLabel = "MS", defaultValue = "2000",
      description = "Milliseconds between checkpoints, 0 = no checkpoints (default: ${DEFAULT-VALUE}).")
  long checkpointInterval;

  @Option(names = "--fresh",
      description = "Start over: delete the demo's checkpoints instead of resuming from the newest one.")
  boolean fresh;

  @Option(names = "--plain",
      description = "Append each refresh instead of redrawing the table in place.")
  boolean plain;

  PrintStream out = System.out;
  PrintStream err = System.err;

  static {
    System.setProperty("sluice.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
  }

  @Override
  public Integer call() throws Exception {
    DemoOptions options = new DemoOptions().out(out).ansi(!plain && isTerminal());
    if (events != null) {
      if (events < 1) {
        throw bad("--events must be at least 1, got " + events);
      }
      options.events(events);
    }
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw bad("--rate must be 0 (unlimited) or a positive number of events per second, got "
          + spec.findOption("--rate").originalStringValues());
    }
    options.rate(rate);
    int p = parallelism == null ? Runtime.getRuntime().availableProcessors() : parallelism;
    if (p < 1 || p > 128) {
      throw bad("--parallelism must be between 1 and 128, got " + p);
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p);
    Path checkpoints = null;
    if (checkpointInterval < 0 || checkpointInterval > 0 && checkpointInterval < 10) {
      throw bad("--checkpoint-interval must be 0 (off) or at least 10 ms, got " + checkpointInterval);
    }
    if (checkpointInterval > 0) {
      // a bounded demo of another size is another job: it gets its own directory
      checkpoints = checkpointDir != null ? checkpointDir
          : Path.of(System.getProperty("java.io.tmpdir"), "sluice-demo",
              options.bounded() ? "checkpoints-" + options.events() : "checkpoints");
      if (fresh) {
        CheckpointStorage.deleteRecursively(checkpoints);
      }
      env.enableCheckpointing(checkpointInterval);
      env.getCheckpointConfig().setCheckpointStorage(checkpoints);
      env.getCheckpointConfig().setResumeFromLatestCheckpoint(true);
    }
    DemoJob.build(env, options);
    out.println(header(options, p));

    JobClient client = env.executeAsync(DemoJob.JOB_NAME);
    if (checkpoints != null) {
      Optional<Path> resumed = ((JobExecution) client).restoredFrom();
      out.println(resumed.map(r -> "  resumed from checkpoint " + r + " (--fresh starts over)")
          .orElse("  checkpoints: every " + checkpointInterval + " ms into " + checkpoints
              + "; kill it and run it again to resume"));
    }
    out.println();
    out.flush();
    ForegroundJob.Outcome outcome = ForegroundJob.await(client, "sluice demo", out, err);
    if (outcome == ForegroundJob.Outcome.FINISHED && checkpoints != null) {
      CheckpointStorage.deleteRecursively(checkpoints); // done: nothing left to resume
    }
    return outcome == ForegroundJob.Outcome.FAILED ? 1 : 0;
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private boolean isTerminal() {
    String term = System.getenv("TERM");
    return out == System.out && System.console() != null && !"dumb".equals(term);
  }

  private static String header(DemoOptions options, int parallelism) {
    String events = options.bounded()
        ? String.format(Locale.ROOT, "%,d events", options.events())
        : "unbounded (Ctrl-C to stop)";
    String rate = options.rate() > 0
        ? String.format(Locale.ROOT, "%,.0f events/s", options.rate())
        : "unlimited";
    return "Sluice demo - orders -> keyBy(category) -> running revenue | 10 s event-time windows"
        + " -> jump alerts -> live view"
        + System.lineSeparator()
        + "  input: " + events + " | rate: " + rate + " | parallelism: " + parallelism;
  }
}
