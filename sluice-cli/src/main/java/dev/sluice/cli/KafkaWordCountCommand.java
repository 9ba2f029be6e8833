package dev.sluice.cli;

import dev.sluice.core.execution.JobClient;
import dev.sluice.examples.kafka.KafkaWordCount;
import dev.sluice.runtime.checkpoint.CheckpointStorage;
import dev.sluice.runtime.execution.JobExecution;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice kafka wordcount}: runs {@link KafkaWordCount} in this JVM until Ctrl-C. */
@Command(name = "wordcount", mixinStandardHelpOptions = true,
    description = {"Count the words of a topic's lines in real time; write each word's running count",
        "to another topic, exactly once (key: the word, value: word,count).", "",
        "Creates the two topics when they do not exist. Checkpoints every second; stopped",
        "or killed, it resumes from its newest checkpoint when started again (--fresh",
        "starts over, reading the input from its beginning)."},
    footer = {"", "Examples:", "  sluice kafka wordcount", "  sluice kafka wordcount --input lines --output word-counts -p 2",
        "Read the counts with: sluice kafka consume word-counts"})
final class KafkaWordCountCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  KafkaCommand parent;

  @Option(names = {"-b", "--bootstrap-server"}, paramLabel = "HOST:PORT", defaultValue = KafkaCommand.DEFAULT_SERVERS,
      description = "The broker (default: ${DEFAULT-VALUE}).")
  String servers;

  @Option(names = "--input", paramLabel = "TOPIC", defaultValue = KafkaWordCount.DEFAULT_INPUT,
      description = "The topic of the lines (default: ${DEFAULT-VALUE}).")
  String input;

  @Option(names = "--output", paramLabel = "TOPIC", defaultValue = KafkaWordCount.DEFAULT_OUTPUT,
      description = "The topic of the counts (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
      description = "Partitions of a topic this command creates (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = {"-p", "--parallelism"}, paramLabel = "P", defaultValue = "2",
      description = "Parallel subtasks per operator (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--checkpoint-dir", paramLabel = "DIR",
      description = "Where the job checkpoints (default: ${sys:java.io.tmpdir}/sluice-kafka/wordcount-checkpoints).")
  Path checkpointDir;

  @Option(names = "--checkpoint-interval", paramLabel = "MS", defaultValue = "1000",
      description = "Milliseconds between checkpoints, i.e. between commits of the output (default: ${DEFAULT-VALUE}).")
  long checkpointInterval;

  @Option(names = "--bounded",
      description = "Stop at the end the input has when the job starts (default: run until Ctrl-C).")
  boolean bounded;

  @Option(names = "--fresh", description = "Delete the job's checkpoints: count from the beginning of the input.")
  boolean fresh;

  @Override
  public Integer call() throws Exception {
    if (parallelism < 1 || parallelism > 128) {
      throw new ParameterException(spec.commandLine(), "--parallelism must be between 1 and 128, got " + parallelism);
    }
    if (checkpointInterval < 10) {
      throw new ParameterException(spec.commandLine(), "--checkpoint-interval must be at least 10 ms, got " + checkpointInterval);
    }
    if (partitions < 1) {
      throw new ParameterException(spec.commandLine(), "--partitions must be at least 1, got " + partitions);
    }
    try (Admin admin = KafkaTopicsCommand.admin(servers)) {
      for (String topic : List.of(input, output)) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(15, TimeUnit.SECONDS);
          parent.out.println("Created topic " + topic + " with " + partitions + " partitions");
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (ExecutionException | java.util.concurrent.TimeoutException | org.apache.kafka.common.KafkaException e) {
      parent.err.println("sluice kafka wordcount: " + KafkaTopicsCommand.failure(e, servers));
      return 1;
    }
    Path checkpoints = checkpointDir != null ? checkpointDir
        : Path.of(System.getProperty("java.io.tmpdir"), "sluice-kafka", "wordcount-checkpoints");
    if (fresh) {
      CheckpointStorage.deleteRecursively(checkpoints);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.enableCheckpointing(checkpointInterval);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints);
    env.getCheckpointConfig().setResumeFromLatestCheckpoint(true);
    KafkaWordCount.define(env, new KafkaWordCount.Options().bootstrapServers(servers).input(input).output(output)
        .bounded(bounded));
    parent.out.println(KafkaWordCount.JOB_NAME + ": " + input + " -> words -> keyBy(word) -> sum -> " + output
        + " (exactly once) on " + servers);
    JobClient client = env.executeAsync(KafkaWordCount.JOB_NAME);
    Optional<Path> resumed = ((JobExecution) client).restoredFrom();
    parent.out.println(resumed.map(r -> "  resumed from checkpoint " + r + " (--fresh starts over)")
        .orElse("  checkpoints: every " + checkpointInterval + " ms into " + checkpoints));
    parent.out.println("  read the counts with: sluice kafka consume " + output
        + (servers.equals(KafkaCommand.DEFAULT_SERVERS) ? "" : " -b " + servers));
    parent.out.println(bounded ? "  bounded: stops at the input's current end" : "  Ctrl-C stops it");
    parent.out.flush();
    ForegroundJob.Outcome outcome = ForegroundJob.await(client, "sluice kafka wordcount", parent.out, parent.err);
    if (outcome == ForegroundJob.Outcome.FINISHED) {
      parent.out.println("Finished: the input up to its end when the job started is counted.");
    }
    return outcome == ForegroundJob.Outcome.FAILED ? 1 : 0;
  }

  /** Null when {@code topic} exists on {@code servers}, else why not (missing, or no answer). */
  static String checkTopic(String servers, String topic) {
    try (Admin admin = KafkaTopicsCommand.admin(servers)) {
      admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return "topic " + topic + " does not exist on " + servers + " (create it: sluice kafka topics create " + topic + ")";
      }
      return KafkaTopicsCommand.failure(e, servers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (java.util.concurrent.TimeoutException | org.apache.kafka.common.KafkaException e) {
      return KafkaTopicsCommand.failure(e, servers);
    }
  }
}
