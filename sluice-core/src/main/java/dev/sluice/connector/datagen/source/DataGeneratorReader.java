package dev.sluice.connector.datagen.source;

import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.connector.datagen.source.DataGeneratorSource.GeneratorSplit;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The reader of {@link DataGeneratorSource}: maps the indexes of its splits through the generator
 * function, at most {@link #MAX_RECORDS_PER_POLL} per poll and no more than its rate limiter
 * permits at the current processing time.
 */
final class DataGeneratorReader<OUT> implements SourceReader<OUT, GeneratorSplit> {
  static final int MAX_RECORDS_PER_POLL = 256;

  private final SourceReaderContext context;
  private final GeneratorFunction<Long, OUT> function;
  private final RateLimiter rateLimiter;
  private final ArrayDeque<GeneratorSplit> splits = new ArrayDeque<>();
  private boolean noMoreSplits;
  private boolean requested;
  private boolean reading;
  private String currentId;
  private long next;
  private long last;
  private long stride;
  private boolean opened;

  DataGeneratorReader(SourceReaderContext context, GeneratorFunction<Long, OUT> function,
      RateLimiter rateLimiter) {
    this.context = context;
    this.function = function;
    this.rateLimiter = rateLimiter;
  }

  @Override
  public void start() {
    try {
      function.open(context);
      opened = true;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("The generator function failed to open: " + e, e);
    }
    request();
  }

  private void request() {
    requested = true;
    context.sendSplitRequest();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<OUT> output) throws Exception {
    if (!reading) {
      GeneratorSplit split = splits.pollFirst();
      if (split == null) {
        if (noMoreSplits) {
          return InputStatus.END_OF_INPUT;
        }
        if (!requested) {
          request();
        }
        return InputStatus.NOTHING_AVAILABLE;
      }
      currentId = split.splitId();
      next = split.next();
      last = split.last();
      stride = split.stride();
      reading = true;
      if (next > last) {
        reading = false;
        return InputStatus.MORE_AVAILABLE;
      }
    }
    long budget = MAX_RECORDS_PER_POLL;
    if (!rateLimiter.isUnlimited()) {
      budget = Math.min(budget, rateLimiter.availablePermits(context.currentProcessingTime()));
      if (budget <= 0) {
        return InputStatus.NOTHING_AVAILABLE;
      }
    }
    long emitted = 0;
    boolean done = false;
    try {
      while (emitted < budget) {
        output.collect(function.map(next));
        emitted++;
        if (last - next < stride) { // the last index: next + stride could overflow
          done = true;
          break;
        }
        next += stride;
      }
    } finally {
      // On a failure, the records emitted so far count against the rate.
      rateLimiter.acquire(emitted);
    }
    if (done) {
      next = last + 1;
      reading = false;
      if (splits.isEmpty() && !noMoreSplits && !requested) {
        request();
      }
    }
    return InputStatus.MORE_AVAILABLE;
  }

  @Override
  public List<GeneratorSplit> snapshotState(long checkpointId) {
    List<GeneratorSplit> state = new ArrayList<>(splits.size() + 1);
    if (reading) {
      state.add(new GeneratorSplit(currentId, next, last, stride));
    }
    state.addAll(splits);
    return state;
  }

  @Override
  public void addSplits(List<GeneratorSplit> newSplits) {
    splits.addAll(newSplits);
    requested = false;
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    requested = false;
  }

  @Override
  public void close() throws Exception {
    if (opened) {
      opened = false;
      function.close();
    }
  }
}
