package dev.sluice.connector.file.src;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What the enumerator of a {@link FileSource} keeps in a checkpoint: the splits not yet assigned
 * and every file seen so far (so that continuous monitoring does not read a file twice).
 */
public record FileSourceEnumState(List<FileSourceSplit> unassigned, Set<String> seenPaths)
    implements Serializable {
  public FileSourceEnumState {
    unassigned = List.copyOf(unassigned);
    seenPaths = Set.copyOf(seenPaths);
  }
}
