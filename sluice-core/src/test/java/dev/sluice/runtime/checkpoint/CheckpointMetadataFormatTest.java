package dev.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.checkpoint.CheckpointMetadata.BlobRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.NativeFile;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.NativeStateRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.OperatorRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.SubtaskRef;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Metadata format 2 (native keyed-state files) round-trips; format 1 is still read. */
class CheckpointMetadataFormatTest {
  private static CheckpointMetadata metadata(NativeStateRef nat) {
    Map<Integer, BlobRef> groups = new TreeMap<>(Map.of(3, new BlobRef(10, 20)));
    SubtaskRef s = new SubtaskRef(0, "task-1-0.state", 30, 7, new BlobRef(0, 10), 0, 64, groups, List.of(), nat);
    return new CheckpointMetadata("job", 5, 1234, false, 128,
        Map.of("op", new OperatorRef("op", "Op", 1, List.of(s))), Map.of());
  }

  @Test
  void nativeFilesRoundTripInFormat2() throws Exception {
    NativeStateRef nat = new NativeStateRef("rocksdb", "uuid", List.of(
        new NativeFile("000012.sst", true, "uuid-000012.sst", 1000, 42),
        new NativeFile("CURRENT", false, "rocksdb-uuid/CURRENT", 16, -3)));
    CheckpointMetadata read = CheckpointMetadata.fromBytes(metadata(nat).toBytes());
    SubtaskRef s = read.operators().get("op").subtasks().get(0);
    assertThat(s.nativeState()).isEqualTo(nat);
    assertThat(read.stateSize()).isEqualTo(10 + 20 + 1016);
  }

  @Test
  void format1IsStillRead() throws Exception {
    CheckpointMetadata read = CheckpointMetadata.fromBytes(metadata(null).toBytes(1));
    SubtaskRef s = read.operators().get("op").subtasks().get(0);
    assertThat(s.nativeState()).isNull();
    assertThat(s.keyGroups()).containsEntry(3, new BlobRef(10, 20));
    assertThatThrownBy(() -> metadata(new NativeStateRef("rocksdb", "u", List.of())).toBytes(1))
        .hasMessageContaining("cannot hold native");
  }
}
