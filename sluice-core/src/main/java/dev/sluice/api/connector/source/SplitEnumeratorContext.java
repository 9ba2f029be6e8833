package dev.sluice.api.connector.source;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/** The runtime as a split enumerator sees it. Thread-safe. */
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {
  /** Number of parallel readers. */
  int currentParallelism();

  /** Subtasks whose readers have started. */
  Set<Integer> registeredReaders();

  /** Gives a split to a reader. */
  void assignSplit(SplitT split, int subtaskId);

  /** Tells a reader it will get no more splits: once its splits are read, it ends. */
  void signalNoMoreSplits(int subtaskId);

  /**
   * Runs {@code callable} off the coordinator thread (it may block, e.g. listing a directory), then
   * {@code handler} on the coordinator thread with its result or failure; every {@code periodMs}
   * when that is positive.
   */
  <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMs,
      long periodMs);

  /** Runs {@code action} on the coordinator thread. */
  void runInCoordinatorThread(Runnable action);
}
