package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Auction;
import dev.sluice.bench.nexmark.model.Bid;

/**
 * An auction and its winning bid: the highest bid placed during its life, the earliest of equal
 * ones.
 */
public record WinningBid(Auction auction, Bid bid) {}
