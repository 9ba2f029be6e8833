package dev.sluice.examples.usecases.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.usecases.Inputs;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.test.CapturedStream;
import dev.sluice.test.SluiceTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FraudDetectionTest {
  private static final long SPAN = FraudDetection.SPAN.toMillis();

  /** 3,000 transactions of 150 cards (so cards come back within the span), 3% cloned. */
  private static List<Transaction> input() {
    TransactionGenerator generator = new TransactionGenerator(150, 0, 0.03);
    List<Transaction> txs = new ArrayList<>();
    for (long i = 0; i < 3_000; i++) {
      txs.add(generator.map(i));
    }
    // edges: exactly SPAN apart (inside), SPAN + 1 apart (outside), and the same timestamp
    long t = txs.get(0).timestamp();
    txs.add(new Transaction("edge-1", "card-x", 10, "Oslo", t));
    txs.add(new Transaction("edge-2", "card-x", 10, "Rome", t + SPAN));
    txs.add(new Transaction("edge-3", "card-y", 10, "Oslo", t));
    txs.add(new Transaction("edge-4", "card-y", 10, "Rome", t + SPAN + 1));
    txs.add(new Transaction("edge-5", "card-z", 10, "Oslo", t + 5));
    txs.add(new Transaction("edge-6", "card-z", 10, "Rome", t + 5));
    return txs;
  }

  /** The obviously correct model: per card, in sorted order, all earlier ones within the span. */
  private static Map<String, List<FraudAlert>> expected(List<Transaction> txs) {
    List<Transaction> sorted = new ArrayList<>(txs);
    sorted.sort(Transaction.EVENT_TIME_ORDER);
    Map<String, List<FraudAlert>> alerts = new TreeMap<>();
    for (int j = 0; j < sorted.size(); j++) {
      Transaction now = sorted.get(j);
      alerts.computeIfAbsent(now.cardId(), c -> new ArrayList<>());
      TreeSet<String> locations = new TreeSet<>();
      long since = now.timestamp();
      for (int i = 0; i <= j; i++) {
        Transaction before = sorted.get(i);
        if (before.cardId().equals(now.cardId()) && now.timestamp() - before.timestamp() <= SPAN) {
          locations.add(before.location());
          since = Math.min(since, before.timestamp());
        }
      }
      if (locations.size() >= 2) {
        alerts.get(now.cardId()).add(new FraudAlert(now.cardId(), now.transactionId(), now.timestamp(),
            new ArrayList<>(locations), since));
      }
    }
    return alerts;
  }

  @ParameterizedTest(name = "parallelism {0}, fully shuffled {1}")
  @CsvSource({"1, false", "3, false", "1, true", "3, true"})
  void alertsAreExactlyThoseOfTheSortedInput(int parallelism, boolean fullShuffle) {
    List<Transaction> txs = input();
    long bound = fullShuffle ? Inputs.span(txs, Transaction::timestamp) : 90_000;
    List<Transaction> arrival = fullShuffle
        ? Inputs.shuffleAll(txs, 11)
        : Inputs.shuffleWithin(txs, bound, 11, Transaction::timestamp);

    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
    SingleOutputStreamOperator<FraudAlert> alerts =
        FraudDetection.build(Inputs.stream(env, arrival, bound, (tx, ts) -> tx.timestamp()));
    CapturedStream<FraudAlert> main = SluiceTestKit.capture(alerts);
    CapturedStream<Transaction> late = SluiceTestKit.capture(alerts.getSideOutput(FraudDetection.LATE));
    SluiceTestKit.execute(env, Duration.ofSeconds(30));

    Map<String, List<FraudAlert>> expected = expected(txs);
    Map<String, List<FraudAlert>> actual = new TreeMap<>();
    expected.keySet().forEach(card -> actual.put(card, new ArrayList<>()));
    main.values().forEach(a -> actual.get(a.cardId()).add(a));
    assertThat(actual).isEqualTo(expected);
    assertThat(expected.values().stream().mapToInt(List::size).sum()).isGreaterThan(50);
    assertThat(expected.get("card-x")).extracting(FraudAlert::transactionId).containsExactly("edge-2");
    assertThat(expected.get("card-y")).isEmpty();
    assertThat(expected.get("card-z")).extracting(FraudAlert::transactionId).containsExactly("edge-6");
    assertThat(late.values()).isEmpty();
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3})
  void aHandWrittenStory(int parallelism) {
    long t0 = 1_000_000;
    List<Transaction> story = List.of(
        new Transaction("a1", "alice", 12.0, "Paris", t0),
        new Transaction("b1", "bob", 5.0, "Oslo", t0 + 1_000),
        new Transaction("a2", "alice", 30.0, "Paris", t0 + 20_000),   // same place: fine
        new Transaction("b2", "bob", 7.0, "Lisbon", t0 + 70_000),     // 69 s later: fine
        new Transaction("a3", "alice", 999.0, "Tokyo", t0 + 50_000),  // Paris 30 s ago: fraud
        new Transaction("a4", "alice", 5.0, "Paris", t0 + 200_000));  // quiet for long: fine
    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
    List<FraudAlert> alerts = SluiceTestKit.collect(
        FraudDetection.build(Inputs.stream(env, story, 30_000, (tx, ts) -> tx.timestamp())),
        Duration.ofSeconds(10));
    assertThat(alerts).containsExactly(
        new FraudAlert("alice", "a3", t0 + 50_000, List.of("Paris", "Tokyo"), t0));
  }
}
