package dev.sluice.bench.nexmark.queries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.bench.nexmark.model.Bid;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The queries over event-time windows, against plain Java over the same events. */
class WindowQueriesTest {
  private static final List<Bid> BIDS = StatelessQueriesTest.bids(QueryRun.events(QueryRun.CONFIG));
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

  static List<QueryRun.Setup> setups() {
    return QueryRun.setups();
  }

  private static String format(long millis, DateTimeFormatter f) {
    return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).format(f);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q5FindsTheAuctionsWithTheMostBidsPerSlidingWindow(QueryRun.Setup setup) {
    Set<Long> ends = new TreeSet<>();
    for (Bid b : BIDS) {
      long firstEnd = Math.floorDiv(b.dateTime, 2_000) * 2_000 + 2_000;
      for (long end = firstEnd; end < b.dateTime + 10_000 + 2_000; end += 2_000) {
        if (end - 10_000 <= b.dateTime && b.dateTime < end) {
          ends.add(end);
        }
      }
    }
    List<Query5.Result> expected = new ArrayList<>();
    for (long end : ends) {
      Map<Long, Long> counts = new HashMap<>();
      for (Bid b : BIDS) {
        if (end - 10_000 <= b.dateTime && b.dateTime < end) {
          counts.merge(b.auction, 1L, Long::sum);
        }
      }
      long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      counts.forEach((auction, n) -> {
        if (n == max) {
          expected.add(new Query5.Result(auction, n, end - 10_000, end));
        }
      });
    }
    assertThat(ends).hasSizeGreaterThan(50);
    QueryRun.assertSameElements(QueryRun.run(new Query5(), setup), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q7FindsTheHighestBidsPerTumblingWindow(QueryRun.Setup setup) {
    Map<Long, Long> maxPerWindow = new TreeMap<>();
    for (Bid b : BIDS) {
      maxPerWindow.merge(Math.floorDiv(b.dateTime, 10_000) * 10_000, b.price, Math::max);
    }
    List<Query7.Result> expected = new ArrayList<>();
    maxPerWindow.forEach((start, max) -> {
      for (Bid b : BIDS) {
        // the SQL: price = max and dateTime BETWEEN window_end - 10 s AND window_end
        if (b.price == max && start <= b.dateTime && b.dateTime <= start + 10_000) {
          expected.add(new Query7.Result(b.auction, b.bidder, b.price, b.dateTime, b.extra));
        }
      }
    });
    assertThat(maxPerWindow).hasSizeGreaterThan(5);
    QueryRun.assertSameElements(QueryRun.run(new Query7(), setup), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q11CountsBidsPerBidderSession(QueryRun.Setup setup) {
    Map<Long, List<Long>> times = new HashMap<>();
    for (Bid b : BIDS) {
      times.computeIfAbsent(b.bidder, k -> new ArrayList<>()).add(b.dateTime);
    }
    List<BidderCount> expected = new ArrayList<>();
    times.forEach((bidder, ts) -> {
      List<Long> sorted = ts.stream().sorted().toList();
      long start = sorted.get(0);
      long last = start;
      long count = 0;
      for (long t : sorted) {
        if (t - last > 10_000) { // windows [t, t + gap) that touch merge
          expected.add(new BidderCount(bidder, count, start, last + 10_000));
          start = t;
          count = 0;
        }
        last = t;
        count++;
      }
      expected.add(new BidderCount(bidder, count, start, last + 10_000));
    });
    assertThat(expected).hasSizeGreaterThan(times.size());
    QueryRun.assertSameElements(QueryRun.run(new Query11(), setup), expected);
  }

  /** Counts and distinct sets of bids, in total and per price rank, as the SQL's FILTER clauses. */
  private static final class Stats {
    final long[] bids = new long[4];
    final List<Set<Long>> bidders = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(),
        new HashSet<>());
    final List<Set<Long>> auctions = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(),
        new HashSet<>());
    String maxMinute = "";

    void add(Bid b) {
      int rank = b.price < 10_000 ? 1 : b.price < 1_000_000 ? 2 : 3;
      for (int i : new int[] {0, rank}) {
        bids[i]++;
        bidders.get(i).add(b.bidder);
        auctions.get(i).add(b.auction);
      }
      String minute = format(b.dateTime, MINUTE);
      if (minute.compareTo(maxMinute) > 0) {
        maxMinute = minute;
      }
    }

    long bidders(int i) {
      return bidders.get(i).size();
    }

    long auctions(int i) {
      return auctions.get(i).size();
    }
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q15ReportsBiddingStatisticsPerDay(QueryRun.Setup setup) {
    Map<String, Stats> perDay = new TreeMap<>();
    for (Bid b : BIDS) {
      perDay.computeIfAbsent(format(b.dateTime, DAY), d -> new Stats()).add(b);
    }
    List<Query15.Result> expected = new ArrayList<>();
    perDay.forEach((day, s) -> expected.add(new Query15.Result(day, s.bids[0], s.bids[1],
        s.bids[2], s.bids[3], s.bidders(0), s.bidders(1), s.bidders(2), s.bidders(3),
        s.auctions(0), s.auctions(1), s.auctions(2), s.auctions(3))));
    assertThat(perDay).hasSize(2);
    QueryRun.assertSameElements(QueryRun.run(new Query15(), setup), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q16ReportsStatisticsPerChannelAndDay(QueryRun.Setup setup) {
    record Key(String channel, String day) {}
    Map<Key, Stats> perKey = new HashMap<>();
    for (Bid b : BIDS) {
      perKey.computeIfAbsent(new Key(b.channel, format(b.dateTime, DAY)), k -> new Stats()).add(b);
    }
    List<Query16.Result> expected = new ArrayList<>();
    perKey.forEach((k, s) -> expected.add(new Query16.Result(k.channel(), k.day(), s.maxMinute,
        s.bids[0], s.bids[1], s.bids[2], s.bids[3], s.bidders(0), s.bidders(1), s.bidders(2),
        s.bidders(3), s.auctions(0), s.auctions(1), s.auctions(2), s.auctions(3))));
    QueryRun.assertSameElements(QueryRun.run(new Query16(), setup), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q17ReportsStatisticsPerAuctionAndDay(QueryRun.Setup setup) {
    record Key(long auction, String day) {}
    Map<Key, List<Long>> prices = new HashMap<>();
    for (Bid b : BIDS) {
      prices.computeIfAbsent(new Key(b.auction, format(b.dateTime, DAY)), k -> new ArrayList<>())
          .add(b.price);
    }
    List<Query17.Result> expected = new ArrayList<>();
    prices.forEach((k, ps) -> {
      long sum = ps.stream().mapToLong(Long::longValue).sum();
      expected.add(new Query17.Result(k.auction(), k.day(), ps.size(),
          ps.stream().filter(p -> p < 10_000).count(),
          ps.stream().filter(p -> p >= 10_000 && p < 1_000_000).count(),
          ps.stream().filter(p -> p >= 1_000_000).count(),
          ps.stream().mapToLong(Long::longValue).min().orElseThrow(),
          ps.stream().mapToLong(Long::longValue).max().orElseThrow(), sum / ps.size(), sum));
    });
    QueryRun.assertSameElements(QueryRun.run(new Query17(), setup), expected);
  }
}
