package dev.sluice.runtime.jobgraph;

import java.nio.file.Path;

/**
 * Where a job starts from: nothing, or a savepoint or checkpoint directory. With {@code
 * allowNonRestoredState}, state in the savepoint that belongs to no operator of the job is
 * ignored; without it, such state is an error (so removing an operator by accident is noticed).
 */
public record SavepointRestoreSettings(Path restorePath, boolean allowNonRestoredState) {
  private static final SavepointRestoreSettings NONE = new SavepointRestoreSettings(null, false);

  public static SavepointRestoreSettings none() {
    return NONE;
  }

  public static SavepointRestoreSettings forPath(String path) {
    return forPath(path, false);
  }

  public static SavepointRestoreSettings forPath(String path, boolean allowNonRestoredState) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("The savepoint path must not be empty");
    }
    return new SavepointRestoreSettings(Path.of(path), allowNonRestoredState);
  }

  public boolean restoreSavepoint() {
    return restorePath != null;
  }
}
