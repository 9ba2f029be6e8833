package dev.sluice.streams.kstream;

/**
 * Suppression of a windowed table's intermediate updates. Only {@link
 * #untilWindowCloses(StrictBufferConfig)} is supported, on the table a windowed aggregation
 * produces: it emits each window's final result once, when the window closes — the same as {@link
 * EmitStrategy#onWindowClose()}. The buffer is the aggregation's keyed state (checkpointed), so
 * it is always unbounded.
 */
public final class Suppressed<K> {
  private Suppressed() {}

  /** Buffer settings; only {@link #unbounded()} exists, as the buffer is keyed state. */
  public interface BufferConfig<B extends BufferConfig<B>> {
    static StrictBufferConfig unbounded() {
      return new StrictBufferConfig();
    }
  }

  public static final class StrictBufferConfig implements BufferConfig<StrictBufferConfig> {
    private StrictBufferConfig() {}
  }

  public static <K extends Windowed<?>> Suppressed<K> untilWindowCloses(StrictBufferConfig bufferConfig) {
    return new Suppressed<>();
  }
}
