package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.operators.windowing.SlicingWindowOperator;
import dev.sluice.runtime.operators.windowing.WindowFunctions;
import dev.sluice.runtime.operators.windowing.WindowOperator;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.sluice.streaming.api.windowing.assigners.GlobalWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.WindowAssigner;
import dev.sluice.streaming.api.windowing.evictors.CountEvictor;
import dev.sluice.streaming.api.windowing.evictors.Evictor;
import dev.sluice.streaming.api.windowing.evictors.TimeEvictor;
import dev.sluice.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import dev.sluice.streaming.api.windowing.triggers.CountTrigger;
import dev.sluice.streaming.api.windowing.triggers.PurgingTrigger;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window operators driven by hand: triggers, evictors, lateness, sessions, processing time. */
class WindowOperatorHarnessTest {
  private static final OutputTag<Tuple2<String, Integer>> LATE = new OutputTag<>("late") {};
  private static final ReduceFunction<Tuple2<String, Integer>> SUM = (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1);

  /** Emits "key:window:elements". */
  static final class ListAll<W extends Window>
      extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, W> {
    @Override
    public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> in, Collector<String> out) {
      List<Integer> values = new ArrayList<>();
      in.forEach(t -> values.add(t.f1));
      String w = ctx.window() instanceof TimeWindow t ? t.getStart() + "-" + t.getEnd() : "global";
      out.collect(key + ":" + w + ":" + values);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <W extends Window> KeyedOneInputOperatorHarness<String, Tuple2<String, Integer>, Object> harness(
      WindowAssigner<?, W> assigner, Trigger<?, ?> trigger, ReduceFunction<Tuple2<String, Integer>> reducer,
      Evictor<?, ?> evictor, long lateness, ManualClock clock) throws Exception {
    WindowOperator.WindowContents contents = reducer == null ? new WindowOperator.ListContents<>()
        : new WindowOperator.ReducingContents<>(reducer);
    ProcessWindowFunction fn = reducer == null ? new ListAll<W>() : new WindowFunctions.PassThrough<>(true);
    OneInputStreamOperator op = new WindowOperator(assigner,
        trigger != null ? trigger : assigner.getDefaultTrigger(), contents, fn, evictor, lateness, LATE);
    return new KeyedOneInputOperatorHarness<String, Tuple2<String, Integer>, Object>(op, t -> t.f0,
        "Window", clock).open();
  }

  @Test
  void purgingCountTriggerFiresEveryNElements() throws Exception {
    var h = harness(GlobalWindows.create(), PurgingTrigger.of(CountTrigger.of(2)), null, null, 0, new ManualClock());
    h.processElement(Tuple2.of("a", 1));
    h.processElement(Tuple2.of("b", 10));
    h.processElement(Tuple2.of("a", 2));
    h.processElement(Tuple2.of("a", 3));
    h.processElement(Tuple2.of("a", 4));
    assertThat(h.extractOutputValues()).containsExactly("a:global:[1, 2]", "a:global:[3, 4]");
  }

  @Test
  void countWindowWithSlideUsesCountEvictor() throws Exception {
    var h = harness(GlobalWindows.create(), CountTrigger.of(2), null, CountEvictor.of(3), 0, new ManualClock());
    for (int i = 1; i <= 6; i++) {
      h.processElement(Tuple2.of("a", i));
    }
    assertThat(h.extractOutputValues()).containsExactly("a:global:[1, 2]", "a:global:[2, 3, 4]",
        "a:global:[4, 5, 6]");
  }

  @Test
  void timeEvictorKeepsRecentElements() throws Exception {
    var h = harness(TumblingEventTimeWindows.of(Duration.ofMillis(100)), null, null,
        TimeEvictor.of(Duration.ofMillis(10)), 0, new ManualClock());
    h.processElement(Tuple2.of("a", 1), 5);
    h.processElement(Tuple2.of("a", 2), 50);
    h.processElement(Tuple2.of("a", 3), 55);
    h.processWatermark(99);
    assertThat(h.extractOutputValues()).containsExactly("a:0-100:[2, 3]");
    assertThat(h.getOutput().get(0).timestamp()).isEqualTo(99);
  }

  @Test
  void continuousEventTimeTriggerFiresPeriodicallyAndAtTheEnd() throws Exception {
    var h = harness(TumblingEventTimeWindows.of(Duration.ofMillis(10)),
        ContinuousEventTimeTrigger.of(Duration.ofMillis(3)), null, null, 0, new ManualClock());
    h.processElement(Tuple2.of("a", 1), 1);
    h.processWatermark(3);
    h.processElement(Tuple2.of("a", 2), 4);
    h.processWatermark(9);
    assertThat(h.extractOutputValues()).containsExactly("a:0-10:[1]", "a:0-10:[1, 2]", "a:0-10:[1, 2]");
  }

  @Test
  void lateElementsWithinLatenessRefireAndLaterOnesGoToTheSideOutput() throws Exception {
    var h = harness(TumblingEventTimeWindows.of(Duration.ofMillis(10)), null, SUM, null, 5, new ManualClock());
    h.processElement(Tuple2.of("a", 1), 1);
    h.processWatermark(9);
    assertThat(h.extractOutputValues()).containsExactly(Tuple2.of("a", 1));
    h.processElement(Tuple2.of("a", 2), 2); // late, within lateness: fires again at once
    assertThat(h.extractOutputValues()).containsExactly(Tuple2.of("a", 1), Tuple2.of("a", 3));
    h.processWatermark(14); // cleanup time 9 + 5
    h.processElement(Tuple2.of("a", 4), 3);
    assertThat(h.extractOutputValues()).hasSize(2);
    assertThat(h.extractSideOutputValues(LATE)).containsExactly(Tuple2.of("a", 4));
    assertThat(h.getOperatorContext().metrics().get("numLateRecordsDropped")).isEqualTo(1L);
    assertThat(h.getOperatorContext().metrics().get("currentWatermark")).isEqualTo(14L);
    assertThat(((WindowOperator<?, ?, ?, ?, ?>) h.getOperator()).numTimers()).isZero();
  }

  @Test
  void slicingOperatorMatchesForLatenessAndSideOutput() throws Exception {
    var op = new SlicingWindowOperator<Tuple2<String, Integer>, Object, Tuple2<String, Integer>>(10, 5, 0, 5,
        LATE, SUM, null);
    var h = new KeyedOneInputOperatorHarness<String, Tuple2<String, Integer>, Tuple2<String, Integer>>(
        op, t -> t.f0, "Window").open();
    h.processElement(Tuple2.of("a", 1), 1);  // windows [-5,5) and [0,10)
    h.processElement(Tuple2.of("a", 2), 6);  // windows [0,10) and [5,15)
    h.processWatermark(4);
    assertThat(h.extractOutputValues()).containsExactly(Tuple2.of("a", 1));
    h.processWatermark(9);
    assertThat(h.extractOutputValues()).containsExactly(Tuple2.of("a", 1), Tuple2.of("a", 3));
    h.processElement(Tuple2.of("a", 4), 0); // [-5,5) is gone (4+5 <= 9), [0,10) refires
    assertThat(h.extractOutputValues()).last().isEqualTo(Tuple2.of("a", 7));
    h.processWatermark(20);
    h.processElement(Tuple2.of("a", 8), 3);
    assertThat(h.extractSideOutputValues(LATE)).containsExactly(Tuple2.of("a", 8));
    assertThat(h.extractOutputValues()).containsExactly(Tuple2.of("a", 1), Tuple2.of("a", 3),
        Tuple2.of("a", 7), Tuple2.of("a", 2));
    assertThat(h.getOperatorContext().metrics().get("numLateRecordsDropped")).isEqualTo(1L);
  }

  @Test
  void lateElementBridgesTwoSessions() throws Exception {
    var h = harness(EventTimeSessionWindows.withGap(Duration.ofMillis(5)), null, null, null, 20, new ManualClock());
    h.processElement(Tuple2.of("a", 1), 0);
    h.processElement(Tuple2.of("a", 2), 10);
    h.processWatermark(16);
    assertThat(h.extractOutputValues()).containsExactly("a:0-5:[1]", "a:10-15:[2]");
    h.processElement(Tuple2.of("a", 3), 5); // [5,10) touches both: one session [0,15), fired at once
    assertThat(h.extractOutputValues()).last().isEqualTo("a:0-15:[1, 2, 3]");
    h.processWatermark(40);
    assertThat(((WindowOperator<?, ?, ?, ?, ?>) h.getOperator()).numTimers()).isZero();
    assertThat(h.extractOutputValues()).hasSize(3);
  }

  @Test
  void processingTimeWindowsFireOnTheClock() throws Exception {
    ManualClock clock = new ManualClock(1000);
    var h = harness(TumblingProcessingTimeWindows.of(Duration.ofMillis(10)), null, null, null, 0, clock);
    h.processElement(Tuple2.of("a", 1));
    h.processElement(Tuple2.of("a", 2));
    h.advanceProcessingTime(5);
    assertThat(h.extractOutputValues()).isEmpty();
    h.processElement(Tuple2.of("a", 3));
    h.advanceProcessingTime(5);
    assertThat(h.extractOutputValues()).containsExactly("a:1000-1010:[1, 2, 3]");
  }

  @Test
  void eventTimeWindowRejectsRecordsWithoutTimestamp() throws Exception {
    var h = harness(TumblingEventTimeWindows.of(Duration.ofMillis(10)), null, SUM, null, 0, new ManualClock());
    assertThatThrownBy(() -> h.processElement(Tuple2.of("a", 1)))
        .hasMessageContaining("'Window'")
        .hasMessageContaining("has no timestamp")
        .hasMessageContaining("assignTimestampsAndWatermarks");
  }
}
