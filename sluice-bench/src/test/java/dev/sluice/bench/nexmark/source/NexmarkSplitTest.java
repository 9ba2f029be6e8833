package dev.sluice.bench.nexmark.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NexmarkSplitTest {

    @Test
    void roundTripsThroughItsBytes() {
        NexmarkSplit split = new NexmarkSplit("3", 1_234_567_890_123L, Long.MAX_VALUE, 4);
        assertThat(NexmarkSplit.fromBytes(split.toBytes())).isEqualTo(split);
        NexmarkSplit moved = split.at(1_234_567_890_127L);
        assertThat(NexmarkSplit.fromBytes(moved.toBytes())).isEqualTo(moved);
        assertThat(moved.isDone()).isFalse();
    }

    @Test
    void refusesAnUnknownVersion() {
        byte[] bytes = new NexmarkSplit("0", 0, 10, 1).toBytes();
        ByteBuffer.wrap(bytes).putInt(0, 99);
        assertThatThrownBy(() -> NexmarkSplit.fromBytes(bytes))
                .hasMessageContaining("version 99");
    }

    @Test
    void splitsDealEveryPositionToExactlyOneSplit() {
        for (int n = 1; n <= 5; n++) {
            List<Long> positions = new ArrayList<>();
            for (NexmarkSplit split : NexmarkSplit.split(13, n)) {
                for (long p = split.next(); p < split.end(); p += split.stride()) {
                    positions.add(p);
                }
            }
            assertThat(positions).hasSize(13).doesNotHaveDuplicates().allMatch(p -> p < 13);
        }
        assertThat(NexmarkSplit.split(2, 3).get(2).isDone()).isTrue();
    }
}
