package dev.sluice.runtime.operators.co;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.JobExecutionException;
import dev.sluice.runtime.operators.co.IntervalJoinProperties.E;
import dev.sluice.runtime.operators.co.IntervalJoinProperties.Pairs;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.datastream.KeyedStream;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.co.ProcessJoinFunction;
import dev.sluice.testutil.Jobs;
import dev.sluice.testutil.ScriptedSource.Step;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalJoinTest {
  private static List<String> joinAround10(long lower, long upper) throws Exception {
    IntervalJoinOperator<Integer, E, E, String> op =
        new IntervalJoinOperator<>(lower, upper, null, null, new Pairs());
    try (var h = new TwoInputHarness<>(op, IntervalJoinProperties.KEY, IntervalJoinProperties.KEY)) {
      for (long ts = 7; ts <= 13; ts++) {
        h.processElement2(new E(1, "r" + ts, ts), ts);
      }
      h.processElement2(new E(2, "other-key", 10), 10);
      h.processElement1(new E(1, "l", 10), 10);
      return h.values();
    }
  }

  @Test
  void boundsAreInclusiveUnlessMadeExclusive() throws Exception {
    assertThat(joinAround10(-2, 2)).containsExactlyInAnyOrder(
        "l-r8@10", "l-r9@10", "l-r10@10", "l-r11@11", "l-r12@12");
    // what the API passes for lowerBoundExclusive() / upperBoundExclusive()
    assertThat(joinAround10(-1, 2)).containsExactlyInAnyOrder("l-r9@10", "l-r10@10", "l-r11@11", "l-r12@12");
    assertThat(joinAround10(-2, 1)).containsExactlyInAnyOrder("l-r8@10", "l-r9@10", "l-r10@10", "l-r11@11");
    assertThat(joinAround10(1, 3)).containsExactlyInAnyOrder("l-r11@11", "l-r12@12", "l-r13@13");
  }

  @Test
  void exclusiveBoundsThroughTheApi() throws Exception {
    StreamExecutionEnvironment env = Jobs.env(2);
    List<Step<E>> left = List.of(Step.record(new E(1, "l", 10), 10));
    List<Step<E>> right = List.of(8L, 9L, 10L, 11L, 12L).stream()
        .map(ts -> Step.record(new E(1, "r" + ts, ts), ts)).toList();
    KeyedStream<E, Integer> l = Jobs.scripted(env, "left", left, E.class).keyBy(E::key);
    KeyedStream<E, Integer> r = Jobs.scripted(env, "right", right, E.class).keyBy(E::key);
    DataStream<String> joined = l.intervalJoin(r)
        .between(Duration.ofMillis(-2), Duration.ofMillis(2))
        .lowerBoundExclusive()
        .upperBoundExclusive()
        .process(new Pairs());
    assertThat(Jobs.collect(joined)).containsExactlyInAnyOrder("l-r9@10", "l-r10@10", "l-r11@11");
  }

  @Test
  void lateElementsAreDroppedOrSentToTheirSideOutput() throws Exception {
    OutputTag<E> lateLeft = new OutputTag<>("late-left") {};
    IntervalJoinOperator<Integer, E, E, String> op =
        new IntervalJoinOperator<>(-5, 5, lateLeft, null, new Pairs());
    try (var h = new TwoInputHarness<>(op, IntervalJoinProperties.KEY, IntervalJoinProperties.KEY)) {
      h.processElement2(new E(1, "r", 20), 20);
      h.processWatermark(18);
      h.processElement1(new E(1, "late", 17), 17); // behind the watermark: not joined
      h.processElement2(new E(1, "late-r", 16), 16); // dropped, no side output for the right
      h.processElement1(new E(1, "l", 18), 18); // at the watermark: not late
      assertThat(h.values()).containsExactly("l-r@20");
      assertThat(h.sideOutputs.get(lateLeft)).containsExactly(new TwoInputHarness.Rec<>(new E(1, "late", 17), 17L));
      assertThat(op.numLateRecordsDropped()).isEqualTo(2);
      assertThat(h.watermarks).containsExactly(18L);
    }
  }

  @Test
  void sideOutputFromTheJoinFunctionCarriesTheResultTimestamp() throws Exception {
    OutputTag<String> tag = new OutputTag<>("side") {};
    IntervalJoinOperator<Integer, E, E, String> op = new IntervalJoinOperator<>(0, 10, null, null,
        new ProcessJoinFunction<E, E, String>() {
          @Override
          public void processElement(E left, E right, Context ctx, Collector<String> out) {
            ctx.output(tag, left.id() + right.id());
          }
        });
    try (var h = new TwoInputHarness<>(op, IntervalJoinProperties.KEY, IntervalJoinProperties.KEY)) {
      h.processElement1(new E(1, "a", 3), 3);
      h.processElement2(new E(1, "b", 9), 9);
      assertThat(h.sideOutputs.get(tag)).containsExactly(new TwoInputHarness.Rec<>("ab", 9L));
    }
  }

  @Test
  void lowerAboveUpperIsRefusedWhenTheJobIsDefined() {
    StreamExecutionEnvironment env = Jobs.env(1);
    KeyedStream<E, Integer> a = env.fromData(new E(1, "a", 1)).keyBy(E::key);
    KeyedStream<E, Integer> b = env.fromData(new E(1, "b", 1)).keyBy(E::key);
    assertThatThrownBy(() -> a.intervalJoin(b).between(Duration.ofMillis(5), Duration.ofMillis(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower bound")
        .hasMessageContaining("upper bound");
    var joined = a.intervalJoin(b).between(Duration.ofMillis(3), Duration.ofMillis(3));
    assertThatThrownBy(() -> joined.lowerBoundExclusive().process(new Pairs()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void elementsWithoutTimestampsFailNamingTheOperator() {
    StreamExecutionEnvironment env = Jobs.env(1);
    KeyedStream<E, Integer> a = env.fromData(new E(1, "a", 1)).keyBy(E::key);
    KeyedStream<E, Integer> b = env.fromData(new E(1, "b", 1)).keyBy(E::key);
    SingleOutputStreamOperator<String> joined = a.intervalJoin(b)
        .between(Duration.ofMillis(-1), Duration.ofMillis(1)).process(new Pairs()).name("Join orders");
    assertThatThrownBy(() -> Jobs.collect(joined))
        .isInstanceOf(JobExecutionException.class)
        .hasStackTraceContaining("The interval join 'Join orders' needs event-time timestamps")
        .hasStackTraceContaining("WatermarkStrategy");
  }
}
