package dev.sluice.bench.nexmark.harness;

import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.bench.nexmark.queries.NexmarkQuery;
import dev.sluice.bench.nexmark.queries.QueryContext;
import dev.sluice.streaming.api.datastream.DataStream;

/** A test query: every event, unchanged, so the sink sees exactly the N events. */
final class PassThroughQuery implements NexmarkQuery {
    static final String NAME = "passthrough";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "every event, unchanged";
    }

    @Override
    public DataStream<?> build(DataStream<Event> events, QueryContext context) {
        return events;
    }
}
