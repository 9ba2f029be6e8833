package dev.sluice.runtime.execution;

import dev.sluice.api.common.JobCancellationException;
import dev.sluice.api.common.JobExecutionException;
import dev.sluice.api.common.JobExecutionResult;
import dev.sluice.api.common.JobID;
import dev.sluice.api.common.JobStatus;
import dev.sluice.api.common.restartstrategy.RestartStrategies.ExponentialDelay;
import dev.sluice.api.common.restartstrategy.RestartStrategies.FixedDelay;
import dev.sluice.api.common.restartstrategy.RestartStrategies.RestartStrategyConfiguration;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.checkpoint.CheckpointCoordinator;
import dev.sluice.runtime.checkpoint.CheckpointSettings;
import dev.sluice.runtime.checkpoint.CheckpointStats;
import dev.sluice.runtime.checkpoint.CheckpointStorage;
import dev.sluice.runtime.checkpoint.StateAssignment;
import dev.sluice.runtime.graph.JobGraph;
import dev.sluice.runtime.metrics.OperatorMetrics;
import dev.sluice.runtime.operators.OperatorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A submitted job: its life cycle {@code CREATED → RUNNING → FINISHED | FAILED | CANCELED} (with
 * {@code RESTARTING} between attempts), its checkpoint coordinator, and its attempts. An attempt
 * that fails is followed, as the restart strategy allows, by a new one restored from the latest
 * complete checkpoint. When the result completes, no thread of the job is left.
 */
