package dev.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.runtime.state.HashMapStateBackend;
import dev.sluice.runtime.state.StateBackend;
import dev.sluice.runtime.state.StateBackends;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the backend by name, its options, and clear errors for bad configuration. */
class RocksDBConfigurationTest {
  @TempDir Path tmp;

  static final class Count extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      long n = count.value() == null ? 1 : count.value() + 1;
      count.update(n);
      if (value < 0) {
        throw new IllegalStateException("negative input");
      }
      out.collect(value + ":" + n);
    }
  }

  private static List<String> run(StreamExecutionEnvironment env, Long... input) throws Exception {
    List<String> out = new java.util.ArrayList<>(env.fromData(input).keyBy(v -> v % 3).process(new Count())
        .executeAndCollect(100));
    out.sort(null);
    return out;
  }

  @Test
  void rocksdbIsChosenByNameWithOptionsAndLeavesNoDirectoryBehind() throws Exception {
    Path work = tmp.resolve("work");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfig().setStateBackend("RocksDB")
        .setStateBackendOption("memory", "64mb")
        .setStateBackendOption("working-directory", work.toString());
    StateBackend resolved = StateBackends.resolve(env.getConfig());
    assertThat(resolved).isInstanceOf(EmbeddedRocksDBStateBackend.class);
    assertThat(((EmbeddedRocksDBStateBackend) resolved).getMemoryLimit()).isEqualTo(64L << 20);
    assertThat(run(env, 1L, 2L, 4L, 7L)).containsExactly("1:1", "2:1", "4:2", "7:3");
    assertThat(Files.isDirectory(work)).as("RocksDB was used").isTrue();
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void theDefaultIsTheHeap() {
    assertThat(StateBackends.resolve(new dev.sluice.api.common.ExecutionConfig()))
        .isInstanceOf(HashMapStateBackend.class);
  }

  @Test
  void aFailingJobLeavesNoDirectoryBehind() {
    Path work = tmp.resolve("work");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setStateBackend(new EmbeddedRocksDBStateBackend().setWorkingDirectory(work.toString()));
    assertThatThrownBy(() -> run(env, 1L, 2L, -3L, 4L)).hasStackTraceContaining("negative input");
    assertThat(work).isEmptyDirectory();
  }

  @Test
  void anUnknownBackendNameFailsClearly() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().setStateBackend("leveldb");
    assertThatThrownBy(() -> run(env, 1L))
        .hasStackTraceContaining("Unknown state backend 'leveldb'")
        .hasStackTraceContaining("hashmap")
        .hasStackTraceContaining("rocksdb");
  }

  @Test
  void anUnknownOptionFailsClearly() {
    assertThatThrownBy(() -> StateBackends.load("rocksdb", Map.of("memroy", "1g")))
        .hasMessageContaining("Unknown option 'memroy'");
    assertThatThrownBy(() -> StateBackends.load("rocksdb", Map.of("memory", "lots")))
        .hasMessageContaining("Not a size: 'lots'");
    assertThatThrownBy(() -> new EmbeddedRocksDBStateBackend().setMemoryLimit(1024))
        .hasMessageContaining("at least 8 MiB");
  }

  @Test
  void anUnwritableWorkingDirectoryFailsClearly() throws Exception {
    Path locked = tmp.resolve("locked");
    Files.createDirectories(locked);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      boolean root = Files.isWritable(locked); // root ignores permissions
      Path work = root ? tmp.resolve("a-file") : locked.resolve("work");
      if (root) {
        Files.writeString(work, "not a directory");
      }
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
      env.setStateBackend(new EmbeddedRocksDBStateBackend().setWorkingDirectory(work.toString()));
      assertThatThrownBy(() -> run(env, 1L))
          .hasStackTraceContaining("The RocksDB working directory " + work)
          .hasStackTraceContaining("rocksdb state backend");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
