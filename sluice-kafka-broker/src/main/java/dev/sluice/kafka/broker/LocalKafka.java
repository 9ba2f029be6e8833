package dev.sluice.kafka.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running in this JVM: for
 * development, examples and tests.
 *
 * <pre>{@code
 * try (LocalKafka kafka = LocalKafka.start()) {          // a free port, a temporary directory
 *   kafka.createTopic("words", 3);
 *   String servers = kafka.bootstrapServers();           // "127.0.0.1:<port>"
 * }
 * }</pre>
 *
 * <p>{@link #builder()} chooses the port ({@code 9092}) and a data directory that survives a
 * restart. A directory is formatted on first use and reused after that. {@link #close()} stops
 * the broker and deletes the data directory if it was a temporary one.
 *
 * <p>The broker allows transactions with one replica, starts consumer groups without the usual
 * 3 s delay, and does not create topics automatically unless {@link Builder#autoCreateTopics} is
 * set.
 */
public final class LocalKafka implements AutoCloseable {
  private static final String CLUSTER_ID_FILE = "sluice-cluster-id";

  private final KafkaRaftServer server;
  private final int port;
  private final Path dataDir;
  private final boolean temporary;
  private volatile boolean closed;
  private int saslPort;

  private LocalKafka(KafkaRaftServer server, int port, Path dataDir, boolean temporary) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
    this.temporary = temporary;
  }

  /** Starts a broker on a free port with its data in a new temporary directory. */
  public static LocalKafka start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a local broker. */
  public static final class Builder {
    private int port;
    private Path dataDir;
    private boolean autoCreateTopics;
    private final Map<String, String> overrides = new HashMap<>();
    private final Map<String, String> saslUsers = new java.util.LinkedHashMap<>();

    /** The client port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Where the broker keeps its logs; default a temporary directory deleted on close. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Whether producing to or consuming from an unknown topic creates it (default false). */
    public Builder autoCreateTopics(boolean autoCreate) {
      this.autoCreateTopics = autoCreate;
      return this;
    }

    /**
     * Adds a second listener, {@code SASL_PLAINTEXT} with the PLAIN mechanism and these users
     * (name to password), on {@link LocalKafka#saslBootstrapServers()}, and turns authorization on:
     * on that listener a user may do only what ACLs grant it (create them with {@link
     * LocalKafka#admin()}, whose plaintext listener is a super user). For testing what clients do
     * with wrong credentials or missing rights.
     */
    public Builder saslPlainUsers(Map<String, String> users) {
      saslUsers.putAll(users);
      return this;
    }

    /** Any broker setting, e.g. {@code transaction.max.timeout.ms}. */
    public Builder brokerProperty(String key, String value) {
      overrides.put(key, value);
      return this;
    }

    public LocalKafka start() {
      try {
        return doStart(this);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("Could not start the local Kafka broker: " + e.getMessage(), e);
      }
    }
  }

  private static LocalKafka doStart(Builder b) throws Exception {
    boolean temporary = b.dataDir == null;
    Path dir = temporary ? Files.createTempDirectory("sluice-kafka-") : b.dataDir.toAbsolutePath();
    Files.createDirectories(dir);
    int port = b.port == 0 ? freePort() : b.port;
    int controllerPort = freePort();
    if (controllerPort == port) {
      controllerPort = freePort();
    }
    int saslPort = 0;
    if (!b.saslUsers.isEmpty()) {
      do {
        saslPort = freePort();
      } while (saslPort == port || saslPort == controllerPort);
    }
    Path logs = dir.resolve("logs");
    Files.createDirectories(logs);

    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logs.toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", String.valueOf(b.autoCreateTopics));
    p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("background.threads", "2");
    p.put("log.cleaner.enable", "false");
    p.put("unstable.api.versions.enable", "false");
    if (saslPort != 0) {
      p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort
          + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
      p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
      p.put("listener.security.protocol.map",
          "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
      p.put("sasl.enabled.mechanisms", "PLAIN");
      StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
      b.saslUsers.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"")
          .append(password.replace("\"", "\\\"")).append('"'));
      p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
      p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
      // the plaintext and controller listeners (and the broker itself) act as the anonymous super user
      p.put("super.users", "User:ANONYMOUS");
      p.put("allow.everyone.if.no.acl.found", "false");
    }
    p.putAll(b.overrides);

    // format the directory the first time (a reused directory keeps its cluster id)
    Path idFile = dir.resolve(CLUSTER_ID_FILE);
    if (!Files.exists(idFile)) {
      String clusterId = Uuid.randomUuid().toString();
      Formatter formatter = new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(1)
          .setClusterId(clusterId)
          .setDirectories(List.of(logs.toString()))
          .setMetadataLogDirectory(logs.toString())
          .setControllerListenerName("CONTROLLER")
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
      formatter.run();
      Files.writeString(idFile, clusterId);
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      server.shutdown();
      throw e;
    }
    LocalKafka kafka = new LocalKafka(server, port, dir, temporary);
    kafka.saslPort = saslPort;
    kafka.awaitReady();
    return kafka;
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try (Admin admin = admin()) {
        if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
          return;
        }
      } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
        last = e;
      }
      Thread.sleep(50);
    }
    close();
    throw new IllegalStateException("The local Kafka broker did not become ready within 60 s", last);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /**
   * {@code 127.0.0.1:<port>} of the SASL_PLAINTEXT listener ({@link Builder#saslPlainUsers}); clients
   * set {@code security.protocol=SASL_PLAINTEXT}, {@code sasl.mechanism=PLAIN} and a {@code
   * sasl.jaas.config} with their user name and password.
   */
  public String saslBootstrapServers() {
    if (saslPort == 0) {
      throw new IllegalStateException("This broker has no SASL listener; start it with saslPlainUsers(..)");
    }
    return "127.0.0.1:" + saslPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A new admin client of this broker; close it. */
  public Admin admin() {
    Map<String, Object> conf = new HashMap<>();
    conf.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    conf.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    conf.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
    return Admin.create(conf);
  }

  /** Creates a topic with one replica (no error if it exists) and waits until it can be used. */
  public void createTopic(String topic, int partitions) {
    createTopic(topic, partitions, Map.of());
  }

  public void createTopic(String topic, int partitions, Map<String, String> config) {
    try (Admin admin = admin()) {
      try {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(config)))
            .all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Could not create topic " + topic + ": " + e.getCause(), e.getCause());
        }
      }
      awaitPartitions(admin, topic, partitions);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Timed out creating topic " + topic, e);
    }
  }

  /** Grows a topic to {@code partitions} partitions. */
  public void addPartitions(String topic, int partitions) {
    try (Admin admin = admin()) {
      admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get(30, TimeUnit.SECONDS);
      awaitPartitions(admin, topic, partitions);
    } catch (Exception e) {
      throw new IllegalStateException("Could not add partitions to " + topic + ": " + e, e);
    }
  }

  public void deleteTopic(String topic) {
    try (Admin admin = admin()) {
      admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not delete topic " + topic + ": " + e, e);
    }
  }

  private static void awaitPartitions(Admin admin, String topic, int partitions)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        var d = admin.describeTopics(Set.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic);
        if (d != null && d.partitions().size() >= partitions
            && d.partitions().stream().allMatch(pi -> pi.leader() != null && !pi.leader().isEmpty())) {
          // the metadata names a leader before the broker's replica manager serves the partition; a
          // producer that writes in that gap can be stuck retrying (NOT_LEADER_OR_FOLLOWER, then
          // OUT_OF_ORDER_SEQUENCE_NUMBER) until its delivery timeout, so wait until offsets are served
          Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
              new java.util.HashMap<>();
          d.partitions().forEach(pi -> latest.put(new org.apache.kafka.common.TopicPartition(topic, pi.partition()),
              org.apache.kafka.clients.admin.OffsetSpec.latest()));
          admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
          return;
        }
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        // not yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("Topic " + topic + " did not get " + partitions + " partitions with leaders in 30 s");
  }

  /** Stops the broker (and deletes its data if it was in a temporary directory). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      if (temporary) {
        deleteRecursively(dataDir);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    try {
      if (!Files.exists(dir)) {
        return;
      }
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }

  /** Runs a broker until the process is stopped: {@code LocalKafka [port] [dataDir]}. */
  public static void main(String[] args) throws Exception {
    Builder b = builder().port(args.length > 0 ? Integer.parseInt(args[0]) : 9092);
    if (args.length > 1) {
      b.dataDir(Path.of(args[1]));
    }
    LocalKafka kafka = b.start();
    Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
    System.out.println("Kafka is running on " + kafka.bootstrapServers() + ", data in " + kafka.dataDir());
    Thread.currentThread().join();
  }
}
