package dev.sluice.runtime.checkpoint;

import dev.sluice.runtime.checkpoint.CheckpointMetadata.BlobRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.SubtaskRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints on the local file system: {@code <dir>/chk-<n>/} holds one state file per subtask
 * and, written last, {@code _metadata}: written to a temporary file, forced to disk, renamed into
 * place atomically, and the directory forced too. Only a checkpoint whose metadata reads back with
 * a valid checksum, and whose files all exist with the recorded sizes and checksums, counts; a
 * partial or damaged one is skipped in favour of the one before it.
 */
public final class CheckpointStorage {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStorage.class);
  public static final String METADATA_FILE = "_metadata";
  /** Files several checkpoints may reference (incremental RocksDB SST files), under the base directory. */
  public static final String SHARED_DIR = "shared";
  private static final Pattern CHECKPOINT_DIR = Pattern.compile("chk-(\\d+)");

  private final Path baseDir;

  public CheckpointStorage(Path baseDir) {
    this.baseDir = baseDir;
  }

  public Path baseDir() {
    return baseDir;
  }

  /**
   * Creates the base directory if needed and checks that it can be written: fails with a
   * message naming the directory and the problem.
   */
  public void checkWritable() {
    try {
      Files.createDirectories(baseDir);
      Path probe = Files.createTempFile(baseDir, ".probe", ".tmp");
      Files.delete(probe);
    } catch (AccessDeniedException e) {
      throw new IllegalStateException("The checkpoint directory " + baseDir + " cannot be written: permission denied", e);
    } catch (FileSystemException e) {
      throw new IllegalStateException("The checkpoint directory " + baseDir + " cannot be used: "
          + (e.getReason() != null ? e.getReason() : e.getMessage()), e);
    } catch (IOException e) {
      throw new IllegalStateException("The checkpoint directory " + baseDir + " cannot be written: " + e, e);
    }
  }

  /** Where shared files of checkpoints in the directory {@code checkpointDir} lie: {@code <base>/shared}. */
  public static Path sharedDirOf(Path checkpointDir) {
    Path parent = checkpointDir.toAbsolutePath().getParent();
    return (parent == null ? checkpointDir : parent).resolve(SHARED_DIR);
  }

  /** Where a file of a native snapshot in checkpoint {@code checkpointDir} lies. */
  public static Path resolve(Path checkpointDir, CheckpointMetadata.NativeFile file) {
    return file.shared() ? sharedDirOf(checkpointDir).resolve(file.path()) : checkpointDir.resolve(file.path());
  }

  /** The directory of checkpoint {@code id}. */
  public Path checkpointDir(long id) {
    return baseDir.resolve("chk-" + id);
  }

  /** Creates a fresh, empty directory for checkpoint {@code id}, removing leftovers of a failed attempt. */
  public Path initCheckpoint(long id) throws IOException {
    Path dir = checkpointDir(id);
    if (Files.exists(dir)) {
      if (Files.exists(dir.resolve(METADATA_FILE))) {
        throw new IOException("Checkpoint " + dir + " already exists; refusing to overwrite it");
      }
      deleteRecursively(dir);
    }
    Files.createDirectories(dir);
    return dir;
  }

  /** Writes one subtask's state file: blobs appended one after another, with a running checksum. */
  public static final class StateFileWriter implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final CRC32 crc = new CRC32();
    private long position;

    public StateFileWriter(Path file) throws IOException {
      this.file = file;
      this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    public BlobRef append(byte[] bytes, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      crc.update(bytes, 0, length);
      BlobRef ref = new BlobRef(position, length);
      position += length;
      return ref;
    }

    public String fileName() {
      return file.getFileName().toString();
    }

    public long size() {
      return position;
    }

    public int checksum() {
      return (int) crc.getValue();
    }

    /** Forces the bytes to disk and closes the file. */
    public void finish() throws IOException {
      channel.force(true);
      channel.close();
    }

    @Override
    public void close() throws IOException {
      if (channel.isOpen()) {
        channel.close();
      }
    }
  }

  /** Writes {@code _metadata} durably: temporary file, force, atomic rename, force the directory. */
  public void writeMetadata(Path checkpointDir, CheckpointMetadata metadata) throws IOException {
    byte[] bytes = metadata.toBytes();
    Path tmp = checkpointDir.resolve(METADATA_FILE + ".inprogress");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, checkpointDir.resolve(METADATA_FILE), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("The file system of " + checkpointDir + " cannot rename atomically", e);
    }
    forceDirectory(checkpointDir);
    forceDirectory(checkpointDir.getParent());
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot open directories; the rename is still atomic there
    }
  }

  /** A checkpoint found on disk: its directory and metadata. */
  public record Completed(Path directory, CheckpointMetadata metadata) {}

  /**
   * Reads and validates the checkpoint or savepoint in {@code dir}: metadata checksum, and every
   * state file's size and checksum. Throws an IOException saying what is wrong.
   */
  public static Completed load(Path dir) throws IOException {
    Path metaFile = dir.resolve(METADATA_FILE);
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no such checkpoint or savepoint directory");
    }
    if (!Files.exists(metaFile)) {
      throw new NoSuchFileException(metaFile.toString(), null,
          "not a complete checkpoint or savepoint (no " + METADATA_FILE + " file)");
    }
    CheckpointMetadata metadata;
    try {
      metadata = CheckpointMetadata.fromBytes(Files.readAllBytes(metaFile));
    } catch (IOException e) {
      throw new IOException(metaFile + ": " + e.getMessage(), e);
    }
    Set<String> checked = new HashSet<>();
    for (CheckpointMetadata.OperatorRef op : metadata.operators().values()) {
      for (SubtaskRef s : op.subtasks()) {
        if (!s.file().isEmpty() && checked.add(s.file())) {
          verifyFile(dir.resolve(s.file()), s.fileSize(), s.fileCrc());
        }
        if (s.nativeState() != null) {
          for (CheckpointMetadata.NativeFile f : s.nativeState().files()) {
            Path p = resolve(dir, f);
            if (checked.add(p.toString())) {
              verifyFile(p, f.size(), f.crc());
            }
          }
        }
      }
    }
    return new Completed(dir, metadata);
  }

  private static void verifyFile(Path file, long size, int expectedCrc) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "state file missing");
    }
    long actual = Files.size(file);
    if (actual != size) {
      throw new IOException(file + ": state file has " + actual + " bytes, the metadata says " + size
          + " (truncated or overwritten)");
    }
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        crc.update(buffer, 0, n);
      }
    }
    if ((int) crc.getValue() != expectedCrc) {
      throw new IOException(file + ": state file is corrupt (checksum mismatch)");
    }
  }

  /** Checkpoint numbers with a directory in the base directory, newest first. */
  public List<Long> checkpointIds() throws IOException {
    List<Long> ids = new ArrayList<>();
    if (!Files.isDirectory(baseDir)) {
      return ids;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(baseDir)) {
      for (Path p : entries) {
        Matcher m = CHECKPOINT_DIR.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p)) {
          ids.add(Long.parseLong(m.group(1)));
        }
      }
    }
    ids.sort(Comparator.reverseOrder());
    return ids;
  }

  /** The newest checkpoint that is complete and intact; damaged ones are logged and skipped. */
  public Optional<Completed> latestValid() throws IOException {
    for (long id : checkpointIds()) {
      Path dir = checkpointDir(id);
      try {
        return Optional.of(load(dir));
      } catch (IOException e) {
        LOG.warn("Skipping checkpoint {}: {}", dir, e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** The highest checkpoint number in the directory, valid or not (new ones continue after it). */
  public long highestId() throws IOException {
    List<Long> ids = checkpointIds();
    return ids.isEmpty() ? 0 : ids.get(0);
  }

  /**
   * Deletes the files in {@code <base>/shared} that no checkpoint in the base directory with
   * readable metadata references (its files are not verified here: a damaged checkpoint keeps
   * its files until it is deleted). Call it when no checkpoint is being written: after one
   * completed (and old ones were deleted) or before the first one of a run (files orphaned by a
   * crash or an abandoned checkpoint). Returns the number of files deleted.
   */
  public int deleteUnreferencedSharedFiles() throws IOException {
    Path shared = baseDir.resolve(SHARED_DIR);
    if (!Files.isDirectory(shared)) {
      return 0;
    }
    Set<String> referenced = new HashSet<>();
    for (long id : checkpointIds()) {
      Path meta = checkpointDir(id).resolve(METADATA_FILE);
      if (!Files.exists(meta)) {
        continue;
      }
      CheckpointMetadata metadata;
      try {
        metadata = CheckpointMetadata.fromBytes(Files.readAllBytes(meta));
      } catch (IOException e) {
        continue; // unreadable: it cannot be restored, its files need not stay
      }
      for (CheckpointMetadata.OperatorRef op : metadata.operators().values()) {
        for (SubtaskRef s : op.subtasks()) {
          if (s.nativeState() != null) {
            for (CheckpointMetadata.NativeFile f : s.nativeState().files()) {
              if (f.shared()) {
                referenced.add(f.path());
              }
            }
          }
        }
      }
    }
    int deleted = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(shared)) {
      for (Path p : entries) {
        if (!referenced.contains(p.getFileName().toString()) && Files.isRegularFile(p)) {
          try {
            if (Files.deleteIfExists(p)) {
              deleted++;
            }
          } catch (IOException e) {
            LOG.warn("Could not delete the unreferenced shared file {}: {}", p, e.getMessage());
          }
        }
      }
    }
    return deleted;
  }

  /**
   * Deletes a checkpoint directory; its metadata first, so a checkpoint half deleted is not taken
   * for a complete one (nor counted as referencing shared files).
   */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.deleteIfExists(dir.resolve(METADATA_FILE));
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause(); // an entry vanished during the walk (another delete of the same directory)
    }
  }
}
