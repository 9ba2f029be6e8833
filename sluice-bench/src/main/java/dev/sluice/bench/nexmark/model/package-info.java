/**
 * The Nexmark events: {@link dev.sluice.bench.nexmark.model.Person}, {@link
 * dev.sluice.bench.nexmark.model.Auction}, {@link dev.sluice.bench.nexmark.model.Bid} and the
 * {@link dev.sluice.bench.nexmark.model.Event} that holds exactly one of them.
 *
 * <p>Each is a plain serializable object with public mutable fields and a public no-argument
 * constructor, so both Sluice and Flink treat it as a POJO (field expressions like {@code
 * "bid.price"} work in both). Times are epoch milliseconds in a {@code long}; the {@code
 * …Instant()} accessors give them as {@link java.time.Instant}. Field names are those of the
 * standard Nexmark model.
 */
package dev.sluice.bench.nexmark.model;
