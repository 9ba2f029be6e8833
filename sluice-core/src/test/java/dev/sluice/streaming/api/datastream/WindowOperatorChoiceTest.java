package dev.sluice.streaming.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.operators.windowing.WindowFunctions;
import dev.sluice.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.sluice.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.WindowAssigner;
import dev.sluice.streaming.api.windowing.evictors.CountEvictor;
import dev.sluice.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.util.Collector;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which windows the slicing operator computes, and which stay with the general one. */
class WindowOperatorChoiceTest {

  static final class Label extends ProcessWindowFunction<Long, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Long> in, Collector<String> out) {
      out.collect(key + ctx.window());
    }
  }

  static final class LabelAndClear extends ProcessWindowFunction<Long, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Long> in, Collector<String> out) {
      out.collect(key + ctx.window());
    }

    @Override
    public void clear(Context ctx) {
      // drops per-window state in a real program
    }
  }

  static final class AllAndClear extends ProcessAllWindowFunction<Long, String, TimeWindow> {
    @Override
    public void process(Context ctx, Iterable<Long> in, Collector<String> out) {
      out.collect(String.valueOf(ctx.window()));
    }

    @Override
    public void clear(Context ctx) {}
  }

  private static final Duration TEN = Duration.ofSeconds(10);
  private static final Duration TWO = Duration.ofSeconds(2);

  @Test
  void tumblingAndSlidingWindowsInEitherTimeWithAnIncrementalFunctionAreSliced() {
    List<WindowAssigner<?, ?>> sliced = List.of(TumblingEventTimeWindows.of(TEN), SlidingEventTimeWindows.of(TEN, TWO),
        TumblingProcessingTimeWindows.of(TEN), SlidingProcessingTimeWindows.of(TEN, TWO));
    for (WindowAssigner<?, ?> a : sliced) {
      assertThat(WindowedStream.sliceable(a, null, null, true, new WindowFunctions.PassThrough<>(false), true))
          .as("%s, aggregate alone", a).isTrue();
      assertThat(WindowedStream.sliceable(a, null, null, true, new Label(), false))
          .as("%s, aggregate with a window function", a).isTrue();
    }
  }

  @Test
  void everythingElseStaysWithTheGeneralOperator() {
    var tumbling = TumblingEventTimeWindows.of(TEN);
    assertThat(WindowedStream.sliceable(tumbling, null, null, false, new Label(), false))
        .as("process(): every element is kept").isFalse();
    assertThat(WindowedStream.sliceable(tumbling, EventTimeTrigger.create(), null, true, new Label(), false))
        .as("a trigger set explicitly").isFalse();
    assertThat(WindowedStream.sliceable(tumbling, null, CountEvictor.of(2), true, new Label(), false))
        .as("an evictor").isFalse();
    assertThat(WindowedStream.sliceable(EventTimeSessionWindows.withGap(TEN), null, null, true, new Label(), false))
        .as("sessions").isFalse();
    assertThat(WindowedStream.sliceable(tumbling, null, null, true, new LabelAndClear(), false))
        .as("a window function that clears per-window state").isFalse();
    assertThat(WindowedStream.sliceable(tumbling, null, null, true,
        new WindowFunctions.OfProcessAllWindowFunction<>(new AllAndClear()), false))
        .as("windowAll's function that clears per-window state").isFalse();
  }
}
