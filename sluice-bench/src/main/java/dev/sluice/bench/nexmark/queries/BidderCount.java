package dev.sluice.bench.nexmark.queries;

/**
 * The result row of queries 11 and 12: how many bids a bidder made in a window.
 *
 * @param starttime the window's start, epoch milliseconds
 * @param endtime the window's end (exclusive), epoch milliseconds
 */
public record BidderCount(long bidder, long bidCount, long starttime, long endtime) {}
