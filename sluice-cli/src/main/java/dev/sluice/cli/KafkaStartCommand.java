package dev.sluice.cli;

import dev.sluice.kafka.broker.LocalKafka;
import dev.sluice.runtime.checkpoint.CheckpointStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice kafka start}: runs a real single-node Kafka (KRaft) in this JVM until Ctrl-C
 * ({@link LocalKafka}). Its data stays in the data directory, so topics and records survive a
 * restart; {@code --fresh} starts with an empty one.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = {"Run a single-node Kafka broker (KRaft) on 127.0.0.1 until Ctrl-C.", "",
        "For development and tests: one broker, one replica per partition, transactions allowed,",
        "no automatic topic creation. Its data (topics, records, committed offsets) is kept in",
        "the data directory, so a restarted broker has the topics and records of the last run."},
    footer = {"", "Examples:", "  sluice kafka start", "  sluice kafka start --port 19092 --data-dir ./kafka-data"})
final class KafkaStartCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  KafkaCommand parent;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
      description = "The client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the broker keeps its data (default: ${sys:java.io.tmpdir}/sluice-kafka/data).")
  Path dataDir;

  @Option(names = "--fresh", description = "Delete the data directory first: start with no topics.")
  boolean fresh;

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile LocalKafka kafka;

  static Path defaultDataDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "sluice-kafka", "data");
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = parent.out;
    PrintStream err = parent.err;
    if (port < 1 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535, got " + port);
    }
    Path dir = (dataDir != null ? dataDir : defaultDataDir()).toAbsolutePath();
    if (portInUse(port)) {
      err.println("sluice kafka start: port " + port + " on 127.0.0.1 is already in use (another Kafka?);"
          + " stop what uses it or choose another port with --port");
      return 1;
    }
    try {
      if (fresh) {
        CheckpointStorage.deleteRecursively(dir);
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      err.println("sluice kafka start: cannot use data directory " + dir + ": " + KafkaCommand.describe(e));
      return 1;
    }
    // the broker's own warnings (e.g. on activation) are noise here; its errors still show
    for (String logger : new String[] {"kafka", "org.apache.kafka", "state.change.logger"}) {
      if (System.getProperty("org.slf4j.simpleLogger.log." + logger) == null) {
        System.setProperty("org.slf4j.simpleLogger.log." + logger, "error");
      }
    }
    out.println("Starting Kafka on 127.0.0.1:" + port + " (data in " + dir + ") ...");
    out.flush();
    try {
      kafka = LocalKafka.builder().port(port).dataDir(dir).start();
    } catch (RuntimeException e) {
      err.println("sluice kafka start: " + startFailure(e, dir));
      return 1;
    }
    Thread hook = new Thread(this::stopFromShutdownHook, "sluice-kafka-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("Kafka is running. Bootstrap servers: " + kafka.bootstrapServers());
    out.println("  e.g. sluice kafka topics create lines --partitions 2");
    out.println("Stop it with Ctrl-C (its data stays in " + dir + "; --fresh starts empty).");
    out.flush();
    try {
      stopRequested.await();
    } finally {
      kafka.close();
      out.println("Kafka stopped.");
      out.flush();
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running
      }
    }
    return 0;
  }

  /** Stops the broker and lets {@link #call()} return (what Ctrl-C does); waits until it has stopped. */
  void stop() throws InterruptedException {
    stopRequested.countDown();
    stopped.await(60, TimeUnit.SECONDS);
  }

  /** The broker while it runs (null before it started). */
  LocalKafka kafka() {
    return kafka;
  }

  private void stopFromShutdownHook() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(0); // stopped with Ctrl-C: exit code 0, as the demo
  }

  private static boolean portInUse(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private String startFailure(Throwable e, Path dir) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof BindException || String.valueOf(c.getMessage()).contains("Address already in use")) {
        return "port " + port + " on 127.0.0.1 is already in use; choose another with --port";
      }
      if (String.valueOf(c.getMessage()).contains("Failed to acquire lock")) {
        return "the data directory " + dir + " is in use by another Kafka broker; stop it or choose"
            + " another directory with --data-dir";
      }
    }
    return "could not start Kafka on 127.0.0.1:" + port + " with data in " + dir + ": " + KafkaCommand.describe(e);
  }
}
