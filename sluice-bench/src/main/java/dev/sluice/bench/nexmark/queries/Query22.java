package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;

/**
 * Query 22, URL directories: every bid with the fields 3, 4 and 5 (counting from 0) of its URL
 * split at {@code '/'}, keeping empty fields, as the SQL's {@code SPLIT_INDEX(url, '/', i)}; a
 * field past the end is null. For {@code https://www.nexmark.com/a/b/c/item.htm?query=1} they are
 * {@code a}, {@code b} and {@code c}.
 */
public final class Query22 implements NexmarkQuery {
  /** A bid with three directories of its URL. */
  public record Result(long auction, long bidder, long price, String channel, String dir1,
      String dir2, String dir3) {}

  @Override
  public String name() {
    return "q22";
  }

  @Override
  public String description() {
    return "URL directories: split the bid URL at '/'";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events).map(b -> {
      String url = b.url;
      int start3 = fieldStart(url, 3);
      int start4 = next(url, start3);
      int start5 = next(url, start4);
      return new Result(b.auction, b.bidder, b.price, b.channel, field(url, start3),
          field(url, start4), field(url, start5));
    }).returns(Result.class).name("q22 Split URL");
  }

  /** Where field {@code index} of {@code s} starts, or -1 when there is no such field. */
  private static int fieldStart(String s, int index) {
    int start = 0;
    for (int i = 0; i < index && start >= 0; i++) {
      start = next(s, start);
    }
    return start;
  }

  /** Where the field after the one starting at {@code start} starts, or -1. */
  private static int next(String s, int start) {
    if (start < 0) {
      return -1;
    }
    int slash = s.indexOf('/', start);
    return slash < 0 ? -1 : slash + 1;
  }

  private static String field(String s, int start) {
    if (start < 0) {
      return null;
    }
    int end = s.indexOf('/', start);
    return s.substring(start, end < 0 ? s.length() : end);
  }
}
