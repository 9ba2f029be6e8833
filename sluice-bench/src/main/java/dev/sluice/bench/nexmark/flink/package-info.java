/**
 * The Flink side of the Nexmark harness: the standard Flink SQL of the Nexmark suite (q0 .. q22,
 * resources next to {@link dev.sluice.bench.nexmark.flink.NexmarkSql}) over the same events as
 * the Sluice queries.
 *
 * <p>Flink is fed by {@link dev.sluice.bench.nexmark.flink.FlinkNexmarkSource}, a FLIP-27 source
 * over our {@link dev.sluice.bench.nexmark.generator.NexmarkGenerator} with Sluice's split scheme
 * (reader {@code j} of {@code n} generates positions {@code j, j + n, …}), whose events become
 * rows of the standard table schema ({@link dev.sluice.bench.nexmark.flink.NexmarkRows}). That
 * stream is registered as the table {@code datagen} with {@code StreamTableEnvironment
 * #createTemporaryView} and the standard watermark {@code dateTime - INTERVAL '4' SECOND}; the
 * standard views {@code person}, {@code auction} and {@code bid} select from it. Every query
 * writes to a {@code blackhole} sink.
 *
 * <p>Departures from the suite, each also noted in its script: q10 sends its projection to the
 * blackhole sink instead of partitioned files; q13's side input is a generated lookup table
 * ({@link dev.sluice.bench.nexmark.flink.SideInputTableFactory}) instead of a CSV file; q14's
 * {@code count_char} is {@link dev.sluice.bench.nexmark.flink.CountChar}. q6 is the suite's text,
 * which the suite itself marks as not supported by Flink SQL.
 */
package dev.sluice.bench.nexmark.flink;
