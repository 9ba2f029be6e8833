/**
 * The Nexmark harness: the same Nexmark events through the Sluice queries and through the Flink
 * suite's SQL ({@code dev.sluice.bench.nexmark.flink}), each measurement in a fresh child JVM.
 *
 * <p>{@link dev.sluice.bench.nexmark.harness.NexmarkMain} (run by {@code
 * sluice-bench/run-nexmark.sh}) forks {@link dev.sluice.bench.nexmark.harness.NexmarkRunOne} once
 * per (engine, query, parallelism, checkpointing, repeat), engines alternating; each child builds
 * the job with a {@link dev.sluice.bench.nexmark.harness.NexmarkEngine}, runs a warm-up job and
 * then the measured one, and prints one {@code RESULT key=value …} line;
 * {@link dev.sluice.bench.nexmark.harness.NexmarkReport} turns the lines into a Markdown table of
 * medians. The Sluice queries are found by name through the registry {@code
 * dev.sluice.bench.nexmark.queries.NexmarkQueries}; the Flink engine is loaded by name, so either
 * side can be missing and the other still runs.
 */
package dev.sluice.bench.nexmark.harness;
