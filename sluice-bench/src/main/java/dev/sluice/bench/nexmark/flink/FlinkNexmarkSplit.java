package dev.sluice.bench.nexmark.flink;

import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.generator.NexmarkGenerator;
import dev.sluice.bench.nexmark.source.NexmarkSplit;
import java.io.IOException;
import java.util.Iterator;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;

/**
 * A {@link NexmarkSplit} (positions {@code next, next + stride, …} below {@code end}) as a Flink
 * split: its iterator is a {@link NexmarkGenerator} over those positions whose events it turns
 * into rows ({@link NexmarkRows#toRow}). The serialized form is {@link NexmarkSplit#toBytes()}.
 *
 * @param split the positions
 * @param config the stream the positions belong to
 */
record FlinkNexmarkSplit(NexmarkSplit split, GeneratorConfig config)
        implements IteratorSourceSplit<RowData, FlinkNexmarkSplit.Rows> {

    @Override
    public String splitId() {
        return split.splitId();
    }

    @Override
    public Rows getIterator() {
        return new Rows(new NexmarkGenerator(config, split.next(), split.end(), split.stride()));
    }

    @Override
    public FlinkNexmarkSplit getUpdatedSplitForIterator(Rows rows) {
        return new FlinkNexmarkSplit(split.at(rows.events.getNextPosition()), config);
    }

    /** The rows of a generator's events. */
    static final class Rows implements Iterator<RowData> {
        private final NexmarkGenerator events;

        Rows(NexmarkGenerator events) {
            this.events = events;
        }

        @Override
        public boolean hasNext() {
            return events.hasNext();
        }

        @Override
        public RowData next() {
            return NexmarkRows.toRow(events.next());
        }
    }

    /** Writes the positions only; the configuration comes with the source. */
    static final class Serializer implements SimpleVersionedSerializer<FlinkNexmarkSplit> {
        private final GeneratorConfig config;

        Serializer(GeneratorConfig config) {
            this.config = config;
        }

        @Override
        public int getVersion() {
            return NexmarkSplit.VERSION;
        }

        @Override
        public byte[] serialize(FlinkNexmarkSplit split) {
            return split.split().toBytes();
        }

        @Override
        public FlinkNexmarkSplit deserialize(int version, byte[] bytes) throws IOException {
            try {
                return new FlinkNexmarkSplit(NexmarkSplit.fromBytes(bytes), config);
            } catch (IllegalArgumentException e) {
                throw new IOException(e);
            }
        }
    }
}
