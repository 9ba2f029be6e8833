package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KafkaCommandTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean canBind(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static void await(long timeoutMs, java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("not within " + timeoutMs + " ms: " + what.get());
      }
      Thread.sleep(50);
    }
  }

  /**
   * {@code sluice kafka start} on a free port: a topic is created on it (by the admin API and by
   * {@code sluice kafka topics create}), lines are produced, {@code sluice kafka wordcount --bounded}
   * counts them and {@code sluice kafka consume} reads the committed counts back; then the broker
   * stops as on Ctrl-C and frees its port.
   */
  @Test
  void startRunsABrokerTheOtherKafkaCommandsUseAndStopsIt() throws Exception {
    int port = freePort();
    String servers = "127.0.0.1:" + port;
    CommandLine cli = SluiceCli.commandLine(out, err);
    KafkaStartCommand start = (KafkaStartCommand) cli.getSubcommands().get("kafka").getSubcommands().get("start")
        .getCommand();
    int[] code = {-1};
    Thread broker = new Thread(() -> code[0] = cli.execute("kafka", "start", "--port", String.valueOf(port),
        "--data-dir", tmp.resolve("kafka").toString()), "test-kafka-start");
    broker.start();
    try {
      await(90_000, () -> out().contains("Bootstrap servers: " + servers) || !broker.isAlive(), this::err);
      assertThat(out()).contains("Bootstrap servers: " + servers).contains("Ctrl-C");
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
        admin.createTopics(List.of(new NewTopic("made-by-admin", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("made-by-admin");
      }

      assertThat(SluiceCli.run(out, err, "kafka", "topics", "create", "lines", "--partitions", "2", "-b", servers))
          .as(err()).isZero();
      assertThat(out()).contains("Created topic lines with 2 partitions");
      assertThat(SluiceCli.run(out, err, "kafka", "topics", "create", "lines", "-b", servers)).isZero();
      assertThat(out()).contains("Topic lines already exists");

      List<String> lines = List.of("to be or not to be", "That is the question!", "to stream, or not");
      CommandLine produce = SluiceCli.commandLine(out, err);
      ((KafkaProduceCommand) produce.getSubcommands().get("kafka").getSubcommands().get("produce").getCommand()).in =
          new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
      assertThat(produce.execute("kafka", "produce", "-b", servers)).as(err()).isZero();
      assertThat(out()).contains("Sent 3 lines to lines");

      assertThat(SluiceCli.run(out, err, "kafka", "wordcount", "-b", servers, "--bounded", "-p", "2",
          "--checkpoint-interval", "100", "--checkpoint-dir", tmp.resolve("chk").toString())).as(err()).isZero();

      ByteArrayOutputStream consumed = new ByteArrayOutputStream();
      PrintStream consumedOut = new PrintStream(consumed, true, StandardCharsets.UTF_8);
      assertThat(SluiceCli.run(consumedOut, err, "kafka", "consume", "word-counts", "-b", servers, "--idle", "3"))
          .as(err()).isZero();
      Map<String, Long> latest = new TreeMap<>();
      for (String line : consumed.toString(StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          String[] wordAndCount = line.strip().split(",");
          latest.merge(wordAndCount[0], Long.parseLong(wordAndCount[1]), Math::max);
        }
      }
      assertThat(latest).isEqualTo(new TreeMap<>(Map.of("to", 3L, "be", 2L, "or", 2L, "not", 2L, "that", 1L,
          "is", 1L, "the", 1L, "question", 1L, "stream", 1L)));
    } finally {
      start.stop();
      broker.join(60_000);
    }
    assertThat(broker.isAlive()).isFalse();
    assertThat(code[0]).as(err()).isZero();
    assertThat(out()).contains("Kafka stopped.");
    assertThat(canBind(port)).as("port %d is free again", port).isTrue();
  }

  @Test
  void aPortInUseIsAOneLineErrorNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      int code = SluiceCli.run(out, err, "kafka", "start", "--port", String.valueOf(port),
          "--data-dir", tmp.resolve("kafka").toString());
      assertThat(code).isEqualTo(1);
      assertThat(err().strip()).isEqualTo("sluice kafka start: port " + port
          + " on 127.0.0.1 is already in use (another Kafka?); stop what uses it or choose another port with --port");
    }
  }

  @Test
  void commandsNameTheServersThatDoNotAnswer() throws Exception {
    int port = freePort(); // nothing listens there
    int code = SluiceCli.run(out, err, "kafka", "topics", "create", "x", "-b", "127.0.0.1:" + port);
    assertThat(code).isEqualTo(1);
    assertThat(err()).contains("could not create topic x: Kafka at 127.0.0.1:" + port + " did not answer")
        .doesNotContain("\tat ");
  }
}
