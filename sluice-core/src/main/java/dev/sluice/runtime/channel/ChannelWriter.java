package dev.sluice.runtime.channel;

import dev.sluice.runtime.elements.ChannelItem;
import dev.sluice.runtime.elements.Control;
import dev.sluice.runtime.elements.RecordBatch;
import java.util.ArrayDeque;

/**
 * Fills batches for one channel and hands them over. Never blocks: what the channel refuses waits
 * in an overflow list, in order, and the {@link OutputGate} is told so the subtask pauses its
 * input. Used by the writing subtask's thread only.
 */
public final class ChannelWriter {
  private final Channel channel;
  private final OutputGate gate;
  private final ArrayDeque<ChannelItem> pending = new ArrayDeque<>();
  private RecordBatch current;

  public ChannelWriter(Channel channel, OutputGate gate) {
    this.channel = channel;
    this.gate = gate;
    gate.register(this);
  }

  public void add(Object value, long timestamp) {
    RecordBatch batch = current;
    if (batch == null) {
      batch = current = channel.newBatch();
    }
    batch.add(value, timestamp);
    if (batch.isFull()) {
      current = null;
      push(batch);
    }
  }

  public void add(Object value, long timestamp, Object key) {
    RecordBatch batch = current;
    if (batch == null) {
      batch = current = channel.newBatch();
    }
    batch.add(value, timestamp, key);
    if (batch.isFull()) {
      current = null;
      push(batch);
    }
  }

  /** Sends a control element after everything written before it. */
  public void emit(Control control) {
    flush();
    push(control);
  }

  /** Hands the partially filled batch, if any, to the channel. */
  public void flush() {
    RecordBatch batch = current;
    if (batch != null && !batch.isEmpty()) {
      current = null;
      push(batch);
    }
  }

  private void push(ChannelItem item) {
    if (pending.isEmpty()) {
      if (channel.offer(item)) {
        return;
      }
      gate.writerBlocked();
    }
    pending.addLast(item);
  }

  /** Moves held-back items into the channel while it has room; true if any moved. */
  boolean drainPending() {
    if (pending.isEmpty()) {
      return false;
    }
    boolean moved = false;
    while (!pending.isEmpty() && channel.offer(pending.peekFirst())) {
      pending.pollFirst();
      moved = true;
    }
    if (pending.isEmpty()) {
      gate.writerUnblocked();
    }
    return moved;
  }

  public Channel channel() {
    return channel;
  }
}
