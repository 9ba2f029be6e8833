package dev.sluice.runtime.execution;

import dev.sluice.runtime.metrics.OperatorMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.sluice.api.common.JobCancellationException;
import dev.sluice.api.common.JobExecutionException;
import dev.sluice.api.common.JobExecutionResult;
import dev.sluice.api.common.JobID;
import dev.sluice.api.common.JobStatus;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.graph.JobGraph;
import dev.sluice.runtime.operators.OperatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a job: its subtasks, worker threads and source coordinators, and its life cycle
 * {@code CREATED → RUNNING → FINISHED | FAILING → FAILED | CANCELLING → CANCELED}. The last worker
 * thread to exit shuts the coordinator down and completes the result, so when the result is
 * complete no thread of the job is left.
 */
public final class JobExecution implements JobClient {
  private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

  private final JobID jobId = JobID.generate();
  private final String jobName;
  private final AtomicReference<JobStatus> status = new AtomicReference<>(JobStatus.CREATED);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
  private final List<Subtask> subtasks = new ArrayList<>();
  private final List<SourceCoordinator<?>> coordinators = new ArrayList<>();
  private final List<Worker> workers = new ArrayList<>();
  private final List<Thread> workerThreads = new ArrayList<>();
  private final ScheduledExecutorService coordinatorThread;
  private final ExecutorService ioPool;
  private final AtomicInteger unfinishedSubtasks = new AtomicInteger();
  private final AtomicInteger liveWorkers = new AtomicInteger();
  private volatile boolean stopping;
  private long startNanos;

  public JobExecution(JobGraph graph, RuntimeSettings settings) {
    this.jobName = graph.jobName();
    String prefix = "sluice-" + jobName.replaceAll("[^A-Za-z0-9_.-]", "_");
    this.coordinatorThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, prefix + "-coordinator"));
    this.ioPool = Executors.newCachedThreadPool(r -> daemon(r, prefix + "-io"));
    new ExecutionBuilder(this, graph, settings).build(subtasks, coordinators);
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
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Starts the job; returns at once. */
  public void start() {
    if (!status.compareAndSet(JobStatus.CREATED, JobStatus.RUNNING)) {
      throw new IllegalStateException("Job '" + jobName + "' was started before");
    }
    startNanos = System.nanoTime();
    for (SourceCoordinator<?> c : coordinators) {
      c.start();
    }
    liveWorkers.set(workerThreads.size());
    for (Thread t : workerThreads) {
      t.start();
    }
  }

  boolean isStopping() {
    return stopping;
  }

  void subtaskFinished(Subtask subtask) {
    unfinishedSubtasks.decrementAndGet();
  }

  /** Fails the job; the first failure is the one reported. Any thread. */
  public void fail(Throwable cause) {
    if (failure.compareAndSet(null, cause)) {
      if (status.compareAndSet(JobStatus.RUNNING, JobStatus.FAILING)) {
        LOG.debug("Job '{}' fails", jobName, cause);
        stopAll();
      }
    }
  }

  private void stopAll() {
    stopping = true;
    for (Thread t : workerThreads) {
      if (t != Thread.currentThread()) {
        t.interrupt(); // wakes a worker blocked in user code (a slow sink, a sleep)
      }
    }
  }

  void workerExited() {
    if (liveWorkers.decrementAndGet() > 0) {
      return;
    }
    shutdownCoordinator();
    Throwable cause = failure.get();
    long runtimeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    if (status.get() == JobStatus.CANCELLING) {
      status.set(JobStatus.CANCELED);
      result.completeExceptionally(new JobCancellationException(jobId, jobName));
    } else if (cause != null || unfinishedSubtasks.get() > 0) {
      status.set(JobStatus.FAILED);
      result.completeExceptionally(new JobExecutionException(jobId,
          "Job '" + jobName + "' failed: " + describe(cause), cause));
    } else {
      status.set(JobStatus.FINISHED);
      result.complete(new JobExecutionResult(jobId, jobName, runtimeMs));
    }
  }

  private static String describe(Throwable cause) {
    if (cause == null) {
      return "it stopped before all subtasks finished";
    }
    return cause instanceof OperatorException ? cause.getMessage() : cause.toString();
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

  @Override
  public JobID getJobID() {
    return jobId;
  }

  public String jobName() {
    return jobName;
  }

  public JobStatus status() {
    return status.get();
  }

  @Override
  public CompletableFuture<JobStatus> getJobStatus() {
    return CompletableFuture.completedFuture(status.get());
  }

  @Override
  public CompletableFuture<Void> cancel() {
    if (status.compareAndSet(JobStatus.RUNNING, JobStatus.CANCELLING)) {
      stopAll();
    } else if (status.compareAndSet(JobStatus.CREATED, JobStatus.CANCELED)) {
      result.completeExceptionally(new JobCancellationException(jobId, jobName));
    }
    return result.handle((r, e) -> null);
  }

  @Override
  public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
    return result;
  }

  /** Worker and coordinator threads of this job, for tests that check nothing leaks. */
  public List<Thread> workerThreads() {
    return List.copyOf(workerThreads);
  }

  ScheduledExecutorService coordinatorThread() {
    return coordinatorThread;
  }

  ExecutorService ioPool() {
    return ioPool;
  }

  // operator metrics: node id -> display name, and "<name>[<subtask>]" -> metrics
  private final Map<Integer, String> metricNames = new HashMap<>();
  private final Map<String, OperatorMetrics> operatorMetrics = new ConcurrentHashMap<>();

  /** Called while the job is built: makes an operator instance's metrics visible in {@link #metrics()}. */
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
   * appended). Safe to call from any thread while the job runs, and after it ended.
   */
  @Override
  public Map<String, Long> metrics() {
    Map<String, Long> out = new TreeMap<>();
    operatorMetrics.forEach((prefix, m) -> m.snapshot().forEach((k, v) -> out.put(prefix + "." + k, v)));
    return out;
  }

  List<Subtask> subtasks() {
    return subtasks;
  }
}
