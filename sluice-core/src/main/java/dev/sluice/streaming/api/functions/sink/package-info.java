/** Sinks that print a stream to standard out or standard error, as Flink prints it. */
package dev.sluice.streaming.api.functions.sink;
