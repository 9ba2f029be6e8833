package dev.sluice.streams.internals;

import dev.sluice.runtime.metrics.OperatorMetrics;
import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the records an aggregation or join cannot take (a null key; for aggregations a null
 * value, as Kafka Streams does), counting them in the metric {@code droppedRecords} and logging the
 * first one and then every 1000th, so that nothing is lost silently.
 */
final class DroppingFilter<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T> {
  private static final Logger LOG = LoggerFactory.getLogger(DroppingFilter.class);
  public static final String METRIC = "droppedRecords";

  private final Predicate<T> keep;
  private final String why;
  private OperatorMetrics.Counter dropped;

  DroppingFilter(Predicate<T> keep, String why) {
    this.keep = keep;
    this.why = why;
  }

  @Override
  public void open() {
    dropped = context.metrics().counter(METRIC);
  }

  @Override
  public void processElement(T value, long timestamp) {
    if (keep.test(value)) {
      output.collect(value, timestamp);
      return;
    }
    dropped.inc();
    long n = dropped.getCount();
    if (n == 1 || n % 1000 == 0) {
      LOG.warn("{} ({}): dropped {} ({} dropped so far; metric {}.{})", context.operatorName(),
          context.taskInfo().getTaskNameWithSubtasks(), value, n, context.operatorName(), METRIC);
    }
  }
}
