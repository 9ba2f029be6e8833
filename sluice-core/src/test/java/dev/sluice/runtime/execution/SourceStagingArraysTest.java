package dev.sluice.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.runtime.operators.Output;
import dev.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A source without watermarks stages its records and hands them down the chain a batch at a time,
 * each batch in a new array (see HandedOnBatchArraysTest in the operators package for why).
 */
class SourceStagingArraysTest {
  @Test
  void stagedBatchesGoDownInNewArraysInOrder() {
    List<Object[]> arrays = new ArrayList<>();
    List<Object> received = new ArrayList<>();
    Output<Long> chain = new Output<>() {
      @Override
      public void collect(Long value, long timestamp) {
        throw new AssertionError("expected whole batches");
      }

      @Override
      public void collectBatch(Object[] values, long[] timestamps, int size) {
        arrays.add(values);
        received.addAll(Arrays.asList(values).subList(0, size));
      }

      @Override
      public <X> void collect(OutputTag<X> tag, X value, long timestamp) {}

      @Override
      public void emitWatermark(long watermark) {}
    };
    SourceOutputs<Long> outputs = new SourceOutputs<>(chain, WatermarkStrategy.noWatermarks(), idle -> {}, () -> 0L);
    for (long v = 0; v < 600; v++) { // two full stages of 256 and a partial one
      outputs.collect(v);
    }
    outputs.flush();

    assertThat(received).hasSize(600);
    for (int i = 0; i < 600; i++) {
      assertThat(received.get(i)).isEqualTo((long) i);
    }
    assertThat(arrays).hasSize(3);
    assertThat(arrays.get(0)).isNotSameAs(arrays.get(1));
    assertThat(arrays.get(1)).isNotSameAs(arrays.get(2));
    assertThat(arrays.get(0)).isNotSameAs(arrays.get(2));
  }
}
