package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;

/**
 * One query of the Nexmark suite as a Sluice DataStream job: it takes the stream of events (with
 * event-time timestamps and watermarks already assigned by the harness) and returns its result
 * stream, to which the harness attaches a sink (a discarding sink when benchmarking, a collecting
 * one in tests).
 */
public interface NexmarkQuery {
  /** The standard name: "q0" .. "q22". */
  String name();

  /** A one-line description for reports. */
  String description();

  /** Builds the query over {@code events}; returns the result stream. */
  DataStream<?> build(DataStream<Event> events, QueryContext context);
}
