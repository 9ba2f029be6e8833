/**
 * A minimal metrics facility: named {@code long} counters and gauges per operator instance.
 *
 * <p>Invariants: every metric has exactly one writer (the thread of the subtask that runs the
 * operator) and is updated without atomic read-modify-write operations (a plain read and a release
 * write), so a metric update costs about as much as a field increment. Readers on other threads
 * (a monitoring thread calling {@code JobExecution.metrics()}) use acquire reads and see recent,
 * never torn values. A job's metrics are keyed {@code "<operator name>[<subtask index>].<metric>"}.
 */
package dev.sluice.runtime.metrics;
