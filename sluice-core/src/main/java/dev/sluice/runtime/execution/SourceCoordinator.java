package dev.sluice.runtime.execution;

import dev.sluice.core.io.SimpleVersionedSerializer;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.VersionedBytes;

import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceSplit;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs the split enumerator of one source on the job's coordinator thread and connects it with the
 * readers: assignments travel to a reader through its subtask's mailbox, split requests travel to
 * the enumerator through the coordinator thread.
 */
final class SourceCoordinator<SplitT extends SourceSplit> implements SplitEnumeratorContext<SplitT> {
  private final String sourceName;
  private final Source<?, SplitT, ?> source;
  private final int parallelism;
  private final ExecutionAttempt job;
  private final ScheduledExecutorService coordinatorThread;
  private final ExecutorService ioPool;
  private final Subtask[] subtasks;
  private final SourceOperator<?, SplitT>[] readers;
  private final Set<Integer> registered = ConcurrentHashMap.newKeySet();
  private final String operatorId;
  private final VersionedBytes restoredState;
  private SplitEnumerator<SplitT, Object> enumerator;

  @SuppressWarnings("unchecked")
  SourceCoordinator(String sourceName, String operatorId, Source<?, SplitT, ?> source, int parallelism,
      ExecutionAttempt job, ScheduledExecutorService coordinatorThread, ExecutorService ioPool,
      VersionedBytes restoredState) {
    this.operatorId = operatorId;
    this.restoredState = restoredState;
    this.sourceName = sourceName;
    this.source = source;
    this.parallelism = parallelism;
    this.job = job;
    this.coordinatorThread = coordinatorThread;
    this.ioPool = ioPool;
    this.subtasks = new Subtask[parallelism];
    this.readers = new SourceOperator[parallelism];
  }

  /** Creates and starts the enumerator on the coordinator thread. */
  void start() {
    runInCoordinatorThread(() -> {
      try {
        enumerator = createEnumerator();
      } catch (Exception e) {
        throw new IllegalStateException("Could not create the split enumerator of source '"
            + sourceName + "': " + e.getMessage(), e);
      }
      enumerator.start();
    });
  }

  @SuppressWarnings("unchecked")
  private SplitEnumerator<SplitT, Object> createEnumerator() throws Exception {
    Source<?, SplitT, Object> s = (Source<?, SplitT, Object>) source;
    if (restoredState == null) {
      return s.createEnumerator(this);
    }
    Object state = s.getEnumeratorCheckpointSerializer().deserialize(restoredState.version(), restoredState.bytes());
    return s.restoreEnumerator(this, state);
  }

  String operatorId() {
    return operatorId;
  }

  /** The enumerator's state for checkpoint {@code id}; on the coordinator thread. */
  @SuppressWarnings("unchecked")
  VersionedBytes snapshotEnumerator(long id) throws Exception {
    Object state = enumerator.snapshotState(id);
    SimpleVersionedSerializer<Object> serializer =
        ((Source<?, SplitT, Object>) source).getEnumeratorCheckpointSerializer();
    return new VersionedBytes(serializer.getVersion(), serializer.serialize(state));
  }

  /** On the coordinator thread. */
  void notifyCheckpointComplete(long id) {
    try {
      enumerator.notifyCheckpointComplete(id);
    } catch (Exception e) {
      job.fail(new IllegalStateException("The split enumerator of source '" + sourceName
          + "' failed on checkpoint completion: " + e.getMessage(), e));
    }
  }

  /** Called by a reader's subtask once the reader has started. */
  void registerReader(int subtask, Subtask owner, SourceOperator<?, SplitT> reader) {
    subtasks[subtask] = owner;
    readers[subtask] = reader;
    runInCoordinatorThread(() -> {
      registered.add(subtask);
      enumerator.addReader(subtask);
    });
  }

  void requestSplit(int subtask) {
    runInCoordinatorThread(() -> enumerator.handleSplitRequest(subtask));
  }

  void close() {
    if (enumerator != null) {
      try {
        enumerator.close();
      } catch (Exception e) {
        // closing at shutdown: nothing depends on it any more
      }
    }
  }

  @Override
  public int currentParallelism() {
    return parallelism;
  }

  @Override
  public Set<Integer> registeredReaders() {
    return Set.copyOf(registered);
  }

  @Override
  public void assignSplit(SplitT split, int subtask) {
    checkSubtask(subtask);
    SourceOperator<?, SplitT> reader = readers[subtask];
    subtasks[subtask].post(() -> reader.addSplits(List.of(split)));
  }

  @Override
  public void signalNoMoreSplits(int subtask) {
    checkSubtask(subtask);
    SourceOperator<?, SplitT> reader = readers[subtask];
    subtasks[subtask].post(reader::noMoreSplits);
  }

  private void checkSubtask(int subtask) {
    if (subtask < 0 || subtask >= parallelism || !registered.contains(subtask)) {
      throw new IllegalArgumentException("Source '" + sourceName + "': reader " + subtask
          + " is not registered (registered: " + registered + ")");
    }
  }

  @Override
  public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler,
      long initialDelayMs, long periodMs) {
    Runnable task = () -> ioPool.execute(() -> {
      T result = null;
      Throwable error = null;
      try {
        result = callable.call();
      } catch (Throwable t) {
        error = t;
      }
      T r = result;
      Throwable e = error;
      runInCoordinatorThread(() -> handler.accept(r, e));
    });
    try {
      if (periodMs > 0) {
        coordinatorThread.scheduleWithFixedDelay(task, initialDelayMs, periodMs, TimeUnit.MILLISECONDS);
      } else {
        coordinatorThread.schedule(task, initialDelayMs, TimeUnit.MILLISECONDS);
      }
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the job is shutting down
    }
  }

  @Override
  public void runInCoordinatorThread(Runnable action) {
    try {
      coordinatorThread.execute(() -> {
        try {
          action.run();
        } catch (Throwable t) {
          job.fail(new IllegalStateException(
              "The split enumerator of source '" + sourceName + "' failed: " + t.getMessage(), t));
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the job is shutting down
    }
  }
}
