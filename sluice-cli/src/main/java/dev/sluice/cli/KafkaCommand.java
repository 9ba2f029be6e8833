package dev.sluice.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sluice kafka ...}: a local Kafka broker for development ({@code start}), topics, and the
 * Kafka word count exercise ({@code produce}, {@code wordcount}, {@code consume}).
 */
@Command(name = "kafka", mixinStandardHelpOptions = true,
    description = {"A local Kafka broker for development, and the Kafka word count.", "",
        "  sluice kafka start                  run a broker on 127.0.0.1:9092 (Ctrl-C stops it)",
        "  sluice kafka topics create NAME     create a topic",
        "  sluice kafka produce                send lines (typed, or --lines N generated) to a topic",
        "  sluice kafka wordcount              count the words of a topic, exactly once, into another",
        "  sluice kafka consume TOPIC          print a topic's committed records"},
    subcommands = {KafkaStartCommand.class, KafkaTopicsCommand.class, KafkaProduceCommand.class,
        KafkaWordCountCommand.class, KafkaConsumeCommand.class},
    footer = {"", "Try, in one terminal:  sluice kafka start",
        "and in another:         sluice kafka produce --lines 1000 && sluice kafka wordcount"})
final class KafkaCommand implements Callable<Integer> {
  /** The default bootstrap servers of the subcommands: the broker {@code sluice kafka start} runs. */
  static final String DEFAULT_SERVERS = "127.0.0.1:9092";

  @Spec
  CommandSpec spec;

  PrintStream out = System.out;
  PrintStream err = System.err;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** The message of {@code t} and of its causes, on one line, without stack traces. */
  static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage().strip();
      if (seen.add(m) && (sb.length() == 0 || !sb.toString().contains(m))) {
        if (sb.length() > 0) {
          sb.append(": ");
        }
        sb.append(m);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return sb.toString().replace('\n', ' ');
  }
}
