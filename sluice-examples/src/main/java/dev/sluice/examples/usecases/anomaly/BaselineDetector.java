package dev.sluice.examples.usecases.anomaly;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.examples.usecases.EventTimeOrderedFunction;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Per server, in event-time order: compares each reading with the moving average of the server's
 * previous {@code window} readings and alerts when it is more than {@code band} away, where {@code
 * band = max(k * mean absolute deviation, minBand)} of those readings. No alerts until a server has
 * {@code window} readings. Every reading (anomalous or not) then joins the window.
 */
public class BaselineDetector extends EventTimeOrderedFunction<String, Metric, Alert> {
  private static final long serialVersionUID = 1L;

  private final int window;
  private final double k;
  private final double minBand;
  private transient ListState<Metric> recent;

  public BaselineDetector(int window, double k, double minBand, OutputTag<Metric> lateTag) {
    super(TypeInformation.of(Metric.class), lateTag);
    if (window < 1) {
      throw new IllegalArgumentException("The window must hold at least 1 reading, got " + window);
    }
    if (!(k > 0) || !(minBand >= 0)) {
      throw new IllegalArgumentException("k must be positive and minBand not negative, got k=" + k
          + ", minBand=" + minBand);
    }
    this.window = window;
    this.k = k;
    this.minBand = minBand;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    recent = getRuntimeContext().getListState(new ListStateDescriptor<>("recent", Metric.class));
  }

  @Override
  protected Comparator<Metric> tieOrder() {
    return Metric.EVENT_TIME_ORDER;
  }

  @Override
  protected void processInOrder(Metric reading, long timestamp, OnTimerContext ctx, Collector<Alert> out)
      throws Exception {
    List<Metric> history = new ArrayList<>();
    recent.get().forEach(history::add);
    if (history.size() == window) {
      check(reading, "cpu", reading.cpu(), history, Metric::cpu, out);
      check(reading, "memory", reading.memory(), history, Metric::memory, out);
      history.remove(0);
    }
    history.add(reading);
    recent.update(history);
  }

  private void check(Metric reading, String metric, double value, List<Metric> history,
      ToDoubleFunction<Metric> field, Collector<Alert> out) {
    double sum = 0;
    for (Metric m : history) {
      sum += field.applyAsDouble(m);
    }
    double mean = sum / history.size();
    double deviation = 0;
    for (Metric m : history) {
      deviation += Math.abs(field.applyAsDouble(m) - mean);
    }
    double band = Math.max(k * (deviation / history.size()), minBand);
    if (Math.abs(value - mean) > band) {
      out.collect(new Alert(reading.serverId(), metric, value, mean, band, reading.timestamp()));
    }
  }
}
