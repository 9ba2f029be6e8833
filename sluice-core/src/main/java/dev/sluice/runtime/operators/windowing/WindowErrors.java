package dev.sluice.runtime.operators.windowing;

/** Runtime error messages of the window operators. */
final class WindowErrors {
  private WindowErrors() {}

  static IllegalStateException noTimestamp(String operator, Object value) {
    return new IllegalStateException("The event-time window operator '" + operator
        + "' received a record that has no timestamp; use assignTimestampsAndWatermarks or a "
        + "WatermarkStrategy at the source (env.fromSource(source, strategy, name)) so that "
        + "records carry event timestamps, or use processing-time windows. Record: " + value);
  }
}
