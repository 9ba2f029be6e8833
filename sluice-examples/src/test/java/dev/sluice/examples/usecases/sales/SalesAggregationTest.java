package dev.sluice.examples.usecases.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.usecases.Inputs;
import dev.sluice.examples.usecases.Randomness;
import dev.sluice.examples.usecases.sales.TumblingWindowModel.Key;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.test.CapturedStream;
import dev.sluice.test.SluiceTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesAggregationTest {
  private static final long SIZE = SalesAggregation.WINDOW.toMillis();
  private static final long LATENESS = SalesAggregation.ALLOWED_LATENESS.toMillis();
  private static final long B = Randomness.START_MILLIS; // a multiple of 5 minutes
  private static final Comparator<SalesTransaction> BY_ID = Comparator.comparing(SalesTransaction::transactionId);

  private static List<SalesTransaction> generated(int n, long outOfOrderness, double lateRate) {
    SalesGenerator generator = new SalesGenerator(outOfOrderness, lateRate);
    List<SalesTransaction> txs = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      txs.add(generator.map(i));
    }
    return txs;
  }

  /** The model when nothing is late: per category and window, count and sum. */
  private static Map<Key, CategorySales> totals(List<SalesTransaction> txs) {
    Map<Key, long[]> acc = new TreeMap<>(Comparator.comparing(Key::category).thenComparingLong(Key::start));
    for (SalesTransaction tx : txs) {
      long start = tx.timestamp() - Math.floorMod(tx.timestamp(), SIZE);
      long[] a = acc.computeIfAbsent(new Key(tx.category(), start), k -> new long[2]);
      a[0]++;
      a[1] += tx.cents();
    }
    Map<Key, CategorySales> out = new TreeMap<>(Comparator.comparing(Key::category).thenComparingLong(Key::start));
    acc.forEach((k, a) -> out.put(k, new CategorySales(k.category(), k.start(), k.start() + SIZE, a[0], a[1] / 100.0)));
    return out;
  }

  private static Map<Key, List<CategorySales>> byWindow(List<CategorySales> results) {
    Map<Key, List<CategorySales>> out = new TreeMap<>(Comparator.comparing(Key::category).thenComparingLong(Key::start));
    for (CategorySales s : results) {
      out.computeIfAbsent(new Key(s.category(), s.windowStart()), k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  @ParameterizedTest(name = "parallelism {0}, fully shuffled {1}")
  @CsvSource({"1, false", "3, false", "1, true", "3, true"})
  void nothingLateGivesOneResultPerWindowEqualToTheModel(int parallelism, boolean fullShuffle) {
    List<SalesTransaction> txs = generated(9_000, 3_000, 0); // 15 minutes: three windows
    // edges: first and last ms of a window, first ms of the next
    txs.add(new SalesTransaction("edge-1", "edge", 1.00, B + SIZE));
    txs.add(new SalesTransaction("edge-2", "edge", 2.00, B + 2 * SIZE - 1));
    txs.add(new SalesTransaction("edge-3", "edge", 4.00, B + 2 * SIZE));
    long bound = fullShuffle ? Inputs.span(txs, SalesTransaction::timestamp) : 120_000;
    List<SalesTransaction> arrival = fullShuffle
        ? Inputs.shuffleAll(txs, 5)
        : Inputs.shuffleWithin(txs, bound, 5, SalesTransaction::timestamp);

    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
    SingleOutputStreamOperator<CategorySales> sales =
        SalesAggregation.build(Inputs.stream(env, arrival, bound, (tx, ts) -> tx.timestamp()));
    CapturedStream<CategorySales> main = SluiceTestKit.capture(sales);
    CapturedStream<SalesTransaction> late = SluiceTestKit.capture(sales.getSideOutput(SalesAggregation.LATE));
    SluiceTestKit.execute(env, Duration.ofSeconds(30));

    Map<Key, CategorySales> expected = totals(txs);
    Map<Key, List<CategorySales>> actual = byWindow(main.values());
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((key, sales1) -> assertThat(actual.get(key)).as("%s", key).containsExactly(sales1));
    assertThat(expected).hasSizeGreaterThan(12);
    assertThat(expected.get(new Key("edge", B + SIZE))).isEqualTo(
        new CategorySales("edge", B + SIZE, B + 2 * SIZE, 2, 3.00));
    assertThat(expected.get(new Key("edge", B + 2 * SIZE)).count()).isEqualTo(1);
    assertThat(late.values()).isEmpty();
  }

  private record Fired(List<CategorySales> main, List<SalesTransaction> late) {}

  private static Fired runPunctuated(int parallelism, List<SalesTransaction> arrival, long delay) {
    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
    DataStream<SalesTransaction> input = Inputs.punctuated(env, arrival, delay, (tx, ts) -> tx.timestamp());
    SingleOutputStreamOperator<CategorySales> sales = SalesAggregation.build(input);
    CapturedStream<CategorySales> main = SluiceTestKit.capture(sales);
    CapturedStream<SalesTransaction> late = SluiceTestKit.capture(sales.getSideOutput(SalesAggregation.LATE));
    SluiceTestKit.execute(env, Duration.ofSeconds(30));
    return new Fired(main.values(), late.values());
  }

  private static SalesTransaction tx(String id, String category, long timestamp, double amount) {
    return new SalesTransaction(id, category, amount, timestamp);
  }

  private static CategorySales sales(String category, long start, long count, double total) {
    return new CategorySales(category, start, start + SIZE, count, total);
  }

  /**
   * A hand-written story on 5-minute windows with 1 minute of allowed lateness; the watermark after
   * each sale is the highest timestamp so far minus 1 ms.
   */
  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3})
  void lateSalesUpdateWindowsWithinTheAllowedLatenessAndGoToTheSideOutputAfterIt(int parallelism) {
    long m = 60_000;
    List<SalesTransaction> story = List.of(
        tx("a1", "books", B + 10_000, 10.00),      // wm B+10s-1
        tx("a2", "books", B + 5 * m - 1, 5.00),    // last ms of window 0; wm = B+5m-2: not yet
        tx("a3", "books", B + 5 * m, 7.00),        // wm = B+5m-1 = maxTs of window 0: books@0 fires (2, 15.00)
        tx("a4", "books", B + m, 1.00),            // within lateness: books@0 fires again (3, 16.00)
        tx("g1", "games", B + 6 * m, 2.00),        // wm = B+6m-1 = cleanup time of window 0: forgotten
        tx("a5", "books", B + 2 * m, 3.00),        // window 0 is past its cleanup time: late
        tx("g2", "games", B + 3 * m, 4.00),        // likewise (games@0 never existed): late
        tx("a6", "books", B + 9 * m, 1.50),        // window 1
        tx("a7", "books", B + 11 * m - 1, 2.00),   // wm = B+11m-2: books@5m fires (2, 8.50), games@5m (1, 2.00)
        tx("a8", "books", B + 10 * m - 1, 0.50),   // 1 ms before window 1's cleanup: fires again (3, 9.00)
        tx("g3", "games", B + 11 * m, 3.00),       // wm = B+11m-1: window 1 forgotten
        tx("a9", "books", B + 5 * m, 100.00));     // cleanup time == watermark: late
    Map<Key, List<CategorySales>> expectedFirings = new TreeMap<>(
        Comparator.comparing(Key::category).thenComparingLong(Key::start));
    expectedFirings.put(new Key("books", B), List.of(sales("books", B, 2, 15.00), sales("books", B, 3, 16.00)));
    expectedFirings.put(new Key("books", B + 5 * m),
        List.of(sales("books", B + 5 * m, 2, 8.50), sales("books", B + 5 * m, 3, 9.00)));
    expectedFirings.put(new Key("books", B + 10 * m), List.of(sales("books", B + 10 * m, 1, 2.00)));
    expectedFirings.put(new Key("games", B + 5 * m), List.of(sales("games", B + 5 * m, 1, 2.00)));
    expectedFirings.put(new Key("games", B + 10 * m), List.of(sales("games", B + 10 * m, 1, 3.00)));
    List<String> expectedLate = List.of("a5", "a9", "g2");

    // the model agrees with the hand-written expectations ...
    TumblingWindowModel.Result model = TumblingWindowModel.run(story, SIZE, LATENESS, 0);
    assertThat(model.firings()).isEqualTo(expectedFirings);
    assertThat(model.late()).extracting(SalesTransaction::transactionId).containsExactlyInAnyOrderElementsOf(expectedLate);
    // ... and so does the job
    Fired fired = runPunctuated(parallelism, story, 0);
    assertThat(byWindow(fired.main())).isEqualTo(expectedFirings);
    assertThat(fired.late()).extracting(SalesTransaction::transactionId)
        .containsExactlyInAnyOrderElementsOf(expectedLate);
  }

  /** Generated sales, 5% of them very late, in generation order with punctuated watermarks. */
  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3})
  void firingsAndLateSalesOfAGeneratedStreamEqualTheModel(int parallelism) {
    long delay = 3_000;
    List<SalesTransaction> arrival = generated(12_000, delay, 0.05);
    TumblingWindowModel.Result model = TumblingWindowModel.run(arrival, SIZE, LATENESS, delay);
    // the input exercises every case
    assertThat(model.late()).hasSizeGreaterThan(50);
    assertThat(model.firings().values()).anyMatch(f -> f.size() > 1);
    assertThat(model.firings().values()).anyMatch(f -> f.size() == 1);

    Fired fired = runPunctuated(parallelism, arrival, delay);
    assertThat(byWindow(fired.main())).isEqualTo(model.firings());
    List<SalesTransaction> late = new ArrayList<>(fired.late());
    late.sort(BY_ID);
    List<SalesTransaction> expectedLate = new ArrayList<>(model.late());
    expectedLate.sort(BY_ID);
    assertThat(late).isEqualTo(expectedLate);
    // the last result of each window plus the late sales account for every sale
    long counted = model.firings().values().stream().mapToLong(f -> f.get(f.size() - 1).count()).sum();
    assertThat(counted + expectedLate.size()).isEqualTo(arrival.size());
  }
}
