package dev.sluice.examples.usecases.iot;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.examples.usecases.EventTimeOrderedFunction;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.util.Comparator;

/**
 * Per sensor, in event-time order: an episode is a run of consecutive readings above {@code
 * threshold}. It ends at the first reading at or below the threshold (or at the end of a bounded
 * input), and if its first and last readings are at least {@code minDurationMillis} apart it is
 * reported once, as an {@link OverheatAlert}, when it ends.
 */
public class SustainedConditionDetector
    extends EventTimeOrderedFunction<String, SensorReading, OverheatAlert> {
  private static final long serialVersionUID = 1L;

  /** An episode in progress. */
  public record Episode(long start, long last, double max, int readings) {
    Episode with(SensorReading r) {
      return new Episode(start, r.timestamp(), Math.max(max, r.temperature()), readings + 1);
    }
  }

  private final double threshold;
  private final long minDurationMillis;
  private transient ValueState<Episode> episode;

  public SustainedConditionDetector(double threshold, long minDurationMillis,
      OutputTag<SensorReading> lateTag) {
    super(TypeInformation.of(SensorReading.class), lateTag);
    if (minDurationMillis < 0) {
      throw new IllegalArgumentException("The minimum duration must not be negative, got "
          + minDurationMillis);
    }
    this.threshold = threshold;
    this.minDurationMillis = minDurationMillis;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    episode = getRuntimeContext().getState(new ValueStateDescriptor<>("episode", Episode.class));
  }

  @Override
  protected Comparator<SensorReading> tieOrder() {
    return SensorReading.EVENT_TIME_ORDER;
  }

  @Override
  protected void processInOrder(SensorReading reading, long timestamp, OnTimerContext ctx,
      Collector<OverheatAlert> out) throws Exception {
    Episode current = episode.value();
    if (reading.temperature() > threshold) {
      if (current == null) {
        current = new Episode(timestamp, timestamp, reading.temperature(), 1);
        // fires only when a bounded input ends: reports an episode still open then
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      } else {
        current = current.with(reading);
      }
      episode.update(current);
    } else if (current != null) {
      end(ctx.getCurrentKey(), current, out);
    }
  }

  @Override
  protected void onEventTime(long timestamp, OnTimerContext ctx, Collector<OverheatAlert> out)
      throws Exception {
    Episode current = episode.value();
    if (timestamp == Long.MAX_VALUE && current != null) {
      end(ctx.getCurrentKey(), current, out);
    }
  }

  private void end(String sensorId, Episode ended, Collector<OverheatAlert> out) {
    episode.clear();
    if (ended.last() - ended.start() >= minDurationMillis) {
      out.collect(new OverheatAlert(sensorId, ended.start(), ended.last(), ended.max(), ended.readings()));
    }
  }
}
