package dev.sluice.examples.usecases.sales;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent model of tumbling event-time windows with the default trigger, allowed lateness
 * and a late side output, for sales arriving in a known order with a punctuated watermark (after
 * each event: the highest timestamp so far minus {@code delay} minus 1 ms). Flink's rules, written
 * out:
 *
 * <ul>
 *   <li>a sale belongs to the window {@code [floor(t / size) * size, + size)}; its last ms is
 *       {@code maxTs = end - 1}, its cleanup time {@code maxTs + lateness};
 *   <li>a sale whose window's cleanup time is at or below the current watermark is late: it goes to
 *       the side output and changes nothing;
 *   <li>otherwise it is added; if the watermark is already at or past {@code maxTs} (the window has
 *       fired), the window fires again at once with all its contents;
 *   <li>when the watermark reaches {@code maxTs} the window fires (once); when it reaches the cleanup
 *       time the window is forgotten;
 *   <li>the end of the input is a watermark at the end of time.
 * </ul>
 */
public final class TumblingWindowModel {
  public record Key(String category, long start) {}

  /**
   * Firings per window, in order; the late sales in arrival order; and all firings in the order
   * they happen (per category, the order in which the window operator emits them).
   */
  public record Result(Map<Key, List<CategorySales>> firings, List<SalesTransaction> late,
      List<CategorySales> sequence) {}

  private final long size;
  private final long lateness;
  private final Map<Key, long[]> open = new TreeMap<>(
      Comparator.comparingLong(Key::start).thenComparing(Key::category)); // {count, cents}
  private final Set<Key> fired = new HashSet<>();
  private final Map<Key, List<CategorySales>> firings = new TreeMap<>(
      Comparator.comparing(Key::category).thenComparingLong(Key::start));
  private final List<SalesTransaction> late = new ArrayList<>();
  private final List<CategorySales> sequence = new ArrayList<>();
  private long watermark = Long.MIN_VALUE;

  private TumblingWindowModel(long size, long lateness) {
    this.size = size;
    this.lateness = lateness;
  }

  public static Result run(List<SalesTransaction> arrival, long size, long lateness, long delay) {
    TumblingWindowModel m = new TumblingWindowModel(size, lateness);
    long max = Long.MIN_VALUE;
    for (SalesTransaction tx : arrival) {
      m.element(tx);
      max = Math.max(max, tx.timestamp());
      m.advance(max - delay - 1);
    }
    m.advance(Long.MAX_VALUE);
    return new Result(m.firings, m.late, m.sequence);
  }

  private void element(SalesTransaction tx) {
    long start = Math.floorDiv(tx.timestamp(), size) * size;
    long maxTs = start + size - 1;
    if (maxTs + lateness <= watermark) {
      late.add(tx);
      return;
    }
    Key key = new Key(tx.category(), start);
    long[] acc = open.computeIfAbsent(key, k -> new long[2]);
    acc[0]++;
    acc[1] += tx.cents();
    if (maxTs <= watermark) {
      fire(key, acc);
    }
  }

  private void advance(long newWatermark) {
    if (newWatermark <= watermark) {
      return;
    }
    watermark = newWatermark;
    var it = open.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      Key key = e.getKey();
      long maxTs = key.start() + size - 1;
      if (maxTs <= watermark && !fired.contains(key)) {
        fire(key, e.getValue());
      }
      if (maxTs + lateness <= watermark) {
        it.remove();
        fired.remove(key);
      }
    }
  }

  private void fire(Key key, long[] acc) {
    fired.add(key);
    CategorySales result =
        new CategorySales(key.category(), key.start(), key.start() + size, acc[0], acc[1] / 100.0);
    firings.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
    sequence.add(result);
  }
}
