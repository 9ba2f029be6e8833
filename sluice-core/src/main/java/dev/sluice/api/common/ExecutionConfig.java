package dev.sluice.api.common;

import dev.sluice.api.common.typeutils.TypeSerializer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Settings of a job's execution: Flink's familiar ones and the runtime's own knobs (worker threads,
 * channel batch size and capacity, the processing-time clock), and the serializers registered
 * for classes that state stores.
 */
public final class ExecutionConfig {
  private long autoWatermarkInterval = 200;
  private int workerThreads = Runtime.getRuntime().availableProcessors();
  private int channelBatchSize = 1024;
  private int channelCapacity = 32;
  private LongSupplier processingTimeClock = System::currentTimeMillis;
  private final Map<Class<?>, TypeSerializer<?>> registeredSerializers = new LinkedHashMap<>();
  private dev.sluice.runtime.state.StateBackend stateBackend;
  private String stateBackendName;
  private final Map<String, String> stateBackendOptions = new LinkedHashMap<>();

  /** How often sources generate periodic watermarks, in ms; 0 turns periodic watermarks off. */
  public ExecutionConfig setAutoWatermarkInterval(long intervalMs) {
    if (intervalMs < 0) {
      throw new IllegalArgumentException("The auto-watermark interval must be >= 0, got " + intervalMs);
    }
    this.autoWatermarkInterval = intervalMs;
    return this;
  }

  public long getAutoWatermarkInterval() {
    return autoWatermarkInterval;
  }

  /** Threads that run the job's subtasks (default: one per core). */
  public ExecutionConfig setWorkerThreads(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("The number of worker threads must be at least 1, got " + threads);
    }
    this.workerThreads = threads;
    return this;
  }

  public int getWorkerThreads() {
    return workerThreads;
  }

  /** Records per batch on a channel between subtasks. */
  public ExecutionConfig setChannelBatchSize(int records) {
    if (records <= 0) {
      throw new IllegalArgumentException("The channel batch size must be at least 1, got " + records);
    }
    this.channelBatchSize = records;
    return this;
  }

  public int getChannelBatchSize() {
    return channelBatchSize;
  }

  /** Batches a channel holds before the producer is held back (backpressure). */
  public ExecutionConfig setChannelCapacity(int batches) {
    if (batches < 2) {
      throw new IllegalArgumentException("The channel capacity must be at least 2 batches, got " + batches);
    }
    this.channelCapacity = batches;
    return this;
  }

  public int getChannelCapacity() {
    return channelCapacity;
  }

  /** The processing-time clock (epoch ms); tests pass a virtual one. */
  public ExecutionConfig setProcessingTimeClock(LongSupplier clock) {
    this.processingTimeClock = java.util.Objects.requireNonNull(clock, "clock");
    return this;
  }

  public LongSupplier getProcessingTimeClock() {
    return processingTimeClock;
  }

  /**
   * Registers the serializer state and checkpoints use for values of exactly {@code type}
   * (subclasses are not covered), wherever they occur: as a state's value or as a field, element,
   * key or value nested inside one. It takes precedence over the serializer Sluice would derive
   * from the type, and is the way to store a class Sluice cannot encode by itself (one that is
   * neither a POJO, a record, a tuple, an enum, an array, a collection nor a basic type). A
   * second registration for the same class replaces the first.
   *
   * <p>Each use gets {@link TypeSerializer#duplicate()} of the registered instance.
   */
  public <T> ExecutionConfig registerTypeSerializer(Class<T> type, TypeSerializer<T> serializer) {
    registeredSerializers.put(Objects.requireNonNull(type, "type"),
        Objects.requireNonNull(serializer, "serializer"));
    return this;
  }

  /** The serializers registered with {@link #registerTypeSerializer}, by class (read only). */
  public Map<Class<?>, TypeSerializer<?>> getRegisteredTypeSerializers() {
    return Collections.unmodifiableMap(registeredSerializers);
  }

  /**
   * Where keyed state is kept (see {@code StreamExecutionEnvironment.setStateBackend}); takes
   * precedence over a backend chosen by name. Null restores the default.
   */
  public ExecutionConfig setStateBackend(dev.sluice.runtime.state.StateBackend backend) {
    this.stateBackend = backend;
    return this;
  }

  /**
   * Chooses the state backend by name, without a compile-time dependency on it: {@code "hashmap"}
   * (the default) or {@code "rocksdb"} (needs {@code sluice-state-rocksdb} on the class path).
   * Unknown names fail when the job starts.
   */
  public ExecutionConfig setStateBackend(String name) {
    this.stateBackendName = name;
    return this;
  }

  /**
   * Sets an option of a backend chosen by name, e.g. {@code ("memory", "256mb")} or {@code
   * ("working-directory", "/data/sluice")} for RocksDB; unknown options fail when the job starts.
   */
  public ExecutionConfig setStateBackendOption(String key, String value) {
    stateBackendOptions.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** The backend instance set with {@link #setStateBackend(dev.sluice.runtime.state.StateBackend)}, or null. */
  public dev.sluice.runtime.state.StateBackend getStateBackend() {
    return stateBackend;
  }

  /** The backend name set with {@link #setStateBackend(String)}, or null. */
  public String getStateBackendName() {
    return stateBackendName;
  }

  /** Options of a backend chosen by name (read only). */
  public Map<String, String> getStateBackendOptions() {
    return Collections.unmodifiableMap(stateBackendOptions);
  }
}
