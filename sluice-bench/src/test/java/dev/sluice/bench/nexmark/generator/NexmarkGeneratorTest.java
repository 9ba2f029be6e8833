package dev.sluice.bench.nexmark.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.bench.nexmark.model.Auction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.bench.nexmark.model.Person;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NexmarkGeneratorTest {
    private static final int N = 50_000;
    private static final GeneratorConfig CONFIG = GeneratorConfig.builder().numEvents(N).build();
    private static final List<Event> EVENTS = generate(new NexmarkGenerator(CONFIG));

    private static List<Event> generate(NexmarkGenerator generator) {
        List<Event> events = new ArrayList<>();
        generator.forEachRemaining(events::add);
        return events;
    }

    @Test
    void theSameConfigGivesTheSameEvents() {
        assertThat(EVENTS).hasSize(N);
        assertThat(generate(new NexmarkGenerator(CONFIG))).isEqualTo(EVENTS);
        assertThat(generate(new NexmarkGenerator(CONFIG.toBuilder().build()))).isEqualTo(EVENTS);
    }

    @Test
    void anEventIsTheSameWhicheverSliceGeneratesIt() {
        for (int n = 1; n <= 4; n++) {
            for (int j = 0; j < n; j++) {
                NexmarkGenerator slice = new NexmarkGenerator(CONFIG, j, N, n);
                for (int i = j; i < N; i += n) {
                    assertThat(slice.getNextPosition()).isEqualTo(i);
                    assertThat(slice.next()).isEqualTo(EVENTS.get(i));
                }
                assertThat(slice.hasNext()).isFalse();
            }
        }
        NexmarkGenerator resumed = new NexmarkGenerator(CONFIG, 12_345, N, 1);
        assertThat(generate(resumed)).isEqualTo(EVENTS.subList(12_345, N));
        assertThat(resumed.getEventsCountSoFar()).isEqualTo(N - 12_345);
        assertThat(new NexmarkGenerator(CONFIG).eventAt(777)).isEqualTo(EVENTS.get(777));
    }

    @Test
    void peopleAuctionsAndBidsComeOneToThreeToFortySix() {
        long persons = EVENTS.stream().filter(e -> e.type == Event.Type.PERSON).count();
        long auctions = EVENTS.stream().filter(e -> e.type == Event.Type.AUCTION).count();
        assertThat(persons).isEqualTo(N / 50);
        assertThat(auctions).isEqualTo(3 * N / 50);
        assertThat(N - persons - auctions).isEqualTo(46 * N / 50);
        for (int i = 0; i < N; i++) {
            Event e = EVENTS.get(i);
            Event.Type expected = i % 50 == 0 ? Event.Type.PERSON
                    : i % 50 < 4 ? Event.Type.AUCTION : Event.Type.BID;
            assertThat(e.type).isEqualTo(expected);
            assertThat(e.newPerson != null).isEqualTo(expected == Event.Type.PERSON);
            assertThat(e.newAuction != null).isEqualTo(expected == Event.Type.AUCTION);
            assertThat(e.bid != null).isEqualTo(expected == Event.Type.BID);
        }
    }

    @Test
    void idsCountUpFromAThousandAndReferencesReachAtMostTheLeadAhead() {
        long lastPerson = GeneratorConfig.FIRST_PERSON_ID - 1;
        long lastAuction = GeneratorConfig.FIRST_AUCTION_ID - 1;
        for (Event e : EVENTS) {
            switch (e.type) {
                case PERSON -> assertThat(e.newPerson.id).isEqualTo(++lastPerson);
                case AUCTION -> {
                    Auction a = e.newAuction;
                    assertThat(a.id).isEqualTo(++lastAuction);
                    assertThat(a.seller).isBetween(GeneratorConfig.FIRST_PERSON_ID,
                            lastPerson + Ids.PERSON_ID_LEAD);
                }
                case BID -> {
                    assertThat(e.bid.auction).isBetween(GeneratorConfig.FIRST_AUCTION_ID,
                            lastAuction + Ids.AUCTION_ID_LEAD);
                    assertThat(e.bid.bidder).isBetween(GeneratorConfig.FIRST_PERSON_ID,
                            lastPerson + Ids.PERSON_ID_LEAD);
                }
            }
        }
    }

    @Test
    void hotAuctionsBiddersAndSellersDominate() {
        List<Bid> bids = EVENTS.stream().filter(e -> e.bid != null).map(e -> e.bid).toList();
        double onHundredth = bids.stream()
                .filter(b -> (b.auction - GeneratorConfig.FIRST_AUCTION_ID) % 100 == 0).count()
                / (double) bids.size();
        double bySecondOfHundred = bids.stream()
                .filter(b -> (b.bidder - GeneratorConfig.FIRST_PERSON_ID) % 100 == 1).count()
                / (double) bids.size();
        // Hot with probability 1/2 and 3/4; a random choice rarely lands on the same ids. The
        // first draws of generators seeded with consecutive ids are not quite independent, so
        // the shares are off by a few percent, as in the standard generator.
        assertThat(onHundredth).isBetween(0.45, 0.56);
        assertThat(bySecondOfHundred).isBetween(0.74, 0.78);
        double hotSellers = EVENTS.stream().filter(e -> e.newAuction != null)
                .filter(e -> (e.newAuction.seller - GeneratorConfig.FIRST_PERSON_ID) % 100 == 0)
                .count() / (3.0 * N / 50);
        assertThat(hotSellers).isBetween(0.72, 0.78);
    }

    @Test
    void eventsArePaddedToTheAverageSizes() {
        double person = EVENTS.stream().filter(e -> e.newPerson != null)
                .mapToInt(e -> size(e.newPerson)).average().orElseThrow();
        double auction = EVENTS.stream().filter(e -> e.newAuction != null)
                .mapToInt(e -> size(e.newAuction)).average().orElseThrow();
        double bid = EVENTS.stream().filter(e -> e.bid != null)
                .mapToInt(e -> 32 + e.bid.extra.length()).average().orElseThrow();
        assertThat(person).isBetween(195.0, 205.0);
        assertThat(auction).isBetween(490.0, 510.0);
        assertThat(bid).isBetween(98.0, 102.0);
    }

    private static int size(Person p) {
        return 8 + p.name.length() + p.emailAddress.length() + p.creditCard.length()
                + p.city.length() + p.state.length() + p.extra.length();
    }

    private static int size(Auction a) {
        return 8 + a.itemName.length() + a.description.length() + 40 + a.extra.length();
    }

    @Test
    void fieldsHaveTheStandardShapes() {
        for (Event e : EVENTS) {
            switch (e.type) {
                case PERSON -> {
                    Person p = e.newPerson;
                    assertThat(p.name).matches("[A-Z][a-z]+ [A-Z][a-z]+");
                    assertThat(p.emailAddress).matches("[a-z ]*@[a-z ]*\\.com");
                    assertThat(p.creditCard).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
                    assertThat(p.state).isIn("AZ", "CA", "ID", "OR", "WA", "WY");
                    assertThat(p.city).isNotBlank();
                }
                case AUCTION -> {
                    Auction a = e.newAuction;
                    assertThat(a.category).isGreaterThanOrEqualTo(10).isLessThan(15);
                    assertThat(a.initialBid).isBetween(100L, 100_000_000L);
                    assertThat(a.reserve).isGreaterThan(a.initialBid);
                    assertThat(a.expires).isGreaterThan(a.dateTime);
                    assertThat(a.itemName.length()).isLessThan(20);
                    assertThat(a.description.length()).isLessThan(100);
                }
                case BID -> {
                    Bid b = e.bid;
                    assertThat(b.price).isBetween(100L, 100_000_000L);
                    assertThat(b.url).matches("https://www\\.nexmark\\.com/[a-z_]+/[a-z_]+/[a-z_]+/"
                            + "item\\.htm\\?query=1(&channel_id=-?\\d+)?");
                    assertThat(b.channel).matches("Google|Facebook|Baidu|Apple|channel-\\d{1,4}");
                }
            }
        }
    }

    @Test
    void halfOfTheBidsComeFromHotChannels() {
        Set<String> hot = Set.of("Google", "Facebook", "Baidu", "Apple");
        List<Bid> bids = EVENTS.stream().filter(e -> e.bid != null).map(e -> e.bid).toList();
        double share = bids.stream().filter(b -> hot.contains(b.channel)).count()
                / (double) bids.size();
        assertThat(share).isBetween(0.48, 0.52);
        assertThat(bids.stream().map(b -> b.channel).distinct().count()).isGreaterThan(5000);
        Bid onChannel = bids.stream().filter(b -> b.channel.equals("channel-1")).findFirst()
                .orElseThrow();
        assertThat(onChannel.url).endsWith("&channel_id=" + Math.abs(Integer.reverse(1)));
    }

    @Test
    void timestampsFollowTheRate() {
        // 10 million events per second: one millisecond per 10,000 events
        for (int i = 0; i < N; i += 997) {
            assertThat(EVENTS.get(i).dateTime()).isEqualTo(i / 10_000);
        }
        GeneratorConfig slow = CONFIG.toBuilder().firstEventRate(1000).baseTime(5_000).build();
        NexmarkGenerator generator = new NexmarkGenerator(slow);
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 5000; i++) {
            assertThat(generator.nextEventTimestamp()).isEqualTo(5_000 + i);
            long ts = generator.next().dateTime();
            assertThat(ts).isGreaterThanOrEqualTo(previous);
            previous = ts;
        }
    }

    @Test
    void outOfOrderGroupsPermuteEventsWithinTheGroup() {
        int group = 100;
        GeneratorConfig config = GeneratorConfig.builder().numEvents(10 * group)
                .firstEventRate(1000).outOfOrderGroupSize(group).build();
        List<Long> ids = new ArrayList<>();
        NexmarkGenerator generator = new NexmarkGenerator(config);
        for (int i = 0; i < 10 * group; i++) {
            long id = generator.getNextEventId();
            ids.add(id);
            long ts = generator.next().dateTime();
            long groupStart = i / group * group;
            assertThat(id).isBetween(groupStart, groupStart + group - 1);
            assertThat(ts).isEqualTo(id); // one event per millisecond
        }
        assertThat(ids).doesNotHaveDuplicates().isNotEqualTo(ids.stream().sorted().toList());
    }

    @Test
    void anUnboundedStreamDoesNotEnd() {
        NexmarkGenerator generator = new NexmarkGenerator(GeneratorConfig.defaults());
        assertThat(generator.hasNext()).isTrue();
        generator = new NexmarkGenerator(GeneratorConfig.defaults(), Long.MAX_VALUE - 3,
                Long.MAX_VALUE, 2);
        generator.next();
        generator.next();
        assertThat(generator.hasNext()).isFalse();
        assertThatThrownBy(generator::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void theFirstEventsArePinned() {
        // Guards against accidental changes of the generated stream.
        Person p = EVENTS.get(0).newPerson;
        assertThat(List.of(p.name, p.emailAddress, p.creditCard, p.city, p.state))
                .containsExactly("Peter Jones", "nhd@xcat.com", "7241 7320 9143 4888", "Portland",
                        "WY");
        assertThat(p.extra).startsWith("WN_HS_bnpkkiwhwana").hasSize(156);
        Auction a = EVENTS.get(1).newAuction;
        assertThat(new Auction(a.id, a.itemName, a.description, a.initialBid, a.reserve,
                a.dateTime, a.expires, a.seller, a.category, null))
                .isEqualTo(new Auction(1000, "wkx mgee", "eszpqxtdxrvwmmywkmogoahf", 28873, 29448,
                        0, 1, 1000, 13, null));
        Bid b = EVENTS.get(4).bid;
        assertThat(new Bid(b.auction, b.bidder, b.price, b.channel, b.url, b.dateTime, null))
                .isEqualTo(new Bid(1000, 1001, 32530001, "Google",
                        "https://www.nexmark.com/cozb/_r_/r_cg/item.htm?query=1", 0, null));
        assertThat(b.extra).startsWith("sbolvyqwgticfdrwdyiyofzi");
    }

    @Test
    void eventsAreSerializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(EVENTS.subList(0, 50)));
        }
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(EVENTS.subList(0, 50));
        }
    }

    @Test
    void invalidConfigurationsAreRefused() {
        assertThatThrownBy(() -> GeneratorConfig.builder().firstEventRate(0).build())
                .hasMessageContaining("firstEventRate");
        assertThatThrownBy(() -> GeneratorConfig.builder().proportions(0, 3, 46).build())
                .hasMessageContaining("personProportion");
        assertThatThrownBy(() -> new NexmarkGenerator(CONFIG, 0, N + 1, 1))
                .hasMessageContaining("Not a slice");
    }
}
