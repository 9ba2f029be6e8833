package dev.sluice.runtime.checkpoint;

import static dev.sluice.runtime.checkpoint.CheckpointRecoveryTest.assertExactlyOnce;
import static dev.sluice.runtime.checkpoint.CheckpointRecoveryTest.committedLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.serialization.SimpleStringEncoder;
import dev.sluice.api.common.state.CheckpointListener;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.api.connector.sink2.Committer;
import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.SupportsCommitter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.connector.file.sink.FileSink;
import dev.sluice.connector.file.sink.FileSinkCommittable;
import dev.sluice.core.io.SimpleVersionedSerializer;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import dev.sluice.runtime.state.FunctionInitializationContext;
import dev.sluice.runtime.state.FunctionSnapshotContext;
import dev.sluice.streaming.api.checkpoint.CheckpointedFunction;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A failure injected at each phase of a checkpoint's life: the job restarts from the latest
 * complete checkpoint, and the committed output is exactly that of an uninterrupted run.
 */
class FailurePhasesTest {
  @TempDir Path tmp;

  enum Phase {
    /** Between two checkpoints, while records are processed. */
    BEFORE_BARRIER,
    /** In an operator's synchronous snapshot. */
    DURING_SYNC_SNAPSHOT,
    /** On the first record after the synchronous snapshot, before the checkpoint completes. */
    AFTER_SYNC_SNAPSHOT,
    /** While the state file is written in the background. */
    DURING_ASYNC_WRITE,
    /** The checkpoint is complete, the sink has not committed yet. */
    AFTER_COMPLETION_BEFORE_COMMIT,
    /** The sink committed part of a checkpoint's output. */
    DURING_COMMIT,
    /** A failure, then another while the job restores. */
    DURING_RESTORE
  }

  static volatile Phase phase;
  /** Injections left; each phase injects once (twice for DURING_RESTORE: the trigger and the restore). */
  static final AtomicInteger LEFT = new AtomicInteger();
  static final AtomicInteger INJECTED = new AtomicInteger();
  static final int KEYS = 4;
  static final long PER_KEY = 1200;

  static boolean inject(Phase p) {
    if (phase == p && LEFT.get() > 0 && LEFT.getAndDecrement() > 0) {
      INJECTED.incrementAndGet();
      return true;
    }
    return false;
  }

  /** Fails with an injected failure. */
  static final class Injected extends RuntimeException {
    Injected(String where) {
      super("injected failure " + where);
    }
  }

  /** Long, whose encoding can be made to fail (in the background write). */
  static final class FlakyLongSerializer extends TypeSerializerSingleton<Long> {
    static final FlakyLongSerializer INSTANCE = new FlakyLongSerializer();

    @Override
    public void serialize(Long record, DataOutputView target) throws IOException {
      if (inject(Phase.DURING_ASYNC_WRITE)) {
        throw new IOException("injected failure while writing state");
      }
      target.writeLong(record);
    }

    @Override
    public Long deserialize(DataInputView source) throws IOException {
      return source.readLong();
    }

    @Override
    public TypeSerializerSnapshot<Long> snapshotConfiguration() {
      return new Format();
    }

    public static final class Format extends SimpleTypeSerializerSnapshot<Long> {
      public Format() {
        super(() -> INSTANCE);
      }
    }
  }

  /** Counts per key ("key,count"), with operator state, and failure points for the phases. */
  static final class Counting extends KeyedProcessFunction<Long, Long, String>
      implements CheckpointedFunction, CheckpointListener {
    private transient ValueState<Long> count;
    private transient ListState<Long> snapshots;
    private transient boolean snapshotTaken;
    private transient long seen;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      snapshots = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("snapshots", Long.class));
      if (context.isRestored() && inject(Phase.DURING_RESTORE) && LEFT.get() == 0) {
        throw new Injected("while restoring");
      }
    }

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", FlakyLongSerializer.INSTANCE));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      long n = count.value() == null ? 1 : count.value() + 1;
      count.update(n);
      seen++;
      if (snapshotTaken && inject(Phase.AFTER_SYNC_SNAPSHOT)) {
        throw new Injected("after the synchronous snapshot");
      }
      if (ctx.getCurrentKey() == 0 && n == PER_KEY / 2
          && (inject(Phase.BEFORE_BARRIER) || phase == Phase.DURING_RESTORE && LEFT.get() == 2 && inject(Phase.DURING_RESTORE))) {
        throw new Injected("between checkpoints");
      }
      out.collect(ctx.getCurrentKey() + "," + n);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      if (seen > 500 && inject(Phase.DURING_SYNC_SNAPSHOT)) {
        throw new Injected("in the synchronous snapshot");
      }
      snapshots.update(List.of(context.getCheckpointId()));
      snapshotTaken = seen > 500;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (seen > 500 && inject(Phase.AFTER_COMPLETION_BEFORE_COMMIT)) {
        throw new Injected("after completion, before the commit");
      }
    }
  }

  /** A file sink whose committer fails after publishing the first file of a batch. */
  static final class FlakyCommitSink implements Sink<String>, SupportsCommitter<FileSinkCommittable> {
    private final FileSink<String> files;

    FlakyCommitSink(FileSink<String> files) {
      this.files = files;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
      return files.createWriter(context);
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter() throws IOException {
      Committer<FileSinkCommittable> real = files.createCommitter();
      return committables -> {
        Iterator<FileSinkCommittable> it = committables.iterator();
        if (it.hasNext()) {
          real.commit(List.of(it.next()));
        }
        if (committables.size() > 1 && inject(Phase.DURING_COMMIT)) {
          throw new IOException("injected failure during the commit");
        }
        List<FileSinkCommittable> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        real.commit(rest);
      };
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
      return files.getCommittableSerializer();
    }
  }

  static List<String> expected() {
    List<String> lines = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      for (long n = 1; n <= PER_KEY; n++) {
        lines.add(k + "," + n);
      }
    }
    lines.sort(null);
    return lines;
  }

  @ParameterizedTest
  @EnumSource(Phase.class)
  void theOutputIsExactlyOnceWhateverThePhaseOfTheFailure(Phase p) throws Exception {
    phase = p;
    LEFT.set(p == Phase.DURING_RESTORE ? 2 : 1);
    INJECTED.set(0);
    Path out = tmp.resolve("out");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(25);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("checkpoints").toString());
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(20)));
    // small part files, so a checkpoint usually commits several and the commit can fail midway
    FileSink<String> files = FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
        .withRollingPolicy(dev.sluice.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy
            .builder().withMaxPartSize(256).build())
        .build();
    env.fromSource(new DataGeneratorSource<>(i -> i % KEYS, KEYS * PER_KEY,
            RateLimiterStrategy.perSecond(5000), Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
        .keyBy(v -> v)
        .process(new Counting())
        .sinkTo(new FlakyCommitSink(files));
    var client = env.executeAsync("phases-" + p);
    client.getJobExecutionResult().get(60, TimeUnit.SECONDS);

    assertThat(INJECTED.get()).as("failures injected").isEqualTo(p == Phase.DURING_RESTORE ? 2 : 1);
    assertThat(((dev.sluice.runtime.execution.JobExecution) client).restarts()).isGreaterThanOrEqualTo(1);
    assertExactlyOnce(committedLines(out), expected());
  }

}
