package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.functions.RichMapFunction;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A subtask that reads several input channels gives each its turn, also when the items of one use
 * up whole work slices. (They once did not: the channel after the one that used up the slice lost
 * its turn, so its writer stalled until the other writer ran out of input — with event time, that
 * held the watermark back and kept every window of the other writer open.)
 */
class InputFairnessTest {

  /** The source subtask a number came from. */
  static final class Origin extends RichMapFunction<Long, Integer> {
    @Override
    public Integer map(Long value) {
      return getRuntimeContext().getIndexOfThisSubtask();
    }
  }

  /** Passes its input on after working on it for longer than a work slice (1 ms). */
  static final class Slow extends RichMapFunction<Integer, Integer> {
    @Override
    public Integer map(Integer origin) {
      long until = System.nanoTime() + 1_500_000;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      return origin;
    }
  }

  @Test
  void bothSourcesAreReadWhileOneAloneCouldKeepTheReaderBusy() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfig().setChannelBatchSize(1).setChannelCapacity(2);
    List<Integer> origins = env.fromSequence(1, 200)
        .map(new Origin())
        .rebalance()
        .map(new Slow()).setParallelism(1)
        .executeAndCollect(Integer.MAX_VALUE);

    assertThat(origins).hasSize(200);
    assertThat(origins.subList(0, 40))
        .as("the first 40 records the single reader took, by source subtask")
        .contains(0, 1);
  }
}
