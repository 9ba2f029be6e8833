package dev.sluice.connector.datagen.source;

import dev.sluice.connector.base.VersionedCodecs;
import dev.sluice.core.io.SimpleVersionedSerializer;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
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
 * <p>The indexes are dealt round robin into one split per reader — reader {@code i} of {@code n}
 * generates {@code i, i + n, i + 2n, …} — so all readers move through the index space (and any
 * event time derived from it) together, and a parallel unbounded source does not leave one reader
 * at index 2<sup>62</sup> while another is at 0. A reader's position is its checkpoint state. A rate limit applies to the whole
 * source and is divided evenly among the readers. Pacing never blocks the worker thread: a reader
 * that is ahead of schedule reports that nothing is available and is polled again later.
 *
 * @param <OUT> the type of the generated records
 */
public class DataGeneratorSource<OUT>
    implements Source<OUT, DataGeneratorSource.GeneratorSplit, List<DataGeneratorSource.GeneratorSplit>> {
  private static final long serialVersionUID = 1L;

  /**
   * The indexes {@code next, next + stride, …} up to {@code last} (inclusive; {@code next > last}
   * when the split is done).
   */
  public record GeneratorSplit(String splitId, long next, long last, long stride)
      implements dev.sluice.api.connector.source.SourceSplit {}

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
  public SplitEnumerator<GeneratorSplit, List<GeneratorSplit>> createEnumerator(
      SplitEnumeratorContext<GeneratorSplit> context) {
    return new StaticSplitEnumerator<>(context, splits(count, Math.max(1, context.currentParallelism())));
  }

  @Override
  public SplitEnumerator<GeneratorSplit, List<GeneratorSplit>> restoreEnumerator(
      SplitEnumeratorContext<GeneratorSplit> context, List<GeneratorSplit> checkpoint) {
    return new StaticSplitEnumerator<>(context, checkpoint);
  }

  /** The indexes {@code 0..count-1} dealt round robin into at most {@code pieces} splits. */
  static List<GeneratorSplit> splits(long count, int pieces) {
    List<GeneratorSplit> splits = new ArrayList<>();
    int n = (int) Math.min(pieces, count);
    for (int i = 0; i < n; i++) {
      long last = i + (count - 1 - i) / n * n;
      splits.add(new GeneratorSplit(String.valueOf(i), i, last, n));
    }
    return splits;
  }

  @Override
  public SourceReader<OUT, GeneratorSplit> createReader(SourceReaderContext context) {
    return new DataGeneratorReader<>(context, copyOfFunction(),
        rateLimiterStrategy.createRateLimiter(Math.max(1, context.currentParallelism())));
  }

  /** Each reader gets its own copy, so that a function with fields is not shared by threads. */
  private GeneratorFunction<Long, OUT> copyOfFunction() {
    FunctionCopies.Serialized<GeneratorFunction<Long, OUT>> serialized =
        FunctionCopies.serialize(generatorFunction);
    return serialized == null ? generatorFunction : serialized.copy();
  }

  private static final VersionedCodecs.Writer<GeneratorSplit> SPLIT_WRITER = (s, out) -> {
    out.writeUTF(s.splitId());
    out.writeLong(s.next());
    out.writeLong(s.last());
    out.writeLong(s.stride());
  };
  private static final VersionedCodecs.Reader<GeneratorSplit> SPLIT_READER =
      (v, in) -> new GeneratorSplit(in.readUTF(), in.readLong(), in.readLong(), in.readLong());

  @Override
  public SimpleVersionedSerializer<GeneratorSplit> getSplitSerializer() {
    return VersionedCodecs.of(1, SPLIT_WRITER, SPLIT_READER);
  }

  @Override
  public SimpleVersionedSerializer<List<GeneratorSplit>> getEnumeratorCheckpointSerializer() {
    return VersionedCodecs.listOf(1, SPLIT_WRITER, SPLIT_READER);
  }
}
