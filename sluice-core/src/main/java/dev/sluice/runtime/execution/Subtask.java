package dev.sluice.runtime.execution;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.runtime.channel.OutputGate;
import dev.sluice.runtime.channel.RecordWriter;
import dev.sluice.runtime.elements.EndOfInput;
import dev.sluice.runtime.elements.IdleStatus;
import dev.sluice.runtime.operators.OperatorException;
import dev.sluice.runtime.operators.StreamOperator;
import dev.sluice.runtime.time.ProcessingTimeService;
import dev.sluice.runtime.checkpoint.CheckpointCoordinator;
import dev.sluice.runtime.checkpoint.OperatorRestore;
import dev.sluice.runtime.elements.CheckpointBarrier;
import java.util.ArrayList;
import java.util.List;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * One parallel instance of a chain. Single-threaded: every method except {@link #post} is called by
 * the worker that owns it. States: {@code CREATED → RUNNING → FINISHING → FINISHED}; FINISHING
 * means all output including end-of-input is produced but some still waits for channel room.
 */
public abstract class Subtask {
  /**
   * ENDED: all input consumed and end-of-input sent, but the job checkpoints, so the subtask
   * stays to take part in the final checkpoint (its sinks commit then). STOPPED: a source after a
   * stop-with-savepoint barrier; it produces nothing more.
   */
  enum State { CREATED, RUNNING, ENDED, STOPPED, FINISHING, FINISHED }

  protected final ExecutionAttempt job;
  protected final TaskInfo taskInfo;
  protected final OutputGate outputGate;
  /** The chain's operators, head first, each after its input. */
  protected final List<StreamOperator<?>> operators;
  private final List<RecordWriter> recordWriters;
  private final MpscUnboundedXaddArrayQueue<Runnable> mailbox = new MpscUnboundedXaddArrayQueue<>(64);
  private State state = State.CREATED;
  private Worker worker;
  private final ProcessingTimeService processingTime;
  private int opened;
  private boolean idleSent;
  /** Operator uids, parallel to {@link #operators}; what each restores from (or null). */
  private List<String> operatorIds = List.of();
  private List<OperatorRestore> restores;
  private int vertexId;
  /** The keyed state of the chain's head, or null; closed with the subtask. */
  private dev.sluice.runtime.state.KeyedStateBackend keyedState;

  protected Subtask(ExecutionAttempt job, TaskInfo taskInfo, OutputGate outputGate,
      List<StreamOperator<?>> operators, List<RecordWriter> recordWriters,
      ProcessingTimeService processingTime) {
    this.processingTime = processingTime;
    this.job = job;
    this.taskInfo = taskInfo;
    this.outputGate = outputGate;
    this.operators = operators;
    this.recordWriters = recordWriters;
  }

  /** Called by the builder: operator uids and their restored state (null when not restoring). */
  final void setCheckpointInfo(int vertexId, List<String> operatorIds, List<OperatorRestore> restores) {
    this.vertexId = vertexId;
    this.operatorIds = operatorIds;
    this.restores = restores;
  }

  /** Called by the builder: the keyed state the subtask owns (closed when it closes). */
  final void setKeyedState(dev.sluice.runtime.state.KeyedStateBackend keyedState) {
    this.keyedState = keyedState;
  }

  /** Restores the operators' state (if any), then opens them, last first, so each is ready before its input produces. */
  final void open() {
    for (int i = operators.size() - 1; i >= 0; i--) {
      StreamOperator<?> op = operators.get(i);
      OperatorRestore restore = restores == null ? null : restores.get(i);
      try {
        op.initializeState(restore == null ? OperatorRestore.EMPTY : restore);
      } catch (OperatorException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorException(op.context().operatorName(), taskInfo,
            "restoring its state" + (restore == null ? "" : " from a checkpoint"), e);
      }
    }
    restores = null;
    for (int i = operators.size() - 1; i >= 0; i--) {
      StreamOperator<?> op = operators.get(i);
      try {
        op.open();
      } catch (OperatorException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorException(op.context().operatorName(), taskInfo, "open()", e);
      }
      opened++;
    }
    onOpened();
    state = State.RUNNING;
  }

  /** Called once all operators are open, before the first slice of work. */
  protected void onOpened() {}

  /** Does a bounded slice of work; returns how much (0 means nothing could be done). */
  final int doWork() {
    int work = drainMailbox();
    if (state == State.FINISHED) {
      return work;
    }
    if (outputGate.isBlocked()) {
      if (outputGate.drainPending()) {
        work++;
      }
      if (outputGate.isBlocked()) {
        return work;
      }
    }
    if (state == State.FINISHING) {
      state = State.FINISHED;
      job.subtaskFinished(this);
      return work + 1;
    }
    // Pending processing-time timers are quiet once the input has ended (as in Flink): the chain has
    // finished and sent end-of-input, so whatever a timer produced now would follow it (into a sink
    // stage no checkpoint commits). A stopped source's chain still fires: its state is in the
    // savepoint, and the job either ends or, if the savepoint failed, runs on.
    if (state != State.ENDED && processingTime.hasDue()) {
      try {
        work += processingTime.fireDue();
      } catch (OperatorException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorException(operators.get(0).context().operatorName(), taskInfo,
            "a processing-time timer", e);
      }
    }
    if (state == State.RUNNING || state == State.ENDED) {
      sliceStart = System.nanoTime();
      work += processInput();
    }
    outputGate.flush();
    return work;
  }

  /** Takes input while the output has room. */
  protected abstract int processInput();

  /** Called by {@link #processInput} when all input has ended: finish the chain, end the output. */
  protected final void endOfInput() {
    for (StreamOperator<?> op : operators) {
      try {
        op.finish();
      } catch (OperatorException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorException(op.context().operatorName(), taskInfo, "finish()", e);
      }
    }
    for (RecordWriter writer : recordWriters) {
      writer.emit(EndOfInput.INSTANCE);
    }
    if (job.checkpoints() != null) {
      state = State.ENDED;
      job.subtaskEnded(this);
    } else {
      state = State.FINISHING;
    }
  }

  /** Whether all input was consumed (and end-of-input sent). */
  protected final boolean hasEnded() {
    return state == State.ENDED;
  }

  /** A source after a stop-with-savepoint barrier: it produces nothing more. */
  protected final void stopProducing() {
    if (state == State.RUNNING) {
      state = State.STOPPED;
    }
  }

  /** A stopped source whose stop-with-savepoint failed: it runs on. */
  protected final void resumeProducing() {
    if (state == State.STOPPED) {
      state = State.RUNNING;
    }
  }

  // ------------------------------------------------------------------ checkpoints

  /**
   * Takes this subtask's part of a checkpoint: copies every operator's state (processing is
   * paused only for this), sends the barrier on downstream, and writes the copy in the background,
   * acknowledging to the coordinator when it is on disk.
   */
  protected final void performCheckpoint(CheckpointBarrier barrier, long alignmentNanos) {
    CheckpointCoordinator coordinator = job.checkpoints();
    long start = System.nanoTime();
    List<OperatorSnapshot> snapshots = new ArrayList<>(operators.size());
    for (int i = 0; i < operators.size(); i++) {
      StreamOperator<?> op = operators.get(i);
      OperatorSnapshot snapshot = new OperatorSnapshot(operatorIds.get(i), barrier);
      snapshots.add(snapshot); // released with the others if a later operator's snapshot fails
      try {
        op.snapshotState(snapshot);
      } catch (Exception e) {
        OperatorSnapshot.release(snapshots);
        if (e instanceof OperatorException oe) {
          throw oe;
        }
        throw new OperatorException(op.context().operatorName(), taskInfo,
            "snapshotting its state for checkpoint " + barrier.id(), e);
      }
    }
    for (RecordWriter writer : recordWriters) {
      writer.emit(barrier);
    }
    long syncNanos = System.nanoTime() - start;
    String file = "task-" + vertexId + "-" + taskInfo.getIndexOfThisSubtask() + ".state";
    int index = taskInfo.getIndexOfThisSubtask();
    String taskName = taskInfo.getTaskName();
    job.writeInBackground(() -> OperatorSnapshot.write(coordinator, barrier, file, index,
        snapshots, taskName, alignmentNanos, syncNanos), () -> OperatorSnapshot.release(snapshots));
  }

  /** Mail from the coordinator: checkpoint {@code id} is complete. */
  final void notifyCheckpointComplete(long id, boolean finalCheckpoint) {
    if (state == State.FINISHED || state == State.CREATED) {
      return;
    }
    if (keyedState != null) {
      keyedState.notifyCheckpointComplete(id);
    }
    for (StreamOperator<?> op : operators) {
      try {
        op.notifyCheckpointComplete(id);
      } catch (OperatorException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorException(op.context().operatorName(), taskInfo,
            "completing checkpoint " + id + " (committing)", e);
      }
    }
    if (finalCheckpoint && state != State.FINISHING) {
      state = State.FINISHING;
    }
  }

  /** Mail from the coordinator: checkpoint {@code id} was abandoned. */
  void abortCheckpoint(long id) {}

  /** Tells downstream subtasks that this one is idle (or active again). */
  protected final void emitIdleStatus(boolean idle) {
    if (idle != idleSent) {
      idleSent = idle;
      for (RecordWriter writer : recordWriters) {
        writer.emit(idle ? IdleStatus.IDLE : IdleStatus.ACTIVE);
      }
    }
  }

  protected final boolean isRunning() {
    return state == State.RUNNING;
  }

  final boolean isFinished() {
    return state == State.FINISHED;
  }

  /** Closes the operators that were opened; returns the first failure, or null. */
  final Throwable close() {
    Throwable first = null;
    for (int i = operators.size() - opened; i < operators.size(); i++) {
      StreamOperator<?> op = operators.get(i);
      try {
        op.close();
      } catch (Throwable t) {
        if (first == null) {
          first = new OperatorException(op.context().operatorName(), taskInfo, "close()", t);
        }
      }
    }
    opened = 0;
    if (keyedState != null) {
      try {
        keyedState.close();
      } catch (Throwable t) {
        if (first == null) {
          first = new OperatorException(operators.get(0).context().operatorName(), taskInfo,
              "releasing its keyed state", t);
        }
      }
      keyedState = null;
    }
    return first;
  }

  /** Runs {@code mail} on this subtask's thread before its next slice of work. Any thread. */
  public final void post(Runnable mail) {
    mailbox.offer(mail);
    Worker w = worker;
    if (w != null) {
      w.wake();
    }
  }

  /**
   * Whether this slice of input should end: mail waits (a checkpoint trigger or a cancellation must
   * not wait for a whole slice behind a slow operator), or the slice has run for {@link
   * #SLICE_NANOS} (a slow operator must not starve the other subtasks of its worker).
   */
  protected final boolean sliceUsedUp() {
    return !mailbox.isEmpty() || System.nanoTime() - sliceStart > SLICE_NANOS;
  }

  /** The longest a subtask works on its input before its worker turns to the next subtask. */
  static final long SLICE_NANOS = 1_000_000;
  private long sliceStart;

  /** Called once, before the job starts: the worker that runs this subtask. */
  final void assignTo(Worker worker) {
    this.worker = worker;
    for (dev.sluice.runtime.channel.ChannelWriter writer : outputGate.writers()) {
      writer.channel().setProducerWaker(worker::wake);
    }
    for (dev.sluice.runtime.channel.Channel input : inputChannels()) {
      input.setConsumerWaker(worker::wake);
    }
  }

  /** The channels this subtask reads. */
  protected java.util.List<dev.sluice.runtime.channel.Channel> inputChannels() {
    return java.util.List.of();
  }

  private int drainMailbox() {
    int n = 0;
    Runnable mail;
    while ((mail = mailbox.poll()) != null) {
      mail.run();
      n++;
    }
    return n;
  }

  public TaskInfo taskInfo() {
    return taskInfo;
  }

  @Override
  public String toString() {
    return taskInfo.getTaskNameWithSubtasks();
  }
}
