package dev.sluice.runtime.execution;

import dev.sluice.api.common.eventtime.NoWatermarksStrategy;
import dev.sluice.api.common.eventtime.TimestampAssigner;
import dev.sluice.api.common.eventtime.TimestampAssignerSupplier;
import dev.sluice.api.common.eventtime.WatermarkGeneratorSupplier;
import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.common.eventtime.WatermarkGenerator;
import dev.sluice.api.common.eventtime.WatermarkOutput;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.SourceOutput;
import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.operators.Output;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The reader output of one source subtask. Assigns timestamps, runs a watermark generator per split
 * output (and one for records emitted directly), and emits the minimum watermark over the outputs
 * that are not idle. When all of them are idle the subtask tells downstream it is idle.
 *
 * <p>An output is idle when its generator says so (until the generator emits a watermark again)
 * or when the source reader marked it idle (until the reader marks it active or emits a record
 * through it): a reader's idleness is not undone by the generator's periodic watermarks, which
 * repeat the split's last watermark while nothing arrives. A reader marks a split idle when it
 * has nothing of it left to deliver (the Kafka source's idle-when-caught-up), so when every output
 * is idle and only such outputs saw data, the watermark moves up to the largest of theirs.
 */
final class SourceOutputs<T> implements ReaderOutput<T> {
  private final Output<T> output;
  private final WatermarkStrategy<T> strategy;
  private final Consumer<Boolean> idleListener;
  private final TimestampAssigner<T> assigner;
  private final WatermarkGeneratorSupplier.Context generatorContext;
  private final boolean withWatermarks;
  private final Map<String, SplitOutput> splitOutputs = new HashMap<>();
  private final List<SplitOutput> active = new ArrayList<>();
  private SplitOutput main;
  private long emitted = Long.MIN_VALUE;
  // Records without watermark work are staged and handed down the chain a batch at a time.
  private Object[] stagedValues = new Object[STAGE];
  private final long[] stagedTimestamps = new long[STAGE];
  private int staged;
  private static final int STAGE = 256;

  SourceOutputs(Output<T> output, WatermarkStrategy<T> strategy, Consumer<Boolean> idleListener,
      java.util.function.LongSupplier clock) {
    this.generatorContext = () -> clock::getAsLong;
    this.output = output;
    this.strategy = strategy;
    this.idleListener = idleListener;
    this.withWatermarks = !(strategy instanceof NoWatermarksStrategy);
    this.assigner = withWatermarks
        ? strategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {}) : null;
  }

  boolean generatesWatermarks() {
    return withWatermarks;
  }

  @Override
  public void collect(T record) {
    if (!withWatermarks) {
      stage(record, RecordBatch.NO_TIMESTAMP);
    } else {
      main().collect(record, RecordBatch.NO_TIMESTAMP);
    }
  }

  @Override
  public void collect(T record, long timestamp) {
    if (!withWatermarks) {
      stage(record, timestamp);
    } else {
      main().collect(record, timestamp);
    }
  }

  private void stage(Object record, long timestamp) {
    int n = staged;
    stagedValues[n] = record;
    stagedTimestamps[n] = timestamp;
    staged = ++n;
    if (n == STAGE) {
      flush();
    }
  }

  /** Hands staged records down the chain; called before anything that must follow them. */
  void flush() {
    int n = staged;
    if (n > 0) {
      staged = 0;
      Object[] values = stagedValues;
      stagedValues = new Object[STAGE]; // young, see StreamMap
      output.collectBatch(values, stagedTimestamps, n);
    }
  }

  @Override
  public void emitWatermark(Watermark watermark) {
    main().emitWatermark(watermark);
  }

  @Override
  public void markIdle() {
    main().markIdle();
  }

  @Override
  public void markActive() {
    main().markActive();
  }

  @Override
  public SourceOutput<T> createOutputForSplit(String splitId) {
    return splitOutputs.computeIfAbsent(splitId, id -> {
      SplitOutput out = new SplitOutput();
      active.add(out);
      return out;
    });
  }

  @Override
  public void releaseOutputForSplit(String splitId) {
    SplitOutput out = splitOutputs.remove(splitId);
    if (out != null) {
      active.remove(out);
      update();
    }
  }

  private SplitOutput main() {
    if (main == null) {
      main = new SplitOutput();
      active.add(main);
    }
    return main;
  }

  void emitPeriodicWatermark() {
    for (int i = 0; i < active.size(); i++) {
      SplitOutput out = active.get(i);
      out.generator.onPeriodicEmit(out.generatorOutput);
    }
    update();
  }

  void emitFinalWatermark() {
    flush();
    if (emitted < Long.MAX_VALUE) {
      emitted = Long.MAX_VALUE;
      idleListener.accept(false);
      output.emitWatermark(Long.MAX_VALUE);
    }
  }

  /** Emits the combined watermark if it advanced; reports idleness. */
  private void update() {
    flush();
    long min = Long.MAX_VALUE;
    boolean anyActive = false;
    for (int i = 0; i < active.size(); i++) {
      SplitOutput out = active.get(i);
      if (!out.isIdle()) {
        anyActive = true;
        min = Math.min(min, out.watermark);
      }
    }
    if (!anyActive) {
      // every output is idle: event time still moves up to the least watermark the outputs that saw
      // data reached (when they turn idle together, none of them alone would carry it forward). The
      // reader's idle outputs (caught up with their split) hold nothing back: when only they are
      // left, event time moves up to the largest watermark among them.
      long reached = Long.MAX_VALUE;
      long caughtUp = Long.MIN_VALUE;
      for (int i = 0; i < active.size(); i++) {
        SplitOutput out = active.get(i);
        if (out.readerIdle) {
          caughtUp = Math.max(caughtUp, out.watermark);
        } else if (out.watermark > Long.MIN_VALUE) {
          reached = Math.min(reached, out.watermark);
        }
      }
      if (reached == Long.MAX_VALUE && caughtUp > Long.MIN_VALUE) {
        reached = caughtUp;
      }
      if (reached < Long.MAX_VALUE && reached > emitted) {
        emitted = reached;
        output.emitWatermark(reached);
      }
      if (!active.isEmpty()) {
        idleListener.accept(true);
      }
      return;
    }
    idleListener.accept(false);
    if (min > emitted) {
      emitted = min;
      output.emitWatermark(min);
    }
  }

  /** Timestamps and watermarks of one split (or of the records emitted without a split). */
  private final class SplitOutput implements SourceOutput<T> {
    private final WatermarkGenerator<T> generator = strategy.createWatermarkGenerator(generatorContext);
    private long watermark = Long.MIN_VALUE;
    /** Marked idle by the generator. */
    private boolean idle;
    /** Marked idle by the source reader. */
    private boolean readerIdle;
    /** What the generator emits into: its idleness is its own. */
    final WatermarkOutput generatorOutput = new WatermarkOutput() {
      @Override
      public void emitWatermark(Watermark wm) {
        boolean changed = idle;
        idle = false;
        if (wm.getTimestamp() > watermark) {
          watermark = wm.getTimestamp();
          changed = true;
        }
        if (changed) {
          update();
        }
      }

      @Override
      public void markIdle() {
        if (!idle) {
          idle = true;
          update();
        }
      }

      @Override
      public void markActive() {
        if (idle) {
          idle = false;
          update();
        }
      }
    };

    boolean isIdle() {
      return idle || readerIdle;
    }

    @Override
    public void collect(T record) {
      collect(record, RecordBatch.NO_TIMESTAMP);
    }

    @Override
    public void collect(T record, long timestamp) {
      if (readerIdle) {
        readerIdle = false;
        update();
      }
      if (!withWatermarks) {
        stage(record, timestamp);
        return;
      }
      long ts = assigner.extractTimestamp(record, timestamp);
      stage(record, ts);
      generator.onEvent(record, ts, generatorOutput); // after the record: a watermark never overtakes it
    }

    @Override
    public void emitWatermark(Watermark wm) {
      boolean wasReaderIdle = readerIdle;
      readerIdle = false;
      generatorOutput.emitWatermark(wm);
      if (wasReaderIdle) {
        update();
      }
    }

    @Override
    public void markIdle() {
      if (!readerIdle) {
        readerIdle = true;
        update();
      }
    }

    @Override
    public void markActive() {
      boolean changed = readerIdle || idle;
      readerIdle = false;
      idle = false;
      if (changed) {
        update();
      }
    }
  }
}
