package dev.sluice.examples.demo;

import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.examples.usecases.sales.CategorySales;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the latest totals per category and renders them as a compact view, at most once per
 * refresh interval, on the sink's worker thread: the running totals, one line per category sorted
 * by revenue; the latest closed event-time window of each category (with the counts of window
 * results, of updates from late orders and of late orders dropped); the last alerts; then a
 * progress line (events processed, events per second, elapsed time). When a bounded input ends it
 * prints the final view with exact totals; when the job stops early, the last view it saw.
 *
 * <p>Runs with parallelism 1 only: the table is one view of all categories. Rendering is cheap
 * (a few short lines built in one buffer and written with one call), and the clock is read only
 * every few hundred records at high rates.
 */
public class LiveRevenueSink implements Sink<DemoUpdate> {
  private static final long serialVersionUID = 1L;
  /** Title of the table printed when a bounded input has ended. */
  public static final String FINAL_TITLE = "Revenue by category - final totals";
  static final String LIVE_TITLE = "Revenue by category - live";
  static final String STOPPED_TITLE = "Revenue by category - stopped";
  /** First words of the line counting window results. */
  public static final String WINDOWS_LINE = "  windows:";
  /** First words of the alerts section's title. */
  public static final String ALERTS_TITLE = "Alerts";
  private static final int BAR_WIDTH = 20;
  private static final int ALERTS_SHOWN = 5;

  private final transient PrintStream out;
  private final long expectedEvents;
  private final boolean ansi;
  private final long refreshMillis;

  /** A table on {@code out}, appended every 500 ms. */
  public LiveRevenueSink(PrintStream out) {
    this(out, -1, false, DemoOptions.DEFAULT_REFRESH_MILLIS);
  }

  /**
   * @param out where to print
   * @param expectedEvents the number of events when known (for a percentage), else -1
   * @param ansi redraw the table in place with ANSI escapes instead of appending it
   * @param refreshMillis shortest time between two renderings
   */
  public LiveRevenueSink(PrintStream out, long expectedEvents, boolean ansi, long refreshMillis) {
    this.out = out;
    this.expectedEvents = expectedEvents;
    this.ansi = ansi;
    this.refreshMillis = refreshMillis;
  }

  @Override
  public SinkWriter<DemoUpdate> createWriter(WriterInitContext context) {
    if (context.getNumberOfParallelSubtasks() != 1) {
      throw new IllegalStateException("LiveRevenueSink renders one table and must run with "
          + "parallelism 1, got " + context.getNumberOfParallelSubtasks()
          + "; call setParallelism(1) on the sink");
    }
    return new Writer(out == null ? System.out : out);
  }

  private final class Writer implements SinkWriter<DemoUpdate> {
    private final PrintStream stream;
    private final Map<String, CategoryRevenue> latest = new HashMap<>();
    private final Map<String, CategorySales> lastWindow = new HashMap<>();
    private final ArrayDeque<RevenueAlert> lastAlerts = new ArrayDeque<>();
    private long windowResults;
    private long windowUpdates;
    private long lateOrders;
    private long alerts;
    private final long startNanos = System.nanoTime();
    private final long refreshNanos = refreshMillis * 1_000_000L;
    private long events;
    private long lastRenderNanos = startNanos;
    private long eventsAtLastRender;
    private int stride = 1;
    private int untilClockCheck = 1;
    private int linesDrawn;
    private boolean done;

    Writer(PrintStream stream) {
      this.stream = stream;
    }

    @Override
    public void write(DemoUpdate update, Context context) {
      if (update.running() != null) {
        latest.put(update.running().category(), update.running());
        events++;
      } else if (update.window() != null) {
        window(update.window());
      } else if (update.alert() != null) {
        alerts++;
        lastAlerts.addLast(update.alert());
        if (lastAlerts.size() > ALERTS_SHOWN) {
          lastAlerts.removeFirst();
        }
      } else if (update.late() != null) {
        lateOrders++;
      }
      if (--untilClockCheck <= 0) {
        untilClockCheck = stride;
        long now = System.nanoTime();
        if (now - lastRenderNanos >= refreshNanos) {
          render(now, LIVE_TITLE, false);
        }
      }
    }

    @Override
    public void flush(boolean endOfInput) {
      if (endOfInput && !done) {
        done = true;
        render(System.nanoTime(), FINAL_TITLE, true);
      }
    }

    @Override
    public void close() {
      if (!done && events > 0) {
        done = true;
        render(System.nanoTime(), STOPPED_TITLE, true);
      }
    }

    private void window(CategorySales sales) {
      windowResults++;
      CategorySales shown = lastWindow.get(sales.category());
      if (shown == null || sales.windowStart() > shown.windowStart()) {
        lastWindow.put(sales.category(), sales);
      } else {
        windowUpdates++; // a window that fired before, again (or a window opened by a late order)
        if (sales.windowStart() == shown.windowStart()) {
          lastWindow.put(sales.category(), sales);
        }
      }
    }

