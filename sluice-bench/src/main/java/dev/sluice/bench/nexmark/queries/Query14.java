package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;

/**
 * Query 14, calculation: bids whose price in euros is between 1,000,000 and 50,000,000 (both
 * exclusive), with that price, the part of the day they were placed in ({@code dayTime} for hours
 * 8 to 18, {@code nightTime} for hours up to 6 and from 20, {@code otherTime} else; UTC) and the
 * number of {@code 'c'} characters in {@code extra} (the standard's user function {@code
 * count_char}). The SQL's {@code DECIMAL(23, 3)} price is a {@code double} here.
 */
public final class Query14 implements NexmarkQuery {
  /** A converted bid. */
  public record Result(long auction, long bidder, double price, String bidTimeType, long dateTime,
      String extra, long cCounts) {}

  @Override
  public String name() {
    return "q14";
  }

  @Override
  public String description() {
    return "Calculation: converted prices, time of day and a user function over expensive bids";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .filter(b -> {
          double euros = Query1.EUROS_PER_DOLLAR * b.price;
          return euros > 1_000_000 && euros < 50_000_000;
        }).name("q14 Price range")
        .map(b -> new Result(b.auction, b.bidder, Query1.EUROS_PER_DOLLAR * b.price,
            bidTimeType(Times.hour(b.dateTime)), b.dateTime, b.extra, countChar(b.extra, 'c')))
        .returns(Result.class).name("q14 Calculate");
  }

  /** The part of the day an hour is in. */
  static String bidTimeType(int hour) {
    if (hour >= 8 && hour <= 18) {
      return "dayTime";
    }
    if (hour <= 6 || hour >= 20) {
      return "nightTime";
    }
    return "otherTime";
  }

  /** How many times {@code c} occurs in {@code s}: the standard's user function {@code count_char}. */
  static long countChar(String s, char c) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
