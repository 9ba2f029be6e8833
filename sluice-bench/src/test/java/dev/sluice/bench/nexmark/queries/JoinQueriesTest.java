package dev.sluice.bench.nexmark.queries;

import static dev.sluice.bench.nexmark.queries.QueryRun.lastPerKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.bench.nexmark.model.Auction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.bench.nexmark.model.Person;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The queries that join persons, auctions and bids, against nested loops over the same events. */
class JoinQueriesTest {
  private static final List<Event> EVENTS = QueryRun.events(QueryRun.CONFIG);
  private static final List<Person> PERSONS =
      EVENTS.stream().filter(e -> e.type == Event.Type.PERSON).map(e -> e.newPerson).toList();
  private static final List<Auction> AUCTIONS =
      EVENTS.stream().filter(e -> e.type == Event.Type.AUCTION).map(e -> e.newAuction).toList();
  private static final List<Bid> BIDS = StatelessQueriesTest.bids(EVENTS);

  static List<QueryRun.Setup> setups() {
    return QueryRun.setups();
  }

  private static final Map<Long, Auction> AUCTION_BY_ID = new HashMap<>();

  static {
    AUCTIONS.forEach(a -> AUCTION_BY_ID.put(a.id, a));
  }

  private static boolean during(Auction a, Bid b) {
    return b.auction == a.id && a.dateTime <= b.dateTime && b.dateTime <= a.expires;
  }

