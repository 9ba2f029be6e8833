package dev.sluice.runtime.execution;

import dev.sluice.runtime.checkpoint.OperatorRestore;
import dev.sluice.runtime.checkpoint.StateAssignment;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.connector.source.SourceSplit;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.channel.Channel;
import dev.sluice.runtime.channel.ChannelWriter;
import dev.sluice.runtime.channel.OutputGate;
import dev.sluice.runtime.channel.RecordWriter;
import dev.sluice.runtime.graph.FunctionCopies;
import dev.sluice.runtime.graph.JobGraph;
import dev.sluice.runtime.graph.JobVertex;
import dev.sluice.runtime.graph.OneInputTransformation;
import dev.sluice.runtime.graph.Partitioning;
import dev.sluice.runtime.graph.SinkTransformation;
import dev.sluice.runtime.graph.SourceTransformation;
import dev.sluice.runtime.graph.StreamEdge;
import dev.sluice.runtime.graph.StreamNode;
import dev.sluice.runtime.graph.Transformation;
import dev.sluice.runtime.graph.TwoInputTransformation;
import dev.sluice.runtime.operators.ChainingOutput;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.operators.OperatorContext;
import dev.sluice.runtime.operators.OperatorOutput;
import dev.sluice.runtime.operators.Output;
import dev.sluice.runtime.operators.SinkWriterOperator;
import dev.sluice.runtime.operators.StreamOperator;
import dev.sluice.runtime.state.KeyedBackendParameters;
import dev.sluice.runtime.state.KeyedStateBackend;
import dev.sluice.runtime.state.StateBackend;
import dev.sluice.runtime.state.StateBackends;
import dev.sluice.runtime.time.ProcessingTimeService;
import dev.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link JobGraph} into subtasks connected by channels. */
final class ExecutionBuilder {
  private final ExecutionAttempt job;
  private final JobGraph graph;
  private final RuntimeSettings settings;
  private final Map<StreamEdge, Channel[][]> channels = new HashMap<>();
  private final Map<JobVertex, SourceCoordinator<?>> coordinators = new LinkedHashMap<>();
  private final StateAssignment restore;
  private final Map<StreamNode, String> operatorIds = new HashMap<>();
  private final StateBackend stateBackend;
  /** Keyed backends created so far: closed if building fails half-way. */
  private final List<KeyedStateBackend> createdBackends = new ArrayList<>();

  ExecutionBuilder(ExecutionAttempt job, JobGraph graph, RuntimeSettings settings, StateAssignment restore) {
    this.job = job;
    this.graph = graph;
    this.settings = settings;
    this.restore = restore;
    this.stateBackend = StateBackends.resolve(settings.config());
    for (JobVertex v : graph.vertices()) {
      for (StreamNode n : v.chain()) {
        operatorIds.put(n, operatorId(n));
      }
    }
  }

