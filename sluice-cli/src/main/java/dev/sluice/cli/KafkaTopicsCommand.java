package dev.sluice.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice kafka topics create|list}. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Create or list topics.",
    subcommands = {KafkaTopicsCommand.Create.class, KafkaTopicsCommand.ListTopics.class})
final class KafkaTopicsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  KafkaCommand parent;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  static Admin admin(String servers) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
  }

  /** The error of a failed admin call, naming the servers when they did not answer. */
  static String failure(Throwable e, String servers) {
    Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    if (c instanceof java.util.concurrent.TimeoutException || c instanceof org.apache.kafka.common.errors.TimeoutException) {
      return "Kafka at " + servers + " did not answer within 10 s (is it running? sluice kafka start)";
    }
    return KafkaCommand.describe(c);
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a topic (one replica per partition). An existing topic is left as it is.")
  static final class Create implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    KafkaTopicsCommand topics;

    @Parameters(index = "0", paramLabel = "NAME", description = "The topic.")
    String name;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
        description = "Number of partitions (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = {"-b", "--bootstrap-server"}, paramLabel = "HOST:PORT", defaultValue = KafkaCommand.DEFAULT_SERVERS,
        description = "The broker (default: ${DEFAULT-VALUE}).")
    String servers;

    @Override
    public Integer call() throws Exception {
      if (partitions < 1) {
        throw new ParameterException(spec.commandLine(), "--partitions must be at least 1, got " + partitions);
      }
      var out = topics.parent.out;
      var err = topics.parent.err;
      try (Admin admin = admin(servers)) {
        try {
          admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(15, TimeUnit.SECONDS);
          out.println("Created topic " + name + " with " + partitions + " partition" + (partitions == 1 ? "" : "s")
              + " on " + servers);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS).get(name);
          out.println("Topic " + name + " already exists on " + servers + " (" + d.partitions().size() + " partitions)");
        }
        return 0;
      } catch (ExecutionException | java.util.concurrent.TimeoutException | org.apache.kafka.common.KafkaException e) {
        err.println("sluice kafka topics create: could not create topic " + name + ": " + failure(e, servers));
        return 1;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the topics and their partitions.")
  static final class ListTopics implements Callable<Integer> {
    @ParentCommand
    KafkaTopicsCommand topics;

    @Option(names = {"-b", "--bootstrap-server"}, paramLabel = "HOST:PORT", defaultValue = KafkaCommand.DEFAULT_SERVERS,
        description = "The broker (default: ${DEFAULT-VALUE}).")
    String servers;

    @Override
    public Integer call() throws Exception {
      try (Admin admin = admin(servers)) {
        var names = new java.util.TreeSet<>(admin.listTopics().names().get(10, TimeUnit.SECONDS));
        Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
        for (String n : names) {
          topics.parent.out.println(n + " (" + d.get(n).partitions().size() + " partitions)");
        }
        return 0;
      } catch (ExecutionException | java.util.concurrent.TimeoutException | org.apache.kafka.common.KafkaException e) {
        topics.parent.err.println("sluice kafka topics list: " + failure(e, servers));
        return 1;
      }
    }
  }
}
