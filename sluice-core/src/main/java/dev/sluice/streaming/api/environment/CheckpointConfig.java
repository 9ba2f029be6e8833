package dev.sluice.streaming.api.environment;

import dev.sluice.core.execution.CheckpointingMode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a job checkpoints: interval, guarantee, where checkpoints go, how long one may take, the
 * pause between two, how many completed ones are kept, and whether a new run of the job resumes
 * from the newest checkpoint it finds in its directory. Obtain it with {@link
 * StreamExecutionEnvironment#getCheckpointConfig()}; {@link
 * StreamExecutionEnvironment#enableCheckpointing(long)} switches checkpointing on.
 */
public final class CheckpointConfig {
  /** Default for {@link #setCheckpointTimeout}: 10 minutes. */
  public static final long DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
  /** Default for {@link #setMaxRetainedCheckpoints}. */
  public static final int DEFAULT_RETAINED = 3;

  private long interval = -1;
  private CheckpointingMode mode = CheckpointingMode.EXACTLY_ONCE;
  private Path storage;
  private long timeoutMs = DEFAULT_TIMEOUT_MS;
  private long minPauseMs;
  private int retained = DEFAULT_RETAINED;
  private boolean resumeFromLatest;
  private int tolerableFailures = 0;

  public boolean isCheckpointingEnabled() {
    return interval > 0;
  }

  public long getCheckpointInterval() {
    return interval;
  }

  /** Milliseconds between the starts of two checkpoints; must be at least 10. */
  public void setCheckpointInterval(long intervalMs) {
    if (intervalMs < 10) {
      throw new IllegalArgumentException("The checkpoint interval must be at least 10 ms, got " + intervalMs);
    }
    this.interval = intervalMs;
  }

  public CheckpointingMode getCheckpointingConsistencyMode() {
    return mode;
  }

  public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException("The checkpointing mode must not be null");
    }
    this.mode = mode;
  }

  /** The directory checkpoints are written to, or null for a fresh temporary directory per run. */
  public Path getCheckpointStorage() {
    return storage;
  }

  /**
   * Writes checkpoints to {@code directory} (a path or a {@code file://} URI), as {@code
   * chk-<n>/} subdirectories. Give each job its own directory.
   */
  public void setCheckpointStorage(String directory) {
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException("The checkpoint storage directory must not be empty");
    }
    this.storage = directory.startsWith("file:")
        ? Path.of(java.net.URI.create(directory)) : Path.of(directory);
  }

  public void setCheckpointStorage(Path directory) {
    if (directory == null) {
      throw new IllegalArgumentException("The checkpoint storage directory must not be null");
    }
    this.storage = directory;
  }

  public long getCheckpointTimeout() {
    return timeoutMs;
  }

  /** A checkpoint not complete after this many milliseconds is abandoned. */
  public void setCheckpointTimeout(long timeoutMs) {
    if (timeoutMs < 1) {
      throw new IllegalArgumentException("The checkpoint timeout must be positive, got " + timeoutMs);
    }
    this.timeoutMs = timeoutMs;
  }

  public void setCheckpointTimeout(Duration timeout) {
    setCheckpointTimeout(timeout.toMillis());
  }

  public long getMinPauseBetweenCheckpoints() {
    return minPauseMs;
  }

  /** At least this many milliseconds pass between the end of one checkpoint and the next. */
  public void setMinPauseBetweenCheckpoints(long minPauseMs) {
    if (minPauseMs < 0) {
      throw new IllegalArgumentException("The minimum pause must not be negative, got " + minPauseMs);
    }
    this.minPauseMs = minPauseMs;
  }

  public int getMaxRetainedCheckpoints() {
    return retained;
  }

  /** How many completed checkpoints are kept; older ones are deleted. At least 1. */
  public void setMaxRetainedCheckpoints(int retained) {
    if (retained < 1) {
      throw new IllegalArgumentException("At least one checkpoint must be retained, got " + retained);
    }
    this.retained = retained;
  }

  public boolean isResumeFromLatestCheckpoint() {
    return resumeFromLatest;
  }

  /**
   * When true, a run of the job starts from the newest valid checkpoint in its checkpoint
   * directory, if there is one: a job whose process was killed carries on where it was.
   */
  public void setResumeFromLatestCheckpoint(boolean resume) {
    this.resumeFromLatest = resume;
  }

  public int getTolerableCheckpointFailureNumber() {
    return tolerableFailures;
  }

  /**
   * How many checkpoints in a row may fail (cannot be written, time out) before the job fails.
   * Default 0: the first failed checkpoint fails the job, which then restarts by its strategy.
   */
  public void setTolerableCheckpointFailureNumber(int failures) {
    if (failures < 0) {
      throw new IllegalArgumentException("The tolerable failure number must not be negative, got " + failures);
    }
    this.tolerableFailures = failures;
  }
}