    private int windowSection(StringBuilder sb) {
      int lines = 0;
      long newest = Long.MIN_VALUE;
      for (CategorySales s : lastWindow.values()) {
        newest = Math.max(newest, s.windowStart());
      }
      lines += line(sb, String.format(Locale.ROOT, "Last closed %d s event-time window per category"
          + " (allowed lateness %d s)%s", DemoJob.WINDOW.toSeconds(), DemoJob.ALLOWED_LATENESS.toSeconds(),
          newest == Long.MIN_VALUE ? ": none yet" : ", newest "
              + DemoTime.window(newest, newest + DemoJob.WINDOW.toMillis()) + " UTC"));
      List<CategorySales> rows = new ArrayList<>(lastWindow.values());
      rows.sort(Comparator.comparingDouble(CategorySales::total).reversed().thenComparing(CategorySales::category));
      for (CategorySales s : rows) {
        lines += line(sb, String.format(Locale.ROOT, "  %-12s %,12d %,16.2f  %s", s.category(), s.count(),
            s.total(), DemoTime.window(s.windowStart(), s.windowEnd())));
      }
      lines += line(sb, String.format(Locale.ROOT, "%s %,d results, %,d of them updates from late orders"
          + " | late orders dropped: %,d", WINDOWS_LINE, windowResults, windowUpdates, lateOrders));
      lines += line(sb, String.format(Locale.ROOT, "%s - window revenue above %.1fx the window before: %,d",
          ALERTS_TITLE, DemoJob.JUMP_FACTOR, alerts));
      for (RevenueAlert a : lastAlerts) {
        lines += line(sb, "  " + a.describe());
      }
      return lines;
    }

    private void render(long now, String title, boolean last) {
      List<CategoryRevenue> rows = new ArrayList<>(latest.values());
      rows.sort(Comparator.comparingDouble(CategoryRevenue::revenue).reversed()
          .thenComparing(CategoryRevenue::category));
      double total = 0;
      double top = 0;
      for (CategoryRevenue r : rows) {
        total += r.revenue();
        top = Math.max(top, r.revenue());
      }
      double elapsed = (now - startNanos) / 1e9;
      double rate = last
          ? (elapsed > 0 ? events / elapsed : 0)
          : (events - eventsAtLastRender) / Math.max(1e-9, (now - lastRenderNanos) / 1e9);

      StringBuilder sb = new StringBuilder(128 * (2 * rows.size() + ALERTS_SHOWN + 8));
      if (ansi && linesDrawn > 0) {
        sb.append("\033[").append(linesDrawn).append('F'); // back to the first line of the table
      }
      int lines = 0;
      lines += line(sb, title);
      lines += line(sb, String.format(Locale.ROOT, "  %-12s %12s %16s %6s", "CATEGORY", "ORDERS",
          "REVENUE", "SHARE"));
      for (CategoryRevenue r : rows) {
        double share = total > 0 ? r.revenue() / total : 0;
        lines += line(sb, String.format(Locale.ROOT, "  %-12s %,12d %,16.2f %5.1f%%  %s",
            r.category(), r.orders(), r.revenue(), 100 * share, bar(top > 0 ? r.revenue() / top : 0)));
      }
      lines += windowSection(sb);
      StringBuilder progress = new StringBuilder(96);
      progress.append(String.format(Locale.ROOT, "  %,d events", events));
      if (expectedEvents > 0) {
        progress.append(String.format(Locale.ROOT, " of %,d (%.0f%%)", expectedEvents,
            100.0 * events / expectedEvents));
      }
      progress.append(String.format(Locale.ROOT, " | %,.0f events/s%s | %.1f s elapsed", rate,
          last ? " avg" : "", elapsed));
      lines += line(sb, progress.toString());
      if (!ansi) {
        sb.append(System.lineSeparator());
      } else {
        sb.append("\033[J"); // clear anything left below
      }
      stream.print(sb);
      stream.flush();

      linesDrawn = lines;
      stride = (int) Math.max(1, Math.min(4096, (events - eventsAtLastRender) / 200));
      eventsAtLastRender = events;
      lastRenderNanos = now;
    }

    private int line(StringBuilder sb, String text) {
      sb.append(text);
      if (ansi) {
        sb.append("\033[K"); // clear the rest of the old line
      }
      sb.append(System.lineSeparator());
      return 1;
    }

    /** A bar of {@code fraction} of the full width (the top category has the full width). */
    private String bar(double fraction) {
      int n = (int) Math.round(fraction * BAR_WIDTH);
      return (ansi ? "\u2588" : "#").repeat(Math.max(0, Math.min(BAR_WIDTH, n)));
    }
  }
}
