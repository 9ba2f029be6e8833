package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.functions.ProcessFunction;
import dev.sluice.util.Collector;

/**
 * Query 21, add channel id: bids with a channel id, {@code '0'} to {@code '3'} for the channels
 * Apple, Google, Facebook and Baidu (case-insensitive), else the value of the URL's {@code
 * channel_id} query parameter (the SQL's {@code REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)',
 * 2)}); bids with neither are left out. The parameter is found by a scan, not a regular expression.
 */
public final class Query21 implements NexmarkQuery {
  private static final String PARAMETER = "channel_id=";

  /** A bid with its channel id. */
  public record Result(long auction, long bidder, long price, String channel, String channelId) {}

  @Override
  public String name() {
    return "q21";
  }

  @Override
  public String description() {
    return "Add channel id: from the channel name or the URL";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events).process(new ProcessFunction<Bid, Result>() {
      @Override
      public void processElement(Bid b, Context ctx, Collector<Result> out) {
        String id = channelId(b.channel, b.url);
        if (id != null) {
          out.collect(new Result(b.auction, b.bidder, b.price, b.channel, id));
        }
      }
    }).name("q21 Channel id");
  }

  /** The channel id of a bid, or null when it has none. */
  static String channelId(String channel, String url) {
    if ("apple".equalsIgnoreCase(channel)) {
      return "0";
    }
    if ("google".equalsIgnoreCase(channel)) {
      return "1";
    }
    if ("facebook".equalsIgnoreCase(channel)) {
      return "2";
    }
    if ("baidu".equalsIgnoreCase(channel)) {
      return "3";
    }
    return parameter(url);
  }

  /** The value of the first {@code channel_id} parameter at the start or after a {@code &}. */
  private static String parameter(String url) {
    int at = url.indexOf(PARAMETER);
    while (at >= 0) {
      if (at == 0 || url.charAt(at - 1) == '&') {
        int start = at + PARAMETER.length();
        int end = url.indexOf('&', start);
        return url.substring(start, end < 0 ? url.length() : end);
      }
      at = url.indexOf(PARAMETER, at + 1);
    }
    return null;
  }
}
