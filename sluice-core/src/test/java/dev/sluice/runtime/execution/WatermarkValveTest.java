package dev.sluice.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarkValveTest {
  @Test
  void watermarkIsTheMinimumOverChannelsAndNeverGoesBack() {
    WatermarkValve valve = new WatermarkValve(2);
    assertThat(valve.onWatermark(0, 10)).isEqualTo(WatermarkValve.NO_CHANGE);
    assertThat(valve.onWatermark(1, 5)).isEqualTo(5);
    assertThat(valve.onWatermark(1, 20)).isEqualTo(10);
    assertThat(valve.onWatermark(0, 8)).isEqualTo(WatermarkValve.NO_CHANGE); // channel 0 cannot go back
    assertThat(valve.current()).isEqualTo(10);
  }

  @Test
  void aChannelThatEndsWithoutAFinalWatermarkStopsHoldingTheOthersBack() {
    WatermarkValve valve = new WatermarkValve(2);
    valve.onWatermark(0, 10);
    valve.onWatermark(1, 50);
    assertThat(valve.onEnd(0)).isEqualTo(50);
  }

  @Test
  void idleChannelsDoNotHoldEventTimeBack() {
    WatermarkValve valve = new WatermarkValve(2);
    valve.onWatermark(0, 100);
    assertThat(valve.onIdleStatus(1, true)).isEqualTo(100);
    assertThat(valve.allIdle()).isFalse();
    assertThat(valve.onIdleStatus(0, true)).isEqualTo(WatermarkValve.NO_CHANGE);
    assertThat(valve.allIdle()).isTrue();
    // a watermark makes a channel active again
    assertThat(valve.onWatermark(1, 150)).isEqualTo(150);
    assertThat(valve.allIdle()).isFalse();
  }

  @Test
  void endedChannelsStopCountingAndTheEndIsReported() {
    WatermarkValve valve = new WatermarkValve(3);
    valve.onWatermark(0, 1);
    valve.onWatermark(1, 2);
    valve.onWatermark(2, 3);
    assertThat(valve.current()).isEqualTo(1);
    assertThat(valve.onWatermark(0, Long.MAX_VALUE)).isEqualTo(2);
    assertThat(valve.onEnd(0)).isEqualTo(WatermarkValve.NO_CHANGE);
    assertThat(valve.allEnded()).isFalse();
    valve.onWatermark(1, Long.MAX_VALUE);
    valve.onEnd(1);
    valve.onWatermark(2, Long.MAX_VALUE);
    assertThat(valve.onEnd(2)).isEqualTo(WatermarkValve.NO_CHANGE);
    assertThat(valve.current()).isEqualTo(Long.MAX_VALUE);
    assertThat(valve.allEnded()).isTrue();
  }
}
