package dev.sluice.cli;

import dev.sluice.core.execution.JobClient;
import dev.sluice.examples.usecases.ExampleOptions;
import dev.sluice.examples.usecases.Examples;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice example [NAME]}: lists the use-case examples ({@link Examples}), or runs one on
 * generated data in this JVM, printing its results; a bounded run ends with a summary, an
 * unbounded one runs until Ctrl-C.
 */
@Command(name = "example", mixinStandardHelpOptions = true,
    description = {
        "List the use-case examples, or run one on generated data and print its results.",
        "Without --events it runs until Ctrl-C."},
    footer = {"", "Examples:", "  sluice example", "  sluice example fraud --events 50k --rate 0",
        "  sluice example iot -p 2"})
final class ExampleCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
      description = "The example to run; without it, the list of examples.")
  String name;

  @Option(names = {"-n", "--events"}, paramLabel = "N", converter = Counts.LongConverter.class,
      description = "Stop after N events and print a summary (default: run until Ctrl-C).")
  Long events;

  @Option(names = {"-r", "--rate"}, paramLabel = "R", converter = Counts.DoubleConverter.class,
      defaultValue = "2k",
      description = "Events per second over the whole job, 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = {"-p", "--parallelism"}, paramLabel = "P",
      description = "Parallel subtasks per operator (default: the number of cores).")
  Integer parallelism;

  PrintStream out = System.out;
  PrintStream err = System.err;

  @Override
  public Integer call() throws Exception {
    if (name == null) {
      list();
      return 0;
    }
    Examples example = Examples.byName(name).orElseThrow(() -> bad("unknown example '" + name
        + "'; the examples are: " + String.join(", ", names())));
    ExampleOptions options = new ExampleOptions().out(out);
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
    example.define(env, options);
    out.println(header(example, options, p));
    out.flush();

    JobClient client = env.executeAsync(example.jobName());
    return ForegroundJob.await(client, "sluice example", out, err) == ForegroundJob.Outcome.FAILED ? 1 : 0;
  }

  private void list() {
    out.println("Examples (run one with: sluice example NAME [--events N] [--rate R] [-p P]):");
    for (Examples e : Examples.values()) {
      out.println(String.format(Locale.ROOT, "  %-10s %s", e.exampleName(), e.description()));
    }
    out.flush();
  }

  private static java.util.List<String> names() {
    return java.util.Arrays.stream(Examples.values()).map(Examples::exampleName).toList();
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String header(Examples example, ExampleOptions options, int parallelism) {
    String events = options.bounded()
        ? String.format(Locale.ROOT, "%,d events", options.events())
        : "unbounded (Ctrl-C to stop)";
    String rate = options.rate() > 0
        ? String.format(Locale.ROOT, "%,.0f events/s", options.rate())
        : "unlimited";
    return example.jobName() + System.lineSeparator() + "  " + example.description()
        + System.lineSeparator()
        + "  input: " + events + " | rate: " + rate + " | parallelism: " + parallelism
        + System.lineSeparator();
  }
}
