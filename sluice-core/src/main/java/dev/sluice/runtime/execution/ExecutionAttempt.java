package dev.sluice.runtime.execution;

import dev.sluice.runtime.checkpoint.CheckpointCoordinator;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.VersionedBytes;
import dev.sluice.runtime.checkpoint.StateAssignment;
import dev.sluice.runtime.elements.CheckpointBarrier;
import dev.sluice.runtime.graph.JobGraph;
import dev.sluice.runtime.metrics.OperatorMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a job's subtasks: worker threads, source coordinators and channels, built from the
 * job graph and, after a failure, from a checkpoint. It ends finished (every subtask done),
 * failed (the first failure) or cancelled, and then tells its {@link JobExecution}, which may
 * start the next attempt. The last worker thread to exit shuts the attempt's other threads down,
 * so when it reports its end no thread of it is left.
 */
final class ExecutionAttempt implements CheckpointCoordinator.Target {
  enum Outcome { FINISHED, FAILED, CANCELED }

  private final JobExecution job;
  private final int number;
  private final String jobName;
  private final RuntimeSettings settings;
  private final CheckpointCoordinator checkpoints;
  private final List<Subtask> subtasks = new ArrayList<>();
  private final List<SourceCoordinator<?>> coordinators = new ArrayList<>();
  private final List<Worker> workers = new ArrayList<>();
  private final List<Thread> workerThreads = new ArrayList<>();
  private final ScheduledExecutorService coordinatorThread;
  private final ExecutorService ioPool;
  private final AtomicInteger unfinishedSubtasks = new AtomicInteger();
  private final AtomicInteger unendedSubtasks = new AtomicInteger();
  private final AtomicInteger liveWorkers = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  /** Checkpoint writes of this attempt not ended yet, queued or running (waits use its monitor). */
  private final Set<BackgroundWrite> backgroundWrites = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;
  private volatile boolean canceled;

