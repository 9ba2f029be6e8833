package dev.sluice.connector.base;

import dev.sluice.api.connector.source.SourceSplit;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands out a fixed set of splits, one per request, and tells a reader there are no more when the
 * set is exhausted. Readers ask again after each split, so faster readers take more splits.
 */
public final class StaticSplitEnumerator<SplitT extends SourceSplit>
    implements SplitEnumerator<SplitT, List<SplitT>> {
  private final SplitEnumeratorContext<SplitT> context;
  private final ArrayDeque<SplitT> remaining;

  public StaticSplitEnumerator(SplitEnumeratorContext<SplitT> context, Collection<SplitT> splits) {
    this.context = context;
    this.remaining = new ArrayDeque<>(splits);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId) {
    SplitT next = remaining.pollFirst();
    if (next != null) {
      context.assignSplit(next, subtaskId);
    } else {
      context.signalNoMoreSplits(subtaskId);
    }
  }

  @Override
  public void addSplitsBack(List<SplitT> splits, int subtaskId) {
    remaining.addAll(splits);
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public List<SplitT> snapshotState(long checkpointId) {
    return new ArrayList<>(remaining);
  }

  @Override
  public void close() {}
}
