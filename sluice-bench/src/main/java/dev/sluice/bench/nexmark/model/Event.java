package dev.sluice.bench.nexmark.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * One event of the stream: exactly one of {@link #newPerson}, {@link #newAuction} and {@link #bid}
 * is set, and {@link #type} says which.
 */
public final class Event implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What an event holds. */
    public enum Type {
        PERSON,
        AUCTION,
        BID
    }

    public Person newPerson;
    public Auction newAuction;
    public Bid bid;
    public Type type;

    public Event() {}

    public Event(Person newPerson) {
        this.newPerson = Objects.requireNonNull(newPerson, "newPerson");
        this.type = Type.PERSON;
    }

    public Event(Auction newAuction) {
        this.newAuction = Objects.requireNonNull(newAuction, "newAuction");
        this.type = Type.AUCTION;
    }

    public Event(Bid bid) {
        this.bid = Objects.requireNonNull(bid, "bid");
        this.type = Type.BID;
    }

    /** The event time of what this event holds, in epoch milliseconds. */
    public long dateTime() {
        if (type == null) {
            throw new IllegalStateException("An empty event has no time");
        }
        return switch (type) {
            case PERSON -> newPerson.dateTime;
            case AUCTION -> newAuction.dateTime;
            case BID -> bid.dateTime;
        };
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Event e)) {
            return false;
        }
        return type == e.type && Objects.equals(newPerson, e.newPerson)
                && Objects.equals(newAuction, e.newAuction) && Objects.equals(bid, e.bid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, newPerson, newAuction, bid);
    }

    @Override
    public String toString() {
        if (type == null) {
            return "Event{}";
        }
        return switch (type) {
            case PERSON -> "Event{" + newPerson + '}';
            case AUCTION -> "Event{" + newAuction + '}';
            case BID -> "Event{" + bid + '}';
        };
    }
}
