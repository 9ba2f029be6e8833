/** Utility sinks on the sink interface, such as the one that discards everything. */
package dev.sluice.streaming.api.functions.sink.v2;
