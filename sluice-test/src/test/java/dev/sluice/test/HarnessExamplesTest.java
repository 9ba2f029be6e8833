package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.functions.RichMapFunction;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.runtime.elements.StreamRecord;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.streaming.api.functions.ProcessFunction;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How to test single functions with the harnesses; each test doubles as an example. */
class HarnessExamplesTest {

  @Test
  void mapFunction() throws Exception {
    try (OneInputOperatorHarness<String, Integer> harness = Harnesses.forMap(String::length)) {
      harness.processElement("sluice");
      harness.processElement("flow", 42L);

      assertThat(harness.extractOutputValues()).containsExactly(6, 4);
      assertThat(harness.getOutput().get(0).hasTimestamp()).isFalse();
      assertThat(harness.getOutput().get(1)).isEqualTo(new StreamRecord<>(4, 42L));
    }
  }

  @Test
  void flatMapKeepsTheInputTimestamp() throws Exception {
    try (var harness = Harnesses.forFlatMap((String line, Collector<String> out) -> {
      for (String word : line.split(" ")) {
        out.collect(word);
      }
    })) {
      harness.processElement("to be", 100L);
      harness.processElement("or", 200L);

      assertThat(harness.getOutput()).containsExactly(
          new StreamRecord<>("to", 100L), new StreamRecord<>("be", 100L),
          new StreamRecord<>("or", 200L));
    }
  }

  @Test
  void filterAndWatermarks() throws Exception {
    try (var harness = Harnesses.forFilter((Integer x) -> x % 2 == 0)) {
      harness.processElements(1, 2, 3, 4);
      harness.processWatermark(10L);

      assertThat(harness.extractOutputValues()).containsExactly(2, 4);
      assertThat(harness.getWatermarks()).containsExactly(10L);
    }
  }

  @Test
  void processFunctionWithSideOutput() throws Exception {
    OutputTag<String> rejected = new OutputTag<String>("rejected") {};
    ProcessFunction<String, Integer> parse = new ProcessFunction<>() {
      @Override
      public void processElement(String value, Context ctx, Collector<Integer> out) {
        try {
          out.collect(Integer.parseInt(value));
        } catch (NumberFormatException e) {
          ctx.output(rejected, value);
        }
      }
    };

    try (var harness = Harnesses.forProcess(parse)) {
      harness.processElement("1", 5L);
      harness.processElement("x", 6L);
      harness.processElement("3", 7L);

      assertThat(harness.extractOutputValues()).containsExactly(1, 3);
      assertThat(harness.extractSideOutputValues(rejected)).containsExactly("x");
      // side-output records carry the timestamp of the element being processed
      assertThat(harness.getSideOutput(rejected)).containsExactly(new StreamRecord<>("x", 6L));
      assertThat(harness.getSideOutput(new OutputTag<String>("other") {})).isEmpty();
    }
  }

  @Test
  void processFunctionReadsTheManualClock() throws Exception {
    ProcessFunction<String, Long> stamp = new ProcessFunction<>() {
      @Override
      public void processElement(String value, Context ctx, Collector<Long> out) {
        out.collect(ctx.timerService().currentProcessingTime());
      }
    };
    try (var harness = Harnesses.forProcess(stamp)) {
      harness.processElement("a");
      harness.getClock().advance(java.time.Duration.ofSeconds(2));
      harness.processElement("b");
      harness.setProcessingTime(10_000L);
      harness.processElement("c");

      assertThat(harness.extractOutputValues()).containsExactly(0L, 2_000L, 10_000L);
    }
  }

  @Test
  void keyedReduceKeepsOneRunningValuePerKey() throws Exception {
    try (var harness = Harnesses.forKeyedReduce(
        (Tuple2<String, Integer> a, Tuple2<String, Integer> b) -> new Tuple2<>(a.f0, a.f1 + b.f1),
        (Tuple2<String, Integer> t) -> t.f0)) {
      harness.processElement(Tuple2.of("a", 1));
      harness.processElement(Tuple2.of("b", 10));
      harness.processElement(Tuple2.of("a", 2));
      harness.processElement(Tuple2.of("b", 20));

      assertThat(harness.extractOutputValues()).containsExactly(
          Tuple2.of("a", 1), Tuple2.of("b", 10), Tuple2.of("a", 3), Tuple2.of("b", 30));
      assertThat(harness.getCurrentKey()).isEqualTo("b");
    }
  }

