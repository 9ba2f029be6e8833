package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.functions.RichMapFunction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;

/**
 * Query 13, bounded side input join: every bid enriched with the row of a static side input whose
 * key is {@code auction % sideInputSize}.
 *
 * <p>The standard reads the side input from a file of {@code sideInputSize} rows {@code (i,
 * "i")}. Here each parallel instance builds the same rows in memory when it opens ({@link
 * QueryContext#sideInputSize()} rows, {@link #sideValue}), so a lookup is an array access.
 */
public final class Query13 implements NexmarkQuery {
  /** A bid with the value of its side input row. */
  public record Result(long auction, long bidder, long price, long dateTime, String value) {}

  /** The value of side input row {@code key}: its decimal string, as in the standard's file. */
  static String sideValue(long key) {
    return Long.toString(key);
  }

  @Override
  public String name() {
    return "q13";
  }

  @Override
  public String description() {
    return "Bounded side input join: bids enriched from a static table";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events).map(new SideInputLookup(context.sideInputSize()))
        .name("q13 Side input join");
  }

  /** Looks bids up in the side input it builds when opened. */
  static final class SideInputLookup extends RichMapFunction<Bid, Result> {
    private static final long serialVersionUID = 1L;

    private final int size;
    private transient String[] values;

    SideInputLookup(int size) {
      if (size <= 0) {
        throw new IllegalArgumentException("The side input needs at least one row, got " + size);
      }
      this.size = size;
    }

    @Override
    public void open(OpenContext openContext) {
      values = new String[size];
      for (int key = 0; key < size; key++) {
        values[key] = sideValue(key);
      }
    }

    @Override
    public Result map(Bid b) {
      return new Result(b.auction, b.bidder, b.price, b.dateTime, values[(int) (b.auction % size)]);
    }
  }
}
