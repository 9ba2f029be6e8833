package dev.sluice.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirectoryTest {

    @Test
    void deletesANestedTreeAndToleratesAMissingDirectory(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("run");
        Files.createDirectories(dir.resolve("flink-checkpoints/job/chk-3"));
        Files.writeString(dir.resolve("flink-checkpoints/job/chk-3/_metadata"), "x");
        Files.writeString(dir.resolve("out.csv"), "1,2,3\n");

        ScratchDirectory.delete(dir);
        assertThat(dir).doesNotExist();

        ScratchDirectory.delete(dir); // already gone: nothing to do, no error
        assertThat(dir).doesNotExist();
    }
}
