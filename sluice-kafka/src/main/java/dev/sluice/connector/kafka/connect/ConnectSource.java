package dev.sluice.connector.kafka.connect;

import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import dev.sluice.connector.base.VersionedCodecs;
import dev.sluice.core.io.SimpleVersionedSerializer;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A Kafka Connect {@link SourceConnector} as a Sluice source: the connector runs on the job's
 * coordinator side and its task configs become the splits; each reader runs the {@code SourceTask}s
 * of its splits on threads of their own, converts their records with a {@link
 * ConnectRecordConverter} and keeps the latest source offset of every source partition in its
 * splits, so the offsets are checkpointed and a restored task resumes from them. See the package
 * documentation for the whole contract.
 *
 * <pre>{@code
 * ConnectSource<String> source = ConnectSource.<String>builder()
 *     .setConnector(FileStreamSourceConnector.class)
 *     .setProperties(Map.of("file", "in.txt", "topic", "lines"))
 *     .setRecordConverter(ConnectRecordConverter.valueAsString())
 *     .build();
 * env.fromSource(source, WatermarkStrategy.noWatermarks(), "file");
 * }</pre>
 *
 * @param <T> the type of the records
 */
public final class ConnectSource<T> implements Source<T, ConnectTaskSplit, ConnectEnumState> {
  private static final long serialVersionUID = 1L;

  private final Class<? extends SourceConnector> connectorClass;
  private final LinkedHashMap<String, String> properties;
  private final ConnectRecordConverter<T> converter;
  private final ConversionErrorPolicy errorPolicy;
  private final long maxRecordsPerTask;
  private final long idleTimeoutMs;

  ConnectSource(ConnectSourceBuilder<T> b) {
    this.connectorClass = b.connectorClass;
    this.properties = new LinkedHashMap<>(b.properties);
    this.converter = b.converter;
    this.errorPolicy = b.errorPolicy;
    this.maxRecordsPerTask = b.maxRecordsPerTask;
    this.idleTimeoutMs = b.idleTimeoutMs;
  }

  public static <T> ConnectSourceBuilder<T> builder() {
    return new ConnectSourceBuilder<>();
  }

  @Override
  public Boundedness getBoundedness() {
    return maxRecordsPerTask > 0 || idleTimeoutMs > 0 ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
  }

  public Class<? extends SourceConnector> getConnectorClass() {
    return connectorClass;
  }

  /** The connector's properties, as passed to {@code Connector.start}. */
  public Map<String, String> getProperties() {
    return Collections.unmodifiableMap(properties);
  }

  public ConnectRecordConverter<T> getRecordConverter() {
    return converter;
  }

  public ConversionErrorPolicy getConversionErrorPolicy() {
    return errorPolicy;
  }

  /** Records a task's split ends after; 0 or less for no limit. */
  public long getMaxRecordsPerTask() {
    return maxRecordsPerTask;
  }

  /** How long a task's {@code poll} may return nothing before its split ends; 0 or less: never. */
  public long getIdleTimeoutMs() {
    return idleTimeoutMs;
  }

  @Override
  public SplitEnumerator<ConnectTaskSplit, ConnectEnumState> createEnumerator(
      SplitEnumeratorContext<ConnectTaskSplit> context) {
    return new ConnectSourceEnumerator(this, context, null);
  }

  @Override
  public SplitEnumerator<ConnectTaskSplit, ConnectEnumState> restoreEnumerator(
      SplitEnumeratorContext<ConnectTaskSplit> context, ConnectEnumState checkpoint) {
    return new ConnectSourceEnumerator(this, context, checkpoint);
  }

  @Override
  public SourceReader<T, ConnectTaskSplit> createReader(SourceReaderContext context) {
    return new ConnectSourceReader<>(this, context);
  }

  /**
   * Task configs, source partitions and offsets (strings, numbers, booleans, bytes, lists, maps) are
   * encoded by runtime class, so a task reads back a {@code Long} where it stored a {@code Long}.
   */
  private static final dev.sluice.runtime.typeutils.DynamicSerializer VALUES =
      dev.sluice.runtime.typeutils.DynamicSerializer.INSTANCE;

  private void writeSplit(ConnectTaskSplit s, DataOutputView out) throws IOException {
    out.writeInt(s.taskIndex());
    VALUES.serialize(s.taskClass(), out);
    VALUES.serialize(s.config(), out);
    out.writeInt(s.offsets().size());
    for (Map.Entry<Map<String, Object>, Map<String, Object>> e : s.offsets().entrySet()) {
      try {
        VALUES.serialize(e.getKey(), out);
        VALUES.serialize(e.getValue(), out);
      } catch (IOException | RuntimeException ex) {
        throw new IOException("Kafka Connect connector " + connectorClass.getName() + ", task " + s.taskIndex()
            + ": cannot checkpoint the offset of source partition " + e.getKey() + ": " + ex.getMessage(), ex);
      }
    }
    out.writeLong(s.recordsTaken());
  }

  @SuppressWarnings("unchecked")
  private static ConnectTaskSplit readSplit(DataInputView in) throws IOException {
    int index = in.readInt();
    String taskClass = (String) VALUES.deserialize(in);
    Map<String, String> config = (Map<String, String>) VALUES.deserialize(in);
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("negative number of offsets (corrupt data)");
    }
    Map<Map<String, Object>, Map<String, Object>> offsets = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      offsets.put((Map<String, Object>) VALUES.deserialize(in), (Map<String, Object>) VALUES.deserialize(in));
    }
    return new ConnectTaskSplit(index, taskClass, config, offsets, in.readLong());
  }

  @Override
  public SimpleVersionedSerializer<ConnectTaskSplit> getSplitSerializer() {
    return VersionedCodecs.of(1, this::writeSplit, (v, in) -> readSplit(in));
  }

  @Override
  public SimpleVersionedSerializer<ConnectEnumState> getEnumeratorCheckpointSerializer() {
    return VersionedCodecs.of(1, (state, out) -> {
      out.writeBoolean(state.configsMade());
      out.writeInt(state.taskConfigs().size());
      for (Map<String, String> c : state.taskConfigs()) {
        VALUES.serialize(c, out);
      }
      out.writeInt(state.unassigned().size());
      for (ConnectTaskSplit s : state.unassigned()) {
        writeSplit(s, out);
      }
    }, (v, in) -> {
      boolean made = in.readBoolean();
      int n = in.readInt();
      List<Map<String, String>> configs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        @SuppressWarnings("unchecked")
        Map<String, String> config = (Map<String, String>) VALUES.deserialize(in);
        configs.add(config);
      }
      int m = in.readInt();
      List<ConnectTaskSplit> unassigned = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        unassigned.add(readSplit(in));
      }
      return new ConnectEnumState(made, configs, unassigned);
    });
  }
}
