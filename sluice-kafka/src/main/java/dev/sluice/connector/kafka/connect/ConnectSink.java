package dev.sluice.connector.kafka.connect;

import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.StatefulSinkWriter;
import dev.sluice.api.connector.sink2.SupportsWriterState;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.connector.base.VersionedCodecs;
import dev.sluice.core.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A Kafka Connect {@link SinkConnector} as a Sluice sink: one {@code SinkTask} per subtask, fed
 * {@code SinkRecord}s in batches and flushed at every checkpoint barrier (at least once). See the
 * package documentation for the whole contract.
 *
 * <pre>{@code
 * ConnectSink<String> sink = ConnectSink.<String>builder()
 *     .setConnector(FileStreamSinkConnector.class)
 *     .setProperties(Map.of("file", "out.txt"))
 *     .setValueConverter(SinkValueConverter.string())
 *     .build();
 * stream.sinkTo(sink);
 * }</pre>
 *
 * @param <T> the type of the elements
 */
public final class ConnectSink<T> implements Sink<T>, SupportsWriterState<T, ConnectSinkState> {
  private static final long serialVersionUID = 1L;

  private final Class<? extends SinkConnector> connectorClass;
  private final LinkedHashMap<String, String> properties;
  private final String topic;
  private final SinkValueConverter<T> keyConverter;
  private final SinkValueConverter<T> valueConverter;
  private final ConversionErrorPolicy errorPolicy;
  private final int batchSize;
  private final int maxRetries;
  private final long flushTimeoutMs;

  ConnectSink(ConnectSinkBuilder<T> b) {
    this.connectorClass = b.connectorClass;
    this.properties = new LinkedHashMap<>(b.properties);
    this.topic = b.topic;
    this.keyConverter = b.keyConverter;
    this.valueConverter = b.valueConverter;
    this.errorPolicy = b.errorPolicy;
    this.batchSize = b.batchSize;
    this.maxRetries = b.maxRetries;
    this.flushTimeoutMs = b.flushTimeoutMs;
  }

  public static <T> ConnectSinkBuilder<T> builder() {
    return new ConnectSinkBuilder<>();
  }

  public Class<? extends SinkConnector> getConnectorClass() {
    return connectorClass;
  }

  /** The connector's properties, as passed to {@code Connector.start}. */
  public Map<String, String> getProperties() {
    return Collections.unmodifiableMap(properties);
  }

  /** The topic name the {@code SinkRecord}s carry. */
  public String getTopic() {
    return topic;
  }

  /** The key converter; null when records have no key. */
  public SinkValueConverter<T> getKeyConverter() {
    return keyConverter;
  }

  public SinkValueConverter<T> getValueConverter() {
    return valueConverter;
  }

  public ConversionErrorPolicy getConversionErrorPolicy() {
    return errorPolicy;
  }

  public int getBatchSize() {
    return batchSize;
  }

  public int getMaxRetries() {
    return maxRetries;
  }

  public long getFlushTimeoutMs() {
    return flushTimeoutMs;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    return new ConnectSinkWriter<>(this, context, List.of());
  }

  @Override
  public StatefulSinkWriter<T, ConnectSinkState> restoreWriter(WriterInitContext context,
      Collection<ConnectSinkState> recoveredState) throws IOException {
    return new ConnectSinkWriter<>(this, context, recoveredState);
  }

  @Override
  public SimpleVersionedSerializer<ConnectSinkState> getWriterStateSerializer() {
    return VersionedCodecs.of(1, (s, out) -> {
      out.writeInt(s.partition());
      out.writeLong(s.nextOffset());
    }, (v, in) -> new ConnectSinkState(in.readInt(), in.readLong()));
  }
}
