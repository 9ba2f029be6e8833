package dev.sluice.bench.nexmark.source;

import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.generator.NexmarkGenerator;
import dev.sluice.bench.nexmark.model.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the events of its splits, one split after the other, at most {@link #PER_POLL} per
 * poll, each with its {@code dateTime} as the record timestamp.
 */
final class NexmarkSourceReader implements SourceReader<Event, NexmarkSplit> {
    static final int PER_POLL = 256;

    private final SourceReaderContext context;
    private final GeneratorConfig config;
    private final ArrayDeque<NexmarkSplit> splits = new ArrayDeque<>();
    private NexmarkSplit current;
    private NexmarkGenerator generator;
    private boolean noMoreSplits;

    NexmarkSourceReader(SourceReaderContext context, GeneratorConfig config) {
        this.context = context;
        this.config = config;
    }

    @Override
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Event> output) {
        if (generator == null) {
            current = splits.pollFirst();
            if (current == null) {
                return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
            }
            generator = new NexmarkGenerator(config, current.next(), current.end(), current.stride());
        }
        NexmarkGenerator events = generator;
        for (int i = 0; i < PER_POLL && events.hasNext(); i++) {
            Event event = events.next();
            output.collect(event, event.dateTime());
        }
        if (!events.hasNext()) {
            generator = null;
            current = null;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<NexmarkSplit> snapshotState(long checkpointId) {
        List<NexmarkSplit> state = new ArrayList<>(splits.size() + 1);
        if (generator != null) {
            state.add(current.at(generator.getNextPosition()));
        }
        state.addAll(splits);
        return state;
    }

    @Override
    public void addSplits(List<NexmarkSplit> newSplits) {
        splits.addAll(newSplits);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
    }

    @Override
    public void close() {}
}
