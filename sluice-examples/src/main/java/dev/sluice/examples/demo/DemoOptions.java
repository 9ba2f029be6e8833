package dev.sluice.examples.demo;

import java.io.PrintStream;
import java.util.Objects;

/** Settings of the demo job. Mutable, with fluent setters; {@link #DemoOptions()} gives defaults. */
public final class DemoOptions {
  /** Events when none are given: unbounded. */
  public static final long UNBOUNDED = Long.MAX_VALUE;
  public static final double DEFAULT_RATE = 200_000;
  public static final long DEFAULT_REFRESH_MILLIS = 500;

  private long events = UNBOUNDED;
  private double rate = DEFAULT_RATE;
  private PrintStream out = System.out;
  private boolean ansi;
  private long refreshMillis = DEFAULT_REFRESH_MILLIS;

  /** Number of orders to generate; {@link #UNBOUNDED} (the default) never ends. */
  public long events() {
    return events;
  }

  public DemoOptions events(long events) {
    if (events <= 0) {
      throw new IllegalArgumentException("The number of events must be at least 1, got " + events);
    }
    this.events = events;
    return this;
  }

  public boolean bounded() {
    return events != UNBOUNDED;
  }

  /** Orders per second over the whole job; 0 means as fast as possible. Default 200,000. */
  public double rate() {
    return rate;
  }

  public DemoOptions rate(double rate) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(
          "The rate must be 0 (unlimited) or a positive number of events per second, got " + rate);
    }
    this.rate = rate;
    return this;
  }

  /** Where the live table is printed. Default {@code System.out}. */
  public PrintStream out() {
    return out;
  }

  public DemoOptions out(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
    return this;
  }

  /** Redraw the table in place with ANSI escapes (for terminals), or append each refresh. */
  public boolean ansi() {
    return ansi;
  }

  public DemoOptions ansi(boolean ansi) {
    this.ansi = ansi;
    return this;
  }

  /** Shortest time between two refreshes of the table. Default 500 ms. */
  public long refreshMillis() {
    return refreshMillis;
  }

  public DemoOptions refreshMillis(long refreshMillis) {
    if (refreshMillis < 0) {
      throw new IllegalArgumentException("refreshMillis must not be negative, got " + refreshMillis);
    }
    this.refreshMillis = refreshMillis;
    return this;
  }
}
