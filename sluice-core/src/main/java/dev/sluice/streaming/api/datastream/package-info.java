/**
 * The DataStream API: {@code DataStream} and the streams its transformations return
 * ({@code SingleOutputStreamOperator}, {@code KeyedStream}, {@code ConnectedStreams}, sinks).
 *
 * <p>These classes only record what the user asked for as transformations; nothing runs until the
 * environment executes the job. Mistakes that can be seen here (a position that does not exist, a
 * non-positive parallelism) are refused here, with a message naming the problem.
 */
package dev.sluice.streaming.api.datastream;
