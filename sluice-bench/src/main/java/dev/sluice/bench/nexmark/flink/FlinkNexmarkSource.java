package dev.sluice.bench.nexmark.flink;

import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.source.NexmarkSplit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReader;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;

/**
 * The Nexmark stream of a {@link GeneratorConfig} as a Flink (FLIP-27) source of {@link
 * NexmarkRows} rows: the same splits as Sluice's {@code NexmarkSource} (reader {@code j} of
 * {@code n} generates positions {@code j, j + n, …}, {@link NexmarkSplit#split}), so both engines
 * see the same events in the same per-reader order, whatever the parallelism. Bounded when the
 * configuration has a number of events. Readers are Flink's {@link IteratorSourceReader}.
 */
public final class FlinkNexmarkSource
        implements Source<RowData, FlinkNexmarkSplit, List<FlinkNexmarkSplit>> {
    private static final long serialVersionUID = 1L;

    private final GeneratorConfig config;

    public FlinkNexmarkSource(GeneratorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Boundedness getBoundedness() {
        return config.isUnbounded() ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<FlinkNexmarkSplit, List<FlinkNexmarkSplit>> createEnumerator(
            SplitEnumeratorContext<FlinkNexmarkSplit> context) {
        List<FlinkNexmarkSplit> splits = new ArrayList<>();
        for (NexmarkSplit split : NexmarkSplit.split(config.positions(), Math.max(1, context.currentParallelism()))) {
            splits.add(new FlinkNexmarkSplit(split, config));
        }
        return new Enumerator(context, splits);
    }

    @Override
    public SplitEnumerator<FlinkNexmarkSplit, List<FlinkNexmarkSplit>> restoreEnumerator(
            SplitEnumeratorContext<FlinkNexmarkSplit> context, List<FlinkNexmarkSplit> checkpoint) {
        return new Enumerator(context, checkpoint);
    }

    @Override
    public SourceReader<RowData, FlinkNexmarkSplit> createReader(SourceReaderContext context) {
        return new IteratorSourceReader<>(context);
    }

    @Override
    public SimpleVersionedSerializer<FlinkNexmarkSplit> getSplitSerializer() {
        return new FlinkNexmarkSplit.Serializer(config);
    }

    @Override
    public SimpleVersionedSerializer<List<FlinkNexmarkSplit>> getEnumeratorCheckpointSerializer() {
        return new CheckpointSerializer(config);
    }

    /**
     * Gives split {@code j} to subtask {@code j} when it asks, then tells it there are no more
     * (split ids are subtask indexes, as in Sluice's enumerator).
     */
    private static final class Enumerator
            implements SplitEnumerator<FlinkNexmarkSplit, List<FlinkNexmarkSplit>> {
        private final SplitEnumeratorContext<FlinkNexmarkSplit> context;
        private final Map<Integer, List<FlinkNexmarkSplit>> pending = new TreeMap<>();

        Enumerator(SplitEnumeratorContext<FlinkNexmarkSplit> context, List<FlinkNexmarkSplit> splits) {
            this.context = context;
            splits.forEach(this::addPending);
        }

        private void addPending(FlinkNexmarkSplit split) {
            pending.computeIfAbsent(Integer.parseInt(split.splitId()), k -> new ArrayList<>()).add(split);
        }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            List<FlinkNexmarkSplit> splits = pending.remove(subtaskId);
            if (splits != null) {
                splits.forEach(split -> context.assignSplit(split, subtaskId));
            }
            context.signalNoMoreSplits(subtaskId);
        }

        @Override
        public void addSplitsBack(List<FlinkNexmarkSplit> splits, int subtaskId) {
            splits.forEach(this::addPending);
        }

        @Override
        public void addReader(int subtaskId) {}

        @Override
        public List<FlinkNexmarkSplit> snapshotState(long checkpointId) {
            List<FlinkNexmarkSplit> state = new ArrayList<>();
            pending.values().forEach(state::addAll);
            return state;
        }

        @Override
        public void close() {}
    }

    /** The pending splits: a count, then each split's bytes with their length. */
    private static final class CheckpointSerializer implements SimpleVersionedSerializer<List<FlinkNexmarkSplit>> {
        private final FlinkNexmarkSplit.Serializer splits;

        CheckpointSerializer(GeneratorConfig config) {
            this.splits = new FlinkNexmarkSplit.Serializer(config);
        }

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(List<FlinkNexmarkSplit> state) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(state.size());
                for (FlinkNexmarkSplit split : state) {
                    byte[] b = splits.serialize(split);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<FlinkNexmarkSplit> deserialize(int version, byte[] serialized) throws IOException {
            if (version != getVersion()) {
                throw new IOException("Unknown Nexmark enumerator state version " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                List<FlinkNexmarkSplit> state = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    state.add(splits.deserialize(splits.getVersion(), b));
                }
                return state;
            }
        }
    }
}
