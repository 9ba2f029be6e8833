package dev.sluice.runtime.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named metrics of one operator instance: counters and gauges holding a {@code long}.
 *
 * <p>Each metric has a single writer, the operator's subtask thread, which updates it with a plain
 * read and a release write (no atomic read-modify-write, no fence on the hot path); any thread may
 * read it with an acquire read and sees a value the writer wrote. Registration is rare and may
 * happen while other threads take snapshots.
 */
public final class OperatorMetrics {
  private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

  /** The counter called {@code name}, created on first use. */
  public Counter counter(String name) {
    return (Counter) metrics.computeIfAbsent(name, n -> new Counter());
  }

  /** The gauge called {@code name}, created on first use. */
  public Gauge gauge(String name) {
    return (Gauge) metrics.computeIfAbsent(name, n -> new Gauge());
  }

  /** The current value of every metric, by name (sorted). */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    metrics.forEach((name, m) -> out.put(name, m.read()));
    return out;
  }

  /** The current value of the metric {@code name}, or null when there is none. */
  public Long get(String name) {
    Metric m = metrics.get(name);
    return m == null ? null : m.read();
  }

  /** A long written by one thread and read by any. */
  public abstract static class Metric {
    private static final VarHandle VALUE;

    static {
      try {
        VALUE = MethodHandles.lookup().findVarHandle(Metric.class, "value", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private long value;

    final void write(long v) {
      VALUE.setRelease(this, v);
    }

    final long plain() {
      return value;
    }

    /** The value, read from any thread. */
    public final long read() {
      return (long) VALUE.getAcquire(this);
    }
  }

  /** A count that only grows. Written by the owning operator's thread only. */
  public static final class Counter extends Metric {
    public void inc() {
      write(plain() + 1);
    }

    public void inc(long n) {
      write(plain() + n);
    }

    public long getCount() {
      return read();
    }
  }

  /** A value the owner sets (e.g. the current watermark). Written by the owning operator's thread only. */
  public static final class Gauge extends Metric {
    {
      write(Long.MIN_VALUE);
    }

    public void set(long value) {
      write(value);
    }

    public long getValue() {
      return read();
    }
  }
}
