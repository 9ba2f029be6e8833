/**
 * The side-by-side throughput harness: the same jobs on Sluice and on Apache Flink, each
 * measurement in a fresh child JVM, medians over repetitions, a Markdown report.
 */
package dev.sluice.bench.throughput;
