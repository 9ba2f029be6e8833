package dev.sluice.runtime.execution;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.channel.Channel;
import dev.sluice.runtime.channel.OutputGate;
import dev.sluice.runtime.channel.RecordWriter;
import dev.sluice.runtime.elements.ChannelItem;
import dev.sluice.runtime.elements.CheckpointBarrier;
import dev.sluice.runtime.elements.EndOfInput;
import dev.sluice.runtime.elements.IdleStatus;
import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.elements.Watermark;
import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.runtime.operators.BatchOperator;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.operators.OperatorException;
import dev.sluice.runtime.operators.StreamOperator;
import dev.sluice.runtime.time.ProcessingTimeService;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.runtime.state.KeyedStateBackend;
import java.util.List;

/** A subtask whose head reads channels: a one-input or two-input operator, keyed or not. */
final class InputSubtask extends Subtask {
  private static final int ITEMS_PER_CHANNEL = 4;

  private final Channel[] channels;
  private final int[] inputOfChannel;
  private final WatermarkValve valve;
  /** What the head operator was last told by {@code processIdleStatus}. */
  private boolean headIdle;
  private final AbstractStreamOperator<?> head;
  private final OneInputStreamOperator<Object, ?> oneInput;
  private final TwoInputStreamOperator<Object, Object, ?> twoInput;
  private final KeyedStateBackend keyedState;
  private final KeySelector<Object, ?> keySelector1;
  private final KeySelector<Object, ?> keySelector2;
  /** The head's batch method, when it has one and needs no key per record. */
  private final BatchOperator batchHead;

  /** Polling ended channels too: with checkpoints, barriers follow end-of-input. */
  private final boolean checkpointing;
  private final boolean exactlyOnce;
  /** Channels held back until the current checkpoint's barrier arrived on all (exactly-once). */
  private final boolean[] blocked;
  private final boolean[] barrierSeen;
  private long alignId = -1;
  private boolean aligning;
  private int barriersMissing;
  private long alignStartNanos;

  private RecordBatch batch;
  private int batchIndex;
  private int batchChannel;
  private int nextChannel;

  @SuppressWarnings("unchecked")
  InputSubtask(ExecutionAttempt job, TaskInfo taskInfo, OutputGate outputGate,
      List<StreamOperator<?>> operators, List<RecordWriter> recordWriters, Channel[] channels,
      int[] inputOfChannel, KeyedStateBackend keyedState, KeySelector<?, ?> keySelector1,
      KeySelector<?, ?> keySelector2, ProcessingTimeService processingTime) {
    super(job, taskInfo, outputGate, operators, recordWriters, processingTime);
    this.channels = channels;
    this.inputOfChannel = inputOfChannel;
    this.valve = new WatermarkValve(channels.length);
    StreamOperator<?> first = operators.get(0);
    this.head = (AbstractStreamOperator<?>) first;
    this.oneInput = first instanceof OneInputStreamOperator<?, ?> o ? (OneInputStreamOperator<Object, ?>) o : null;
    this.twoInput = first instanceof TwoInputStreamOperator<?, ?, ?> t ? (TwoInputStreamOperator<Object, Object, ?>) t : null;
    this.keyedState = keyedState;
    this.keySelector1 = (KeySelector<Object, ?>) keySelector1;
    this.keySelector2 = (KeySelector<Object, ?>) keySelector2;
    this.batchHead = keyedState == null && first instanceof BatchOperator b ? b : null;
    this.checkpointing = job.checkpoints() != null;
    this.exactlyOnce = checkpointing && job.settings().checkpointing().exactlyOnce();
    this.blocked = new boolean[channels.length];
    this.barrierSeen = new boolean[channels.length];
  }

  @Override
  protected java.util.List<Channel> inputChannels() {
    return java.util.List.of(channels);
  }

  @Override
  protected int processInput() {
    int work = 0;
    if (batch != null) {
      work++;
      if (!drainBatch()) {
        return work;
      }
    }
    int n = channels.length;
    for (int k = 0; k < n && active(); k++) {
      // the slice ends before the next channel's turn is taken, so that channel starts the next
      // slice: a channel whose items use up whole slices must not keep the others from ever
      // being read (their writers would stall, and with event time hold back the watermark)
      if (k > 0 && sliceUsedUp()) {
        return work;
      }
      int c = nextChannel;
      nextChannel = c + 1 == n ? 0 : c + 1;
      if (blocked[c] || valve.isEnded(c) && !checkpointing) {
        continue;
      }
      for (int j = 0; j < ITEMS_PER_CHANNEL && active() && !blocked[c] && (j == 0 || !sliceUsedUp()); j++) {
        ChannelItem item = channels[c].poll();
        if (item == null) {
          break;
        }
        work++;
        if (item instanceof RecordBatch b) {
          batch = b;
          batchIndex = 0;
          batchChannel = c;
          if (!drainBatch()) {
            return work;
          }
        } else {
          onControl(c, item);
        }
      }
      if (outputGate.isBlocked()) {
        return work;
      }
    }
    return work;
  }

