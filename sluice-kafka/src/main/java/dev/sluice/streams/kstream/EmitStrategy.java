package dev.sluice.streams.kstream;

/**
 * When a windowed aggregation emits: on every update (default) or once per window when it
 * closes (its end plus grace, by stream time).
 */
public final class EmitStrategy {
  public enum StrategyType { ON_WINDOW_UPDATE, ON_WINDOW_CLOSE }

  private final StrategyType type;

  private EmitStrategy(StrategyType type) {
    this.type = type;
  }

  public static EmitStrategy onWindowClose() {
    return new EmitStrategy(StrategyType.ON_WINDOW_CLOSE);
  }

  public static EmitStrategy onWindowUpdate() {
    return new EmitStrategy(StrategyType.ON_WINDOW_UPDATE);
  }

  public StrategyType type() {
    return type;
  }
}
