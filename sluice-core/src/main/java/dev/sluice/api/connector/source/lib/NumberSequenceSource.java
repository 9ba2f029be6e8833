package dev.sluice.api.connector.source.lib;

import dev.sluice.connector.base.VersionedCodecs;
import dev.sluice.core.io.SimpleVersionedSerializer;

import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.connector.source.SourceSplit;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import dev.sluice.connector.base.StaticSplitEnumerator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers {@code from..to} (both inclusive), in parallel: the range is cut into splits (a few
 * per reader) that readers take on request.
 */
public final class NumberSequenceSource
    implements Source<Long, NumberSequenceSource.NumberSequenceSplit, List<NumberSequenceSource.NumberSequenceSplit>> {
  private static final long serialVersionUID = 1L;
  private static final int SPLITS_PER_READER = 4;

  private final long from;
  private final long to;

  public NumberSequenceSource(long from, long to) {
    if (from > to) {
      throw new IllegalArgumentException(
          "A number sequence needs from <= to, got from=" + from + " to=" + to);
    }
    this.from = from;
    this.to = to;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  /** A range of the sequence, with the next number to emit. */
  public record NumberSequenceSplit(String splitId, long from, long to) implements SourceSplit {}

  @Override
  public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> createEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context) {
    return new StaticSplitEnumerator<>(context, splits(context.currentParallelism() * SPLITS_PER_READER));
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> restoreEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context, List<NumberSequenceSplit> checkpoint) {
    return new StaticSplitEnumerator<>(context, checkpoint);
  }

  List<NumberSequenceSplit> splits(int count) {
    List<NumberSequenceSplit> splits = new ArrayList<>();
    // size = to - from + 1 may overflow a long for huge ranges; work with an unsigned-safe step
    long total = to - from + 1;
    if (total <= 0) { // overflow: the whole long range or close to it
      total = Long.MAX_VALUE;
    }
    int n = (int) Math.max(1, Math.min(count, total));
    long start = from;
    for (int i = 0; i < n; i++) {
      long size = total / n + (i < total % n ? 1 : 0);
      long end = i == n - 1 ? to : start + size - 1;
      splits.add(new NumberSequenceSplit(String.valueOf(i), start, end));
      start = end + 1;
    }
    return splits;
  }

  @Override
  public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext context) {
    return new Reader(context);
  }

  private static final class Reader implements SourceReader<Long, NumberSequenceSplit> {
    private static final int PER_POLL = 64;
    private final SourceReaderContext context;
    private final ArrayDeque<NumberSequenceSplit> splits = new ArrayDeque<>();
    private boolean noMoreSplits;
    private boolean requested;
    private long next;
    private long last;
    private boolean reading;
    private String currentId;

    Reader(SourceReaderContext context) {
      this.context = context;
    }

    @Override
    public void start() {
      request();
    }

    private void request() {
      requested = true;
      context.sendSplitRequest();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Long> output) {
      if (!reading) {
        NumberSequenceSplit split = splits.pollFirst();
        if (split == null) {
          if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
          }
          if (!requested) {
            request();
          }
          return InputStatus.NOTHING_AVAILABLE;
        }
        next = split.from();
        last = split.to();
        currentId = split.splitId();
        reading = true;
      }
      long stop = last - next < PER_POLL ? last : next + PER_POLL - 1;
      for (long v = next; v <= stop; v++) {
        output.collect(v);
      }
      if (stop == last) {
        reading = false;
        if (splits.isEmpty() && !noMoreSplits && !requested) {
          request();
        }
      } else {
        next = stop + 1;
      }
      return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<NumberSequenceSplit> snapshotState(long checkpointId) {
      List<NumberSequenceSplit> state = new ArrayList<>();
      if (reading) {
        state.add(new NumberSequenceSplit(currentId, next, last));
      }
      state.addAll(splits);
      return state;
    }

    @Override
    public void addSplits(List<NumberSequenceSplit> newSplits) {
      splits.addAll(newSplits);
      requested = false;
    }

    @Override
    public void notifyNoMoreSplits() {
      noMoreSplits = true;
      requested = false;
    }

    @Override
    public void close() {}
  }

  private static final VersionedCodecs.Writer<NumberSequenceSplit> SPLIT_WRITER = (s, out) -> {
    out.writeUTF(s.splitId());
    out.writeLong(s.from());
    out.writeLong(s.to());
  };
  private static final VersionedCodecs.Reader<NumberSequenceSplit> SPLIT_READER =
      (v, in) -> new NumberSequenceSplit(in.readUTF(), in.readLong(), in.readLong());

  @Override
  public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
    return VersionedCodecs.of(1, SPLIT_WRITER, SPLIT_READER);
  }

  @Override
  public SimpleVersionedSerializer<List<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
    return VersionedCodecs.listOf(1, SPLIT_WRITER, SPLIT_READER);
  }
}
