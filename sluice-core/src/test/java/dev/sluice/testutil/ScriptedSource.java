package dev.sluice.testutil;

import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceOutput;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.connector.source.SourceSplit;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import dev.sluice.connector.base.StaticSplitEnumerator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A bounded test source that plays scripts: per split, records with timestamps and explicit
 * watermarks, in the order given. Each split has its own watermark output, so the source's
 * watermark is the minimum over the splits still running.
 */
public final class ScriptedSource<T extends Serializable>
    implements Source<T, ScriptedSource.ScriptSplit<T>, List<ScriptedSource.ScriptSplit<T>>> {
  private static final long serialVersionUID = 1L;

  /** A record ({@code watermark == false}) or a watermark at {@code timestamp}. */
  public record Step<T>(T value, long timestamp, boolean watermark) implements Serializable {
    public static <T> Step<T> record(T value, long timestamp) {
      return new Step<>(value, timestamp, false);
    }

    public static <T> Step<T> watermark(long timestamp) {
      return new Step<>(null, timestamp, true);
    }
  }

  /** One script. */
  public record ScriptSplit<T>(String splitId, List<Step<T>> steps) implements SourceSplit, Serializable {}

  private final List<List<Step<T>>> scripts;

  public ScriptedSource(List<List<Step<T>>> scripts) {
    this.scripts = scripts.stream().map(List::copyOf).toList();
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<ScriptSplit<T>, List<ScriptSplit<T>>> createEnumerator(
      SplitEnumeratorContext<ScriptSplit<T>> context) {
    List<ScriptSplit<T>> splits = new ArrayList<>();
    for (int i = 0; i < scripts.size(); i++) {
      splits.add(new ScriptSplit<>("script-" + i, scripts.get(i)));
    }
    return new StaticSplitEnumerator<>(context, splits);
  }

  @Override
  public SplitEnumerator<ScriptSplit<T>, List<ScriptSplit<T>>> restoreEnumerator(
      SplitEnumeratorContext<ScriptSplit<T>> context, List<ScriptSplit<T>> checkpoint) {
    return new StaticSplitEnumerator<>(context, checkpoint);
  }

  @Override
  public SourceReader<T, ScriptSplit<T>> createReader(SourceReaderContext context) {
    return new SourceReader<>() {
      private final ArrayDeque<ScriptSplit<T>> pending = new ArrayDeque<>();
      private ScriptSplit<T> split;
      private int position;
      private boolean noMoreSplits;
      private boolean requested;

      @Override
      public void start() {
        context.sendSplitRequest();
        requested = true;
      }

      @Override
      public InputStatus pollNext(ReaderOutput<T> output) {
        if (split == null) {
          split = pending.poll();
          position = 0;
        }
        if (split == null) {
          if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
          }
          if (!requested) {
            context.sendSplitRequest();
            requested = true;
          }
          return InputStatus.NOTHING_AVAILABLE;
        }
        SourceOutput<T> out = output.createOutputForSplit(split.splitId());
        int end = Math.min(split.steps().size(), position + 16);
        for (; position < end; position++) {
          Step<T> step = split.steps().get(position);
          if (step.watermark()) {
            out.emitWatermark(new Watermark(step.timestamp()));
          } else {
            out.collect(step.value(), step.timestamp());
          }
        }
        if (position >= split.steps().size()) {
          output.releaseOutputForSplit(split.splitId());
          split = null;
          if (pending.isEmpty() && !requested) {
            context.sendSplitRequest();
            requested = true;
          }
        }
        return InputStatus.MORE_AVAILABLE;
      }

      @Override
      public List<ScriptSplit<T>> snapshotState(long checkpointId) {
        return List.of();
      }

      @Override
      public void addSplits(List<ScriptSplit<T>> splits) {
        pending.addAll(splits);
        requested = false;
      }

      @Override
      public void notifyNoMoreSplits() {
        noMoreSplits = true;
      }

      @Override
      public void close() {}
    };
  }
}
