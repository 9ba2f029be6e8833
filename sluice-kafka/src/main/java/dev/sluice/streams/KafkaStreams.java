package dev.sluice.streams;

import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.core.execution.CheckpointingMode;
import dev.sluice.core.execution.JobClient;
import dev.sluice.api.common.JobStatus;
import dev.sluice.runtime.checkpoint.CheckpointStats;
import dev.sluice.runtime.checkpoint.CheckpointStorage;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streams.errors.StreamsException;
import dev.sluice.streams.errors.StreamsUncaughtExceptionHandler;
import dev.sluice.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import dev.sluice.streams.internals.Compilation;
import dev.sluice.streams.internals.KafkaTopicIO;
import dev.sluice.streams.internals.TopicIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a DSL topology as a Sluice job against a Kafka cluster, with Kafka Streams' life cycle.
 *
 * <p>{@link #start()} compiles the topology into a job (Kafka sources and sinks, checkpoints every
 * {@code commit.interval.ms} into {@code <state.dir>/<application.id>/checkpoints}) and runs it
 * asynchronously; a job that was run before resumes from its latest checkpoint, as a Kafka Streams
 * application resumes from its committed offsets and changelogs. When processing fails, the
 * {@link StreamsUncaughtExceptionHandler} decides: {@code REPLACE_THREAD} runs the job again from
 * its latest checkpoint, the others (and no handler) stop the client in state {@code ERROR}.
 * {@link #close()} stops the job with a final checkpoint (so a new start neither loses nor
 * repeats output), falling back to cancelling it when that does not finish within 10 s or 10
 * commit intervals; {@link #close(Duration)} waits for it up to the timeout it is given.
 */
public class KafkaStreams implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaStreams.class);

  /** Kafka Streams' client states and their transitions. */
  public enum State {
    CREATED(1, 3),
    REBALANCING(2, 3, 5),
    RUNNING(1, 2, 3, 5),
    PENDING_SHUTDOWN(4),
    NOT_RUNNING,
    PENDING_ERROR(6),
    ERROR(3);

    private final Set<Integer> validTransitions = new java.util.HashSet<>();

    State(Integer... validTransitions) {
      this.validTransitions.addAll(Arrays.asList(validTransitions));
    }

    public boolean isRunningOrRebalancing() {
      return this == RUNNING || this == REBALANCING;
    }

    public boolean hasNotStarted() {
      return this == CREATED;
    }

    public boolean hasStartedOrFinishedShuttingDown() {
      return this == RUNNING || this == REBALANCING || this == ERROR || this == NOT_RUNNING;
    }

    public boolean isValidTransition(State newState) {
      return validTransitions.contains(newState.ordinal());
    }
  }

  /** Told of every state change. */
  @FunctionalInterface
  public interface StateListener {
    void onChange(State newState, State oldState);
  }

  private final Topology topology;
  private final StreamsConfig config;
  private final TopicIO io;
  private final Object lock = new Object();
  private volatile State state = State.CREATED;
  private StateListener stateListener;
  private StreamsUncaughtExceptionHandler exceptionHandler;
  private JobClient job;
  private Thread supervisor;
  private volatile boolean closing;
  private int runs;

  public KafkaStreams(Topology topology, Properties props) {
    this(topology, new StreamsConfig(props));
  }

  public KafkaStreams(Topology topology, Map<?, ?> props) {
    this(topology, new StreamsConfig(props));
  }

  public KafkaStreams(Topology topology, StreamsConfig config) {
    this.topology = java.util.Objects.requireNonNull(topology, "topology");
    this.config = java.util.Objects.requireNonNull(config, "config");
    this.io = new KafkaTopicIO();
    // fail on a topology that cannot compile now, not in start()
    Compilation.compile(topology.internalBuilder(), new Compilation(
        StreamExecutionEnvironment.getExecutionEnvironment(), config, io));
  }

  public State state() {
    return state;
  }

  public void setStateListener(StateListener listener) {
    synchronized (lock) {
      requireCreated("setStateListener");
      this.stateListener = listener;
    }
  }

  public void setUncaughtExceptionHandler(StreamsUncaughtExceptionHandler handler) {
    synchronized (lock) {
      requireCreated("setUncaughtExceptionHandler");
      this.exceptionHandler = java.util.Objects.requireNonNull(handler, "handler");
    }
  }

  private void requireCreated(String what) {
    if (state != State.CREATED) {
      throw new IllegalStateException("Can only call " + what + "() in state CREATED; the client is " + state);
    }
  }

  private void setState(State newState) {
    State old;
    StateListener listener;
    synchronized (lock) {
      old = state;
      if (old == newState) {
        return;
      }
      if (!old.isValidTransition(newState)) {
        throw new IllegalStateException("Invalid state transition from " + old + " to " + newState);
      }
      state = newState;
      listener = stateListener;
      lock.notifyAll();
    }
    LOG.info("Streams client {}: state {} -> {}", config.applicationId(), old, newState);
    if (listener != null) {
      listener.onChange(newState, old);
    }
  }

  /**
   * Starts processing (asynchronously). Fails with a {@link StreamsException} naming them when
   * source topics do not exist.
   */
  public void start() {
    synchronized (lock) {
      if (state != State.CREATED) {
        throw new IllegalStateException("The client is " + state + "; start() may be called once, in state CREATED");
      }
    }
    setState(State.REBALANCING);
    try {
      checkSourceTopics();
      launch();
    } catch (RuntimeException e) {
      setState(State.PENDING_ERROR);
      setState(State.ERROR);
      throw e;
    }
    supervisor = new Thread(this::supervise, "kafka-streams-" + config.applicationId() + "-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();
  }

  private void checkSourceTopics() {
    Properties p = new Properties();
    p.putAll(config.clientProperties("admin."));
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      Set<String> missing = new TreeSet<>(topology.sourceTopics());
      missing.removeAll(existing);
      if (!missing.isEmpty()) {
        throw new StreamsException("Source topic(s) " + missing + " of application " + config.applicationId()
            + " do not exist on " + config.bootstrapServers() + "; create them before starting");
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new StreamsException("Could not list the topics of " + config.bootstrapServers() + " (is "
          + StreamsConfig.BOOTSTRAP_SERVERS_CONFIG + " right and the broker up?): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StreamsException("Interrupted while checking the source topics", e);
    }
  }

  private Path checkpointDir() {
    return config.applicationDir().resolve("checkpoints");
  }

  private void launch() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(config.numStreamThreads());
    env.enableCheckpointing(config.commitIntervalMs(),
        config.exactlyOnce() ? CheckpointingMode.EXACTLY_ONCE : CheckpointingMode.AT_LEAST_ONCE);
    env.getCheckpointConfig().setCheckpointStorage(checkpointDir().toString());
    env.getCheckpointConfig().setResumeFromLatestCheckpoint(true);
    env.setRestartStrategy(RestartStrategies.noRestart());
    Compilation.compile(topology.internalBuilder(), new Compilation(env, config, io));
    JobClient client = env.executeAsync("kafka-streams-" + config.applicationId());
    synchronized (lock) {
      job = client;
      runs++;
    }
  }

  private void supervise() {
    while (true) {
      JobClient current;
      synchronized (lock) {
        current = job;
      }
      Throwable failure = null;
      try {
        current.getJobExecutionResult().get(20, TimeUnit.MILLISECONDS);
        if (!closing) {
          LOG.info("Streams client {}: the job ended", config.applicationId());
        }
        return;
      } catch (TimeoutException e) {
        if (state == State.REBALANCING && !closing
            && current.getJobStatus().getNow(JobStatus.CREATED) == JobStatus.RUNNING) {
          setStateIfStill(State.REBALANCING, State.RUNNING);
        }
        continue;
      } catch (InterruptedException e) {
        return;
      } catch (ExecutionException | CompletionException e) {
        failure = e.getCause() == null ? e : e.getCause();
      }
      if (closing) {
        return;
      }
      StreamThreadExceptionResponse response = StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      StreamsUncaughtExceptionHandler handler;
      synchronized (lock) {
        handler = exceptionHandler;
      }
      Throwable cause = rootOfJobFailure(failure);
      if (handler != null) {
        try {
          response = handler.handle(cause);
        } catch (RuntimeException e) {
          LOG.error("The uncaught exception handler failed; shutting the client down", e);
        }
      }
      LOG.error("Streams client {}: processing failed ({}): {}", config.applicationId(), response, cause.toString(), cause);
      if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
        synchronized (lock) {
          if (closing) {
            return;
          }
          setState(State.REBALANCING);
          try {
            launch();
          } catch (RuntimeException e) {
            LOG.error("Could not restart the processing", e);
            setState(State.PENDING_ERROR);
            setState(State.ERROR);
            return;
          }
        }
        continue;
      }
      setState(State.PENDING_ERROR);
      setState(State.ERROR);
      return;
    }
  }

  /** The user's exception inside the engine's wrappers (job execution, operator). */
  private static Throwable rootOfJobFailure(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c
        && (c instanceof dev.sluice.runtime.operators.OperatorException
            || c.getClass().getSimpleName().equals("JobExecutionException"))) {
      c = c.getCause();
    }
    return c;
  }

  private void setStateIfStill(State expected, State next) {
    synchronized (lock) {
      if (state != expected) {
        return;
      }
      setState(next);
    }
  }

  /** How many times the job has been started (1 after start, more after REPLACE_THREAD restarts). */
  public int runs() {
    synchronized (lock) {
      return runs;
    }
  }

  /** The operator metrics of the running job, keyed {@code "<operator>[<subtask>].<metric>"}. */
  public Map<String, Long> metricsOfJob() {
    JobClient j;
    synchronized (lock) {
      j = job;
    }
    return j == null ? Map.of() : j.metrics();
  }

  /**
   * Statistics of the running (or last) job's checkpoints — its commits — oldest first, including
   * the final checkpoint {@link #close} takes. Empty before {@link #start()}.
   */
  public List<CheckpointStats> checkpointStatisticsOfJob() {
    JobClient j;
    synchronized (lock) {
      j = job;
    }
    return j == null ? List.of() : j.checkpointStatistics();
  }

  /**
   * Stops processing as {@link #close(Duration)} does, but waits for the final checkpoint at most
   * 10 s or 10 commit intervals (whichever is longer) before cancelling the job.
   */
  @Override
  public void close() {
    close(Duration.ofDays(365), true);
  }

  /**
   * Stops processing: the job takes a final checkpoint and stops (its sinks commit what it covers);
   * if that does not complete within {@code timeout}, the job is cancelled and a new start resumes
   * from the previous checkpoint. The final checkpoint comes after the records already inside the
   * job, so a job with a backlog between its operators (a source that read ahead) takes that long
   * to stop. Returns whether the client stopped with the final checkpoint within the timeout.
   */
  public boolean close(Duration timeout) {
    return close(timeout, false);
  }

  private boolean close(Duration timeout, boolean capped) {
    Duration max = Duration.ofDays(365);
    long deadline = System.nanoTime() + (timeout.compareTo(max) > 0 ? max : timeout).toNanos();
    JobClient j;
    synchronized (lock) {
      if (state == State.NOT_RUNNING || state == State.PENDING_SHUTDOWN) {
        return true;
      }
      closing = true;
      j = job;
    }
    setState(State.PENDING_SHUTDOWN);
    boolean clean = true;
    if (j != null && j.getJobStatus().getNow(JobStatus.FAILED) == JobStatus.RUNNING) {
      clean = stopWithCheckpoint(j, deadline, capped);
    }
    if (supervisor != null) {
      try {
        supervisor.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    setState(State.NOT_RUNNING);
    return clean;
  }

  /**
   * Stops the job with a savepoint written into the checkpoint directory and renames it into the
   * checkpoint {@code chk-<id>}, so the next start resumes from it like from any checkpoint.
   */
  private boolean stopWithCheckpoint(JobClient j, long deadline, boolean capped) {
    Path dir = checkpointDir();
    Path finalDir = dir.resolve("final");
    // a final checkpoint normally takes about one commit interval; close() does not wait for ever on it
    long stopDeadline = !capped ? deadline : Math.min(deadline, System.nanoTime()
        + TimeUnit.MILLISECONDS.toNanos(Math.max(10_000, 10 * config.commitIntervalMs())));
    boolean ended = false;
    Exception problem = null;
    try {
      // a savepoint requested while a periodic checkpoint runs waits for it
      j.stopWithSavepoint(finalDir.toString()).get(Math.max(1, stopDeadline - System.nanoTime()),
          TimeUnit.NANOSECONDS);
      ended = true;
    } catch (ExecutionException | TimeoutException e) {
      problem = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = e;
    }
    // a savepoint that completed is the newest checkpoint, whether or not the job then ended in time:
    // its transactions were committed (or are committed again by the next run), so the next run must
    // start from it
    boolean kept = keepFinalCheckpoint(finalDir, dir);
    if (!ended) {
      LOG.warn("Streams client {}: the job did not stop with a final checkpoint ({}); cancelling it; the next start "
          + "resumes from the {}", config.applicationId(), problem, kept ? "final checkpoint" : "latest checkpoint");
      try {
        j.cancel().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        LOG.warn("Streams client {}: cancelling the job failed: {}", config.applicationId(), e.toString());
      }
    }
    return ended && kept;
  }

  /** Moves a complete savepoint out of {@code finalDir} into the checkpoint directory as {@code chk-<id>}. */
  private boolean keepFinalCheckpoint(Path finalDir, Path checkpoints) {
    if (!Files.isDirectory(finalDir)) {
      return false;
    }
    boolean kept = false;
    try (var candidates = Files.list(finalDir)) {
      for (Path sp : (Iterable<Path>) candidates::iterator) {
        try {
          long id = CheckpointStorage.load(sp).metadata().checkpointId();
          Path target = checkpoints.resolve("chk-" + id);
          if (!Files.exists(target)) {
            Files.move(sp, target);
            kept = true;
          }
        } catch (IOException | RuntimeException e) {
          LOG.debug("{} is not a complete savepoint: {}", sp, e.toString());
        }
      }
    } catch (IOException e) {
      LOG.warn("Could not list {}: {}", finalDir, e.toString());
    }
    deleteQuietly(finalDir);
    return kept;
  }

  private static void deleteQuietly(Path p) {
    try {
      if (Files.exists(p)) {
        CheckpointStorage.deleteRecursively(p);
      }
    } catch (IOException e) {
      LOG.debug("Could not delete {}", p, e);
    }
  }

  /**
   * Deletes this application's local state: {@code <state.dir>/<application.id>} with its
   * checkpoints, so that the next start begins afresh (from the source topics' starting offsets).
   * Only when the client is not running.
   */
  public void cleanUp() {
    if (state.isRunningOrRebalancing() || state == State.PENDING_SHUTDOWN || state == State.PENDING_ERROR) {
      throw new IllegalStateException("Cannot clean up while running (state " + state + ")");
    }
    Path dir = config.applicationDir();
    try {
      if (Files.exists(dir)) {
        CheckpointStorage.deleteRecursively(dir);
      }
    } catch (IOException e) {
      throw new StreamsException("Could not delete the state directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The directories of this application's checkpoints (for tools and tests). */
  public List<Path> checkpoints() {
    List<Path> out = new ArrayList<>();
    try (var s = Files.list(checkpointDir())) {
      s.filter(p -> p.getFileName().toString().startsWith("chk-")).sorted().forEach(out::add);
    } catch (IOException e) {
      return List.of();
    }
    return out;
  }
}
