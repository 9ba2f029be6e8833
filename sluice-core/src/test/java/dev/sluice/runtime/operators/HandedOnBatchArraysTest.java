package dev.sluice.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.FilterFunction;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chained batch operators hand on a new values array per batch, never one they keep: an array
 * kept across batches ends up tenured, and under G1 every store of a new object into it takes the
 * write barrier's slow path (docs/architecture.md, "Inside a chain"). The arrays handed on also
 * carry exactly the batch's results.
 */
class HandedOnBatchArraysTest {
  /** Records the arrays and the values of every batch it receives. */
  private static final class Recorder implements Output<Object> {
    final List<Object[]> arrays = new ArrayList<>();
    final List<List<Object>> batches = new ArrayList<>();

    @Override
    public void collect(Object value, long timestamp) {
      throw new AssertionError("expected whole batches");
    }

    @Override
    public void collectBatch(Object[] values, long[] timestamps, int size) {
      arrays.add(values);
      batches.add(List.copyOf(Arrays.asList(values).subList(0, size)));
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X value, long timestamp) {}

    @Override
    public void emitWatermark(long watermark) {}
  }

  private static Recorder run(AbstractStreamOperator<Object> op) throws Exception {
    Recorder out = new Recorder();
    op.setup(new OperatorContext("op", new TaskInfo("op", 0, 1, 128), "job", null, () -> 0L), out);
    op.open();
    BatchOperator batches = (BatchOperator) op;
    Object[] input = new Object[4];
    long[] timestamps = new long[4];
    for (int batch = 0; batch < 3; batch++) {
      for (int i = 0; i < 4; i++) {
        input[i] = (long) (batch * 4 + i); // the caller reuses its own array
        timestamps[i] = batch * 4 + i;
      }
      batches.processBatch(input, timestamps, 4);
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static AbstractStreamOperator<Object> raw(AbstractStreamOperator<?> op) {
    return (AbstractStreamOperator) op;
  }

  private static void assertAllDistinct(List<Object[]> arrays) {
    for (int i = 0; i < arrays.size(); i++) {
      for (int j = i + 1; j < arrays.size(); j++) {
        assertThat(arrays.get(i)).as("arrays of batches %d and %d", i, j).isNotSameAs(arrays.get(j));
      }
    }
  }

  @Test
  void aMapHandsOnANewArrayPerBatch() throws Exception {
    Recorder out = run(raw(new StreamMap<>((MapFunction<Long, Long>) v -> v * 10)));
    assertThat(out.batches).containsExactly(List.of(0L, 10L, 20L, 30L), List.of(40L, 50L, 60L, 70L),
        List.of(80L, 90L, 100L, 110L));
    assertAllDistinct(out.arrays);
  }

  @Test
  void aFilterHandsOnANewArrayPerBatch() throws Exception {
    Recorder out = run(raw(new StreamFilter<>((FilterFunction<Long>) v -> v % 2 == 1)));
    assertThat(out.batches).containsExactly(List.of(1L, 3L), List.of(5L, 7L), List.of(9L, 11L));
    assertAllDistinct(out.arrays);
  }

  @Test
  void aTimestampAssignerHandsOnANewArrayPerBatch() throws Exception {
    WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ZERO)
        .withTimestampAssigner((v, ts) -> v * 1000);
    Recorder out = run(raw(new TimestampsAndWatermarksOperator<>(strategy)));
    assertThat(out.batches).containsExactly(List.of(0L, 1L, 2L, 3L), List.of(4L, 5L, 6L, 7L),
        List.of(8L, 9L, 10L, 11L));
    assertAllDistinct(out.arrays);
  }
}
