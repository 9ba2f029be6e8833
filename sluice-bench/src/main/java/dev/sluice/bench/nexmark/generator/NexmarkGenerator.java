package dev.sluice.bench.nexmark.generator;

import dev.sluice.bench.nexmark.model.Auction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.bench.nexmark.model.Person;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The events of a {@link GeneratorConfig}'s stream, in order, or of an arithmetic slice of its
 * positions ({@code next, next + stride, …} below {@code end}), as a plain iterator.
 *
 * <p>The event at a position depends on the configuration and the position only (see {@link
 * #eventAt}), so slices that share a configuration together give exactly the events of the whole
 * stream, and a generator created at a later position continues where another left off. Not
 * thread-safe: use one generator per thread.
 */
public final class NexmarkGenerator implements Iterator<Event> {
    /** Hot sellers, bidders and auctions are the first (bidders: second) of each 100. */
    private static final int HOT_BATCH = 100;

    private static final String[] US_STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    private static final String[] US_CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise",
        "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne"};
    private static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky",
        "Kate", "Julie", "Sarah", "Deiter", "Walter"};
    private static final String[] LAST_NAMES = {"Shultz", "Abrams", "Spencer", "White", "Bartels",
        "Walton", "Smith", "Jones", "Noris"};
    /** Every "first last" name, indexed {@code first * LAST_NAMES.length + last}. */
    private static final String[] FULL_NAMES = fullNames();

    /** The fixed part of a bid's size: four longs. */
    private static final int BID_FIXED_SIZE = 8 * 4;

    private final GeneratorConfig config;
    private final long end;
    private final long stride;
    private final EventRandom random = new EventRandom(0);
    private final RandomText text = new RandomText(random);
    private long next;
    private long eventsCountSoFar;

    /** All events of {@code config}'s stream, from position 0. */
    public NexmarkGenerator(GeneratorConfig config) {
        this(config, 0, config.positions(), 1);
    }

    /**
     * The events at positions {@code next, next + stride, …} below {@code end} of {@code
     * config}'s stream.
     */
    public NexmarkGenerator(GeneratorConfig config, long next, long end, long stride) {
        this.config = Objects.requireNonNull(config, "config");
        if (next < 0 || stride <= 0 || end > config.positions()) {
            throw new IllegalArgumentException("Not a slice of a stream of " + config.positions()
                    + " events: next=" + next + " end=" + end + " stride=" + stride);
        }
        this.next = next;
        this.end = end;
        this.stride = stride;
    }

    public GeneratorConfig getConfig() {
        return config;
    }

    @Override
    public boolean hasNext() {
        return next < end;
    }

    @Override
    public Event next() {
        if (next >= end) {
            throw new NoSuchElementException("All events up to position " + end + " generated");
        }
        long position = next;
        next = end - next <= stride ? end : next + stride;
        eventsCountSoFar++;
        return eventAt(position);
    }

    /** The position in the stream of the event {@link #next()} returns. */
    public long getNextPosition() {
        return next;
    }

    /** How many events this generator has returned. */
    public long getEventsCountSoFar() {
        return eventsCountSoFar;
    }

    /** The id of the event {@link #next()} returns. */
    public long getNextEventId() {
        return eventId(config.adjustedEventNumber(config.firstEventNumber() + next));
    }

    /** The timestamp of the event {@link #next()} returns, in epoch milliseconds. */
    public long nextEventTimestamp() {
        return config.timestampForEvent(config.adjustedEventNumber(config.firstEventNumber() + next));
    }

    /** The event at {@code position} of the stream; does not move this iterator. */
    public Event eventAt(long position) {
        long adjusted = config.adjustedEventNumber(config.firstEventNumber() + position);
        long eventId = eventId(adjusted);
        long timestamp = config.timestampForEvent(adjusted);
        random.setSeed(eventId);
        long kind = eventId % config.totalProportion();
        if (kind < config.personProportion()) {
            return new Event(person(eventId, timestamp));
        }
        if (kind < config.personProportion() + config.auctionProportion()) {
            return new Event(auction(eventId, adjusted, timestamp));
        }
        return new Event(bid(eventId, timestamp));
    }

    private long eventId(long adjustedEventNumber) {
        return config.firstEventId() + adjustedEventNumber;
    }

    private Person person(long eventId, long timestamp) {
        long id = Ids.lastPerson(config, eventId) + GeneratorConfig.FIRST_PERSON_ID;
        int first = random.nextInt(FIRST_NAMES.length);
        String name = FULL_NAMES[first * LAST_NAMES.length + random.nextInt(LAST_NAMES.length)];
        String email = text.email();
        String creditCard = text.creditCard();
        String city = US_CITIES[random.nextInt(US_CITIES.length)];
        String state = US_STATES[random.nextInt(US_STATES.length)];
        int size = 8 + name.length() + email.length() + creditCard.length() + city.length()
                + state.length();
        String extra = text.extra(size, config.avgPersonByteSize());
        return new Person(id, name, email, creditCard, city, state, timestamp, extra);
    }

    private Auction auction(long eventId, long adjustedEventNumber, long timestamp) {
        long id = Ids.lastAuction(config, eventId) + GeneratorConfig.FIRST_AUCTION_ID;
        long seller;
        if (random.nextInt(config.hotSellersRatio()) > 0) {
            seller = Ids.lastPerson(config, eventId) / HOT_BATCH * HOT_BATCH;
        } else {
            seller = Ids.randomPerson(config, eventId, random);
        }
        seller += GeneratorConfig.FIRST_PERSON_ID;
        long category = GeneratorConfig.FIRST_CATEGORY_ID
                + random.nextInt(GeneratorConfig.NUM_CATEGORIES);
        long initialBid = price();
        long expires = timestamp + auctionLength(adjustedEventNumber, timestamp);
        String itemName = text.string(20);
        String description = text.string(100);
        long reserve = initialBid + price();
        int size = 8 + itemName.length() + description.length() + 8 * 5;
        String extra = text.extra(size, config.avgAuctionByteSize());
        return new Auction(id, itemName, description, initialBid, reserve, timestamp, expires,
                seller, category, extra);
    }

    /**
     * A random auction length, on average the event time until the auction {@code
     * numInFlightAuctions} later is created, so about that many auctions are open at any time.
     */
    private long auctionLength(long adjustedEventNumber, long timestamp) {
        long later = config.timestampForEvent(
                adjustedEventNumber + config.eventsForInFlightAuctions());
        long horizonMs = later - timestamp;
        return 1L + random.nextLong(Math.max(horizonMs * 2, 1L));
    }

    private Bid bid(long eventId, long timestamp) {
        long auction;
        if (random.nextInt(config.hotAuctionRatio()) > 0) {
            auction = Ids.lastAuction(config, eventId) / HOT_BATCH * HOT_BATCH;
        } else {
            auction = Ids.randomAuction(config, eventId, random);
        }
        auction += GeneratorConfig.FIRST_AUCTION_ID;
        long bidder;
        if (random.nextInt(config.hotBiddersRatio()) > 0) {
            // the second of its batch, so that hot bidders are not hot sellers
            bidder = Ids.lastPerson(config, eventId) / HOT_BATCH * HOT_BATCH + 1;
        } else {
            bidder = Ids.randomPerson(config, eventId, random);
        }
        bidder += GeneratorConfig.FIRST_PERSON_ID;
        long price = price();
        String channel;
        String url;
        if (random.nextInt(Channels.HOT_RATIO) > 0) {
            int hot = random.nextInt(Channels.hotCount());
            channel = Channels.hotName(hot);
            url = Channels.hotUrl(hot);
        } else {
            int n = random.nextInt(Channels.COUNT);
            channel = Channels.name(n);
            url = Channels.url(n);
        }
        String extra = text.extra(BID_FIXED_SIZE, config.avgBidByteSize());
        return new Bid(auction, bidder, price, channel, url, timestamp, extra);
    }

    /** Log-uniform from $1 to $1,000,000, in cents. */
    private long price() {
        return Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0);
    }

    private static String[] fullNames() {
        String[] names = new String[FIRST_NAMES.length * LAST_NAMES.length];
        for (int f = 0; f < FIRST_NAMES.length; f++) {
            for (int l = 0; l < LAST_NAMES.length; l++) {
                names[f * LAST_NAMES.length + l] = FIRST_NAMES[f] + " " + LAST_NAMES[l];
            }
        }
        return names;
    }
}
