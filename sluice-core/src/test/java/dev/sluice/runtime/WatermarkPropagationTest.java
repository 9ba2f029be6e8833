package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.connector.source.lib.NumberSequenceSource;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.ProcessFunction;
import dev.sluice.util.Collector;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Watermarks from parallel sources reach a downstream operator as their minimum, in order. */
class WatermarkPropagationTest {
  @Test
  void downstreamSeesTimestampsAndMonotonicWatermarksEndingAtMax() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    env.getConfig().setAutoWatermarkInterval(1).setChannelBatchSize(8);
    List<String> out = env.fromSource(new NumberSequenceSource(1, 20_000),
            WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(5))
                .withTimestampAssigner((x, ts) -> x),
            "timestamped")
        .rebalance()
        .process(new ProcessFunction<Long, String>() {
          private long lastWatermark = Long.MIN_VALUE;

          @Override
          public void processElement(Long value, Context ctx, Collector<String> o) {
            long wm = ctx.timerService().currentWatermark();
            if (wm < lastWatermark) {
              o.collect("watermark went back: " + wm + " < " + lastWatermark);
            }
            lastWatermark = wm;
            // each source emits increasing timestamps and its watermarks travel in order with
            // its records, so no record can be behind the merged watermark
            if (wm >= value) {
              o.collect("record " + value + " arrived behind watermark " + wm);
            }
            if (ctx.timestamp() == null || ctx.timestamp() != value.longValue()) {
              o.collect("wrong timestamp " + ctx.timestamp() + " for " + value);
            }
          }
        })
        .executeAndCollect(100);
    assertThat(out).isEmpty();
  }
}
