package dev.sluice.runtime.channel;

import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.elements.Control;
import dev.sluice.runtime.elements.IdleStatus;
import dev.sluice.runtime.elements.Watermark;
import dev.sluice.runtime.operators.Output;
import dev.sluice.util.OutputTag;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Routes the records of one edge of one upstream subtask to the channels of that edge. Control
 * elements go to every channel.
 */
public abstract sealed class RecordWriter implements Output<Object> {
  protected final ChannelWriter[] writers;

  protected RecordWriter(ChannelWriter[] writers) {
    this.writers = writers;
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    throw new IllegalStateException("A record writer carries one output; side outputs are routed earlier");
  }

  @Override
  public void emitWatermark(long watermark) {
    emit(new Watermark(watermark));
  }

  @Override
  public void emitIdleStatus(boolean idle) {
    emit(idle ? IdleStatus.IDLE : IdleStatus.ACTIVE);
  }

  /** Sends a control element to every channel, after the records written before it. */
  public void emit(Control control) {
    for (ChannelWriter w : writers) {
      w.emit(control);
    }
  }

  /** Subtask i to subtask i. */
  public static final class Forward extends RecordWriter {
    private final ChannelWriter writer;

    public Forward(ChannelWriter writer) {
      super(new ChannelWriter[] {writer});
      this.writer = writer;
    }

    @Override
    public void collect(Object value, long timestamp) {
      writer.add(value, timestamp);
    }

    @Override
    public void collectBatch(Object[] values, long[] timestamps, int size) {
      ChannelWriter w = writer;
      for (int i = 0; i < size; i++) {
        w.add(values[i], timestamps[i]);
      }
    }
  }

  /** Round robin. */
  public static final class Rebalance extends RecordWriter {
    private int next;

    public Rebalance(ChannelWriter[] writers, int start) {
      super(writers);
      this.next = start % writers.length;
    }

    @Override
    public void collect(Object value, long timestamp) {
      writers[next].add(value, timestamp);
      if (++next == writers.length) {
        next = 0;
      }
    }

    @Override
    public void collectBatch(Object[] values, long[] timestamps, int size) {
      for (int i = 0; i < size; i++) {
        collect(values[i], timestamps[i]);
      }
    }
  }

  /** Uniformly random. */
  public static final class Shuffle extends RecordWriter {
    public Shuffle(ChannelWriter[] writers) {
      super(writers);
    }

    @Override
    public void collect(Object value, long timestamp) {
      writers[ThreadLocalRandom.current().nextInt(writers.length)].add(value, timestamp);
    }
  }

  /** Every record to every channel (the same object: consumers must not mutate it). */
  public static final class Broadcast extends RecordWriter {
    public Broadcast(ChannelWriter[] writers) {
      super(writers);
    }

    @Override
    public void collect(Object value, long timestamp) {
      for (ChannelWriter w : writers) {
        w.add(value, timestamp);
      }
    }
  }

  /** By key group; the extracted key travels with the record. */
  public static final class Hash extends RecordWriter {
    private final KeySelector<Object, Object> keySelector;
    private final int maxParallelism;
    private final String description;

    @SuppressWarnings("unchecked")
    public Hash(ChannelWriter[] writers, KeySelector<?, ?> keySelector, int maxParallelism,
        String description) {
      super(writers);
      this.keySelector = (KeySelector<Object, Object>) keySelector;
      this.maxParallelism = maxParallelism;
      this.description = description;
    }

    @Override
    public void collect(Object value, long timestamp) {
      Object key;
      try {
        key = keySelector.getKey(value);
      } catch (Exception e) {
        throw new KeyExtractionException(description, value, e);
      }
      if (key == null) {
        throw new KeyExtractionException(description, value,
            new NullPointerException("the key selector returned null; keys must not be null"));
      }
      int keyGroup = KeyGroups.keyGroupFor(key, maxParallelism);
      writers[KeyGroups.subtaskForKeyGroup(keyGroup, maxParallelism, writers.length)]
          .add(value, timestamp, key);
    }

    @Override
    public void collectBatch(Object[] values, long[] timestamps, int size) {
      for (int i = 0; i < size; i++) {
        collect(values[i], timestamps[i]);
      }
    }
  }

  /** The key selector of a keyBy failed (or returned null). */
  public static final class KeyExtractionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyExtractionException(String description, Object value, Throwable cause) {
      super("The key selector of " + description + " failed on [" + value + "]: " + cause, cause);
    }
  }

}
