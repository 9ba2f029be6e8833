package dev.sluice.streaming.api.environment;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.JobExecutionException;
import dev.sluice.api.common.JobExecutionResult;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.lib.CollectionSource;
import dev.sluice.api.connector.source.lib.NumberSequenceSource;
import dev.sluice.connector.file.src.FileSource;
import dev.sluice.connector.socket.SocketTextSource;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.channel.KeyGroups;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.restartstrategy.RestartStrategies.RestartStrategyConfiguration;
import dev.sluice.core.execution.CheckpointingMode;
import dev.sluice.runtime.checkpoint.CheckpointSettings;
import dev.sluice.runtime.execution.JobExecution;
import dev.sluice.runtime.jobgraph.SavepointRestoreSettings;
import java.time.Duration;
import dev.sluice.runtime.execution.RuntimeSettings;
import dev.sluice.runtime.graph.JobGraph;
import dev.sluice.runtime.graph.JobGraphBuilder;
import dev.sluice.runtime.graph.SourceTransformation;
import dev.sluice.runtime.graph.Transformation;
import dev.sluice.runtime.typeutils.TypeExtractor;
import dev.sluice.streaming.api.datastream.DataStreamSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Where a job is defined and started. Sources create streams, transformations and sinks are
 * recorded, and {@link #execute()} runs the job inside this JVM on a pool of worker threads.
 */
public class StreamExecutionEnvironment {
  /** The job name used when none is given. */
  public static final String DEFAULT_JOB_NAME = "Sluice Streaming Job";

  private final ExecutionConfig config = new ExecutionConfig();
  private final List<Transformation<?>> sinks = new ArrayList<>();
  private int parallelism;
  private int maxParallelism = KeyGroups.DEFAULT_MAX_PARALLELISM;
  private int nextId;
  private final CheckpointConfig checkpointConfig = new CheckpointConfig();
  private RestartStrategyConfiguration restartStrategy;
  private SavepointRestoreSettings savepointRestoreSettings = SavepointRestoreSettings.none();

  protected StreamExecutionEnvironment(int parallelism) {
    setParallelism(parallelism);
  }

  /** An environment running in this JVM, parallelism = number of cores. */
  public static StreamExecutionEnvironment getExecutionEnvironment() {
    return createLocalEnvironment();
  }

  public static LocalStreamEnvironment createLocalEnvironment() {
    return new LocalStreamEnvironment(Runtime.getRuntime().availableProcessors());
  }

  public static LocalStreamEnvironment createLocalEnvironment(int parallelism) {
    return new LocalStreamEnvironment(parallelism);
  }

  public ExecutionConfig getConfig() {
    return config;
  }

  /**
   * Where keyed state is kept: {@code new HashMapStateBackend()} (the default) or {@code new
   * EmbeddedRocksDBStateBackend()} (module {@code sluice-state-rocksdb}). To choose by name, use
   * {@code getConfig().setStateBackend("rocksdb")}.
   */
  public StreamExecutionEnvironment setStateBackend(dev.sluice.runtime.state.StateBackend backend) {
    config.setStateBackend(backend);
    return this;
  }

  /** The state backend set with {@link #setStateBackend}, or null (the default or one chosen by name). */
  public dev.sluice.runtime.state.StateBackend getStateBackend() {
    return config.getStateBackend();
  }

  /** Default parallelism of every operator that does not set its own. */
  /** Checkpoints every {@code intervalMs} milliseconds, exactly once. */
  public StreamExecutionEnvironment enableCheckpointing(long intervalMs) {
    return enableCheckpointing(intervalMs, CheckpointingMode.EXACTLY_ONCE);
  }

  /** Checkpoints every {@code intervalMs} milliseconds with the given guarantee. */
  public StreamExecutionEnvironment enableCheckpointing(long intervalMs, CheckpointingMode mode) {
    checkpointConfig.setCheckpointInterval(intervalMs);
    checkpointConfig.setCheckpointingConsistencyMode(mode);
    return this;
  }

  public CheckpointConfig getCheckpointConfig() {
    return checkpointConfig;
  }

  /**
   * What the job does when it fails. Default: no restart without checkpointing; with
   * checkpointing, restarts without limit with exponentially growing delays (1 s up to 1 min).
   */
  public void setRestartStrategy(RestartStrategyConfiguration strategy) {
    if (strategy == null) {
      throw new IllegalArgumentException("The restart strategy must not be null");
    }
    this.restartStrategy = strategy;
  }

  public RestartStrategyConfiguration getRestartStrategy() {
    if (restartStrategy != null) {
      return restartStrategy;
    }
    return checkpointConfig.isCheckpointingEnabled()
        ? RestartStrategies.exponentialDelayRestart(Duration.ofSeconds(1), Duration.ofMinutes(1), 1.5,
            Duration.ofHours(1), 0.1)
        : RestartStrategies.noRestart();
  }

  /** Starts the next job from a savepoint or checkpoint. */
  public void setSavepointRestoreSettings(SavepointRestoreSettings settings) {
    this.savepointRestoreSettings = settings == null ? SavepointRestoreSettings.none() : settings;
  }

  public SavepointRestoreSettings getSavepointRestoreSettings() {
    return savepointRestoreSettings;
  }

  public StreamExecutionEnvironment setParallelism(int parallelism) {
    if (parallelism <= 0) {
      throw new IllegalArgumentException("The parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    return this;
  }

  public int getParallelism() {
    return parallelism;
  }

  /** Number of key groups: the upper bound of parallelism for keyed state (default 128). */
  public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
    if (maxParallelism <= 0 || maxParallelism > KeyGroups.UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException("The maximum parallelism must be between 1 and "
          + KeyGroups.UPPER_BOUND_MAX_PARALLELISM + ", got " + maxParallelism);
    }
    this.maxParallelism = maxParallelism;
    return this;
  }

  public int getMaxParallelism() {
    return maxParallelism;
  }

  // ---------------------------------------------------------------- sources

  /** The given elements, in order, from one (non-parallel) reader. */
  @SafeVarargs
  public final <OUT> DataStreamSource<OUT> fromData(OUT... data) {
    if (data == null || data.length == 0) {
      throw new IllegalArgumentException("fromData needs at least one element");
    }
    return fromData(Arrays.asList(data));
  }

  /** The elements of a collection, in order, from one (non-parallel) reader. */
  public <OUT> DataStreamSource<OUT> fromData(Collection<OUT> data) {
    if (data == null || data.isEmpty()) {
      throw new IllegalArgumentException("fromData needs at least one element");
    }
    for (OUT element : data) {
      if (element == null) {
        throw new IllegalArgumentException("fromData does not accept null elements");
      }
    }
    @SuppressWarnings("unchecked")
    TypeInformation<OUT> type = (TypeInformation<OUT>) TypeExtractor.forClass(commonClass(data));
    return fromSource(new CollectionSource<>(new ArrayList<>(data)), WatermarkStrategy.noWatermarks(),
        "Collection Source", type, 1, false);
  }

  /** Same as {@link #fromData(Object[])}; the Flink 1.x name. */
  @SafeVarargs
  public final <OUT> DataStreamSource<OUT> fromElements(OUT... data) {
    return fromData(data);
  }

  /** Same as {@link #fromData(Collection)}; the Flink 1.x name. */
  public <OUT> DataStreamSource<OUT> fromCollection(Collection<OUT> data) {
    return fromData(data);
  }

  private static Class<?> commonClass(Collection<?> data) {
    Class<?> common = null;
    for (Object o : data) {
      Class<?> c = o.getClass();
      if (common == null) {
        common = c;
      } else {
        while (!common.isAssignableFrom(c)) {
          common = common.getSuperclass();
        }
      }
    }
    return common;
  }

  /** The numbers {@code from..to}, both inclusive, read in parallel. */
  public DataStreamSource<Long> fromSequence(long from, long to) {
    return fromSource(new NumberSequenceSource(from, to), WatermarkStrategy.noWatermarks(),
        "Sequence Source", dev.sluice.api.common.typeinfo.Types.LONG, Transformation.DEFAULT_PARALLELISM, true);
  }

  /** Reads a source, with timestamps and watermarks from {@code watermarkStrategy}. */
  public <OUT> DataStreamSource<OUT> fromSource(Source<OUT, ?, ?> source,
      WatermarkStrategy<OUT> watermarkStrategy, String sourceName) {
    return fromSource(source, watermarkStrategy, sourceName, null);
  }

  public <OUT> DataStreamSource<OUT> fromSource(Source<OUT, ?, ?> source,
      WatermarkStrategy<OUT> watermarkStrategy, String sourceName, TypeInformation<OUT> typeInfo) {
    return fromSource(source, watermarkStrategy, sourceName, typeInfo,
        Transformation.DEFAULT_PARALLELISM, true);
  }

  private <OUT> DataStreamSource<OUT> fromSource(Source<OUT, ?, ?> source,
      WatermarkStrategy<OUT> watermarkStrategy, String sourceName, TypeInformation<OUT> typeInfo,
      int parallelism, boolean parallel) {
    if (source == null) {
      throw new NullPointerException("source must not be null");
    }
    if (watermarkStrategy == null) {
      throw new NullPointerException(
          "watermarkStrategy must not be null; use WatermarkStrategy.noWatermarks() for none");
    }
    SourceTransformation<OUT> t = new SourceTransformation<>(nextId(), sourceName, source,
        watermarkStrategy, parallelism, typeInfo);
    return new DataStreamSource<>(this, t, parallel);
  }

  /** The lines of text read from a socket, cut at {@code "\n"}; ends when the peer closes. */
  public DataStreamSource<String> socketTextStream(String hostname, int port) {
    return socketTextStream(hostname, port, "\n");
  }

  /** The records of text read from a socket, cut at {@code delimiter}. */
  public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter) {
    return socketTextStream(hostname, port, delimiter, 0);
  }

  /**
   * The records of text read from a socket, cut at {@code delimiter}, (re)connecting up to {@code
   * maxRetry} times 500 ms apart ({@code -1}: forever). Non-parallel.
   */
  public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter,
      long maxRetry) {
    return fromSource(new SocketTextSource(hostname, port, delimiter, maxRetry),
        WatermarkStrategy.noWatermarks(), "Socket Stream", Types.STRING, 1, false);
  }

  /** The lines of a text file, or of the files of a directory (UTF-8), read once. */
  public DataStreamSource<String> readTextFile(String filePath) {
    if (filePath == null || filePath.isBlank()) {
      throw new IllegalArgumentException("readTextFile needs a path, got '" + filePath + "'");
    }
    return fromSource(FileSource.forTextLines(Path.of(filePath)).build(),
        WatermarkStrategy.noWatermarks(), "File Source", Types.STRING,
        Transformation.DEFAULT_PARALLELISM, true);
  }

  // ---------------------------------------------------------------- execution

  /** Runs the job and waits for it to finish. Throws when it fails or is cancelled. */
  public JobExecutionResult execute() throws Exception {
    return execute(DEFAULT_JOB_NAME);
  }

  public JobExecutionResult execute(String jobName) throws Exception {
    JobClient client = executeAsync(jobName);
    try {
      return client.getJobExecutionResult().get();
    } catch (InterruptedException e) {
      client.cancel();
      Thread.currentThread().interrupt();
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof JobExecutionException jee) {
        throw jee;
      }
      throw e;
    }
  }

  public JobClient executeAsync() {
    return executeAsync(DEFAULT_JOB_NAME);
  }

  /** Starts the job and returns at once. The job's definition is consumed. */
  public JobClient executeAsync(String jobName) {
    JobExecution execution = new JobExecution(buildJobGraph(jobName), runtimeSettings());
    execution.start();
    return execution;
  }

  /** The plan of the job defined so far, without running or consuming it. */
  public String explain(String jobName) {
    return new JobGraphBuilder(jobName, parallelism, maxParallelism).build(List.copyOf(sinks)).describe();
  }

  private JobGraph buildJobGraph(String jobName) {
    List<Transformation<?>> current = List.copyOf(sinks);
    sinks.clear();
    return new JobGraphBuilder(jobName, parallelism, maxParallelism).build(current);
  }

  private RuntimeSettings runtimeSettings() {
    CheckpointSettings checkpointing = null;
    CheckpointConfig c = checkpointConfig;
    if (c.isCheckpointingEnabled()) {
      checkpointing = new CheckpointSettings(c.getCheckpointInterval(), c.getCheckpointingConsistencyMode(),
          c.getCheckpointStorage(), c.getCheckpointTimeout(), c.getMinPauseBetweenCheckpoints(),
          c.getMaxRetainedCheckpoints(), c.isResumeFromLatestCheckpoint(),
          c.getTolerableCheckpointFailureNumber());
    }
    return new RuntimeSettings(config.getWorkerThreads(), config.getChannelBatchSize(),
        config.getChannelCapacity(), config.getAutoWatermarkInterval(), config.getProcessingTimeClock(),
        config, checkpointing, getRestartStrategy(), savepointRestoreSettings);
  }

  // ---------------------------------------------------------------- internal, used by the API

  /** Next transformation id; ids grow in creation order, so inputs always have smaller ids. */
  public int nextId() {
    return nextId++;
  }

  /** Registers a sink; called by the stream API. */
  public void addSink(Transformation<?> sink) {
    sinks.add(sink);
  }
}
