package dev.sluice.streams.internals;

import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.ForeachAction;

/** The sink of {@code KStream.foreach}: calls the action on each record. */
final class ForeachSink<K, V> implements Sink<KeyValue<K, V>> {
  private static final long serialVersionUID = 1L;
  private final ForeachAction<? super K, ? super V> action;

  ForeachSink(ForeachAction<? super K, ? super V> action) {
    this.action = action;
  }

  @Override
  public SinkWriter<KeyValue<K, V>> createWriter(WriterInitContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(KeyValue<K, V> element, Context ctx) {
        action.apply(element.key, element.value);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
