package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.lib.CollectionSource;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.runtime.elements.StreamRecord;
import dev.sluice.runtime.operators.OperatorException;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.ProcessFunction;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How to test whole jobs with {@link SluiceTestKit}; each test doubles as an example. */
class SluiceTestKitExamplesTest {
  private static final List<String> LINES = List.of(
      "the quick brown fox", "jumps over the lazy dog", "the dog sleeps", "a fox runs");

  private static DataStream<Tuple2<String, Integer>> wordCount(StreamExecutionEnvironment env) {
    return env.fromData(LINES)
        .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
          for (String word : line.split(" ")) {
            out.collect(Tuple2.of(word, 1));
          }
        })
        .returns(Types.TUPLE(Types.STRING, Types.INT))
        .keyBy(t -> t.f0)
        .sum(1);
  }

  /** The running counts a keyed sum emits: one per word occurrence, counting up per word. */
  private static List<Tuple2<String, Integer>> expectedRunningCounts() {
    List<Tuple2<String, Integer>> expected = new ArrayList<>();
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    for (String line : LINES) {
      for (String word : line.split(" ")) {
        expected.add(Tuple2.of(word, counts.merge(word, 1, Integer::sum)));
      }
    }
    return expected;
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3})
  void wordCountAtAnyParallelism(int parallelism) {
    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);

    List<Tuple2<String, Integer>> out = SluiceTestKit.collect(wordCount(env), Duration.ofSeconds(30));

    // parallel subtasks interleave freely: compare as multisets
    assertThat(out).containsExactlyInAnyOrderElementsOf(expectedRunningCounts());
    // the final count per word is the largest one emitted for it
    assertThat(out.stream().collect(Collectors.toMap(t -> t.f0, t -> t.f1, Math::max)))
        .containsEntry("the", 3).containsEntry("fox", 2).containsEntry("dog", 2)
        .containsEntry("a", 1);
  }

  @Test
  void enoughRecordsToFillManySmallBatches() {
    StreamExecutionEnvironment env = SluiceTestKit.environment(3);
    List<Long> out = SluiceTestKit.collect(env.fromSequence(1, 10_000).map(x -> x * 2)
        .filter(x -> x % 3 == 0), Duration.ofSeconds(30));
    assertThat(out).hasSize(3_333);
    assertThat(out.stream().mapToLong(Long::longValue).sum())
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 10_000).map(x -> x * 2)
            .filter(x -> x % 3 == 0).sum());
  }

  @Test
  void failingJobSurfacesTheOperatorAndRecord() {
    StreamExecutionEnvironment env = SluiceTestKit.environment(1);
    DataStream<Integer> stream = env.fromData(4, 2, 0, 1)
        .map(x -> 8 / x).name("Divide eight");

    assertThatThrownBy(() -> SluiceTestKit.collect(stream, Duration.ofSeconds(30)))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("Divide eight")
        .hasMessageContaining("record #3")
        .hasRootCauseInstanceOf(ArithmeticException.class);
  }

  /** Parses numbers; rejects the rest to a side output. Static, so it can be copied per subtask. */
  static final class ParseNumbers extends ProcessFunction<String, Integer> {
    private static final long serialVersionUID = 1L;
    static final OutputTag<String> REJECTED = new OutputTag<String>("rejected") {};

    @Override
    public void processElement(String value, Context ctx, Collector<Integer> out) {
      try {
        out.collect(Integer.parseInt(value));
      } catch (NumberFormatException e) {
        ctx.output(REJECTED, value);
      }
    }
  }

  @Test
  void mainAndSideOutputOfOneJob() {
    StreamExecutionEnvironment env = SluiceTestKit.environment(2);
    SingleOutputStreamOperator<Integer> parsed = env.fromData("1", "x", "3", "y")
        .process(new ParseNumbers());

    CapturedStream<Integer> main = SluiceTestKit.capture(parsed);
    CapturedStream<String> side = SluiceTestKit.capture(parsed.getSideOutput(ParseNumbers.REJECTED));
    SluiceTestKit.execute(env, Duration.ofSeconds(30));

    assertThat(main.values()).containsExactlyInAnyOrder(1, 3);
    assertThat(side.values()).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void virtualProcessingTime() {
    ManualClock clock = new ManualClock(1_000L);
    StreamExecutionEnvironment env = SluiceTestKit.environment(1, clock);
    assertThat(SluiceTestKit.clockOf(env)).isSameAs(clock);

    List<Long> out = SluiceTestKit.collect(env.fromData("a", "b")
        .process(new ProcessFunction<String, Long>() {
          @Override
          public void processElement(String value, Context ctx, Collector<Long> o) {
            o.collect(ctx.timerService().currentProcessingTime());
          }
        }), Duration.ofSeconds(30));

    assertThat(out).containsExactly(1_000L, 1_000L);
  }

  @Test
  void unboundedJobIsCancelledOnTimeoutAndLeavesNoThreads() throws Exception {
    StreamExecutionEnvironment env = SluiceTestKit.environment(2);
    DataStream<Long> endless = env.fromSequence(0, Long.MAX_VALUE).map(x -> {
      Thread.sleep(1);
      return x;
    });

    long start = System.nanoTime();
    assertThatThrownBy(() -> SluiceTestKit.collect(endless, Duration.ofMillis(300)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("did not finish within 300 ms")
        .hasMessageContaining("cancelled")
        .hasMessageContaining("element(s)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

    assertThat(awaitNoSluiceThreads(Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void recordsKeepTheirEventTimestamps() {
    StreamExecutionEnvironment env = SluiceTestKit.environment(1);
    DataStream<Long> timed = env.fromSource(new CollectionSource<>(List.of(10L, 20L, 30L)),
        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((x, ts) -> x * 100),
        "Timed Source");

    assertThat(SluiceTestKit.collectRecords(timed.map(x -> x + 1))).containsExactly(
        new StreamRecord<>(11L, 1_000L), new StreamRecord<>(21L, 2_000L),
        new StreamRecord<>(31L, 3_000L));
  }

  @Test
  void interruptingTheWaitCancelsTheJob() throws Exception {
    StreamExecutionEnvironment env = SluiceTestKit.environment(1);
    DataStream<Long> endless = env.fromSequence(0, Long.MAX_VALUE);

    Thread.currentThread().interrupt(); // what a JUnit @Timeout does to a test that overruns
    assertThatThrownBy(() -> SluiceTestKit.collect(endless))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cancelled");
    assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();

    assertThat(awaitNoSluiceThreads(Duration.ofSeconds(5))).isEmpty();
  }

  /** Names of live threads of Sluice jobs, once there are none or the wait is over. */
  static List<String> awaitNoSluiceThreads(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      List<String> live = Thread.getAllStackTraces().keySet().stream()
          .filter(Thread::isAlive)
          .map(Thread::getName)
          .filter(name -> name.startsWith("sluice-"))
          .toList();
      if (live.isEmpty() || System.nanoTime() > deadline) {
        return live;
      }
      Thread.sleep(20);
    }
  }
}
