package dev.sluice.bench.nexmark.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An item put up for auction by a seller. Prices are in cents. */
public final class Auction implements Serializable {
    private static final long serialVersionUID = 1L;

    public long id;
    public String itemName;
    public String description;
    public long initialBid;
    public long reserve;
    /** When the auction opened, in epoch milliseconds. */
    public long dateTime;
    /** When the auction closes, in epoch milliseconds. */
    public long expires;
    /** The id of the selling {@link Person}. */
    public long seller;
    public long category;
    /** Padding up to the configured average size. */
    public String extra;

    public Auction() {}

    public Auction(long id, String itemName, String description, long initialBid, long reserve,
            long dateTime, long expires, long seller, long category, String extra) {
        this.id = id;
        this.itemName = itemName;
        this.description = description;
        this.initialBid = initialBid;
        this.reserve = reserve;
        this.dateTime = dateTime;
        this.expires = expires;
        this.seller = seller;
        this.category = category;
        this.extra = extra;
    }

    /** {@link #dateTime} as an instant. */
    public Instant dateTimeInstant() {
        return Instant.ofEpochMilli(dateTime);
    }

    /** {@link #expires} as an instant. */
    public Instant expiresInstant() {
        return Instant.ofEpochMilli(expires);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Auction a)) {
            return false;
        }
        return id == a.id && initialBid == a.initialBid && reserve == a.reserve
                && dateTime == a.dateTime && expires == a.expires && seller == a.seller
                && category == a.category && Objects.equals(itemName, a.itemName)
                && Objects.equals(description, a.description) && Objects.equals(extra, a.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, itemName, description, initialBid, reserve, dateTime, expires,
                seller, category, extra);
    }

    @Override
    public String toString() {
        return "Auction{id=" + id + ", itemName=" + itemName + ", description=" + description
                + ", initialBid=" + initialBid + ", reserve=" + reserve + ", dateTime=" + dateTime
                + ", expires=" + expires + ", seller=" + seller + ", category=" + category
                + ", extra=" + extra + '}';
    }
}
