package dev.sluice.streaming;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.JobExecutionException;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mistakes give errors that name the problem, at build time where possible. */
class BadInputTest {
  StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);

  @Test
  void parallelismMustBePositive() {
    assertThatThrownBy(() -> env.setParallelism(0)).hasMessageContaining("at least 1, got 0");
    assertThatThrownBy(() -> env.fromSequence(1, 2).map(x -> x).setParallelism(-3))
        .hasMessageContaining("'Map'").hasMessageContaining("got -3");
    assertThatThrownBy(() -> StreamExecutionEnvironment.createLocalEnvironment(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void positionalKeyOnANonTupleIsRefusedAtBuildTime() {
    assertThatThrownBy(() -> env.fromData(new DataStreamApiTest.Sale("a", 1)).keyBy(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Tuple");
  }

  @Test
  void positionOutOfRangeIsRefused() {
    assertThatThrownBy(() -> env.fromData(Tuple2.of("a", 1)).keyBy(0).sum(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Position 2");
  }

  @Test
  void missingFieldNameIsRefused() {
    assertThatThrownBy(() -> env.fromData(new DataStreamApiTest.Sale("x", 1)).keyBy("categroy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("categroy")
        .hasMessageContaining("amount, category");
  }

  @Test
  void positionalKeyOnUnknownTypeFailsOnFirstRecordWithAClearMessage() {
    env.fromData("x").map(s -> new DataStreamApiTest.Sale(s, 1)).keyBy(0).map(t -> t)
        .sinkTo(new DiscardingSink<>());
    assertThatThrownBy(() -> env.execute()).isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("Tuple");
  }

  @Test
  void aJobWithoutSinkIsRefused() {
    env.fromData(1, 2).map(x -> x);
    assertThatThrownBy(() -> env.execute("nothing")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no sink");
  }

  @Test
  void executingTwiceIsRefused() throws Exception {
    env.fromData(1, 2).sinkTo(new DiscardingSink<>());
    env.execute();
    assertThatThrownBy(() -> env.execute()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("executed before");
  }

  @Test
  void forwardBetweenDifferentParallelismsIsRefused() {
    env.fromSequence(1, 10).setParallelism(2).forward().map(x -> x).setParallelism(1)
        .sinkTo(new DiscardingSink<>());
    assertThatThrownBy(() -> env.execute()).hasMessageContaining("forward edge cannot change the parallelism");
  }

  @Test
  void nonParallelSourceRefusesParallelism() {
    assertThatThrownBy(() -> env.fromData(1, 2).setParallelism(2))
        .hasMessageContaining("not parallel");
  }

  @Test
  void emptyFromDataIsRefused() {
    assertThatThrownBy(() -> env.fromData(List.of())).hasMessageContaining("at least one element");
  }

  @Test
  void timersOnANonKeyedStreamAreRefusedWhenTheJobIsBuilt() {
    assertThatThrownBy(() -> env.fromData(1, 2).process(
        new dev.sluice.streaming.api.functions.ProcessFunction<Integer, Integer>() {
          @Override
          public void processElement(Integer value, Context ctx, dev.sluice.util.Collector<Integer> out) {
            ctx.timerService().registerEventTimeTimer(10);
          }

          @Override
          public void onTimer(long timestamp, OnTimerContext ctx, dev.sluice.util.Collector<Integer> out) {
            out.collect(1);
          }
        }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timers need a keyed stream");
  }

  @Test
  void keyedStateOnANonKeyedStreamFailsNamingTheOperator() {
    env.fromData(1, 2).map(new dev.sluice.api.common.functions.RichMapFunction<Integer, Integer>() {
      @Override
      public void open(dev.sluice.api.common.functions.OpenContext openContext) {
        getRuntimeContext().getState(new dev.sluice.api.common.state.ValueStateDescriptor<>("s", Integer.class));
      }

      @Override
      public Integer map(Integer value) {
        return value;
      }
    }).name("Stateful map").sinkTo(new DiscardingSink<>());
    assertThatThrownBy(() -> env.execute()).hasMessageContaining("Stateful map")
        .hasMessageContaining("keyed stream");
  }
}
