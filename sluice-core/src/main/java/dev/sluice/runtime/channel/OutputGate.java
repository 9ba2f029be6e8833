package dev.sluice.runtime.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * All channel writers of one subtask. Tells the subtask whether it may take more input: it may not
 * while any writer holds items that its channel refused. Used by the subtask's thread only.
 */
public final class OutputGate {
  private final List<ChannelWriter> writers = new ArrayList<>();
  private int blockedWriters;

  ChannelWriter register(ChannelWriter writer) {
    writers.add(writer);
    return writer;
  }

  void writerBlocked() {
    blockedWriters++;
  }

  void writerUnblocked() {
    blockedWriters--;
  }

  /** True while some output channel is full and holds items back. */
  public boolean isBlocked() {
    return blockedWriters != 0;
  }

  /** Tries to move held-back items into their channels; returns true if any moved. */
  public boolean drainPending() {
    boolean moved = false;
    for (int i = 0; i < writers.size(); i++) {
      moved |= writers.get(i).drainPending();
    }
    return moved;
  }

  /** Hands partially filled batches to their channels (end of a work slice). */
  public void flush() {
    for (int i = 0; i < writers.size(); i++) {
      writers.get(i).flush();
    }
  }

  public List<ChannelWriter> writers() {
    return writers;
  }
}
