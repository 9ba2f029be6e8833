package dev.sluice.bench.nexmark.generator;

import java.io.Serializable;

/**
 * The parameters of a Nexmark event stream, and the arithmetic that places an event in it.
 *
 * <p>Positions {@code 0, 1, 2, …} of the stream are the generated events, in order. The event at
 * position {@code i} has the event number {@code firstEventNumber + i}; the out-of-order
 * permutation ({@link #adjustedEventNumber}) turns it into the adjusted number {@code a}, and the
 * event's id is {@code firstEventId + a} and its timestamp {@link #timestampForEvent
 * timestampForEvent(a)}, {@code a} inter-event delays after {@link #baseTime}. With the default
 * out-of-order group size of 1, {@code a} is the event number itself.
 *
 * <p>Defaults are those of the Flink Nexmark suite (github.com/nexmark/nexmark, {@code
 * NexmarkConfiguration} and {@code conf/nexmark.yaml}):
 *
 * <table>
 *   <caption>Parameters and defaults</caption>
 *   <tr><th>parameter</th><th>default</th></tr>
 *   <tr><td>{@link #firstEventRate} (events per second of event time)</td><td>10,000,000 (the
 *       suite's {@code tps}; the library default is 10,000)</td></tr>
 *   <tr><td>{@link #numEvents}</td><td>0 = unbounded</td></tr>
 *   <tr><td>{@link #baseTime}</td><td>0 (fixed, so runs are reproducible; the suite uses the wall
 *       clock at start)</td></tr>
 *   <tr><td>{@link #firstEventId}, {@link #firstEventNumber}</td><td>0, 0 (as Beam)</td></tr>
 *   <tr><td>person / auction / bid proportions</td><td>1 / 3 / 46</td></tr>
 *   <tr><td>average person / auction / bid size in bytes</td><td>200 / 500 / 100</td></tr>
 *   <tr><td>{@link #hotAuctionRatio} / {@link #hotSellersRatio} / {@link #hotBiddersRatio}</td>
 *       <td>2 / 4 / 4</td></tr>
 *   <tr><td>{@link #numActivePeople} / {@link #numInFlightAuctions}</td><td>1000 / 100</td></tr>
 *   <tr><td>{@link #outOfOrderGroupSize}</td><td>1 (in order)</td></tr>
 * </table>
 *
 * <p>Not carried over from the standard configuration: a second rate and rate shapes ({@code
 * nextEventRate}, {@code rateShape}, {@code ratePeriodSec}; the Flink suite's generator uses the
 * first rate only), {@code numEventGenerators} (parallel readers interleave one timeline here, see
 * the package description of {@code dev.sluice.bench.nexmark}), and pacing to the wall clock
 * (events are generated as fast as they are taken).
 *
 * @param firstEventRate events per second of event time; sets the spacing of timestamps
 * @param numEvents how many events the stream has; 0 for an unbounded stream
 * @param baseTime the timestamp of event number 0, in epoch milliseconds
 * @param firstEventId added to the adjusted event number to give the event id
 * @param firstEventNumber the event number of position 0
 * @param personProportion persons among every {@link #totalProportion()} event ids
 * @param auctionProportion auctions among every {@link #totalProportion()} event ids
 * @param bidProportion bids among every {@link #totalProportion()} event ids
 * @param avgPersonByteSize the average size a person is padded to with its {@code extra}
 * @param avgAuctionByteSize the average size an auction is padded to with its {@code extra}
 * @param avgBidByteSize the average size a bid is padded to with its {@code extra}
 * @param hotAuctionRatio a bid goes to a hot auction with probability {@code 1 - 1/ratio}
 * @param hotSellersRatio an auction has a hot seller with probability {@code 1 - 1/ratio}
 * @param hotBiddersRatio a bid comes from a hot bidder with probability {@code 1 - 1/ratio}
 * @param numActivePeople the most recent people other sellers and bidders are drawn from
 * @param numInFlightAuctions the most recent auctions other bids go to; also sets how long
 *     auctions run
 * @param outOfOrderGroupSize events are permuted within groups of this many; 1 keeps them in order
 */
