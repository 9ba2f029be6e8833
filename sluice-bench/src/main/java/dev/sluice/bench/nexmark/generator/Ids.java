package dev.sluice.bench.nexmark.generator;

/**
 * Which people and auctions exist at an event id. Event ids come in blocks of {@code
 * totalProportion}: the first {@code personProportion} ids of a block are new people, the next
 * {@code auctionProportion} new auctions, the rest bids. So the number of people and auctions
 * created before any event id is arithmetic, and a bid can refer to them without any state.
 * Ids here are base 0; add {@link GeneratorConfig#FIRST_PERSON_ID} or {@link
 * GeneratorConfig#FIRST_AUCTION_ID}.
 */
final class Ids {
    /** How far past the last created person a random person id may reach. */
    static final int PERSON_ID_LEAD = 10;

    /** How far past the last created auction a random auction id may reach. */
    static final int AUCTION_ID_LEAD = 10;

    private Ids() {}

    /** The newest person at {@code eventId}: the one created by it if it is a person event. */
    static long lastPerson(GeneratorConfig config, long eventId) {
        int total = config.totalProportion();
        long block = eventId / total;
        long offset = Math.min(eventId % total, config.personProportion() - 1);
        return block * config.personProportion() + offset;
    }

    /**
     * The newest auction at {@code eventId}: the one created by it if it is an auction event; -1
     * before the first auction.
     */
    static long lastAuction(GeneratorConfig config, long eventId) {
        int total = config.totalProportion();
        int persons = config.personProportion();
        int auctions = config.auctionProportion();
        long block = eventId / total;
        long offset = eventId % total;
        if (offset < persons) { // a person: the last auction of the previous block
            block--;
            offset = auctions - 1;
        } else if (offset >= persons + auctions) { // a bid: the last auction of this block
            offset = auctions - 1;
        } else {
            offset -= persons;
        }
        return block * auctions + offset;
    }

    /**
     * A random person among the {@code numActivePeople} most recent ones, or up to {@link
     * #PERSON_ID_LEAD} not yet created.
     */
    static long randomPerson(GeneratorConfig config, long eventId, EventRandom random) {
        long people = lastPerson(config, eventId) + 1;
        long active = Math.min(people, config.numActivePeople());
        return people - active + random.nextLong(active + PERSON_ID_LEAD);
    }

    /**
     * A random auction among the {@code numInFlightAuctions} most recent ones, or up to {@link
     * #AUCTION_ID_LEAD} not yet created.
     */
    static long randomAuction(GeneratorConfig config, long eventId, EventRandom random) {
        long last = lastAuction(config, eventId);
        long first = Math.max(last - config.numInFlightAuctions(), 0);
        return first + random.nextLong(last - first + 1 + AUCTION_ID_LEAD);
    }
}
