package dev.sluice.connector.file.src;

import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the source's paths off the coordinator thread (once, or every discovery interval), turns
 * every file not seen before into a split and hands splits out one per request. Requests that
 * arrive when no split is ready wait for the next listing; a bounded source answers them with "no
 * more splits" once its one listing is done.
 */
final class FileSplitEnumerator implements SplitEnumerator<FileSourceSplit, FileSourceEnumState> {
  private final SplitEnumeratorContext<FileSourceSplit> context;
  private final FileSource source;
  private final boolean continuous;
  private final ArrayDeque<FileSourceSplit> unassigned;
  private final Set<String> seen;
  private final Set<Integer> waiting = new LinkedHashSet<>();
  private boolean listed;

  FileSplitEnumerator(SplitEnumeratorContext<FileSourceSplit> context, FileSource source,
      Collection<FileSourceSplit> unassigned, Collection<String> seen) {
    this.context = context;
    this.source = source;
    this.continuous = source.discoveryIntervalMs() > 0;
    this.unassigned = new ArrayDeque<>(unassigned);
    this.seen = new LinkedHashSet<>(seen);
  }

  @Override
  public void start() {
    context.callAsync(source::listFiles, this::onListing, 0, source.discoveryIntervalMs());
  }

  private void onListing(List<Path> files, Throwable error) {
    if (error != null) {
      throw new IllegalStateException(
          "The file source could not list its files: " + error.getMessage(), error);
    }
    for (Path file : files) {
      String path = file.toString();
      if (seen.add(path)) {
        unassigned.add(new FileSourceSplit(path, path, 0));
      }
    }
    listed = true;
    assignWaiting();
  }

  @Override
  public void handleSplitRequest(int subtaskId) {
    waiting.add(subtaskId);
    assignWaiting();
  }

  private void assignWaiting() {
    for (Iterator<Integer> it = waiting.iterator(); it.hasNext(); ) {
      int subtask = it.next();
      FileSourceSplit split = unassigned.pollFirst();
      if (split != null) {
        context.assignSplit(split, subtask);
        it.remove();
      } else if (listed && !continuous) {
        context.signalNoMoreSplits(subtask);
        it.remove();
      } else {
        return; // wait for the next listing
      }
    }
  }

  @Override
  public void addSplitsBack(List<FileSourceSplit> splits, int subtaskId) {
    for (int i = splits.size() - 1; i >= 0; i--) {
      unassigned.addFirst(splits.get(i));
    }
    assignWaiting();
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public FileSourceEnumState snapshotState(long checkpointId) {
    return new FileSourceEnumState(new ArrayList<>(unassigned), seen);
  }

  @Override
  public void close() {}
}
