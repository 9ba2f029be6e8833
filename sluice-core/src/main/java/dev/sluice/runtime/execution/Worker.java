package dev.sluice.runtime.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A worker thread: opens its subtasks, runs them in turn until they have all finished or the job
 * stops, then closes them — all on its own thread, so operators only ever see one thread.
 *
 * <p>When no subtask made progress the worker backs off: it spins, then yields, then parks for
 * growing periods up to {@link #MAX_PARK_NANOS}. A worker that parks says so ({@link #wake} reads
 * it): a channel that hands it a batch, or frees room its producer waits for, and a mailbox that
 * receives mail, unpark it, so long parks cost no latency under load and no CPU when idle. A wake
 * that races with falling asleep is at most one park late.
 */
final class Worker implements Runnable {
  private static final int SPINS = 64;
  private static final int YIELDS = 16;
  private static final long MIN_PARK_NANOS = 1_000;
  private static final long MAX_PARK_NANOS = 1_000_000;

  private final ExecutionAttempt job;
  private final List<Subtask> subtasks = new ArrayList<>();
  private volatile Thread thread;
  private volatile boolean sleeping;
  private int idleRounds;
  private long parkNanos = MIN_PARK_NANOS;

  Worker(ExecutionAttempt job) {
    this.job = job;
  }

  void add(Subtask subtask) {
    subtasks.add(subtask);
    subtask.assignTo(this);
  }

  /** Unparks this worker if it is parked. Any thread; cheap when it is awake. */
  void wake() {
    if (sleeping) {
      Thread t = thread;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }

  private void idle(int work) {
    if (work > 0) {
      idleRounds = 0;
      parkNanos = MIN_PARK_NANOS;
      return;
    }
    idleRounds++;
    if (idleRounds <= SPINS) {
      Thread.onSpinWait();
    } else if (idleRounds <= SPINS + YIELDS) {
      Thread.yield();
    } else {
      sleeping = true;
      LockSupport.parkNanos(parkNanos);
      sleeping = false;
      parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
    }
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    Throwable failure = null;
    try {
      for (Subtask s : subtasks) {
        if (job.isStopping()) {
          break;
        }
        s.open();
      }
      loop();
    } catch (Throwable t) {
      failure = t;
    }
    for (Subtask s : subtasks) {
      Throwable closeFailure = s.close();
      if (failure == null && closeFailure != null) {
        failure = closeFailure;
      }
    }
    if (failure != null) {
      job.fail(failure);
    }
    job.workerExited();
  }

  private void loop() {
    Subtask[] mine = subtasks.toArray(new Subtask[0]);
    int live = mine.length;
    while (live > 0 && !job.isStopping()) {
      int work = 0;
      live = 0;
      for (Subtask s : mine) {
        if (!s.isFinished()) {
          work += s.doWork();
          if (!s.isFinished()) {
            live++;
          }
        }
      }
      idle(work);
    }
  }
}