public final class JobExecution implements JobClient {
  private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);
  /** How long an ended attempt's checkpoint writes may delay the job's end or restart. */
  private static final long BACKGROUND_WRITES_TIMEOUT_MS = 10_000;

  private final JobID jobId = JobID.generate();
  private final JobGraph graph;
  private final String jobName;
  private final RuntimeSettings settings;
  private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
  private final CheckpointCoordinator checkpoints;
  private final StateAssignment initialRestore;
  private final String threadPrefix;
  private final List<Thread> allThreads = new ArrayList<>();

  // guarded by this
  private JobStatus status = JobStatus.CREATED;
  private ExecutionAttempt attempt;
  private int restarts;
  private long attemptStartMillis;
  private long nextBackoffMs = -1;
  private Thread restartTimer;
  private long startNanos;

  public JobExecution(JobGraph graph, RuntimeSettings settings) {
    this.graph = graph;
    this.jobName = graph.jobName();
    this.settings = settings;
    this.threadPrefix = "sluice-" + jobName.replaceAll("[^A-Za-z0-9_.-]", "_");
    CheckpointSettings cs = settings.checkpointing();
    StateAssignment restore = null;
    CheckpointCoordinator coordinator = null;
    try {
      CheckpointStorage storage = null;
      if (cs != null) {
        Path dir = cs.storage() != null ? cs.storage()
            : Files.createTempDirectory("sluice-checkpoints-");
        storage = new CheckpointStorage(dir);
        storage.checkWritable();
      }
      restore = initialRestore(storage);
      if (cs != null) {
        List<CheckpointCoordinator.OperatorInfo> ops = new ArrayList<>();
        ExecutionBuilder.operatorIds(graph).forEach((id, name) -> ops.add(
            new CheckpointCoordinator.OperatorInfo(id, name.name(), name.parallelism())));
        coordinator = new CheckpointCoordinator(jobName, cs, storage, graph.maxParallelism(), ops, threadPrefix);
        if (restore != null) {
          coordinator.setRestoredFrom(restore.checkpoint());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot set up checkpoints of job '" + jobName + "': " + e.getMessage(), e);
    }
    this.checkpoints = coordinator;
    this.initialRestore = restore;
  }

  /** Where the first attempt starts from: a savepoint given by the user, or the newest checkpoint. */
  private StateAssignment initialRestore(CheckpointStorage storage) throws IOException {
    StateAssignment assignment = null;
    boolean allowNonRestored = false;
    if (settings.restore().restoreSavepoint()) {
      Path path = settings.restore().restorePath();
      allowNonRestored = settings.restore().allowNonRestoredState();
      CheckpointStorage.Completed completed;
      if (Files.isDirectory(path) && !Files.exists(path.resolve(CheckpointStorage.METADATA_FILE))) {
        // a checkpoint base directory: its newest valid checkpoint
        completed = new CheckpointStorage(path).latestValid().orElseThrow(() -> new IllegalArgumentException(
            "Cannot restore job '" + jobName + "' from " + path
                + ": it is neither a savepoint or checkpoint nor a directory with a valid checkpoint"));
      } else {
        try {
          completed = CheckpointStorage.load(path);
        } catch (IOException e) {
          throw new IllegalArgumentException("Cannot restore job '" + jobName + "' from " + path + ": "
              + e.getMessage(), e);
        }
      }
      assignment = new StateAssignment(completed);
    } else if (storage != null && settings.checkpointing().resumeFromLatest()) {
      assignment = storage.latestValid().map(StateAssignment::new).orElse(null);
      if (assignment != null) {
        LOG.info("Job '{}' resumes from {}", jobName, assignment.checkpoint().directory());
      }
    }
    if (assignment != null) {
      Map<String, String> ops = new HashMap<>();
      ExecutionBuilder.operatorIds(graph).forEach((id, info) -> ops.put(id, info.name()));
      assignment.checkFits(jobName, ops, graph.maxParallelism(), allowNonRestored);
    }
    return assignment;
  }

  /** Starts the job; returns at once. */
  public void start() {
    synchronized (this) {
      if (status != JobStatus.CREATED) {
        throw new IllegalStateException("Job '" + jobName + "' was started before");
      }
      status = JobStatus.RUNNING;
      startNanos = System.nanoTime();
      try {
        startAttempt(initialRestore);
      } catch (RuntimeException e) {
        status = JobStatus.FAILED;
        shutdownCheckpoints();
        throw e;
      }
    }
  }

  private void startAttempt(StateAssignment restore) {
    ExecutionAttempt a = new ExecutionAttempt(this, restarts, graph, settings, checkpoints, restore);
    attempt = a;
    attemptStartMillis = System.currentTimeMillis();
    allThreads.addAll(a.workerThreads());
    a.start();
  }

  /** Called by an attempt once all its threads are gone. */
  void attemptEnded(ExecutionAttempt ended, ExecutionAttempt.Outcome outcome, Throwable cause) {
    long restartIn = -1;
    synchronized (this) {
      if (ended != attempt) {
        return;
      }
      // an attempt that fails after its stop-with-savepoint completed (a sink's last commit, say)
      // is not restarted: the job was asked to stop and the savepoint holds its state; a restart
      // would run it on from the savepoint, and the stop, which waits for the job's end, would
      // never complete
      boolean stopped = checkpoints != null && checkpoints.attemptStoppedWithSavepoint();
      if (checkpoints != null) {
        checkpoints.attemptEnded(outcome == ExecutionAttempt.Outcome.FAILED ? "failed"
            : outcome == ExecutionAttempt.Outcome.CANCELED ? "was cancelled" : "finished");
      }
      if (outcome == ExecutionAttempt.Outcome.FAILED && status == JobStatus.RUNNING && stopped) {
        LOG.warn("Job '{}' failed after its stop-with-savepoint completed; not restarting it: {}",
            jobName, describe(cause));
      } else if (outcome == ExecutionAttempt.Outcome.FAILED && status == JobStatus.RUNNING) {
        long delay = restartDelay();
        if (delay >= 0) {
          restarts++;
          status = JobStatus.RESTARTING;
          LOG.warn("Job '{}' failed; restart {} in {} ms ({}): {}", jobName, restarts, delay,
              settings.restartStrategy().describe(), describe(cause));
          restartIn = delay;
        }
      }
    }
    if (checkpoints != null) {
      // every checkpoint the attempt's writes were for has just been abandoned: stop them
      ended.abandonBackgroundWrites();
    }
    if (restartIn >= 0) {
      scheduleRestart(ended, restartIn);
      return;
    }
    endBackgroundWrites(ended, false);
    finish(outcome, cause);
  }

  /**
   * Waits for the ended attempt's checkpoint writes (stopped by then), then deletes what is left
   * of the checkpoints they were for, before the job reports its end or restarts: nothing of an
   * abandoned checkpoint stays behind. With {@code interruptible} (the restart thread, which a
   * cancel interrupts) an interrupt ends the wait early and stays set.
   */
  private void endBackgroundWrites(ExecutionAttempt ended, boolean interruptible) {
    if (checkpoints == null || ended == null) {
      return;
    }
    boolean allEnded = ended.awaitBackgroundWrites(BACKGROUND_WRITES_TIMEOUT_MS, interruptible);
    if (!allEnded && !Thread.currentThread().isInterrupted()) {
      LOG.warn("Job '{}': checkpoint writes of the ended attempt still run after {} ms; going on without them",
          jobName, BACKGROUND_WRITES_TIMEOUT_MS);
    }
    checkpoints.deleteAbandonedCheckpoints(allEnded);
  }

  /** Milliseconds to wait before the next restart, or -1 when the strategy allows none. */
  private long restartDelay() {
    RestartStrategyConfiguration strategy = settings.restartStrategy();
    if (strategy instanceof FixedDelay f) {
      return restarts < f.attempts() ? f.delay().toMillis() : -1;
    }
    if (strategy instanceof ExponentialDelay e) {
      long ranFor = System.currentTimeMillis() - attemptStartMillis;
      if (nextBackoffMs < 0 || ranFor >= e.resetBackoffThreshold().toMillis()) {
        nextBackoffMs = e.initialBackoff().toMillis();
      } else {
        nextBackoffMs = Math.min(e.maxBackoff().toMillis(), (long) (nextBackoffMs * e.multiplier()));
      }
      double jitter = e.jitter() * nextBackoffMs;
      return Math.max(0, nextBackoffMs + (long) (ThreadLocalRandom.current().nextDouble(-jitter, jitter + 1e-9)));
    }
    return -1;
  }

  private void scheduleRestart(ExecutionAttempt ended, long delayMs) {
    Thread t = new Thread(() -> {
      endBackgroundWrites(ended, true);
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        return; // cancelled while waiting
      }
      restart();
    }, threadPrefix + "-restart");
    t.setDaemon(true);
    restartTimer = t;
    t.start();
  }

  private void restart() {
    Throwable failure = null;
    synchronized (this) {
      restartTimer = null;
      if (status != JobStatus.RESTARTING) {
        return;
      }
      status = JobStatus.RUNNING;
      try {
        CheckpointStorage.Completed latest = checkpoints == null ? null : checkpoints.latestCompleted();
        StateAssignment restore = latest != null ? new StateAssignment(latest) : initialRestore;
        startAttempt(restore);
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      finish(ExecutionAttempt.Outcome.FAILED, failure);
    }
  }

  private void finish(ExecutionAttempt.Outcome outcome, Throwable cause) {
    try {
      shutdownCheckpoints();
    } catch (RuntimeException e) {
      LOG.warn("Job '{}': stopping its checkpoint coordinator failed", jobName, e); // the result still completes
    }
    long runtimeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    synchronized (this) {
      switch (outcome) {
        case FINISHED -> status = JobStatus.FINISHED;
        case CANCELED -> status = JobStatus.CANCELED;
        case FAILED -> status = JobStatus.FAILED;
      }
    }
    switch (outcome) {
      case FINISHED -> result.complete(new JobExecutionResult(jobId, jobName, runtimeMs));
      case CANCELED -> result.completeExceptionally(new JobCancellationException(jobId, jobName));
      case FAILED -> result.completeExceptionally(new JobExecutionException(jobId,
          "Job '" + jobName + "' failed: " + describe(cause)
              + (restarts > 0 ? " (after " + restarts + " restart" + (restarts == 1 ? "" : "s") + ")" : ""),
          cause));
    }
  }

  private void shutdownCheckpoints() {
    if (checkpoints != null) {
      checkpoints.shutdown();
    }
  }

  private static String describe(Throwable cause) {
    if (cause == null) {
      return "it stopped before all subtasks finished";
    }
    return cause instanceof OperatorException ? cause.getMessage() : cause.toString();
  }

  /** Fails the current attempt (and so the job, unless it restarts). Any thread. */
  public void fail(Throwable cause) {
    ExecutionAttempt a;
    synchronized (this) {
      a = attempt;
    }
    if (a != null) {
      a.fail(cause);
    }
  }

  @Override
  public JobID getJobID() {
    return jobId;
  }

  public String jobName() {
    return jobName;
  }

  public synchronized JobStatus status() {
    return status;
  }

  @Override
  public CompletableFuture<JobStatus> getJobStatus() {
    return CompletableFuture.completedFuture(status());
  }

  @Override
  public CompletableFuture<Void> cancel() {
    ExecutionAttempt a = null;
    ExecutionAttempt ended = null;
    boolean finishNow = false;
    synchronized (this) {
      if (status == JobStatus.RUNNING) {
        status = JobStatus.CANCELLING;
        a = attempt;
      } else if (status == JobStatus.RESTARTING || status == JobStatus.CREATED) {
        status = JobStatus.CANCELLING;
        if (restartTimer != null) {
          restartTimer.interrupt();
        }
        ended = attempt; // the attempt that failed, while restarting
        finishNow = true;
      }
    }
    if (a != null) {
      a.cancel();
    } else if (finishNow) {
      endBackgroundWrites(ended, false);
      finish(ExecutionAttempt.Outcome.CANCELED, null);
    }
    return result.handle((r, e) -> null);
  }

  @Override
  public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
    return result;
  }

  /**
   * Takes a savepoint into a new directory under {@code directory}; completes with the
   * savepoint's path. The job keeps running.
   */
  @Override
  public CompletableFuture<String> triggerSavepoint(String directory) {
    return savepoint(directory, false);
  }

  /**
   * Takes a savepoint, then stops the job: sources stop after the savepoint's barrier, sinks
   * commit what it covers, and the job ends as FINISHED. Completes with the savepoint's path.
   */
  @Override
  public CompletableFuture<String> stopWithSavepoint(String directory) {
    return savepoint(directory, true);
  }

  private CompletableFuture<String> savepoint(String directory, boolean stop) {
    if (checkpoints == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("Job '" + jobName
          + "' cannot take savepoints: checkpointing is not enabled (call enableCheckpointing)"));
    }
    if (directory == null || directory.isBlank()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("The savepoint directory must not be empty"));
    }
    CompletableFuture<String> path = checkpoints.triggerSavepoint(Path.of(directory), stop)
        .thenApply(c -> c.directory().toString());
    if (!stop) {
      return path;
    }
    // a savepoint that failed fails the stop at once (the job runs on); one that completed is
    // followed by the end of the job. (thenCombine would wait for the job's end in both cases, and a
    // job whose stop failed may never end.)
    return path.thenCompose(p -> result.handle((r, e) -> p));
  }

  /** Statistics of the job's checkpoints so far (empty when it does not checkpoint). */
  @Override
  public List<CheckpointStats> checkpointStatistics() {
    return checkpoints == null ? List.of() : checkpoints.statistics();
  }

  /** The checkpoint or savepoint the job started from, if it restored one. */
  public java.util.Optional<Path> restoredFrom() {
    return initialRestore == null ? java.util.Optional.empty()
        : java.util.Optional.of(initialRestore.checkpoint().directory());
  }

  /** How many times the job restarted. */
  public synchronized int restarts() {
    return restarts;
  }

  /** Worker threads of every attempt so far, for tests that check nothing leaks. */
  public synchronized List<Thread> workerThreads() {
    return List.copyOf(allThreads);
  }

  // operator metrics: node id -> display name, and "<name>[<subtask>]" -> metrics
  private final Map<Integer, String> metricNames = new HashMap<>();
  private final Map<String, OperatorMetrics> operatorMetrics = new ConcurrentHashMap<>();

  /** Called while an attempt is built: makes an operator instance's metrics visible in {@link #metrics()}. */
  synchronized void registerMetrics(int nodeId, String name, int subtask, OperatorMetrics metrics) {
    String display = metricNames.get(nodeId);
    if (display == null) {
      display = metricNames.containsValue(name) ? name + "#" + nodeId : name;
      metricNames.put(nodeId, display);
    }
    operatorMetrics.put(display + "[" + subtask + "]", metrics);
  }

  /**
   * A snapshot of all operator metrics of this job, keyed {@code "<operator name>[<subtask
   * index>].<metric>"} (an operator name used by several operators gets {@code "#<node id>"}
   * appended). Safe to call from any thread while the job runs, and after it ended. After a
   * restart the counters start again from zero.
   */
  @Override
  public Map<String, Long> metrics() {
    Map<String, Long> out = new TreeMap<>();
    operatorMetrics.forEach((prefix, m) -> m.snapshot().forEach((k, v) -> out.put(prefix + "." + k, v)));
    return out;
  }
}
