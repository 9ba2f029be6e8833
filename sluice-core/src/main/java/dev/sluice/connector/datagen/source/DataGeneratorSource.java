package dev.sluice.connector.datagen.source;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import dev.sluice.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.connector.base.StaticSplitEnumerator;
import dev.sluice.runtime.graph.FunctionCopies;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates {@code generatorFunction.map(i)} for every index {@code i} in {@code 0..count-1}, in
 * parallel, optionally at a limited rate. A count of {@link Long#MAX_VALUE} makes the source
 * unbounded (in practice: it never ends).
 *
 * <p>The index range is cut into splits, a few per reader, that readers take on request; a
 * reader's position in its splits is its checkpoint state. A rate limit applies to the whole
 * source and is divided evenly among the readers. Pacing never blocks the worker thread: a reader
 * that is ahead of schedule reports that nothing is available and is polled again later.
 *
 * @param <OUT> the type of the generated records
 */
public class DataGeneratorSource<OUT>
    implements Source<OUT, NumberSequenceSplit, List<NumberSequenceSplit>> {
  private static final long serialVersionUID = 1L;
  private static final int SPLITS_PER_READER = 4;

  private final GeneratorFunction<Long, OUT> generatorFunction;
  private final long count;
  private final RateLimiterStrategy rateLimiterStrategy;
  private final TypeInformation<OUT> typeInfo;

  /** {@code count} records as fast as the job takes them. */
  public DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count,
      TypeInformation<OUT> typeInfo) {
    this(generatorFunction, count, RateLimiterStrategy.noOp(), typeInfo);
  }

  /** {@code count} records at the pace of {@code rateLimiterStrategy}. */
  public DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count,
      RateLimiterStrategy rateLimiterStrategy, TypeInformation<OUT> typeInfo) {
    this.generatorFunction = Objects.requireNonNull(generatorFunction, "generatorFunction");
    this.rateLimiterStrategy = Objects.requireNonNull(rateLimiterStrategy, "rateLimiterStrategy");
    this.typeInfo = typeInfo;
    if (count < 0) {
      throw new IllegalArgumentException("The count must not be negative, got " + count);
    }
    this.count = count;
  }

  /** The type of the generated records, as given to the constructor. */
  public TypeInformation<OUT> getProducedType() {
    return typeInfo;
  }

  public long getCount() {
    return count;
  }

  public RateLimiterStrategy getRateLimiterStrategy() {
    return rateLimiterStrategy;
  }

  @Override
  public Boundedness getBoundedness() {
    return count == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> createEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context) {
    return new StaticSplitEnumerator<>(context,
        splits(count, Math.max(1, context.currentParallelism()) * SPLITS_PER_READER));
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> restoreEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context, List<NumberSequenceSplit> checkpoint) {
    return new StaticSplitEnumerator<>(context, checkpoint);
  }

  /** The indexes {@code 0..count-1} cut into at most {@code pieces} contiguous, non-empty ranges. */
  static List<NumberSequenceSplit> splits(long count, int pieces) {
    List<NumberSequenceSplit> splits = new ArrayList<>();
    if (count == 0) {
      return splits;
    }
    int n = (int) Math.min(pieces, count);
    long start = 0;
    for (int i = 0; i < n; i++) {
      long size = count / n + (i < count % n ? 1 : 0);
      splits.add(new NumberSequenceSplit(String.valueOf(i), start, start + size - 1));
      start += size;
    }
    return splits;
  }

  @Override
  public SourceReader<OUT, NumberSequenceSplit> createReader(SourceReaderContext context) {
    return new DataGeneratorReader<>(context, copyOfFunction(),
        rateLimiterStrategy.createRateLimiter(Math.max(1, context.currentParallelism())));
  }

  /** Each reader gets its own copy, so that a function with fields is not shared by threads. */
  private GeneratorFunction<Long, OUT> copyOfFunction() {
    FunctionCopies.Serialized<GeneratorFunction<Long, OUT>> serialized =
        FunctionCopies.serialize(generatorFunction);
    return serialized == null ? generatorFunction : serialized.copy();
  }
}
