package dev.sluice.examples.usecases;

import java.io.PrintStream;
import java.util.Objects;

/** Settings of a use-case example run. Mutable, with fluent setters; the constructor gives defaults. */
public final class ExampleOptions {
  /** Events when none are given: unbounded. */
  public static final long UNBOUNDED = Long.MAX_VALUE;
  public static final double DEFAULT_RATE = 2_000;
  public static final long DEFAULT_OUT_OF_ORDERNESS_MILLIS = 3_000;
  public static final double DEFAULT_ANOMALY_RATE = 0.01;

  private long events = UNBOUNDED;
  private double rate = DEFAULT_RATE;
  private long outOfOrdernessMillis = DEFAULT_OUT_OF_ORDERNESS_MILLIS;
  private double anomalyRate = DEFAULT_ANOMALY_RATE;
  private PrintStream out = System.out;

  /** Number of events to generate; {@link #UNBOUNDED} (the default) runs until cancelled. */
  public long events() {
    return events;
  }

  public ExampleOptions events(long events) {
    if (events <= 0) {
      throw new IllegalArgumentException("The number of events must be at least 1, got " + events);
    }
    this.events = events;
    return this;
  }

  public boolean bounded() {
    return events != UNBOUNDED;
  }

  /** Events per second over the whole job; 0 means as fast as possible. */
  public double rate() {
    return rate;
  }

  public ExampleOptions rate(double rate) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(
          "The rate must be 0 (unlimited) or a positive number of events per second, got " + rate);
    }
    this.rate = rate;
    return this;
  }

  /**
   * How far (in event time) a generated event may lag behind the newest one generated before it;
   * the generated stream's watermarks allow for exactly this much.
   */
  public long outOfOrdernessMillis() {
    return outOfOrdernessMillis;
  }

  public ExampleOptions outOfOrdernessMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("The out-of-orderness must not be negative, got " + millis);
    }
    this.outOfOrdernessMillis = millis;
    return this;
  }

  /** Share of generated events (0..1) that are anomalies of the example's kind. */
  public double anomalyRate() {
    return anomalyRate;
  }

  public ExampleOptions anomalyRate(double anomalyRate) {
    if (!(anomalyRate >= 0 && anomalyRate <= 1)) {
      throw new IllegalArgumentException("The anomaly rate must be between 0 and 1, got " + anomalyRate);
    }
    this.anomalyRate = anomalyRate;
    return this;
  }

  /** Where results are printed. Default {@code System.out}. */
  public PrintStream out() {
    return out;
  }

  public ExampleOptions out(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
    return this;
  }
}
