package dev.sluice.runtime.execution;

import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * A worker thread: opens its subtasks, runs them in turn until they have all finished or the job
 * stops, then closes them — all on its own thread, so operators only ever see one thread.
 */
final class Worker implements Runnable {
  private final JobExecution job;
  private final List<Subtask> subtasks = new ArrayList<>();
  private final IdleStrategy idle = new BackoffIdleStrategy(64, 16, 1_000, 50_000);

  Worker(JobExecution job) {
    this.job = job;
  }

  void add(Subtask subtask) {
    subtasks.add(subtask);
  }

  @Override
  public void run() {
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
      idle.idle(work);
    }
  }
}
