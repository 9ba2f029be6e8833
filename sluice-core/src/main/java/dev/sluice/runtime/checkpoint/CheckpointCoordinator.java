package dev.sluice.runtime.checkpoint;

import dev.sluice.runtime.checkpoint.CheckpointMetadata.OperatorRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.SubtaskRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.VersionedBytes;
import dev.sluice.runtime.elements.CheckpointBarrier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a job's checkpoints: triggers them periodically (or on request, for savepoints) at the
 * sources of the running attempt, collects every subtask's acknowledgement, writes the metadata
 * that makes a checkpoint complete, deletes checkpoints beyond the retained number, and tells the
 * subtasks (so two-phase-commit sinks commit). One checkpoint is in flight at a time; a savepoint
 * requested meanwhile waits for it and goes before the next periodic checkpoint. Lives as long as
 * the job, across restarts; its own thread does the triggering and completing, a small pool writes
 * state files.
 *
 * <p>The end of an attempt: when every subtask has ended its input, the next checkpoint that is
 * not a savepoint is the final one (at once, or as soon as the one in flight ends); when it — or a
 * stop-with-savepoint — completes, the attempt is ending and nothing more is triggered for it.
 */
public final class CheckpointCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

  /** The running attempt of the job, as the coordinator sees it. */
  public interface Target {
    /**
     * Snapshots the split enumerators and starts the checkpoint at every source subtask (in that
     * order, on the thread that talks to the enumerators). Returns the enumerators' states by
     * source uid.
     */
    Map<String, VersionedBytes> triggerCheckpoint(CheckpointBarrier barrier) throws Exception;

    /** Subtasks that must acknowledge a checkpoint. */
    int numberOfSubtasks();

    void notifyCheckpointComplete(long checkpointId, boolean finalCheckpoint);

    void notifyCheckpointAborted(long checkpointId);

    /** Fails the attempt (too many failed checkpoints). */
    void failJob(Throwable cause);
  }

  /** Operator uid, display name and parallelism, for the metadata. */
  public record OperatorInfo(String operatorId, String name, int parallelism) {}

  private final String jobName;
  private final CheckpointSettings settings;
  private final CheckpointStorage storage;
  private final int maxParallelism;
  private final Map<String, OperatorInfo> operators;
  private final ScheduledExecutorService thread;
  private final ExecutorService writers;
  private final Deque<CheckpointStorage.Completed> retained = new ArrayDeque<>();
  /** Savepoints requested and not yet triggered, oldest first (guarded by this). */
  private final Deque<SavepointRequest> savepointRequests = new ArrayDeque<>();
  private final List<CheckpointStats> history = new ArrayList<>();
  /** Directories of checkpoints abandoned since the last clean-up (guarded by this). */
  private final List<Path> abandonedDirs = new ArrayList<>();
  /** A checkpoint of this run was abandoned: its uploads to the shared directory may be orphans. */
  private volatile boolean anyAbandoned;

  // guarded by this
  private Target target;
  private long nextId;
  private Pending pending;
  private CheckpointStorage.Completed latest;
  private int consecutiveFailures;
  private long lastEndMillis;
  /** Every subtask of the current attempt has ended its input: the next checkpoint is the final one. */
  private boolean finalRequested;
  /** The final checkpoint or a stop-with-savepoint of the current attempt completed: it is ending. */
  private boolean terminating;
  /** A stop-with-savepoint of the current attempt completed. */
  private boolean stoppedWithSavepoint;
  /** An attempt whose end was reported before it was started (its start then takes it into account). */
  private Target endedBeforeStart;
  private ScheduledFuture<?> scheduled;
  private boolean shutdown;

  public CheckpointCoordinator(String jobName, CheckpointSettings settings, CheckpointStorage storage,
      int maxParallelism, List<OperatorInfo> operators, String threadPrefix) throws IOException {
    this.jobName = jobName;
    this.settings = settings;
    this.storage = storage;
    this.maxParallelism = maxParallelism;
    this.operators = new LinkedHashMap<>();
    for (OperatorInfo op : operators) {
      this.operators.put(op.operatorId(), op);
    }
    this.nextId = storage.highestId() + 1;
    deleteUnreferencedSharedFiles("at start-up");
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, threadPrefix + "-checkpoints"));
    this.writers = Executors.newFixedThreadPool(2, r -> daemon(r, threadPrefix + "-checkpoint-io"));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Where subtasks write state files in the background. */
  public ExecutorService writers() {
    return writers;
  }

  public CheckpointStorage storage() {
    return storage;
  }

  /** The newest completed checkpoint of this run, or null. */
  public synchronized CheckpointStorage.Completed latestCompleted() {
    return latest;
  }

  /** Makes {@code restoredFrom} the starting point (a job that resumed), so retention keeps it. */
  public synchronized void setRestoredFrom(CheckpointStorage.Completed restoredFrom) {
    if (restoredFrom != null && !restoredFrom.metadata().savepoint()
        && restoredFrom.directory().getParent().equals(storage.baseDir())) {
      latest = restoredFrom;
      retained.addLast(restoredFrom);
    }
  }

  /**
   * A new attempt runs: periodic checkpoints go to it. Called before any of its subtasks runs; if
   * its {@link #allSubtasksEnded} came first all the same, the final checkpoint is taken at once.
   */
  public synchronized void attemptStarted(Target attempt) {
    this.target = attempt;
    this.finalRequested = endedBeforeStart == attempt;
    this.endedBeforeStart = null;
    this.terminating = false;
    this.stoppedWithSavepoint = false;
    scheduleNext(finalRequested ? 0 : settings.intervalMs());
  }

  /** The attempt stopped (failed, cancelled or finished): a checkpoint in flight is abandoned. */
  public synchronized void attemptEnded(String reason) {
    this.target = null;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    if (pending != null) {
      abort(pending, "the job " + reason, false);
    }
    failSavepointRequests("the job " + reason);
  }

  /**
   * Every subtask of {@code attempt} has consumed its input: take the final checkpoint now, or as
   * soon as the checkpoint in flight ends. For an attempt not started yet, its start does so.
   */
  public synchronized void allSubtasksEnded(Target attempt) {
    if (attempt != target) {
      endedBeforeStart = attempt; // (an attempt that ended before is never reported after its end)
      return;
    }
    if (terminating) {
      return;
    }
    finalRequested = true;
    if (pending == null) {
      scheduleNext(0);
    }
  }

  private void scheduleNext(long delayMs) {
    if (shutdown) {
      return;
    }
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    try {
      scheduled = thread.schedule(() -> triggerPeriodic(), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // shutting down
    }
  }

  private void triggerPeriodic() {
    try {
      trigger(true);
    } catch (RuntimeException e) {
      LOG.warn("Could not trigger a checkpoint of job '{}': {}", jobName, e.getMessage());
    }
  }

  /** Triggers a waiting savepoint on the coordinator thread, unless a checkpoint is in flight. */
  private void triggerRequestedSavepoint() {
    try {
      thread.execute(() -> {
        try {
          trigger(false);
        } catch (RuntimeException e) {
          LOG.warn("Could not trigger a savepoint of job '{}': {}", jobName, e.getMessage());
        }
      });
    } catch (RejectedExecutionException e) {
      // shutting down: shutdown() fails the waiting requests
    }
  }

  private record SavepointRequest(Path directory, boolean stop,
      CompletableFuture<CheckpointStorage.Completed> result) {}

  private void failSavepointRequests(String reason) {
    SavepointRequest r;
    while ((r = savepointRequests.pollFirst()) != null) {
      r.result.completeExceptionally(new IllegalStateException(
          "Cannot take a savepoint of job '" + jobName + "' now: " + reason));
    }
  }

  /**
   * Starts a savepoint in {@code directory} (a new {@code savepoint-<n>-<time>} directory in it).
   * With {@code stop}, the sources stop after it and the job ends when it is complete.
   */
  public CompletableFuture<CheckpointStorage.Completed> triggerSavepoint(Path directory, boolean stop) {
    CompletableFuture<CheckpointStorage.Completed> result = new CompletableFuture<>();
    synchronized (this) {
      if (shutdown) {
        result.completeExceptionally(new IllegalStateException("The job '" + jobName + "' has ended"));
        return result;
      }
      // a checkpoint in flight is not a reason to fail: the request waits for it (a caller retrying
      // could otherwise be starved by back-to-back periodic checkpoints)
      savepointRequests.addLast(new SavepointRequest(directory, stop, result));
    }
    triggerRequestedSavepoint();
    return result;
  }

  private final class Pending {
    final long id;
    final long timestamp;
    final Path dir;
    final boolean savepoint;
    final boolean stop;
    final boolean finalCheckpoint;
    final int expected;
    final long startNanos = System.nanoTime();
    final Map<String, List<SubtaskRef>> acks = new LinkedHashMap<>();
    final List<CheckpointStats.SubtaskStats> stats = new ArrayList<>();
    final CompletableFuture<CheckpointStorage.Completed> future = new CompletableFuture<>();
    Map<String, VersionedBytes> coordinatorStates = Map.of();
    int acknowledged;
    ScheduledFuture<?> timeout;

    Pending(long id, long timestamp, Path dir, boolean savepoint, boolean stop,
        boolean finalCheckpoint, int expected) {
      this.id = id;
      this.timestamp = timestamp;
      this.dir = dir;
      this.savepoint = savepoint;
      this.stop = stop;
      this.finalCheckpoint = finalCheckpoint;
      this.expected = expected;
    }
  }

  /**
   * On the coordinator thread: triggers the oldest waiting savepoint or, if {@code periodic} and
   * none waits, a periodic (or the final) checkpoint. Nothing when a checkpoint is in flight: its
   * end triggers what comes next.
   */
  private void trigger(boolean periodic) {
    Target t;
    Pending p;
    SavepointRequest request;
    synchronized (this) {
      t = target;
      if (t == null || shutdown) {
        failSavepointRequests("it is not running");
        return;
      }
      if (terminating) {
        failSavepointRequests("it is stopping");
        return;
      }
      if (pending != null) {
        return; // the next trigger comes when it ends
      }
      request = savepointRequests.pollFirst();
      if (request == null) {
        if (!periodic) {
          return;
        }
        long sinceLast = System.currentTimeMillis() - lastEndMillis;
        if (!finalRequested && sinceLast < settings.minPauseMs()) {
          scheduleNext(settings.minPauseMs() - sinceLast);
          return;
        }
      }
      boolean savepoint = request != null;
      long id = nextId++;
      Path dir;
      try {
        if (savepoint) {
          Files.createDirectories(request.directory());
          dir = request.directory().resolve("savepoint-" + id + "-" + System.currentTimeMillis());
          Files.createDirectory(dir);
        } else {
          dir = storage.initCheckpoint(id);
        }
      } catch (IOException e) {
        recordFailure(id, savepoint, System.currentTimeMillis(), 0,
            "cannot create its directory: " + e.getMessage());
        if (savepoint) {
          request.result().completeExceptionally(new IllegalStateException(
              "Cannot write the savepoint to " + request.directory() + ": " + e.getMessage(), e));
          if (!savepointRequests.isEmpty()) {
            triggerRequestedSavepoint();
          }
        } else {
          countFailure(t, "Checkpoint " + id + " of job '" + jobName
              + "' could not create its directory: " + e.getMessage(), e);
          scheduleNext(settings.intervalMs());
        }
        return;
      }
      // a savepoint is never the final checkpoint, even after the input ended: it commits nothing
      // (a stop-with-savepoint ends the job by its own flag)
      p = new Pending(id, System.currentTimeMillis(), dir, savepoint, savepoint && request.stop(),
          finalRequested && !savepoint, t.numberOfSubtasks());
      pending = p;
      if (savepoint) {
        CompletableFuture<CheckpointStorage.Completed> result = request.result();
        p.future.whenComplete((c, e) -> {
          if (e != null) {
            result.completeExceptionally(e);
          } else {
            result.complete(c);
          }
        });
      }
      p.timeout = thread.schedule(() -> timeout(p), settings.timeoutMs(), TimeUnit.MILLISECONDS);
    }
    try {
      Map<String, VersionedBytes> states =
          t.triggerCheckpoint(new CheckpointBarrier(p.id, p.timestamp, p.dir, p.savepoint, p.stop));
      synchronized (this) {
        p.coordinatorStates = states;
      }
    } catch (Exception e) {
      synchronized (this) {
        if (pending == p) {
          abort(p, "the sources could not start it: " + e.getMessage(), true);
        }
      }
    }
  }

  private synchronized void timeout(Pending p) {
    if (pending == p) {
      abort(p, "it did not complete within " + settings.timeoutMs() + " ms", true);
    }
  }

  /** A subtask's state is written: {@code refs} by operator uid. Any thread. */
  public void acknowledge(long checkpointId, Map<String, SubtaskRef> refs,
      CheckpointStats.SubtaskStats stats) {
    Pending complete = null;
    synchronized (this) {
      Pending p = pending;
      if (p == null || p.id != checkpointId) {
        return; // an abandoned checkpoint; its directory is gone or going
      }
      refs.forEach((op, ref) -> p.acks.computeIfAbsent(op, o -> new ArrayList<>()).add(ref));
      p.stats.add(stats);
      if (++p.acknowledged == p.expected) {
        complete = p;
      }
    }
    if (complete != null) {
      Pending p = complete;
      try {
        thread.execute(() -> complete(p));
      } catch (RejectedExecutionException e) {
        // shutting down
      }
    }
  }

  /** A subtask could not take its part of a checkpoint. Any thread. */
  public synchronized void decline(long checkpointId, Throwable cause) {
    Pending p = pending;
    if (p != null && p.id == checkpointId) {
      abort(p, "a subtask failed to write its state: " + cause.getMessage(), true);
    }
  }

  private void complete(Pending p) {
    Map<String, OperatorRef> ops = new LinkedHashMap<>();
    synchronized (this) {
      if (pending != p) {
        return;
      }
      for (Map.Entry<String, List<SubtaskRef>> e : p.acks.entrySet()) {
        List<SubtaskRef> subtasks = new ArrayList<>(e.getValue());
        subtasks.sort(Comparator.comparingInt(SubtaskRef::subtask));
        OperatorInfo info = operators.get(e.getKey());
        ops.put(e.getKey(), new OperatorRef(e.getKey(), info == null ? e.getKey() : info.name(),
            info == null ? subtasks.size() : info.parallelism(), subtasks));
      }
    }
    CheckpointMetadata metadata = new CheckpointMetadata(jobName, p.id, p.timestamp, p.savepoint,
        maxParallelism, ops, p.coordinatorStates);
    CheckpointStorage.Completed completed = new CheckpointStorage.Completed(p.dir, metadata);
    try {
      storage.writeMetadata(p.dir, metadata);
    } catch (IOException e) {
      boolean abortedMeanwhile;
      synchronized (this) {
        abortedMeanwhile = pending != p;
        if (abortedMeanwhile) {
          // (the writing may have been interrupted by the abort): what it wrote goes too
          abandonedDirs.add(p.dir);
          anyAbandoned = true;
        } else {
          abort(p, "its metadata could not be written: " + e.getMessage(), true);
        }
      }
      if (abortedMeanwhile) {
        deleteQuietly(p.dir);
      }
      return;
    }
    Target t = null;
    boolean abortedMeanwhile;
    List<CheckpointStorage.Completed> toDelete = new ArrayList<>();
    synchronized (this) {
      // aborted while its metadata was written? The abort may have deleted the state files
      // before the metadata landed, leaving a checkpoint that looks complete and is not
      abortedMeanwhile = pending != p;
      if (abortedMeanwhile) {
        abandonedDirs.add(p.dir);
        anyAbandoned = true;
      } else {
        pending = null;
        p.timeout.cancel(false);
        consecutiveFailures = 0;
        lastEndMillis = System.currentTimeMillis();
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - p.startNanos);
        history.add(new CheckpointStats(p.id, p.savepoint, CheckpointStats.Status.COMPLETED, p.timestamp,
            durationMs, metadata.stateSize(), null, List.copyOf(p.stats)));
        if (!p.savepoint || p.stop) {
          latest = completed;
        }
        if (!p.savepoint) {
          retained.addLast(completed);
          while (retained.size() > settings.retained()) {
            toDelete.add(retained.removeFirst());
          }
        }
        t = target;
        if (p.stop || p.finalCheckpoint) {
          // the attempt ends now: a checkpoint triggered after this one would reach stopped or
          // finished subtasks, which decline it (and a declined checkpoint can fail the job)
          terminating = true;
          stoppedWithSavepoint = p.stop;
          if (scheduled != null) {
            scheduled.cancel(false);
          }
          failSavepointRequests("it is stopping");
        } else {
          // after the input ended, the final checkpoint follows at once, not an interval later
          scheduleNext(finalRequested ? 0 : Math.max(settings.minPauseMs(),
              settings.intervalMs() - (System.currentTimeMillis() - p.timestamp)));
          if (!savepointRequests.isEmpty()) {
            triggerRequestedSavepoint();
          }
        }
      }
    }
    if (abortedMeanwhile) {
      deleteQuietly(p.dir);
      return;
    }
    LOG.debug("Checkpoint {} of job '{}' complete: {} bytes", p.id, jobName, metadata.stateSize());
    p.future.complete(completed);
    if (t != null && (!p.savepoint || p.stop)) {
      t.notifyCheckpointComplete(p.id, p.finalCheckpoint || p.stop);
    }
    for (CheckpointStorage.Completed old : toDelete) {
      try {
        CheckpointStorage.deleteRecursively(old.directory());
      } catch (IOException e) {
        LOG.warn("Could not delete old checkpoint {}: {}", old.directory(), e.getMessage());
      }
    }
    if (!p.savepoint) {
      // no checkpoint is being written now (the next is triggered on this thread, after this)
      deleteUnreferencedSharedFiles("after checkpoint " + p.id);
    }
  }

  /** Shared files (incremental state) no checkpoint in the directory references go. */
  private void deleteUnreferencedSharedFiles(String when) {
    try {
      int n = storage.deleteUnreferencedSharedFiles();
      if (n > 0) {
        LOG.debug("Deleted {} unreferenced shared files of job '{}' {}", n, jobName, when);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete unreferenced shared files in {}: {}", storage.baseDir(), e.getMessage());
    }
  }

  private void abort(Pending p, String reason, boolean countsAsFailure) {
    pending = null;
    if (p.timeout != null) {
      p.timeout.cancel(false);
    }
    lastEndMillis = System.currentTimeMillis();
    String what = (p.savepoint ? "Savepoint " : "Checkpoint ") + p.id + " of job '" + jobName + "'";
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - p.startNanos);
    recordFailure(p.id, p.savepoint, p.timestamp, durationMs, reason);
    LOG.warn("{} failed: {}", what, reason);
    p.future.completeExceptionally(new IllegalStateException(what + " failed: " + reason));
    abandonedDirs.add(p.dir); // a write still running may add a file after this delete
    anyAbandoned = true;
    deleteQuietly(p.dir);
    Target t = target;
    if (t != null) {
      t.notifyCheckpointAborted(p.id);
      if (countsAsFailure && !p.savepoint) {
        countFailure(t, what + " failed: " + reason, null);
      }
      scheduleNext(finalRequested ? settings.minPauseMs() : settings.intervalMs());
    }
    if (!savepointRequests.isEmpty()) {
      triggerRequestedSavepoint();
    }
  }

  private void recordFailure(long id, boolean savepoint, long timestamp, long durationMs, String reason) {
    history.add(new CheckpointStats(id, savepoint, CheckpointStats.Status.FAILED, timestamp, durationMs,
        0, reason, List.of()));
  }

  private void countFailure(Target t, String message, Throwable cause) {
    if (++consecutiveFailures > settings.tolerableFailures()) {
      consecutiveFailures = 0;
      t.failJob(new CheckpointException(message + " (tolerable failed checkpoints: "
          + settings.tolerableFailures() + ")", cause));
    }
  }

  /**
   * Whether a stop-with-savepoint of the current (or just ended) attempt completed: the job was
   * asked to stop and its state is in the savepoint, so it must not be restarted.
   */
  public synchronized boolean attemptStoppedWithSavepoint() {
    return stoppedWithSavepoint;
  }

  /** Whether a periodic (or final) checkpoint is scheduled and not yet started; for tests. */
  synchronized boolean periodicTriggerScheduled() {
    return scheduled != null && !scheduled.isDone();
  }

  /** Statistics of every checkpoint of this run so far, oldest first. */
  public synchronized List<CheckpointStats> statistics() {
    return List.copyOf(history);
  }

  /** Stops the coordinator's threads; the job has ended. */
  public void shutdown() {
    synchronized (this) {
      shutdown = true;
      target = null;
      if (pending != null) {
        Pending p = pending;
        pending = null;
        p.future.completeExceptionally(new IllegalStateException("The job '" + jobName + "' ended"));
        abandonedDirs.add(p.dir);
        anyAbandoned = true;
      }
      failSavepointRequests("it has ended");
    }
    thread.shutdownNow();
    writers.shutdownNow();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
      writers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteAbandoned(true);
  }

  /**
   * Deletes what is left of the checkpoints abandoned so far, and then, if no checkpoint is being
   * written, the shared files no checkpoint references. Called once the writes of an ended attempt
   * have ended (a write still running when its checkpoint was abandoned may have added a file after
   * the abort's delete): on the coordinator's thread, so after a completion in flight. With
   * {@code writesEnded} false (some may still run) the directories stay remembered, for the next
   * clean-up or the shutdown.
   */
  public void deleteAbandonedCheckpoints(boolean writesEnded) {
    java.util.concurrent.Future<?> done;
    try {
      done = thread.submit(() -> deleteAbandoned(writesEnded));
    } catch (RejectedExecutionException e) {
      deleteAbandoned(writesEnded); // shut down: no completion can be in flight
      return;
    }
    // not cut short by an interrupt (a worker stopped by one, a cancel during a restart's delay):
    // the clean-up is short, and skipping it would leave the directories behind; the status stays
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get(10, TimeUnit.SECONDS);
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          LOG.warn("Could not delete the abandoned checkpoints of job '{}': {}", jobName, e.toString());
          return;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void deleteAbandoned(boolean forget) {
    List<Path> dirs;
    boolean quiet;
    synchronized (this) {
      dirs = new ArrayList<>(abandonedDirs);
      if (forget) {
        abandonedDirs.clear();
      }
      quiet = pending == null;
    }
    for (Path dir : dirs) {
      deleteQuietly(dir); // (a _metadata in it landed while the checkpoint was aborted)
    }
    if (quiet && anyAbandoned) {
      deleteUnreferencedSharedFiles("after abandoned checkpoints");
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      CheckpointStorage.deleteRecursively(dir);
    } catch (IOException e) {
      LOG.warn("Could not delete the abandoned checkpoint {}: {}", dir, e.getMessage());
    }
  }
}