  @Test
  void keyedProcessFunctionSeesTheCurrentKey() throws Exception {
    KeyedProcessFunction<Integer, String, String> tagWithKey = new KeyedProcessFunction<>() {
      @Override
      public void processElement(String value, Context ctx, Collector<String> out) {
        out.collect(ctx.getCurrentKey() + ":" + value);
      }
    };
    try (var harness = Harnesses.forKeyedProcess(tagWithKey, String::length)) {
      harness.processElements("a", "bb", "c");

      assertThat(harness.extractOutputValues()).containsExactly("1:a", "2:bb", "1:c");
    }
  }

  /** A rich function that remembers what the runtime did to it. */
  static final class Tracking extends RichMapFunction<String, String> {
    private static final long serialVersionUID = 1L;
    boolean opened;
    boolean closed;
    int subtask = -1;
    int parallelism = -1;

    @Override
    public void open(OpenContext openContext) {
      opened = true;
      subtask = getRuntimeContext().getIndexOfThisSubtask();
      parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
    }

    @Override
    public String map(String value) {
      return getRuntimeContext().getTaskInfo().getTaskName() + "/" + value;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void richFunctionIsOpenedAndClosedWithARuntimeContext() throws Exception {
    Tracking function = new Tracking();
    OneInputOperatorHarness<String, String> harness = Harnesses.forMap(function);
    assertThat(function.opened).isTrue();
    assertThat(function.subtask).isZero();
    assertThat(function.parallelism).isOne();
    assertThat(harness.getRuntimeContext().getMaxNumberOfParallelSubtasks()).isEqualTo(128);
    assertThat(harness.getRuntimeContext().getJobName()).isEqualTo(OneInputOperatorHarness.JOB_NAME);

    harness.processElement("x");
    assertThat(harness.extractOutputValues()).containsExactly("Map/x");

    harness.endInput();
    assertThat(function.closed).isFalse();
    harness.close();
    assertThat(function.closed).isTrue();
    harness.close(); // again: nothing happens
  }

  @Test
  void exceptionsFromTheFunctionPropagateUnchanged() throws Exception {
    try (var harness = Harnesses.forMap((Integer x) -> 10 / x)) {
      harness.processElement(5);
      assertThatThrownBy(() -> harness.processElement(0))
          .isExactlyInstanceOf(ArithmeticException.class);
      assertThat(harness.extractOutputValues()).containsExactly(2);
    }
  }

  @Test
  void failureInOpenPropagatesAndCloseIsSkipped() throws Exception {
    class FailingOpen extends RichMapFunction<String, String> {
      private static final long serialVersionUID = 1L;
      boolean closed;

      @Override
      public void open(OpenContext openContext) {
        throw new IllegalStateException("no connection");
      }

      @Override
      public String map(String value) {
        return value;
      }

      @Override
      public void close() {
        closed = true;
      }
    }
    FailingOpen function = new FailingOpen();
    var harness = new OneInputOperatorHarness<>(
        new dev.sluice.runtime.operators.StreamMap<>(function), "Map");

    assertThatThrownBy(harness::open)
        .isExactlyInstanceOf(IllegalStateException.class).hasMessage("no connection");
    harness.close();
    assertThat(function.closed).as("like the runtime, only opened functions are closed").isFalse();
  }

  @Test
  void lifeCycleIsEnforced() throws Exception {
    var harness = new OneInputOperatorHarness<>(
        new dev.sluice.runtime.operators.StreamMap<>((String s) -> s), "Map");
    assertThatThrownBy(() -> harness.processElement("too early"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("open()");
    harness.open();
    harness.endInput();
    assertThatThrownBy(() -> harness.processElement("too late"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("endInput()");
    harness.close();
  }

  @Test
  void outputCanBeClearedBetweenSteps() throws Exception {
    try (var harness = Harnesses.forMap((Integer x) -> x + 1)) {
      harness.processElement(1);
      harness.clearOutput();
      harness.processElement(2);
      assertThat(harness.extractOutputValues()).isEqualTo(List.of(3));
    }
  }
}