  private boolean active() {
    return isRunning() || hasEnded();
  }

  /** Processes the current batch; false when it stopped early because the output is full. */
  private boolean drainBatch() {
    RecordBatch b = batch;
    Object[] values = b.values;
    long[] timestamps = b.timestamps;
    Object[] keys = b.keys;
    int size = b.size();
    int input = inputOfChannel[batchChannel];
    if (batchHead != null && batchIndex == 0) {
      // the whole batch in one call; its output may overshoot a full channel by one batch
      BatchOperator.process(head, batchHead, values, timestamps, size);
      batch = null;
      channels[batchChannel].recycle(b);
      return true;
    }
    for (int i = batchIndex; i < size; i++) {
      if (outputGate.isBlocked()) {
        batchIndex = i;
        return false;
      }
      Object value = values[i];
      head.recordsIn++;
      try {
        if (keyedState != null && (keys != null || keySelectorOf(input) != null)) {
          // a broadcast input of a keyed operator has no key; the last key stays current
          keyedState.setCurrentKey(keys != null ? keys[i] : key(value, input));
        }
        if (oneInput != null) {
          oneInput.processElement(value, timestamps[i]);
        } else if (input == 1) {
          twoInput.processElement1(value, timestamps[i]);
        } else {
          twoInput.processElement2(value, timestamps[i]);
        }
      } catch (OperatorException e) {
        throw e;
      } catch (Exception e) {
        throw head.failure(value, e);
      }
    }
    batch = null;
    channels[batchChannel].recycle(b);
    return true;
  }

  private KeySelector<Object, ?> keySelectorOf(int input) {
    return input == 1 ? keySelector1 : keySelector2;
  }

  private Object key(Object value, int input) throws Exception {
    return (input == 1 ? keySelector1 : keySelector2).getKey(value);
  }

  private void onControl(int channel, ChannelItem item) {
    long watermark = WatermarkValve.NO_CHANGE;
    if (item instanceof Watermark w) {
      watermark = valve.onWatermark(channel, w.timestamp());
      emitIdleStatus(false);
    } else if (item instanceof IdleStatus s) {
      watermark = valve.onIdleStatus(channel, s.idle());
      emitIdleStatus(valve.allIdle());
    } else if (item instanceof EndOfInput) {
      watermark = valve.onEnd(channel);
    } else if (item instanceof CheckpointBarrier b) {
      onBarrier(channel, b);
      return;
    }
    if (watermark != WatermarkValve.NO_CHANGE) {
      try {
        head.processWatermark(watermark);
      } catch (OperatorException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorException(head.context().operatorName(), taskInfo,
            "processWatermark(" + watermark + ")", e);
      }
    }
    boolean idle = valve.allIdle();
    if (idle != headIdle) {
      headIdle = idle;
      try {
        head.processIdleStatus(idle);
      } catch (OperatorException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorException(head.context().operatorName(), taskInfo,
            "processIdleStatus(" + idle + ")", e);
      }
    }
    if (valve.allEnded() && isRunning()) {
      endOfInput();
    }
  }

  /**
   * A barrier arrived on {@code channel}. Exactly-once: the channel is held back until the
   * barrier arrived on every channel, then the subtask snapshots and releases them all.
   * At-least-once: nothing is held back; the snapshot is taken at the last barrier. A barrier of
   * a newer checkpoint ends the alignment of an older one, which is abandoned.
   */
  private void onBarrier(int channel, CheckpointBarrier barrier) {
    if (barrier.id() < alignId || barrier.id() == alignId && !aligning) {
      return; // an abandoned checkpoint, or this one is done
    }
    if (barrier.id() > alignId) {
      java.util.Arrays.fill(blocked, false);
      java.util.Arrays.fill(barrierSeen, false);
      alignId = barrier.id();
      aligning = true;
      barriersMissing = channels.length;
      alignStartNanos = System.nanoTime();
    }
    if (barrierSeen[channel]) {
      return;
    }
    barrierSeen[channel] = true;
    blocked[channel] = exactlyOnce;
    if (--barriersMissing == 0) {
      aligning = false;
      java.util.Arrays.fill(blocked, false);
      performCheckpoint(barrier, System.nanoTime() - alignStartNanos);
    }
  }

  @Override
  void abortCheckpoint(long id) {
    if (id == alignId && aligning) {
      aligning = false;
      java.util.Arrays.fill(blocked, false);
    }
  }
}
