package dev.sluice.streams.internals;

import dev.sluice.runtime.checkpoint.SnapshotContext;
import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.runtime.state.InternalValueState;

/**
 * Base of the keyed operators that produce a table: keyed value state for the current value of
 * each key (checkpointed, so no changelog topic) and the record cache. Cached updates are emitted
 * every commit interval (a processing-time callback) and before each checkpoint barrier, so a
 * checkpoint never holds updates that were computed but not yet emitted.
 */
abstract class TableOperator<K, V> extends AbstractStreamOperator<Change<K, V>> {
  private final TableSettings settings;
  protected ChangeForwarder<K, V> forwarder;

  TableOperator(TableSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open() throws Exception {
    forwarder = new ChangeForwarder<>(output, settings);
    if (settings.caching() && settings.commitIntervalMs() > 0) {
      scheduleFlush();
    }
  }

  private void scheduleFlush() {
    long next = context.currentProcessingTime() + settings.commitIntervalMs();
    context.processingTimeService().schedule(next, time -> {
      forwarder.flush();
      scheduleFlush();
    });
  }

  protected <T> InternalValueState<T> state(String name) {
    return context.keyedState().valueState(name);
  }

  @SuppressWarnings("unchecked")
  protected K currentKey() {
    return (K) context.keyedState().currentKey();
  }

  @Override
  public void snapshotState(SnapshotContext snapshot) throws Exception {
    forwarder.flush();
    super.snapshotState(snapshot);
  }

  @Override
  public void finish() throws Exception {
    forwarder.flush();
  }
}
