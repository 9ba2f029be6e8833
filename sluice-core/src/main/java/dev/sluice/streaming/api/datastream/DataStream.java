package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.FilterFunction;
import dev.sluice.api.common.functions.FlatMapFunction;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.api.java.tuple.Tuple;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.graph.OneInputTransformation;
import dev.sluice.runtime.graph.OperatorFactory;
import dev.sluice.runtime.graph.Operators;
import dev.sluice.runtime.graph.PartitionTransformation;
import dev.sluice.runtime.graph.Partitioning;
import dev.sluice.runtime.graph.SinkTransformation;
import dev.sluice.runtime.graph.Transformation;
import dev.sluice.runtime.graph.UnionTransformation;
import dev.sluice.runtime.operators.ProcessOperator;
import dev.sluice.runtime.operators.StreamFilter;
import dev.sluice.runtime.operators.StreamFlatMap;
import dev.sluice.runtime.operators.StreamMap;
import dev.sluice.runtime.operators.TimestampsAndWatermarksOperator;
import dev.sluice.runtime.typeutils.TypeExtractor;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.ProcessFunction;
import dev.sluice.streaming.api.functions.sink.PrintSink;
import dev.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;

/** A stream of elements of type {@code T}, and the transformations that make new streams of it. */
public class DataStream<T> {
  protected final StreamExecutionEnvironment environment;
  protected final Transformation<T> transformation;