public record GeneratorConfig(
        long firstEventRate,
        long numEvents,
        long baseTime,
        long firstEventId,
        long firstEventNumber,
        int personProportion,
        int auctionProportion,
        int bidProportion,
        int avgPersonByteSize,
        int avgAuctionByteSize,
        int avgBidByteSize,
        int hotAuctionRatio,
        int hotSellersRatio,
        int hotBiddersRatio,
        int numActivePeople,
        int numInFlightAuctions,
        long outOfOrderGroupSize) implements Serializable {

    /** The id of the first person; person ids are this plus a base-0 id. */
    public static final long FIRST_PERSON_ID = 1000L;

    /** The id of the first auction; auction ids are this plus a base-0 id. */
    public static final long FIRST_AUCTION_ID = 1000L;

    /** The first of the {@link #NUM_CATEGORIES} auction categories. */
    public static final long FIRST_CATEGORY_ID = 10L;

    /** Auction categories are {@code FIRST_CATEGORY_ID .. FIRST_CATEGORY_ID + NUM_CATEGORIES - 1}. */
    public static final int NUM_CATEGORIES = 5;

    public GeneratorConfig {
        positive("firstEventRate", firstEventRate);
        notNegative("numEvents", numEvents);
        notNegative("firstEventId", firstEventId);
        notNegative("firstEventNumber", firstEventNumber);
        positive("personProportion", personProportion);
        positive("auctionProportion", auctionProportion);
        positive("bidProportion", bidProportion);
        notNegative("avgPersonByteSize", avgPersonByteSize);
        notNegative("avgAuctionByteSize", avgAuctionByteSize);
        notNegative("avgBidByteSize", avgBidByteSize);
        positive("hotAuctionRatio", hotAuctionRatio);
        positive("hotSellersRatio", hotSellersRatio);
        positive("hotBiddersRatio", hotBiddersRatio);
        positive("numActivePeople", numActivePeople);
        positive("numInFlightAuctions", numInFlightAuctions);
        positive("outOfOrderGroupSize", outOfOrderGroupSize);
    }

    /** The defaults listed above. */
    public static GeneratorConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Persons, auctions and bids repeat in blocks of this many event ids. */
    public int totalProportion() {
        return personProportion + auctionProportion + bidProportion;
    }

    /** Whether the stream never ends ({@link #numEvents} is 0). */
    public boolean isUnbounded() {
        return numEvents == 0;
    }

    /** The number of positions of the stream: {@link #numEvents}, or {@link Long#MAX_VALUE}. */
    public long positions() {
        return isUnbounded() ? Long.MAX_VALUE : numEvents;
    }

    /** Microseconds of event time between two consecutive events. */
    public double interEventDelayUs() {
        return 1_000_000.0 / firstEventRate;
    }

    /** The event number permuted within its out-of-order group (the number itself for groups of 1). */
    public long adjustedEventNumber(long eventNumber) {
        long n = outOfOrderGroupSize;
        if (n == 1) {
            return eventNumber;
        }
        return eventNumber / n * n + eventNumber * 953 % n;
    }

    /** The timestamp of (adjusted) event number {@code eventNumber}, in epoch milliseconds. */
    public long timestampForEvent(long eventNumber) {
        return baseTime + (long) (eventNumber * interEventDelayUs()) / 1000L;
    }

    /**
     * The number of events between an auction and the auction {@link #numInFlightAuctions} later:
     * auctions run for twice the event time this takes, on average.
     */
    long eventsForInFlightAuctions() {
        return (long) numInFlightAuctions * totalProportion() / auctionProportion;
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void notNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    /** Builds a {@link GeneratorConfig}; every setter returns the builder. */
    public static final class Builder {
        private long firstEventRate = 10_000_000L;
        private long numEvents;
        private long baseTime;
        private long firstEventId;
        private long firstEventNumber;
        private int personProportion = 1;
        private int auctionProportion = 3;
        private int bidProportion = 46;
        private int avgPersonByteSize = 200;
        private int avgAuctionByteSize = 500;
        private int avgBidByteSize = 100;
        private int hotAuctionRatio = 2;
        private int hotSellersRatio = 4;
        private int hotBiddersRatio = 4;
        private int numActivePeople = 1000;
        private int numInFlightAuctions = 100;
        private long outOfOrderGroupSize = 1;

        private Builder() {}

        private Builder(GeneratorConfig c) {
            firstEventRate = c.firstEventRate;
            numEvents = c.numEvents;
            baseTime = c.baseTime;
            firstEventId = c.firstEventId;
            firstEventNumber = c.firstEventNumber;
            personProportion = c.personProportion;
            auctionProportion = c.auctionProportion;
            bidProportion = c.bidProportion;
            avgPersonByteSize = c.avgPersonByteSize;
            avgAuctionByteSize = c.avgAuctionByteSize;
            avgBidByteSize = c.avgBidByteSize;
            hotAuctionRatio = c.hotAuctionRatio;
            hotSellersRatio = c.hotSellersRatio;
            hotBiddersRatio = c.hotBiddersRatio;
            numActivePeople = c.numActivePeople;
            numInFlightAuctions = c.numInFlightAuctions;
            outOfOrderGroupSize = c.outOfOrderGroupSize;
        }

        public Builder firstEventRate(long eventsPerSecond) {
            this.firstEventRate = eventsPerSecond;
            return this;
        }

        /** The number of events; 0 for an unbounded stream. */
        public Builder numEvents(long numEvents) {
            this.numEvents = numEvents;
            return this;
        }

        public Builder baseTime(long epochMillis) {
            this.baseTime = epochMillis;
            return this;
        }

        public Builder firstEventId(long firstEventId) {
            this.firstEventId = firstEventId;
            return this;
        }

        public Builder firstEventNumber(long firstEventNumber) {
            this.firstEventNumber = firstEventNumber;
            return this;
        }

        public Builder proportions(int person, int auction, int bid) {
            this.personProportion = person;
            this.auctionProportion = auction;
            this.bidProportion = bid;
            return this;
        }

        public Builder avgByteSizes(int person, int auction, int bid) {
            this.avgPersonByteSize = person;
            this.avgAuctionByteSize = auction;
            this.avgBidByteSize = bid;
            return this;
        }

        public Builder hotAuctionRatio(int ratio) {
            this.hotAuctionRatio = ratio;
            return this;
        }

        public Builder hotSellersRatio(int ratio) {
            this.hotSellersRatio = ratio;
            return this;
        }

        public Builder hotBiddersRatio(int ratio) {
            this.hotBiddersRatio = ratio;
            return this;
        }

        public Builder numActivePeople(int numActivePeople) {
            this.numActivePeople = numActivePeople;
            return this;
        }

        public Builder numInFlightAuctions(int numInFlightAuctions) {
            this.numInFlightAuctions = numInFlightAuctions;
            return this;
        }

        public Builder outOfOrderGroupSize(long groupSize) {
            this.outOfOrderGroupSize = groupSize;
            return this;
        }

        public GeneratorConfig build() {
            return new GeneratorConfig(firstEventRate, numEvents, baseTime, firstEventId,
                    firstEventNumber, personProportion, auctionProportion, bidProportion,
                    avgPersonByteSize, avgAuctionByteSize, avgBidByteSize, hotAuctionRatio,
                    hotSellersRatio, hotBiddersRatio, numActivePeople, numInFlightAuctions,
                    outOfOrderGroupSize);
        }
    }
}
