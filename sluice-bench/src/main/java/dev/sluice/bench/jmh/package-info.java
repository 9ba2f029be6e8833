/** JMH benchmarks: whole pipelines and the per-record pieces of the runtime. */
package dev.sluice.bench.jmh;
