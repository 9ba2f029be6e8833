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
import java.util.ArrayList;
import java.util.List;

/**
 * The elements of a list, in order, from a single reader (like Flink's {@code fromData}, this
 * source is not parallel: the order of the elements is kept).
 */
public final class CollectionSource<T>
    implements Source<T, CollectionSource.CollectionSplit, List<CollectionSource.CollectionSplit>> {
  private static final long serialVersionUID = 1L;

  private final List<T> elements;

  public CollectionSource(List<T> elements) {
    this.elements = List.copyOf(elements);
  }

  /** The position from which to go on reading the list. */
  public record CollectionSplit(String splitId, int position) implements SourceSplit {}

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<CollectionSplit, List<CollectionSplit>> createEnumerator(
      SplitEnumeratorContext<CollectionSplit> context) {
    return new StaticSplitEnumerator<>(context, List.of(new CollectionSplit("0", 0)));
  }

  @Override
  public SplitEnumerator<CollectionSplit, List<CollectionSplit>> restoreEnumerator(
      SplitEnumeratorContext<CollectionSplit> context, List<CollectionSplit> checkpoint) {
    return new StaticSplitEnumerator<>(context, checkpoint);
  }

  @Override
  public SourceReader<T, CollectionSplit> createReader(SourceReaderContext context) {
    return new SourceReader<>() {
      private CollectionSplit split;
      private int position;
      private boolean noMoreSplits;

      @Override
      public void start() {
        context.sendSplitRequest();
      }

      @Override
      public InputStatus pollNext(ReaderOutput<T> output) {
        if (split == null) {
          return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }
        int end = Math.min(elements.size(), position + 64);
        for (; position < end; position++) {
          output.collect(elements.get(position));
        }
        if (position >= elements.size()) {
          split = null;
          context.sendSplitRequest();
        }
        return InputStatus.MORE_AVAILABLE;
      }

      @Override
      public List<CollectionSplit> snapshotState(long checkpointId) {
        List<CollectionSplit> state = new ArrayList<>();
        if (split != null) {
          state.add(new CollectionSplit(split.splitId(), position));
        }
        return state;
      }

      @Override
      public void addSplits(List<CollectionSplit> splits) {
        split = splits.get(0);
        position = split.position();
      }

      @Override
      public void notifyNoMoreSplits() {
        noMoreSplits = true;
      }

      @Override
      public void close() {}
    };
  }

  private static final VersionedCodecs.Writer<CollectionSplit> SPLIT_WRITER = (s, out) -> {
    out.writeUTF(s.splitId());
    out.writeInt(s.position());
  };
  private static final VersionedCodecs.Reader<CollectionSplit> SPLIT_READER =
      (v, in) -> new CollectionSplit(in.readUTF(), in.readInt());

  @Override
  public SimpleVersionedSerializer<CollectionSplit> getSplitSerializer() {
    return VersionedCodecs.of(1, SPLIT_WRITER, SPLIT_READER);
  }

  @Override
  public SimpleVersionedSerializer<List<CollectionSplit>> getEnumeratorCheckpointSerializer() {
    return VersionedCodecs.listOf(1, SPLIT_WRITER, SPLIT_READER);
  }
}