  /** Per auction with a bid during its life: the highest, earliest of equal ones. */
  private static List<WinningBid> winners() {
    Map<Long, Bid> best = new HashMap<>();
    for (Bid b : BIDS) {
      Auction a = AUCTION_BY_ID.get(b.auction);
      if (a != null && during(a, b)) {
        best.merge(a.id, b, (x, y) -> y.price > x.price
            || y.price == x.price && y.dateTime < x.dateTime ? y : x);
      }
    }
    List<WinningBid> winners = new ArrayList<>();
    best.forEach((id, b) -> winners.add(new WinningBid(AUCTION_BY_ID.get(id), b)));
    return winners;
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q3JoinsCategory10AuctionsWithSellersInOregonIdahoCalifornia(QueryRun.Setup setup) {
    List<Query3.Result> expected = new ArrayList<>();
    for (Auction a : AUCTIONS) {
      for (Person p : PERSONS) {
        if (a.category == 10 && a.seller == p.id && Set.of("OR", "ID", "CA").contains(p.state)) {
          expected.add(new Query3.Result(p.name, p.city, p.state, a.id));
        }
      }
    }
    assertThat(expected).hasSizeGreaterThan(10);
    QueryRun.assertSameElements(QueryRun.<Query3.Result>run(new Query3(), setup), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q4AveragesWinningPricesPerCategory(QueryRun.Setup setup) {
    Map<Long, long[]> sums = new HashMap<>();
    List<WinningBid> winners = winners();
    for (WinningBid w : winners) {
      long[] s = sums.computeIfAbsent(w.auction().category, c -> new long[2]);
      s[0] += w.bid().price;
      s[1]++;
    }
    Map<Long, Query4.Result> expected = new HashMap<>();
    sums.forEach((c, s) -> expected.put(c, new Query4.Result(c, s[0] / s[1])));

    List<Query4.Result> out = QueryRun.run(new Query4(), setup);

    assertThat(out).hasSize(winners.size()); // one update per closed auction with a winner
    QueryRun.assertSame(lastPerKey(out, Query4.Result::category), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q6AveragesTheLastTenClosedAuctionsPerSeller(QueryRun.Setup setup) {
    Map<Long, List<WinningBid>> bySeller = new HashMap<>();
    for (WinningBid w : winners()) {
      bySeller.computeIfAbsent(w.auction().seller, s -> new ArrayList<>()).add(w);
    }
    Map<Long, Query6.Result> expected = new HashMap<>();
    bySeller.forEach((seller, ws) -> {
      List<WinningBid> sorted = new ArrayList<>(ws);
      sorted.sort(Comparator.comparingLong((WinningBid w) -> w.auction().expires)
          .thenComparingLong(w -> w.auction().id));
      List<WinningBid> last = sorted.subList(Math.max(0, sorted.size() - 10), sorted.size());
      long sum = last.stream().mapToLong(w -> w.bid().price).sum();
      expected.put(seller, new Query6.Result(seller, sum / last.size()));
    });
    assertThat(bySeller.values()).anyMatch(ws -> ws.size() > 10);

    List<Query6.Result> out = QueryRun.run(new Query6(), setup);

    QueryRun.assertSame(lastPerKey(out, Query6.Result::seller), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q8FindsPeopleWhoSoldInTheWindowTheyJoinedIn(QueryRun.Setup setup) {
    List<Query8.Result> expected = new ArrayList<>();
    for (Person p : PERSONS) {
      long start = Math.floorDiv(p.dateTime, 10_000) * 10_000;
      for (Auction a : AUCTIONS) {
        if (a.seller == p.id && Math.floorDiv(a.dateTime, 10_000) * 10_000 == start) {
          expected.add(new Query8.Result(p.id, p.name, start));
          break;
        }
      }
    }
    assertThat(expected).hasSizeGreaterThan(5);
    QueryRun.assertSameElements(QueryRun.<Query8.Result>run(new Query8(), setup), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q9FindsTheWinningBidOfEachAuction(QueryRun.Setup setup) {
    List<WinningBid> expected = winners();
    assertThat(expected).hasSizeGreaterThan(AUCTIONS.size() / 2);
    QueryRun.assertSameElements(QueryRun.<WinningBid>run(new Query9(), setup), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q20ExpandsBidsOnCategory10AuctionsDuringTheirLife(QueryRun.Setup setup) {
    List<Query20.Result> expected = new ArrayList<>();
    for (Bid b : BIDS) {
      Auction a = AUCTION_BY_ID.get(b.auction);
      if (a != null && a.category == 10 && during(a, b)) {
        expected.add(new Query20.Result(b, a));
      }
    }
    assertThat(expected).hasSizeGreaterThan(100);
    QueryRun.assertSameElements(QueryRun.<Query20.Result>run(new Query20(), setup), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q18KeepsTheLatestBidPerBidderAndAuction(QueryRun.Setup setup) {
    record Key(long bidder, long auction) {}
    Map<Key, Bid> expected = new HashMap<>();
    for (Bid b : BIDS) {
      expected.merge(new Key(b.bidder, b.auction), b, (x, y) -> y.dateTime >= x.dateTime ? y : x);
    }
    Set<Long> times = new HashSet<>();
    assertThat(BIDS).allMatch(b -> times.add(b.dateTime)); // no ties: the latest is well defined

    List<Bid> out = QueryRun.run(new Query18(), setup);

    QueryRun.assertSame(lastPerKey(out, b -> new Key(b.bidder, b.auction)), expected);
    assertThat(out.size()).isLessThanOrEqualTo(BIDS.size());
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q19RanksTheTenHighestBidsOfEachAuction(QueryRun.Setup setup) {
    record Rank(long auction, long rank) {}
    Map<Long, List<Bid>> byAuction = new HashMap<>();
    for (Bid b : BIDS) {
      byAuction.computeIfAbsent(b.auction, a -> new ArrayList<>()).add(b);
    }
    Map<Rank, Long> expected = new HashMap<>();
    byAuction.forEach((auction, bids) -> {
      List<Bid> sorted = new ArrayList<>(bids);
      sorted.sort(Comparator.comparingLong((Bid b) -> b.price).reversed());
      for (int i = 0; i < Math.min(10, sorted.size()); i++) {
        expected.put(new Rank(auction, i + 1), sorted.get(i).price);
      }
    });

    List<Query19.Result> out = QueryRun.run(new Query19(), setup);

    Map<Rank, Long> ranked = new HashMap<>();
    lastPerKey(out, r -> new Rank(r.bid().auction, r.rankNumber()))
        .forEach((rank, r) -> ranked.put(rank, r.bid().price));
    QueryRun.assertSame(ranked, expected);
    Set<Bid> bids = new HashSet<>(BIDS);
    assertThat(out).allMatch(r -> bids.contains(r.bid()));
  }
}
