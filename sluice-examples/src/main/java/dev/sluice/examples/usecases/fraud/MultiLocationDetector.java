package dev.sluice.examples.usecases.fraud;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.examples.usecases.EventTimeOrderedFunction;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Per card, in event-time order: keeps the card's transactions of the last {@code spanMillis}
 * (those with {@code t.timestamp - spanMillis <= timestamp <= t.timestamp}) and emits a {@link
 * FraudAlert} for every transaction {@code t} when they, with {@code t}, were made in two or more
 * different locations. A timer at {@code timestamp + spanMillis} forgets each transaction once no
 * later one can be within the span, so a quiet card keeps no state.
 */
public class MultiLocationDetector extends EventTimeOrderedFunction<String, Transaction, FraudAlert> {
  private static final long serialVersionUID = 1L;

  private final long spanMillis;
  private transient ListState<Transaction> recent;

  public MultiLocationDetector(long spanMillis, OutputTag<Transaction> lateTag) {
    super(TypeInformation.of(Transaction.class), lateTag);
    if (spanMillis < 0) {
      throw new IllegalArgumentException("The span must not be negative, got " + spanMillis);
    }
    this.spanMillis = spanMillis;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    recent = getRuntimeContext().getListState(new ListStateDescriptor<>("recent", Transaction.class));
  }

  @Override
  protected Comparator<Transaction> tieOrder() {
    return Transaction.EVENT_TIME_ORDER;
  }

  @Override
  protected void processInOrder(Transaction tx, long timestamp, OnTimerContext ctx,
      Collector<FraudAlert> out) throws Exception {
    List<Transaction> kept = new ArrayList<>();
    TreeSet<String> locations = new TreeSet<>();
    long since = timestamp;
    for (Transaction earlier : recent.get()) {
      if (earlier.timestamp() >= timestamp - spanMillis) {
        kept.add(earlier);
        locations.add(earlier.location());
        since = Math.min(since, earlier.timestamp());
      }
    }
    kept.add(tx);
    locations.add(tx.location());
    if (locations.size() >= 2) {
      out.collect(new FraudAlert(tx.cardId(), tx.transactionId(), timestamp, new ArrayList<>(locations),
          since));
    }
    recent.update(kept);
    ctx.timerService().registerEventTimeTimer(timestamp + spanMillis);
  }

  /** Forgets transactions that no transaction still to come can be within the span of. */
  @Override
  protected void onEventTime(long timestamp, OnTimerContext ctx, Collector<FraudAlert> out)
      throws Exception {
    // Transactions still to come are after the watermark, so after `timestamp`.
    List<Transaction> kept = new ArrayList<>();
    for (Transaction tx : recent.get()) {
      if (tx.timestamp() > timestamp - spanMillis) {
        kept.add(tx);
      }
    }
    if (kept.isEmpty()) {
      recent.clear();
    } else {
      recent.update(kept);
    }
  }
}