  public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
    this.environment = environment;
    this.transformation = transformation;
  }

  public StreamExecutionEnvironment getExecutionEnvironment() {
    return environment;
  }

  public Transformation<T> getTransformation() {
    return transformation;
  }

  /** The element type, or null when it is not known (a lambda without {@code returns(..)}). */
  public TypeInformation<T> getType() {
    return transformation.outputType();
  }

  public int getParallelism() {
    return transformation.parallelism() > 0 ? transformation.parallelism() : environment.getParallelism();
  }

  public int getId() {
    return transformation.id();
  }

  // ------------------------------------------------------------ transformations

  public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
    return transform("Map", TypeExtractor.outputType(mapper, MapFunction.class, 1),
        Operators.udf(mapper, StreamMap::new));
  }

  public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
    return transform("Flat Map", TypeExtractor.outputType(flatMapper, FlatMapFunction.class, 1),
        Operators.udf(flatMapper, StreamFlatMap::new));
  }

  public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
    return transform("Filter", getType(), Operators.udf(filter, StreamFilter::new));
  }

  public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
    if (overridesOnTimer(processFunction)) {
      throw new IllegalArgumentException("The process function " + processFunction.getClass().getName()
          + " overrides onTimer, but timers need a keyed stream: on this stream they could never "
          + "fire. Use keyBy(..).process(KeyedProcessFunction) instead.");
    }
    return transform("Process", TypeExtractor.outputType(processFunction, ProcessFunction.class, 1),
        Operators.udf(processFunction, ProcessOperator::new));
  }

  private static boolean overridesOnTimer(ProcessFunction<?, ?> function) {
    try {
      return function.getClass().getMethod("onTimer", long.class,
          ProcessFunction.OnTimerContext.class, dev.sluice.util.Collector.class).getDeclaringClass()
          != ProcessFunction.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** Adds a one-input operator. */
  public <R> SingleOutputStreamOperator<R> transform(String operatorName, TypeInformation<R> outputType,
      OperatorFactory<R> factory) {
    OneInputTransformation<T, R> t = new OneInputTransformation<>(environment.nextId(), operatorName,
        transformation, factory, null, Transformation.DEFAULT_PARALLELISM, outputType);
    return new SingleOutputStreamOperator<>(environment, t);
  }

  /**
   * Gives every element its event timestamp and generates watermarks, per parallel subtask, with
   * {@code strategy}. Prefer a strategy at the source ({@code fromSource}) when the source has
   * splits (Kafka partitions, files): watermarks are then generated per split.
   */
  public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
    if (strategy == null) {
      throw new NullPointerException("The watermark strategy must not be null");
    }
    return transform("Timestamps/Watermarks", getType(),
        () -> new TimestampsAndWatermarksOperator<>(strategy));
  }

  // ------------------------------------------------------------ windows (non-parallel)

  /** Groups all elements into the windows {@code assigner} gives them; runs in one subtask. */
  public <W extends dev.sluice.streaming.api.windowing.windows.Window> AllWindowedStream<T, W> windowAll(
      dev.sluice.streaming.api.windowing.assigners.WindowAssigner<? super T, W> assigner) {
    return new AllWindowedStream<>(this, assigner);
  }

  /** Windows of {@code size} elements, each fired and purged when full; runs in one subtask. */
  public AllWindowedStream<T, dev.sluice.streaming.api.windowing.windows.GlobalWindow> countWindowAll(long size) {
    KeyedStream.checkCount(size, "size");
    return windowAll(dev.sluice.streaming.api.windowing.assigners.GlobalWindows.create())
        .trigger(dev.sluice.streaming.api.windowing.triggers.PurgingTrigger.of(
            dev.sluice.streaming.api.windowing.triggers.CountTrigger.of(size)));
  }

  /** The last {@code size} elements, evaluated every {@code slide} elements; runs in one subtask. */
  public AllWindowedStream<T, dev.sluice.streaming.api.windowing.windows.GlobalWindow> countWindowAll(
      long size, long slide) {
    KeyedStream.checkCount(size, "size");
    KeyedStream.checkCount(slide, "slide");
    return windowAll(dev.sluice.streaming.api.windowing.assigners.GlobalWindows.create())
        .evictor(dev.sluice.streaming.api.windowing.evictors.CountEvictor.of(size))
        .trigger(dev.sluice.streaming.api.windowing.triggers.CountTrigger.of(slide));
  }

  // ------------------------------------------------------------ partitioning

  /** Partitions by the key {@code key} extracts; operations on the result are per key. */
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
    if (key == null) {
      throw new NullPointerException("The key selector must not be null");
    }
    return new KeyedStream<>(this, key);
  }

  /** Partitions tuples by the fields at {@code positions}; the key is a {@link Tuple}. */
  public KeyedStream<T, Tuple> keyBy(int... positions) {
    return new KeyedStream<>(this, new FieldKeySelector<>(getType(), positions));
  }

  /** Partitions by named fields (POJOs, records, or {@code f0..} on tuples); the key is a {@link Tuple}. */
  public KeyedStream<T, Tuple> keyBy(String... fields) {
    return new KeyedStream<>(this, new FieldKeySelector<>(getType(), fields));
  }

  public DataStream<T> rebalance() {
    return partition(Partitioning.REBALANCE);
  }

  public DataStream<T> shuffle() {
    return partition(Partitioning.SHUFFLE);
  }

  public DataStream<T> broadcast() {
    return partition(Partitioning.BROADCAST);
  }

  public DataStream<T> forward() {
    return partition(Partitioning.FORWARD);
  }

  DataStream<T> partition(Partitioning partitioning) {
    return new DataStream<>(environment,
        new PartitionTransformation<>(environment.nextId(), transformation, partitioning));
  }

  /** This stream and the others, read as one. All must have the same element type. */
  @SafeVarargs
  public final DataStream<T> union(DataStream<T>... streams) {
    List<Transformation<T>> inputs = new ArrayList<>();
    inputs.add(transformation);
    for (DataStream<T> s : streams) {
      if (s.environment != environment) {
        throw new IllegalArgumentException("Cannot union streams of different environments");
      }
      inputs.add(s.transformation);
    }
    return new DataStream<>(environment, new UnionTransformation<>(environment.nextId(), inputs));
  }

  /** A window join with {@code other}: {@code .where(..).equalTo(..).window(..).apply(..)}. */
  public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
    return new JoinedStreams<>(this, other);
  }

  /** A window co-group with {@code other}: {@code .where(..).equalTo(..).window(..).apply(..)}. */
  public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
    return new CoGroupedStreams<>(this, other);
  }

  /** Two streams processed together by a co-function, each element by the method of its side. */
  public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
    if (other.environment != environment) {
      throw new IllegalArgumentException("Cannot connect streams of different environments");
    }
    return new ConnectedStreams<>(environment, this, other);
  }

  // ------------------------------------------------------------ sinks

  /** Prints every element to standard out ({@code "2> "}-prefixed when parallel). */
  public DataStreamSink<T> print() {
    return sinkTo(new PrintSink<>()).name("Print to Std. Out");
  }

  public DataStreamSink<T> print(String sinkIdentifier) {
    return sinkTo(new PrintSink<>(sinkIdentifier)).name("Print to Std. Out");
  }

  public DataStreamSink<T> printToErr() {
    return sinkTo(new PrintSink<>(true)).name("Print to Std. Err");
  }

  public DataStreamSink<T> printToErr(String sinkIdentifier) {
    return sinkTo(new PrintSink<>(sinkIdentifier, true)).name("Print to Std. Err");
  }

  public DataStreamSink<T> sinkTo(Sink<T> sink) {
    if (sink == null) {
      throw new NullPointerException("sink must not be null");
    }
    SinkTransformation<T> t = new SinkTransformation<>(environment.nextId(), "Sink: " + sink.getClass().getSimpleName(),
        transformation, sink, Transformation.DEFAULT_PARALLELISM);
    environment.addSink(t);
    return new DataStreamSink<>(t);
  }

  /**
   * Runs the job and iterates its output in this thread. Closing the iterator before the end
   * cancels the job. The job's other sinks run too.
   */
  public CloseableIterator<T> executeAndCollect() {
    return executeAndCollect("DataStream Collect");
  }

  public CloseableIterator<T> executeAndCollect(String jobName) {
    CollectIterator<T> iterator = new CollectIterator<>();
    sinkTo(new CollectSink<>(iterator.queue())).name("Collect Sink").setParallelism(1);
    JobClient client = environment.executeAsync(jobName);
    iterator.attach(client);
    return iterator;
  }

  /** Runs the job and returns its first {@code limit} elements (then cancels it if still running). */
  public List<T> executeAndCollect(int limit) throws Exception {
    return executeAndCollect("DataStream Collect", limit);
  }

  public List<T> executeAndCollect(String jobName, int limit) throws Exception {
    if (limit <= 0) {
      throw new IllegalArgumentException("The limit must be at least 1, got " + limit);
    }
    List<T> out = new ArrayList<>(Math.min(limit, 1 << 16));
    try (CloseableIterator<T> it = executeAndCollect(jobName)) {
      while (out.size() < limit && it.hasNext()) {
        out.add(it.next());
      }
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof dev.sluice.api.common.JobExecutionException failed) {
        throw failed; // the job's own failure, naming operator, subtask and record
      }
      throw e;
    }
    return out;
  }

  // ------------------------------------------------------------ broadcast state pattern

  /**
   * This stream, to be broadcast to every parallel instance of the operator it is connected to,
   * which keeps the broadcast states {@code broadcastStateDescriptors} describe.
   */
  public BroadcastStream<T> broadcast(
      dev.sluice.api.common.state.MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
    return new BroadcastStream<>(environment, this, broadcastStateDescriptors);
  }

  /** This stream connected with a broadcast stream (the broadcast state pattern). */
  public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
    if (broadcastStream.getEnvironment() != environment) {
      throw new IllegalArgumentException("Cannot connect streams of different environments");
    }
    return new BroadcastConnectedStream<>(environment, this, broadcastStream);
  }
}
