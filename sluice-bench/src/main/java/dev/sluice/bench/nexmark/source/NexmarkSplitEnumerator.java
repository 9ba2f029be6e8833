package dev.sluice.bench.nexmark.source;

import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives split {@code j} to subtask {@code j} when it asks, and then tells it there are no more.
 * The splits are identified by their ids, which are their subtask indexes.
 */
final class NexmarkSplitEnumerator implements SplitEnumerator<NexmarkSplit, List<NexmarkSplit>> {
    private final SplitEnumeratorContext<NexmarkSplit> context;
    private final Map<Integer, List<NexmarkSplit>> pending = new TreeMap<>();

    NexmarkSplitEnumerator(SplitEnumeratorContext<NexmarkSplit> context, List<NexmarkSplit> splits) {
        this.context = context;
        splits.forEach(this::addPending);
    }

    private void addPending(NexmarkSplit split) {
        pending.computeIfAbsent(Integer.parseInt(split.splitId()), k -> new ArrayList<>()).add(split);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId) {
        List<NexmarkSplit> splits = pending.remove(subtaskId);
        if (splits != null) {
            splits.forEach(split -> context.assignSplit(split, subtaskId));
        }
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void addSplitsBack(List<NexmarkSplit> splits, int subtaskId) {
        splits.forEach(this::addPending);
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public List<NexmarkSplit> snapshotState(long checkpointId) {
        List<NexmarkSplit> state = new ArrayList<>();
        pending.values().forEach(state::addAll);
        return state;
    }

    @Override
    public void close() {}
}
