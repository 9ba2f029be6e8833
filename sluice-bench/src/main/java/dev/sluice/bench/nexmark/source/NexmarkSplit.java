package dev.sluice.bench.nexmark.source;

import dev.sluice.api.connector.source.SourceSplit;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The positions {@code next, next + stride, …} below {@code end} of a Nexmark stream; {@code next}
 * is the position of the next event to generate, so a split taken from a reader is its checkpoint
 * state ({@link #toBytes()} / {@link #fromBytes}). Done when {@code next >= end}.
 *
 * @param splitId unique within the source
 * @param next the position of the next event
 * @param end the position after the last one ({@link Long#MAX_VALUE} for an unbounded stream)
 * @param stride the distance between this split's positions
 */
public record NexmarkSplit(String splitId, long next, long end, long stride)
        implements SourceSplit, Serializable {
    /** The version {@link #toBytes()} writes. */
    public static final int VERSION = 1;

    public NexmarkSplit {
        if (splitId == null || next < 0 || end < 0 || stride <= 0) {
            throw new IllegalArgumentException("Not a split: id=" + splitId + " next=" + next
                    + " end=" + end + " stride=" + stride);
        }
    }

    /** The positions {@code 0 .. positions - 1} dealt round robin into {@code n} splits. */
    public static List<NexmarkSplit> split(long positions, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("Needs at least one split, got " + n);
        }
        List<NexmarkSplit> splits = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            splits.add(new NexmarkSplit(String.valueOf(j), Math.min(j, positions), positions, n));
        }
        return splits;
    }

    public boolean isDone() {
        return next >= end;
    }

    /** This split with {@code next} moved to a later position. */
    public NexmarkSplit at(long newNext) {
        return new NexmarkSplit(splitId, newNext, end, stride);
    }

    /** {@code version, id length, id (UTF-8), next, end, stride}, big-endian. */
    public byte[] toBytes() {
        byte[] id = splitId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + 4 + id.length + 3 * 8)
                .putInt(VERSION).putInt(id.length).put(id)
                .putLong(next).putLong(end).putLong(stride)
                .array();
    }

    /** The split {@link #toBytes()} wrote. */
    public static NexmarkSplit fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int version = in.getInt();
        if (version != VERSION) {
            throw new IllegalArgumentException(
                    "Unknown Nexmark split version " + version + ", expected " + VERSION);
        }
        byte[] id = new byte[in.getInt()];
        in.get(id);
        return new NexmarkSplit(new String(id, StandardCharsets.UTF_8), in.getLong(), in.getLong(),
                in.getLong());
    }
}
