package dev.sluice.state.rocksdb;

import dev.sluice.runtime.state.KeyedBackendParameters;
import dev.sluice.runtime.state.KeyedStateBackend;
import dev.sluice.runtime.state.StateBackend;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Keeps keyed state in an embedded RocksDB, one instance per keyed subtask, serialized: state can
 * outgrow the heap, reads and writes cost (de)serialization and a native call. Each subtask's
 * database lives in its own directory under the working directory (default: {@code
 * java.io.tmpdir}) and is removed when the subtask ends, also after a failure. Native memory of
 * a subtask is bounded by {@link #setMemoryLimit}: block cache and write buffers share one LRU
 * cache of that size. Timers stay on the heap. Savepoints — and checkpoints unless incremental
 * checkpointing is enabled ({@link #enableIncrementalCheckpointing}, off by default, as in Flink)
 * — are written in the same per-key-group format as the heap backend, so they restore on either
 * backend at any parallelism.
 */
public final class EmbeddedRocksDBStateBackend implements StateBackend {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "rocksdb";
  /** Default native memory per subtask: 128 MiB. */
  public static final long DEFAULT_MEMORY_LIMIT = 128L << 20;
  /** Default share of the memory for write buffers (the rest caches blocks). */
  public static final double DEFAULT_WRITE_BUFFER_RATIO = 0.5;

  private long memoryLimit = DEFAULT_MEMORY_LIMIT;
  private double writeBufferRatio = DEFAULT_WRITE_BUFFER_RATIO;
  private String workingDirectory;
  private boolean incremental;

  public EmbeddedRocksDBStateBackend() {}

  /**
   * Native memory one subtask's RocksDB may use for its block cache and write buffers (the write
   * buffers are charged to the cache, so the sum stays within this); at least 8 MiB.
   */
  public EmbeddedRocksDBStateBackend setMemoryLimit(long bytes) {
    if (bytes < (8L << 20)) {
      throw new IllegalArgumentException("The RocksDB memory limit must be at least 8 MiB, got " + bytes + " bytes");
    }
    this.memoryLimit = bytes;
    return this;
  }

  public long getMemoryLimit() {
    return memoryLimit;
  }

  /** The share of the memory limit write buffers (memtables) may take, in (0, 1). */
  public EmbeddedRocksDBStateBackend setWriteBufferRatio(double ratio) {
    if (!(ratio > 0 && ratio < 1)) {
      throw new IllegalArgumentException("The write buffer ratio must be between 0 and 1 (exclusive), got " + ratio);
    }
    this.writeBufferRatio = ratio;
    return this;
  }

  public double getWriteBufferRatio() {
    return writeBufferRatio;
  }

  /**
   * Where the subtasks' databases live (a local, fast disk); each subtask gets its own directory
   * in it, removed when the subtask ends. Null: {@code java.io.tmpdir}.
   */
  public EmbeddedRocksDBStateBackend setWorkingDirectory(String directory) {
    this.workingDirectory = directory;
    return this;
  }

  public String getWorkingDirectory() {
    return workingDirectory;
  }

  /**
   * Whether regular checkpoints are incremental (default false, Flink's default): each
   * checkpoint copies only the RocksDB SST files that are new since the last completed one to
   * {@code <checkpoint directory>/shared/} and references the others, and a restore at the same
   * parallelism opens the database from those files. Savepoints stay in the portable per-key-group
   * format. A rescaled restore, or one on the heap backend, reads the files through a read-only
   * RocksDB and re-inserts the key groups it owns (slower, but it works).
   */
  public EmbeddedRocksDBStateBackend enableIncrementalCheckpointing(boolean enabled) {
    this.incremental = enabled;
    return this;
  }

  public boolean isIncrementalCheckpointingEnabled() {
    return incremental;
  }

  /** The working directory in use. */
  Path workingDirectoryPath() {
    return Paths.get(workingDirectory != null ? workingDirectory : System.getProperty("java.io.tmpdir"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public KeyedStateBackend createKeyedStateBackend(KeyedBackendParameters parameters) {
    Path base = workingDirectoryPath();
    try {
      Files.createDirectories(base);
      if (!Files.isDirectory(base)) {
        throw new IllegalStateException("The RocksDB working directory " + base + " is not a directory");
      }
      Path dir = Files.createTempDirectory(base, "sluice-rocksdb-"
          + sanitize(parameters.operatorName()) + "-" + parameters.subtask() + "-");
      return new RocksDBKeyedStateBackend(parameters, dir, memoryLimit, writeBufferRatio, incremental);
    } catch (AccessDeniedException e) {
      throw new IllegalStateException("The RocksDB working directory " + base
          + " cannot be written: permission denied (set another with setWorkingDirectory)", e);
    } catch (FileSystemException e) {
      throw new IllegalStateException("The RocksDB working directory " + base + " cannot be used: "
          + (e.getReason() != null ? e.getReason() : e.getMessage()) + " (set another with setWorkingDirectory)", e);
    } catch (IOException e) {
      throw new IllegalStateException("The RocksDB working directory " + base + " cannot be used: " + e, e);
    }
  }

  private static String sanitize(String s) {
    String clean = s.replaceAll("[^A-Za-z0-9_.-]", "_");
    return clean.length() > 40 ? clean.substring(0, 40) : clean;
  }

  /** Parses sizes like {@code 128mb}, {@code 1g}, {@code 65536}. */
  static long parseBytes(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    long unit = 1;
    String[][] units = {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"}, {"kb", "1024"},
        {"mb", "1048576"}, {"gb", "1073741824"}, {"k", "1024"}, {"m", "1048576"}, {"g", "1073741824"},
        {"b", "1"}};
    for (String[] u : units) {
      if (t.endsWith(u[0])) {
        unit = Long.parseLong(u[1]);
        t = t.substring(0, t.length() - u[0].length());
        break;
      }
    }
    try {
      return Long.parseLong(t) * unit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a size: '" + text + "' (use e.g. 128mb or 1gb)");
    }
  }

  @Override
  public String toString() {
    return "EmbeddedRocksDBStateBackend{memoryLimit=" + memoryLimit + ", workingDirectory="
        + workingDirectoryPath() + ", incremental=" + incremental + "}";
  }
}
