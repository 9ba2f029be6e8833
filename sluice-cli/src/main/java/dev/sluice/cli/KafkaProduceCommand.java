package dev.sluice.cli;

import dev.sluice.examples.kafka.KafkaWordCount;
import dev.sluice.examples.kafka.WordCountProducer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice kafka produce}: sends lines to a topic with {@link WordCountProducer}. */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = {"Send lines of text to a topic, one record per line (the input of sluice kafka wordcount).",
        "Without --lines, the lines typed (or piped) on standard input, until its end (Ctrl-D)."},
    footer = {"", "Examples:", "  sluice kafka produce --lines 10000", "  echo 'to be or not to be' | sluice kafka produce"})
final class KafkaProduceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  KafkaCommand parent;

  @Option(names = {"-t", "--topic"}, paramLabel = "TOPIC", defaultValue = KafkaWordCount.DEFAULT_INPUT,
      description = "The topic (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(names = {"-b", "--bootstrap-server"}, paramLabel = "HOST:PORT", defaultValue = KafkaCommand.DEFAULT_SERVERS,
      description = "The broker (default: ${DEFAULT-VALUE}).")
  String servers;

  @Option(names = {"-n", "--lines"}, paramLabel = "N", converter = Counts.LongConverter.class,
      description = "Send N generated lines (words from a line of Hamlet) instead of standard input.")
  Long lines;

  @Option(names = {"-r", "--rate"}, paramLabel = "R", converter = Counts.DoubleConverter.class, defaultValue = "0",
      description = "Generated lines per second, 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate;

  InputStream in = System.in;

  @Override
  public Integer call() throws Exception {
    if (lines != null && (lines < 1 || lines > Integer.MAX_VALUE)) {
      throw new ParameterException(spec.commandLine(), "--lines must be between 1 and " + Integer.MAX_VALUE + ", got " + lines);
    }
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new ParameterException(spec.commandLine(), "--rate must be 0 (unlimited) or a positive number");
    }
    String missing = KafkaWordCountCommand.checkTopic(servers, topic);
    if (missing != null) {
      parent.err.println("sluice kafka produce: " + missing);
      return 1;
    }
    try (WordCountProducer producer = new WordCountProducer(servers, topic)) {
      if (lines != null) {
        long start = System.nanoTime();
        for (String line : WordCountProducer.sampleLines(lines.intValue(), System.nanoTime())) {
          producer.send(line);
          if (rate > 0) {
            long due = start + (long) (producer.sent() * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
              Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
          }
        }
      } else {
        if (System.console() != null) {
          parent.err.println("Type lines to send to " + topic + " on " + servers + " (Ctrl-D ends):");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
          producer.send(line);
          if (!reader.ready()) {
            producer.flush(); // typed: written at once
          }
        }
      }
      producer.flush();
      parent.out.println("Sent " + producer.sent() + " line" + (producer.sent() == 1 ? "" : "s") + " to " + topic
          + " on " + servers);
      return 0;
    } catch (RuntimeException e) {
      parent.err.println("sluice kafka produce: " + KafkaCommand.describe(e));
      return 1;
    }
  }
}
