package dev.sluice.runtime.execution;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.runtime.channel.OutputGate;
import dev.sluice.runtime.channel.RecordWriter;
import dev.sluice.runtime.operators.OperatorException;
import dev.sluice.runtime.operators.StreamOperator;
import dev.sluice.runtime.time.ProcessingTimeService;
import dev.sluice.runtime.elements.CheckpointBarrier;
import java.util.List;

/** A subtask whose head is a source reader. */
final class SourceSubtask extends Subtask {
  private static final int POLLS_PER_SLICE = 512;

  private final SourceOperator<?, ?> source;

  SourceSubtask(ExecutionAttempt job, TaskInfo taskInfo, OutputGate outputGate,
      List<StreamOperator<?>> operators, List<RecordWriter> recordWriters, ProcessingTimeService processingTime) {
    super(job, taskInfo, outputGate, operators, recordWriters, processingTime);
    this.source = (SourceOperator<?, ?>) operators.get(0);
  }

  /** Starts the reader once the chain behind it is open. */
  @Override
  protected void onOpened() {
    try {
      source.open(this);
    } catch (OperatorException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(source.context().operatorName(), taskInfo, "open()", e);
    }
  }

  /** The stop-with-savepoint this subtask stopped for, or -1. */
  private long stoppedFor = -1;
  /** The newest checkpoint the coordinator abandoned. */
  private long lastAborted = -1;

  /**
   * Mail from the coordinator: hands the records staged so far downstream, snapshots the chain
   * (the reader's splits first), and sends the barrier on. A stop barrier ends production, until
   * the coordinator says that savepoint failed.
   */
  void triggerCheckpoint(CheckpointBarrier barrier) {
    if (barrier.id() <= lastAborted) {
      return; // abandoned before its mail got here (a stop barrier must not stop the source now)
    }
    if (!isRunning() && !hasEnded()) {
      job.checkpoints().decline(barrier.id(), new IllegalStateException(
          "source subtask " + taskInfo.getTaskNameWithSubtasks() + " no longer runs"));
      return;
    }
    source.flush();
    performCheckpoint(barrier, 0);
    if (barrier.stop() && isRunning()) {
      stopProducing();
      stoppedFor = barrier.id();
    }
  }

  /**
   * Mail from the coordinator: a checkpoint was abandoned. If it was the stop-with-savepoint this
   * source stopped for, the job is not stopping after all: the source reads on (it would otherwise
   * stay stopped for good, and decline every later checkpoint).
   */
  @Override
  void abortCheckpoint(long id) {
    lastAborted = Math.max(lastAborted, id);
    if (id == stoppedFor) {
      stoppedFor = -1;
      resumeProducing();
    }
  }

  @Override
  protected int processInput() {
    if (!isRunning()) {
      return 0;
    }
    int work = 0;
    for (int i = 0; i < POLLS_PER_SLICE && !outputGate.isBlocked() && (i == 0 || !sliceUsedUp()); i++) {
      InputStatus status;
      try {
        status = source.emitNext();
      } catch (OperatorException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorException(source.context().operatorName(), taskInfo, "reading", e);
      }
      if (status == InputStatus.MORE_AVAILABLE) {
        work++;
      } else if (status == InputStatus.END_OF_INPUT) {
        source.emitFinalWatermark();
        endOfInput();
        return work + 1;
      } else {
        break;
      }
    }
    source.flush();
    source.maybeEmitPeriodicWatermark();
    return work;
  }
}
