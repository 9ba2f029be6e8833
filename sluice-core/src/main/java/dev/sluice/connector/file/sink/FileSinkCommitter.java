package dev.sluice.connector.file.sink;

import dev.sluice.api.connector.sink2.Committer;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Publishes closed part files by renaming them atomically. A committable whose file is already in
 * place (and whose pending file is gone) was committed before and is skipped.
 */
final class FileSinkCommitter implements Committer<FileSinkCommittable> {
  @Override
  public void commit(Collection<FileSinkCommittable> committables) throws IOException {
    for (FileSinkCommittable c : committables) {
      Path pending = Path.of(c.pendingFile());
      Path target = Path.of(c.finalFile());
      if (Files.exists(pending)) {
        try {
          Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          throw new IOException("Cannot publish " + pending + " as " + target
              + ": the file system cannot rename it atomically", e);
        }
      } else if (!Files.exists(target)) {
        throw new IOException("Cannot commit " + target + ": neither it nor its pending file "
            + pending + " exists");
      }
    }
  }
}