  ExecutionAttempt(JobExecution job, int number, JobGraph graph, RuntimeSettings settings,
      CheckpointCoordinator checkpoints, StateAssignment restore) {
    this.job = job;
    this.number = number;
    this.jobName = graph.jobName();
    this.settings = settings;
    this.checkpoints = checkpoints;
    String prefix = "sluice-" + jobName.replaceAll("[^A-Za-z0-9_.-]", "_");
    this.coordinatorThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, prefix + "-coordinator"));
    this.ioPool = Executors.newCachedThreadPool(r -> daemon(r, prefix + "-io"));
    try {
      new ExecutionBuilder(this, graph, settings, restore).build(subtasks, coordinators);
    } catch (RuntimeException e) {
      coordinatorThread.shutdownNow();
      ioPool.shutdownNow();
      throw e;
    }
    int threads = Math.min(settings.workerThreads(), subtasks.size());
    for (int i = 0; i < threads; i++) {
      workers.add(new Worker(this));
    }
    for (int i = 0; i < subtasks.size(); i++) {
      workers.get(i % threads).add(subtasks.get(i));
    }
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(workers.get(i), prefix + "-worker-" + i);
      t.setDaemon(true);
      workerThreads.add(t);
    }
    unfinishedSubtasks.set(subtasks.size());
    unendedSubtasks.set(subtasks.size());
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  int number() {
    return number;
  }

  void start() {
    for (SourceCoordinator<?> c : coordinators) {
      c.start();
    }
    if (checkpoints != null) {
      // before any subtask runs: a tiny bounded job can end all its input before this thread
      // returns from starting the workers; registering the attempt after that once reset the
      // coordinator's "all subtasks ended", and the final checkpoint never came
      checkpoints.attemptStarted(this);
    }
    liveWorkers.set(workerThreads.size());
    for (Thread t : workerThreads) {
      t.start();
    }
  }

  boolean isStopping() {
    return stopping;
  }

  RuntimeSettings settings() {
    return settings;
  }

  /** The job's checkpoint coordinator, or null when it does not checkpoint. */
  CheckpointCoordinator checkpoints() {
    return checkpoints;
  }

  void subtaskFinished(Subtask subtask) {
    unfinishedSubtasks.decrementAndGet();
  }

  /** With checkpointing: a subtask consumed all its input and waits for the final checkpoint. */
  void subtaskEnded(Subtask subtask) {
    if (unendedSubtasks.decrementAndGet() == 0 && checkpoints != null) {
      checkpoints.allSubtasksEnded(this);
    }
  }

  /** Fails the attempt; the first failure is the one reported. Any thread. */
  void fail(Throwable cause) {
    if (failure.compareAndSet(null, cause)) {
      stopAll();
    }
  }

  @Override
  public void failJob(Throwable cause) {
    fail(cause);
  }

  void cancel() {
    canceled = true; // failures that follow (an interrupted sink) do not change the outcome
    stopAll();
  }

  private void stopAll() {
    stopping = true;
    for (Thread t : workerThreads) {
      if (t != Thread.currentThread()) {
        t.interrupt(); // wakes a worker blocked in user code (a slow sink, a sleep)
      }
    }
  }

  /**
   * Runs a subtask's checkpoint write on the coordinator's writer threads, tracked so that the
   * attempt's end can stop it and wait for it. {@code abandon} releases what the write would have
   * released (the state backends' snapshots) when it will not run: the job is ending, or the
   * attempt ended before a writer thread took it.
   */
  void writeInBackground(Runnable write, Runnable abandon) {
    BackgroundWrite w = new BackgroundWrite(write, abandon);
    backgroundWrites.add(w);
    try {
      checkpoints.writers().execute(w);
    } catch (RejectedExecutionException e) {
      w.abandon(); // the job is ending; the checkpoint is abandoned with it
    }
  }

  /**
   * Stops this attempt's checkpoint writes, once every checkpoint they write for has been
   * abandoned with the attempt's end: a queued write does not start (its snapshots are released),
   * a running one is interrupted, so its next file operation fails and it releases its snapshots
   * (RocksDB's hard-linked copy in the working directory among them).
   */
  void abandonBackgroundWrites() {
    for (BackgroundWrite w : backgroundWrites) {
      w.abandon();
    }
  }

  /**
   * Waits until every checkpoint write of this attempt has ended, at most {@code timeoutMs}; false
   * if some still run then. With {@code interruptible}, an interrupt ends the wait early (false,
   * the interrupt status kept); otherwise interrupts are held until the wait is over.
   */
  boolean awaitBackgroundWrites(long timeoutMs, boolean interruptible) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    boolean interrupted = false;
    try {
      synchronized (backgroundWrites) {
        while (!backgroundWrites.isEmpty()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          try {
            TimeUnit.NANOSECONDS.timedWait(backgroundWrites, left);
          } catch (InterruptedException e) {
            interrupted = true;
            if (interruptible) {
              return false;
            }
          }
        }
        return true;
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One subtask's write of one checkpoint, on a writer thread. */
  private final class BackgroundWrite implements Runnable {
    private final Runnable write;
    private final Runnable abandonAction;
    // guarded by this
    private boolean started;
    private boolean abandoned;
    private Thread runner;

    BackgroundWrite(Runnable write, Runnable abandonAction) {
      this.write = write;
      this.abandonAction = abandonAction;
    }

    @Override
    public void run() {
      synchronized (this) {
        if (abandoned) {
          return; // released when it was abandoned
        }
        started = true;
        runner = Thread.currentThread();
      }
      try {
        write.run();
      } finally {
        synchronized (this) {
          runner = null;
          Thread.interrupted(); // an abandon's interrupt is for this write, not the thread's next task
        }
        ended();
      }
    }

    void abandon() {
      boolean release;
      synchronized (this) {
        if (abandoned) {
          return;
        }
        abandoned = true;
        release = !started;
        if (runner != null) {
          runner.interrupt();
        }
      }
      if (release) {
        try {
          abandonAction.run();
        } finally {
          ended();
        }
      }
    }

    private void ended() {
      backgroundWrites.remove(this);
      synchronized (backgroundWrites) {
        backgroundWrites.notifyAll();
      }
    }
  }

  void workerExited() {
    if (liveWorkers.decrementAndGet() > 0) {
      return;
    }
    shutdownCoordinator();
    Throwable cause = failure.get();
    Outcome outcome;
    if (canceled) {
      outcome = Outcome.CANCELED;
    } else if (cause != null || unfinishedSubtasks.get() > 0) {
      outcome = Outcome.FAILED;
    } else {
      outcome = Outcome.FINISHED;
    }
    job.attemptEnded(this, outcome, cause);
  }

  private void shutdownCoordinator() {
    try {
      coordinatorThread.submit(() -> coordinators.forEach(SourceCoordinator::close))
          .get(1, TimeUnit.SECONDS);
    } catch (Exception e) {
      // best effort: the threads are stopped below either way
    }
    coordinatorThread.shutdownNow();
    ioPool.shutdownNow();
    try {
      coordinatorThread.awaitTermination(1, TimeUnit.SECONDS);
      ioPool.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ checkpoints

  @Override
  public Map<String, VersionedBytes> triggerCheckpoint(CheckpointBarrier barrier) throws Exception {
    return coordinatorThread.submit(() -> {
      Map<String, VersionedBytes> states = new LinkedHashMap<>();
      for (SourceCoordinator<?> c : coordinators) {
        states.put(c.operatorId(), c.snapshotEnumerator(barrier.id()));
      }
      for (Subtask s : subtasks) {
        if (s instanceof SourceSubtask source) {
          source.post(() -> source.triggerCheckpoint(barrier));
        }
      }
      return states;
    }).get(30, TimeUnit.SECONDS);
  }

  @Override
  public int numberOfSubtasks() {
    return subtasks.size();
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId, boolean finalCheckpoint) {
    for (Subtask s : subtasks) {
      s.post(() -> s.notifyCheckpointComplete(checkpointId, finalCheckpoint));
    }
    try {
      coordinatorThread.execute(() -> coordinators.forEach(c -> c.notifyCheckpointComplete(checkpointId)));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the attempt is ending
    }
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) {
    for (Subtask s : subtasks) {
      s.post(() -> s.abortCheckpoint(checkpointId));
    }
  }

  // ------------------------------------------------------------------ for the builder and subtasks

  List<Thread> workerThreads() {
    return List.copyOf(workerThreads);
  }

  ScheduledExecutorService coordinatorThread() {
    return coordinatorThread;
  }

  ExecutorService ioPool() {
    return ioPool;
  }

  void registerMetrics(int nodeId, String name, int subtask, OperatorMetrics metrics) {
    job.registerMetrics(nodeId, name, subtask, metrics);
  }

  List<Subtask> subtasks() {
    return subtasks;
  }

  String jobName() {
    return jobName;
  }
}
