package dev.sluice.bench.nexmark.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A bid by a person on an auction. The price is in cents. */
public final class Bid implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The id of the {@link Auction} bid on. */
    public long auction;
    /** The id of the bidding {@link Person}. */
    public long bidder;
    public long price;
    /** Where the bid came from: a hot channel ("Google", …) or {@code channel-<n>}. */
    public String channel;
    public String url;
    /** When the bid was placed, in epoch milliseconds. */
    public long dateTime;
    /** Padding up to the configured average size. */
    public String extra;

    public Bid() {}

    public Bid(long auction, long bidder, long price, String channel, String url, long dateTime,
            String extra) {
        this.auction = auction;
        this.bidder = bidder;
        this.price = price;
        this.channel = channel;
        this.url = url;
        this.dateTime = dateTime;
        this.extra = extra;
    }

    /** {@link #dateTime} as an instant. */
    public Instant dateTimeInstant() {
        return Instant.ofEpochMilli(dateTime);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Bid b)) {
            return false;
        }
        return auction == b.auction && bidder == b.bidder && price == b.price
                && dateTime == b.dateTime && Objects.equals(channel, b.channel)
                && Objects.equals(url, b.url) && Objects.equals(extra, b.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(auction, bidder, price, channel, url, dateTime, extra);
    }

    @Override
    public String toString() {
        return "Bid{auction=" + auction + ", bidder=" + bidder + ", price=" + price + ", channel="
                + channel + ", url=" + url + ", dateTime=" + dateTime + ", extra=" + extra + '}';
    }
}
