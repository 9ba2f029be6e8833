package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.streaming.api.TimeDomain;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyed timers fire on watermarks and on (virtual) processing time, per key, deduplicated. */
class TimersAndStateHarnessTest {

  /** Counts per key; asks to be called back 10 ms (event time) after each element. */
  static final class CountThenReport extends KeyedProcessFunction<String, String, String> {
    private transient ValueState<Integer> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
    }

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
      Integer c = count.value();
      count.update(c == null ? 1 : c + 1);
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10); // same timer: once
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "@" + timestamp + "=" + count.value() + " " + ctx.timeDomain());
    }
  }

  @Test
  void eventTimeTimersFireInTimeOrderWithTheirKeyAsTheWatermarkPasses() throws Exception {
    try (var harness = Harnesses.forKeyedProcess(new CountThenReport(), (String s) -> s)) {
      harness.processElement("a", 1);
      harness.processElement("b", 3);
      harness.processElement("a", 2);
      harness.processWatermark(11);
      assertThat(harness.extractOutputValues()).containsExactly("a@11=2 EVENT_TIME");
      harness.processElement("a", 20);
      harness.processWatermark(100);
      assertThat(harness.extractOutputValues()).containsExactly(
          "a@11=2 EVENT_TIME", "a@12=3 EVENT_TIME", "b@13=1 EVENT_TIME", "a@30=3 EVENT_TIME");
      assertThat(harness.getOutput().get(3).timestamp()).isEqualTo(30);
      assertThat(harness.getWatermarks()).containsExactly(11L, 100L);
    }
  }

  @Test
  void processingTimeTimersFireOnTheVirtualClock() throws Exception {
    KeyedProcessFunction<String, String, String> remind = new KeyedProcessFunction<>() {
      @Override
      public void processElement(String value, Context ctx, Collector<String> out) {
        ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 1_000);
      }

      @Override
      public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
        assertThat(ctx.timeDomain()).isEqualTo(TimeDomain.PROCESSING_TIME);
        out.collect(ctx.getCurrentKey() + "@" + timestamp);
      }
    };
    try (var harness = Harnesses.forKeyedProcess(remind, (String s) -> s)) {
      harness.setProcessingTime(5_000);
      harness.processElement("x");
      harness.advanceProcessingTime(500);
      harness.processElement("y");
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.advanceProcessingTime(500);
      assertThat(harness.extractOutputValues()).containsExactly("x@6000");
      harness.advanceProcessingTime(10_000);
      assertThat(harness.extractOutputValues()).containsExactly("x@6000", "y@6500");
    }
  }

  @Test
  void deletedTimersDoNotFire() throws Exception {
    KeyedProcessFunction<String, String, String> f = new KeyedProcessFunction<>() {
      @Override
      public void processElement(String value, Context ctx, Collector<String> out) {
        ctx.timerService().registerEventTimeTimer(50);
        if (value.equals("cancel")) {
          ctx.timerService().deleteEventTimeTimer(50);
        }
      }

      @Override
      public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
        out.collect(ctx.getCurrentKey());
      }
    };
    try (var harness = Harnesses.forKeyedProcess(f, (String s) -> s.substring(0, 1))) {
      harness.processElement("keep", 1);
      harness.processElement("cancel", 1);
      harness.processWatermark(60);
      assertThat(harness.extractOutputValues()).containsExactly("k");
    }
  }

  @Test
  void listStateIsPerKey() throws Exception {
    KeyedProcessFunction<Integer, Integer, String> f = new KeyedProcessFunction<>() {
      private transient ListState<Integer> seen;

      @Override
      public void open(OpenContext openContext) {
        seen = getRuntimeContext().getListState(new ListStateDescriptor<>("seen", Integer.class));
      }

      @Override
      public void processElement(Integer value, Context ctx, Collector<String> out) throws Exception {
        seen.add(value);
        List<Integer> all = new ArrayList<>();
        seen.get().forEach(all::add);
        out.collect(ctx.getCurrentKey() + ":" + all);
      }
    };
    try (var harness = Harnesses.forKeyedProcess(f, (Integer i) -> i % 2)) {
      harness.processElements(1, 2, 3, 4);
      assertThat(harness.extractOutputValues()).containsExactly("1:[1]", "0:[2]", "1:[1, 3]", "0:[2, 4]");
    }
  }
}
