package dev.sluice.bench.nexmark.source;

import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.connector.base.VersionedCodecs;
import dev.sluice.core.io.SimpleVersionedSerializer;
import java.util.List;
import java.util.Objects;

/**
 * The Nexmark event stream of a {@link GeneratorConfig}, generated in parallel: bounded when the
 * configuration has a number of events, unbounded otherwise. Each reader generates one {@link
 * NexmarkSplit} (positions {@code j, j + n, …}); records carry the event time ({@link
 * Event#dateTime()}) as their timestamp, so {@code WatermarkStrategy.forMonotonousTimestamps()}
 * fits an in-order configuration and {@code forBoundedOutOfOrderness} one with out-of-order groups.
 *
 * <pre>{@code
 * DataStream<Event> events = env.fromSource(
 *     new NexmarkSource(GeneratorConfig.builder().numEvents(10_000_000).build()),
 *     WatermarkStrategy.forMonotonousTimestamps(), "Nexmark");
 * }</pre>
 *
 * <p>A restored enumerator needs the parallelism the splits were made for.
 */
public final class NexmarkSource implements Source<Event, NexmarkSplit, List<NexmarkSplit>> {
    private static final long serialVersionUID = 1L;

    private final GeneratorConfig config;

    public NexmarkSource(GeneratorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public GeneratorConfig getConfig() {
        return config;
    }

    @Override
    public Boundedness getBoundedness() {
        return config.isUnbounded() ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<NexmarkSplit, List<NexmarkSplit>> createEnumerator(
            SplitEnumeratorContext<NexmarkSplit> context) {
        int readers = Math.max(1, context.currentParallelism());
        return new NexmarkSplitEnumerator(context, NexmarkSplit.split(config.positions(), readers));
    }

    @Override
    public SplitEnumerator<NexmarkSplit, List<NexmarkSplit>> restoreEnumerator(
            SplitEnumeratorContext<NexmarkSplit> context, List<NexmarkSplit> checkpoint) {
        return new NexmarkSplitEnumerator(context, checkpoint);
    }

    @Override
    public SourceReader<Event, NexmarkSplit> createReader(SourceReaderContext context) {
        return new NexmarkSourceReader(context, config);
    }

    /** Splits as {@link NexmarkSplit#toBytes()} writes them. */
    @Override
    public SimpleVersionedSerializer<NexmarkSplit> getSplitSerializer() {
        return VersionedCodecs.of(NexmarkSplit.VERSION, (split, out) -> {
            byte[] bytes = split.toBytes();
            out.writeInt(bytes.length);
            out.write(bytes);
        }, (version, in) -> {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return NexmarkSplit.fromBytes(bytes);
        });
    }

    /** The enumerator's unassigned splits. */
    @Override
    public SimpleVersionedSerializer<List<NexmarkSplit>> getEnumeratorCheckpointSerializer() {
        return VersionedCodecs.listOf(NexmarkSplit.VERSION, (split, out) -> {
            byte[] bytes = split.toBytes();
            out.writeInt(bytes.length);
            out.write(bytes);
        }, (version, in) -> {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return NexmarkSplit.fromBytes(bytes);
        });
    }
}
