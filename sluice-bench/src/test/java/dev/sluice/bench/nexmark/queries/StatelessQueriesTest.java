package dev.sluice.bench.nexmark.queries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The queries that look at one bid at a time, against plain Java over the same events. */
class StatelessQueriesTest {
  private static final List<Bid> BIDS = bids(QueryRun.events(QueryRun.CONFIG));

  static List<QueryRun.Setup> setups() {
    return List.of(new QueryRun.Setup(1, QueryRun.Watermarks.PUNCTUATED),
        new QueryRun.Setup(2, QueryRun.Watermarks.PERIODIC));
  }

  static List<Bid> bids(List<Event> events) {
    return events.stream().filter(e -> e.type == Event.Type.BID).map(e -> e.bid).toList();
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q0PassesEveryBidThrough(QueryRun.Setup setup) {
    List<Bid> out = QueryRun.run(new Query0(), setup);
    QueryRun.assertSameElements(out, BIDS);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q1ConvertsPricesToEuros(QueryRun.Setup setup) {
    List<Query1.Result> expected = BIDS.stream()
        .map(b -> new Query1.Result(b.auction, b.bidder, b.price * 0.908, b.dateTime, b.extra))
        .toList();
    QueryRun.assertSameElements(QueryRun.<Query1.Result>run(new Query1(), setup), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q2SelectsAuctionsDivisibleBy123(QueryRun.Setup setup) {
    List<Query2.Result> expected = new ArrayList<>();
    for (Bid b : BIDS) {
      if (b.auction % 123 == 0) {
        expected.add(new Query2.Result(b.auction, b.price));
      }
    }
    assertThat(expected).isNotEmpty();
    QueryRun.assertSameElements(QueryRun.<Query2.Result>run(new Query2(), setup), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q10WritesEveryBidAsACsvRowWithItsDayAndMinute(QueryRun.Setup setup, @TempDir Path dir)
      throws IOException {
    DateTimeFormatter timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    List<String> expectedLines = new ArrayList<>();
    List<Query10.Row> expectedRows = new ArrayList<>();
    for (Bid b : BIDS) {
      ZonedDateTime t = Instant.ofEpochMilli(b.dateTime).atZone(ZoneOffset.UTC);
      String dt = t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd"));
      String hm = t.format(DateTimeFormatter.ofPattern("HH:mm"));
      expectedRows.add(new Query10.Row(b.auction, b.bidder, b.price, b.dateTime, b.extra, dt, hm));
      expectedLines.add(String.join(",", Long.toString(b.auction), Long.toString(b.bidder),
          Long.toString(b.price), t.format(timestamp), b.extra, dt, hm));
    }
    assertThat(expectedRows).extracting(Query10.Row::dt).containsOnly("2023-11-14", "2023-11-15");

    List<Query10.Row> rows =
        QueryRun.run(new Query10(), setup, QueryRun.CONFIG, QueryContext.defaults(dir));

    QueryRun.assertSameElements(rows, expectedRows);
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(f.getFileName().toString()).startsWith("part-");
        String[] columns = Files.readAllLines(f).get(0).split(",");
        String dt = columns[columns.length - 2];
        String hm = columns[columns.length - 1];
        assertThat(dir.relativize(f.getParent()).toString())
            .as("a file in the directory of its rows' partition")
            .isEqualTo("dt=" + dt + "/hm=" + hm.replace(':', '-'));
        lines.addAll(Files.readAllLines(f));
      }
    }
    QueryRun.assertSameElements(lines, expectedLines);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q13JoinsBidsWithTheSideInput(QueryRun.Setup setup) {
    int rows = 37;
    List<Query13.Result> expected = BIDS.stream()
        .map(b -> new Query13.Result(b.auction, b.bidder, b.price, b.dateTime,
            String.valueOf(b.auction % rows)))
        .toList();
    List<Query13.Result> out = QueryRun.run(new Query13(), setup, QueryRun.CONFIG,
        new QueryContext(Path.of("unused"), rows));
    QueryRun.assertSameElements(out, expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q14CalculatesOverExpensiveBids(QueryRun.Setup setup) {
    // one event per second from 06:30 UTC: night, other and day time
    GeneratorConfig config = QueryRun.CONFIG.toBuilder()
        .numEvents(10_000).firstEventRate(1).baseTime(6 * 3_600_000L + 1_800_000L).build();
    List<Query14.Result> expected = new ArrayList<>();
    for (Bid b : bids(QueryRun.events(config))) {
      double euros = 0.908 * b.price;
      if (euros > 1_000_000 && euros < 50_000_000) {
        int hour = Instant.ofEpochMilli(b.dateTime).atZone(ZoneOffset.UTC).getHour();
        String type = hour >= 8 && hour <= 18 ? "dayTime"
            : hour <= 6 || hour >= 20 ? "nightTime" : "otherTime";
        long cs = b.extra.chars().filter(c -> c == 'c').count();
        expected.add(new Query14.Result(b.auction, b.bidder, euros, type, b.dateTime, b.extra, cs));
      }
    }
    assertThat(expected).extracting(Query14.Result::bidTimeType)
        .contains("dayTime", "nightTime", "otherTime");
    List<Query14.Result> out = QueryRun.run(new Query14(), setup, config,
        QueryContext.defaults(Path.of("unused")));
    QueryRun.assertSameElements(out, expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q21ExtractsChannelIds(QueryRun.Setup setup) {
    Pattern parameter = Pattern.compile("(&|^)channel_id=([^&]*)");
    List<String> hot = List.of("apple", "google", "facebook", "baidu");
    List<Query21.Result> expected = new ArrayList<>();
    for (Bid b : BIDS) {
      int h = hot.indexOf(b.channel.toLowerCase(Locale.ROOT));
      Matcher m = parameter.matcher(b.url);
      String id = h >= 0 ? Integer.toString(h) : m.find() ? m.group(2) : null;
      if (id != null) {
        expected.add(new Query21.Result(b.auction, b.bidder, b.price, b.channel, id));
      }
    }
    assertThat(expected).hasSizeLessThan(BIDS.size()).extracting(Query21.Result::channelId)
        .contains("0", "1", "2", "3");
    QueryRun.assertSameElements(QueryRun.<Query21.Result>run(new Query21(), setup), expected);
  }

  @ParameterizedTest
  @MethodSource("setups")
  void q22SplitsUrls(QueryRun.Setup setup) {
    List<Query22.Result> expected = new ArrayList<>();
    for (Bid b : BIDS) {
      String[] parts = b.url.split("/", -1);
      expected.add(new Query22.Result(b.auction, b.bidder, b.price, b.channel, parts[3], parts[4],
          parts[5]));
    }
    QueryRun.assertSameElements(QueryRun.<Query22.Result>run(new Query22(), setup), expected);
  }
}
