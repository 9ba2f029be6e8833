package dev.sluice.state.rocksdb;

import dev.sluice.runtime.state.StateBackend;
import dev.sluice.runtime.state.StateBackendFactory;
import java.util.Map;
import java.util.Set;

/**
 * Finds {@link EmbeddedRocksDBStateBackend} by the name {@code "rocksdb"}. Options: {@code
 * memory} (per subtask, e.g. {@code 256mb}), {@code write-buffer-ratio} (e.g. {@code 0.5}),
 * {@code working-directory} (a path), {@code incremental} ({@code true} or {@code false}, the default).
 */
public final class RocksDBStateBackendFactory implements StateBackendFactory {
  @Override
  public Set<String> names() {
    return Set.of(EmbeddedRocksDBStateBackend.NAME);
  }

  @Override
  public StateBackend create(Map<String, String> options) {
    EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend();
    for (Map.Entry<String, String> e : options.entrySet()) {
      switch (e.getKey()) {
        case "memory" -> backend.setMemoryLimit(EmbeddedRocksDBStateBackend.parseBytes(e.getValue()));
        case "write-buffer-ratio" -> backend.setWriteBufferRatio(Double.parseDouble(e.getValue()));
        case "working-directory" -> backend.setWorkingDirectory(e.getValue());
        case "incremental" -> {
          String v = e.getValue().trim();
          if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("The option 'incremental' of the rocksdb state backend must be true or false, got '"
                + e.getValue() + "'");
          }
          backend.enableIncrementalCheckpointing(Boolean.parseBoolean(v));
        }
        default -> throw new IllegalArgumentException("Unknown option '" + e.getKey()
            + "' of the rocksdb state backend; known are memory, write-buffer-ratio, working-directory, incremental");
      }
    }
    return backend;
  }
}