  /** An operator's identity in checkpoints: its uid, or one derived from its place in the program. */
  static String operatorId(StreamNode node) {
    Transformation<?> t = node.transformation();
    return t.uid() != null ? t.uid() : "auto-" + t.id() + "-" + node.name().replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** Display name and parallelism of an operator. */
  record OperatorName(String name, int parallelism) {}

  /** Every operator of the graph by its checkpoint identity; duplicate uids are an error. */
  static Map<String, OperatorName> operatorIds(JobGraph graph) {
    Map<String, OperatorName> ids = new LinkedHashMap<>();
    for (JobVertex v : graph.vertices()) {
      for (StreamNode n : v.chain()) {
        String id = operatorId(n);
        if (ids.put(id, new OperatorName(n.name(), n.parallelism())) != null) {
          throw new IllegalArgumentException("The uid '" + id + "' is used by more than one operator ("
              + ids.get(id).name() + ", " + n.name() + "); uids must be unique within a job");
        }
      }
    }
    return ids;
  }

  void build(List<Subtask> subtasks, List<SourceCoordinator<?>> coordinatorsOut) {
    try {
      for (JobVertex vertex : graph.vertices()) {
        for (int i = 0; i < vertex.parallelism(); i++) {
          subtasks.add(subtask(vertex, i));
        }
      }
    } catch (RuntimeException | Error e) {
      for (KeyedStateBackend b : createdBackends) {
        try {
          b.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    coordinatorsOut.addAll(coordinators.values());
  }

  private KeyedStateBackend createKeyedBackend(JobVertex vertex, int index) {
    KeyedStateBackend backend;
    try {
      backend = stateBackend.createKeyedStateBackend(new KeyedBackendParameters(graph.jobName(),
          vertex.head().name(), index, vertex.parallelism(), graph.maxParallelism(), settings.config(),
          settings.checkpointingEnabled() ? settings.checkpointing().storage() : null));
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot create the keyed state of '" + vertex.head().name()
          + "' (subtask " + index + ") with the " + stateBackend.name() + " state backend: "
          + e.getMessage(), e);
    }
    createdBackends.add(backend);
    return backend;
  }

  private Subtask subtask(JobVertex vertex, int index) {
    TaskInfo taskInfo = new TaskInfo(vertex.name(), index, vertex.parallelism(), graph.maxParallelism());
    OutputGate gate = new OutputGate();
    ProcessingTimeService processingTime = new ProcessingTimeService(settings.clock());
    StreamNode headNode = vertex.head();
    KeyedStateBackend keyedState = isKeyed(headNode.transformation())
        ? createKeyedBackend(vertex, index) : null;
    if (keyedState != null && settings.checkpointingEnabled()) {
      keyedState.enableSnapshots(settings.config());
    }

    Map<StreamNode, StreamOperator<?>> operators = new LinkedHashMap<>();
    for (StreamNode node : vertex.chain()) {
      operators.put(node, createOperator(vertex, node));
    }
    List<RecordWriter> writers = new ArrayList<>();
    List<StreamNode> chain = vertex.chain();
    for (int n = chain.size() - 1; n >= 0; n--) {
      StreamNode node = chain.get(n);
      List<Output<Object>> mains = new ArrayList<>();
      Map<OutputTag<?>, List<Output<Object>>> sides = new LinkedHashMap<>();
      for (StreamEdge edge : node.outEdges()) {
        Output<Object> out = edge.isChained()
            ? chainingOutput(operators.get(edge.target()))
            : recordWriter(edge, index, gate, writers);
        if (edge.sideOutputTag() == null) {
          mains.add(out);
        } else {
          sides.computeIfAbsent(edge.sideOutputTag(), t -> new ArrayList<>()).add(out);
        }
      }
      OperatorContext context = new OperatorContext(node.name(), taskInfo, graph.jobName(),
          node == headNode ? keyedState : null, processingTime, settings.autoWatermarkIntervalMs());
      context.setCheckpointingEnabled(settings.checkpointingEnabled());
      job.registerMetrics(node.transformation().id(), node.name(), index, context.metrics());
      setup(operators.get(node), context, new OperatorOutput<>(mains, sides, context.metrics()));
    }
    List<StreamOperator<?>> ordered = new ArrayList<>(operators.values());
    Subtask subtask = createSubtask(vertex, index, taskInfo, gate, ordered, writers, keyedState,
        processingTime);
    List<String> ids = new ArrayList<>();
    List<OperatorRestore> restores = restore == null ? null : new ArrayList<>();
    for (StreamNode node : chain) {
      String id = operatorIds.get(node);
      ids.add(id);
      if (restores != null) {
        try {
          restores.add(restore.restoreFor(id, index, vertex.parallelism(), graph.maxParallelism()));
        } catch (java.io.IOException e) {
          throw new IllegalStateException("Cannot read the state of '" + node.name() + "' (subtask "
              + index + ") from " + restore.checkpoint().directory() + ": " + e.getMessage(), e);
        }
      }
    }
    subtask.setCheckpointInfo(vertex.id(), ids, restores);
    subtask.setKeyedState(keyedState);
    return subtask;
  }

  private Subtask createSubtask(JobVertex vertex, int index, TaskInfo taskInfo, OutputGate gate,
      List<StreamOperator<?>> ordered, List<RecordWriter> writers, KeyedStateBackend keyedState,
      ProcessingTimeService processingTime) {
    StreamNode headNode = vertex.head();
    if (headNode.transformation() instanceof SourceTransformation<?>) {
      return new SourceSubtask(job, taskInfo, gate, ordered, writers, processingTime);
    }
    List<StreamEdge> inputs = vertex.inputEdges();
    List<Channel> inChannels = new ArrayList<>();
    List<Integer> inputIndex = new ArrayList<>();
    for (StreamEdge edge : inputs) {
      Channel[][] grid = channels(edge);
      for (int up = 0; up < grid.length; up++) {
        Channel c = grid[up][index];
        if (c != null) {
          inChannels.add(c);
          inputIndex.add(edge.inputIndex());
        }
      }
    }
    KeySelector<?, ?> key1 = null;
    KeySelector<?, ?> key2 = null;
    if (headNode.transformation() instanceof OneInputTransformation<?, ?> one) {
      key1 = copy(one.keySelector());
    } else if (headNode.transformation() instanceof TwoInputTransformation<?, ?, ?> two) {
      key1 = copy(two.keySelector1());
      key2 = copy(two.keySelector2());
    }
    return new InputSubtask(job, taskInfo, gate, ordered, writers,
        inChannels.toArray(new Channel[0]), inputIndex.stream().mapToInt(Integer::intValue).toArray(),
        keyedState, key1, key2, processingTime);
  }

  private static boolean isKeyed(Transformation<?> t) {
    return t instanceof OneInputTransformation<?, ?> one && one.keySelector() != null
        || t instanceof TwoInputTransformation<?, ?, ?> two && two.keySelector1() != null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private StreamOperator<?> createOperator(JobVertex vertex, StreamNode node) {
    Transformation<?> t = node.transformation();
    if (t instanceof SourceTransformation<?> s) {
      String id = operatorIds.get(node);
      if (settings.checkpointingEnabled() && (s.source().getSplitSerializer() == null
          || s.source().getEnumeratorCheckpointSerializer() == null)) {
        throw new IllegalArgumentException("The source '" + node.name() + "' cannot be checkpointed: "
            + s.source().getClass().getName() + " does not provide a split and enumerator serializer");
      }
      SourceCoordinator<?> coordinator = coordinators.computeIfAbsent(vertex,
          v -> new SourceCoordinator<>(node.name(), id, (dev.sluice.api.connector.source.Source) s.source(),
              vertex.parallelism(), job, coordinatorThread(), ioPool(),
              restore == null ? null : restore.coordinatorState(id)));
      return new SourceOperator(s.source(), s.watermarkStrategy(), coordinator,
          settings.autoWatermarkIntervalMs());
    }
    if (t instanceof SinkTransformation<?> sink) {
      if (settings.checkpointingEnabled()
          && sink.sink() instanceof dev.sluice.api.connector.sink2.SupportsCommitter<?> committing
          && committing.getCommittableSerializer() == null) {
        throw new IllegalArgumentException("The sink '" + node.name() + "' cannot be checkpointed: "
            + sink.sink().getClass().getName() + " commits its output but provides no committable serializer");
      }
      if (settings.checkpointingEnabled()
          && sink.sink() instanceof dev.sluice.api.connector.sink2.SupportsCheckpointValidation validated) {
        try {
          validated.validateCheckpointing(java.time.Duration.ofMillis(settings.checkpointing().intervalMs()),
              java.time.Duration.ofMillis(settings.checkpointing().timeoutMs()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("The sink '" + node.name() + "' does not fit the job's checkpoints: "
              + e.getMessage(), e);
        }
      }
      return new SinkWriterOperator<>(sink.sink());
    }
    if (t instanceof OneInputTransformation<?, ?> one) {
      return one.factory().create();
    }
    if (t instanceof TwoInputTransformation<?, ?, ?> two) {
      return two.factory().create();
    }
    throw new IllegalStateException("Not a runnable transformation: " + t);
  }

  private java.util.concurrent.ScheduledExecutorService coordinatorThread() {
    return job.coordinatorThread();
  }

  private java.util.concurrent.ExecutorService ioPool() {
    return job.ioPool();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void setup(StreamOperator<?> op, OperatorContext context, Output<?> output) {
    ((StreamOperator) op).setup(context, output);
  }

  @SuppressWarnings("unchecked")
  private static Output<Object> chainingOutput(StreamOperator<?> target) {
    return new ChainingOutput<>((OneInputStreamOperator<Object, ?>) target);
  }

  private RecordWriter recordWriter(StreamEdge edge, int upstream, OutputGate gate,
      List<RecordWriter> writers) {
    Channel[] row = channels(edge)[upstream];
    List<ChannelWriter> targets = new ArrayList<>();
    for (Channel c : row) {
      if (c != null) {
        targets.add(new ChannelWriter(c, gate));
      }
    }
    ChannelWriter[] array = targets.toArray(new ChannelWriter[0]);
    Partitioning p = edge.partitioning();
    RecordWriter writer = switch (p.kind()) {
      case FORWARD -> new RecordWriter.Forward(array[0]);
      case REBALANCE -> new RecordWriter.Rebalance(array, upstream);
      case SHUFFLE -> new RecordWriter.Shuffle(array);
      case BROADCAST -> new RecordWriter.Broadcast(array);
      case HASH -> new RecordWriter.Hash(array,
          copy(p.keySelector()), graph.maxParallelism(),
          "keyBy before '" + edge.target().name() + "'");
    };
    writers.add(writer);
    return writer;
  }

  /** The channels of an edge, [upstream subtask][downstream subtask]; null where none. */
  private Channel[][] channels(StreamEdge edge) {
    return channels.computeIfAbsent(edge, e -> {
      int up = e.source().parallelism();
      int down = e.target().parallelism();
      boolean forward = e.partitioning().kind() == Partitioning.Kind.FORWARD;
      boolean keyed = e.partitioning().kind() == Partitioning.Kind.HASH;
      Channel[][] grid = new Channel[up][down];
      for (int u = 0; u < up; u++) {
        for (int d = 0; d < down; d++) {
          if (!forward || u == d) {
            grid[u][d] = new Channel(e.source().name() + "[" + u + "] -> " + e.target().name() + "[" + d + "]",
                settings.channelCapacity(), settings.batchSize(), keyed);
          }
        }
      }
      return grid;
    });
  }

  private static KeySelector<?, ?> copy(KeySelector<?, ?> selector) {
    if (selector == null) {
      return null;
    }
    FunctionCopies.Serialized<KeySelector<?, ?>> serialized = FunctionCopies.serialize(selector);
    if (serialized == null) {
      return selector; // key selectors are stateless by contract; sharing one is safe
    }
    return serialized.copy();
  }
}
