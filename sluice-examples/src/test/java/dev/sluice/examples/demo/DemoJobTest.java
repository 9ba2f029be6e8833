package dev.sluice.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.examples.usecases.sales.CategorySales;
import dev.sluice.examples.usecases.sales.SalesTransaction;
import dev.sluice.examples.usecases.sales.TumblingWindowModel;
import dev.sluice.examples.usecases.sales.TumblingWindowModel.Key;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.test.CapturedStream;
import dev.sluice.test.SluiceTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeMap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DemoJobTest {
  private static final Pattern ROW =
      Pattern.compile("^\\s+([a-z]+)\\s+([\\d,]+)\\s+([\\d,]+\\.\\d\\d)\\s+[\\d.]+%.*$");

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void boundedRunPrintsExactFinalTotals(int parallelism) throws Exception {
    int events = 20_000;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    DemoJob.build(env, new DemoOptions().events(events).rate(0).out(out));
    env.execute(DemoJob.JOB_NAME);

    String text = bytes.toString(StandardCharsets.UTF_8);
    int at = text.lastIndexOf(LiveRevenueSink.FINAL_TITLE);
    assertThat(at).as("final table in:%n%s", text).isGreaterThanOrEqualTo(0);
    List<String> finalTable = text.substring(at).lines().toList();

    Map<String, long[]> expected = new HashMap<>(); // category -> {orders, cents}
    for (long i = 0; i < events; i++) {
      Order o = new OrderGenerator().map(i);
      long[] t = expected.computeIfAbsent(o.category(), c -> new long[2]);
      t[0]++;
      t[1] += Math.round(o.amount() * 100);
    }

    Map<String, long[]> actual = new LinkedHashMap<>();
    for (String line : finalTable) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        long orders = Long.parseLong(m.group(2).replace(",", ""));
        long cents = new BigDecimal(m.group(3).replace(",", "")).movePointRight(2).longValueExact();
        actual.put(m.group(1), new long[] {orders, cents});
      }
    }
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((category, t) -> {
      assertThat(actual.get(category)).as(category).containsExactly(t[0], t[1]);
    });
    // sorted by revenue, most first
    List<Long> revenues = actual.values().stream().map(t -> t[1]).toList();
    assertThat(revenues).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(finalTable).anyMatch(l -> l.contains("20,000 events of 20,000 (100%)"));

    // the windowed view counted exactly what the model says
    TumblingWindowModel.Result model = windowModel(events);
    int results = model.sequence().size();
    assertThat(finalTable).anyMatch(l -> l.startsWith(String.format(java.util.Locale.ROOT,
        "%s %,d results", LiveRevenueSink.WINDOWS_LINE, results))
        && l.endsWith(String.format(java.util.Locale.ROOT, "late orders dropped: %,d", model.late().size())));
    assertThat(finalTable).anyMatch(l -> l.startsWith(LiveRevenueSink.ALERTS_TITLE)
        && l.endsWith(String.format(java.util.Locale.ROOT, ": %,d", alertModel(model).size())));
  }

  /** Orders 0..n-1 in index order (the demo's source is one reader) through the window model. */
  private static TumblingWindowModel.Result windowModel(int events) {
    List<SalesTransaction> arrival = new ArrayList<>();
    for (long i = 0; i < events; i++) {
      arrival.add(DemoJob.toSale(OrderGenerator.order(i)));
    }
    return TumblingWindowModel.run(arrival, DemoJob.WINDOW.toMillis(), DemoJob.ALLOWED_LATENESS.toMillis(),
        OrderGenerator.MAX_OUT_OF_ORDERNESS_MILLIS);
  }

  /**
   * The alert rule on the model's window results: per category, in emission order, a result for a
   * window newer than any before alerts when the newest window before was the one right before it
   * and this one has more than JUMP_FACTOR times its revenue.
   */
  private static List<RevenueAlert> alertModel(TumblingWindowModel.Result model) {
    long size = DemoJob.WINDOW.toMillis();
    Map<String, CategorySales> newest = new HashMap<>();
    List<RevenueAlert> alerts = new ArrayList<>();
    for (CategorySales s : model.sequence()) {
      CategorySales prev = newest.get(s.category());
      if (prev != null && s.windowStart() <= prev.windowStart()) {
        continue;
      }
      if (prev != null && prev.windowStart() + size == s.windowStart() && prev.total() > 0
          && s.total() > DemoJob.JUMP_FACTOR * prev.total()) {
        alerts.add(new RevenueAlert(s.category(), s.windowStart(), s.windowEnd(), s.total(), prev.total()));
      }
      newest.put(s.category(), s);
    }
    return alerts;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void windowsLateOrdersAndAlertsEqualTheModel(int parallelism) {
    int events = 60_000;
    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
    DemoJob.Pipeline pipeline = DemoJob.pipeline(env, new DemoOptions().events(events).rate(0));
    CapturedStream<CategorySales> windows = SluiceTestKit.capture(pipeline.windows());
    CapturedStream<SalesTransaction> late = SluiceTestKit.capture(pipeline.late());
    CapturedStream<RevenueAlert> alerts = SluiceTestKit.capture(pipeline.alerts());
    SluiceTestKit.execute(env, Duration.ofSeconds(60));

    TumblingWindowModel.Result model = windowModel(events);
    Map<Key, List<CategorySales>> actual = new TreeMap<>(
        Comparator.comparing(Key::category).thenComparingLong(Key::start));
    for (CategorySales s : windows.values()) {
      actual.computeIfAbsent(new Key(s.category(), s.windowStart()), k -> new ArrayList<>()).add(s);
    }
    assertThat(actual).isEqualTo(model.firings());
    assertThat(late.values()).extracting(SalesTransaction::transactionId)
        .containsExactlyInAnyOrderElementsOf(model.late().stream().map(SalesTransaction::transactionId).toList());
    List<RevenueAlert> expectedAlerts = alertModel(model);
    assertThat(alerts.values()).containsExactlyInAnyOrderElementsOf(expectedAlerts);
    // the run exercises every part: updates from late orders, dropped late orders, alerts
    assertThat(model.firings().values()).anyMatch(f -> f.size() > 1);
    assertThat(model.late()).hasSizeGreaterThan(20);
    assertThat(expectedAlerts).isNotEmpty();
  }

  @Test
  void generatorIsDeterministicAndInRange() {
    Map<String, Integer> perCategory = new HashMap<>();
    for (long i = 0; i < 100_000; i++) {
      Order o = OrderGenerator.order(i);
      assertThat(o).isEqualTo(OrderGenerator.order(i));
      assertThat(o.orderId()).isEqualTo(i);
      assertThat(o.amount()).isBetween(5.0, 500.0);
      assertThat(Math.round(o.amount() * 100) / 100.0).isEqualTo(o.amount());
      assertThat(OrderGenerator.CATEGORIES).contains(o.category());
      perCategory.merge(o.category(), 1, Integer::sum);
    }
    assertThat(perCategory).hasSize(8);
    // skewed: the most popular category has several times the orders of the least popular
    assertThat(perCategory.get("electronics")).isGreaterThan(5 * perCategory.get("garden"));
  }

  @Test
  void sinkRefusesParallelism() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DemoJob.build(env, new DemoOptions().events(10).rate(0).out(new PrintStream(new ByteArrayOutputStream())))
        .setParallelism(2);
    assertThatThrownBy(() -> env.execute()).hasStackTraceContaining("parallelism 1");
  }

  @Test
  void optionsRejectBadValues() {
    assertThatThrownBy(() -> new DemoOptions().events(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DemoOptions().rate(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
