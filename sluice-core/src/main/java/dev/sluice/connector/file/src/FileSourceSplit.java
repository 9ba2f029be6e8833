package dev.sluice.connector.file.src;

import dev.sluice.api.connector.source.SourceSplit;
import java.io.Serializable;

/**
 * One file, and how far it has been read: the number of lines already emitted. A reader that gets
 * the split back from a checkpoint skips that many lines.
 *
 * @param splitId unique within the source (the file's absolute path)
 * @param path the file's absolute path
 * @param lineOffset lines already read
 */
public record FileSourceSplit(String splitId, String path, long lineOffset)
    implements SourceSplit, Serializable {
  public FileSourceSplit {
    if (lineOffset < 0) {
      throw new IllegalArgumentException("lineOffset must not be negative, got " + lineOffset);
    }
  }

  /** The same file, read up to {@code lines} lines. */
  public FileSourceSplit withLineOffset(long lines) {
    return new FileSourceSplit(splitId, path, lines);
  }
}
