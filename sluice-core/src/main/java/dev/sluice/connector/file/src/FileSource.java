package dev.sluice.connector.file.src;

import dev.sluice.connector.base.VersionedCodecs;
import dev.sluice.core.io.SimpleVersionedSerializer;

import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the lines of text files (UTF-8), one file per split, files read in parallel by the readers.
 * A path may be a file or a directory; a directory stands for the regular files directly in it,
 * except hidden ones and those whose names start with {@code .} or {@code _} (files still being
 * written, by convention), taken in name order.
 *
 * <pre>{@code
 * FileSource source = FileSource.forTextLines(Path.of("/data/in")).build();
 * DataStream<String> lines = env.fromSource(source, WatermarkStrategy.noWatermarks(), "files");
 * }</pre>
 *
 * <p>By default the source reads the files present when the job starts and ends. With {@link
 * FileSourceBuilder#monitorContinuously(Duration)} it lists the directories again at that interval,
 * reads every file it has not seen before, and never ends. A file should appear complete (written
 * elsewhere, then moved in), since it is read once, as it is when it is found.
 */
public final class FileSource implements Source<String, FileSourceSplit, FileSourceEnumState> {
  private static final long serialVersionUID = 1L;

  private final List<String> paths; // absolute; java.nio.file.Path is not serializable
  private final long discoveryIntervalMs; // 0: bounded

  private FileSource(List<String> paths, long discoveryIntervalMs) {
    this.paths = List.copyOf(paths);
    this.discoveryIntervalMs = discoveryIntervalMs;
  }

  /** A builder of a source that reads the lines of {@code paths} (files or directories). */
  public static FileSourceBuilder forTextLines(Path... paths) {
    return new FileSourceBuilder(paths);
  }

  @Override
  public Boundedness getBoundedness() {
    return discoveryIntervalMs > 0 ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  /** The paths to read, absolute. */
  public List<Path> getPaths() {
    return paths.stream().map(Path::of).toList();
  }

  /** The discovery interval of continuous monitoring, or null when the source is bounded. */
  public Duration getDiscoveryInterval() {
    return discoveryIntervalMs > 0 ? Duration.ofMillis(discoveryIntervalMs) : null;
  }

  @Override
  public SplitEnumerator<FileSourceSplit, FileSourceEnumState> createEnumerator(
      SplitEnumeratorContext<FileSourceSplit> context) {
    return new FileSplitEnumerator(context, this, List.of(), Set.of());
  }

  @Override
  public SplitEnumerator<FileSourceSplit, FileSourceEnumState> restoreEnumerator(
      SplitEnumeratorContext<FileSourceSplit> context, FileSourceEnumState checkpoint) {
    return new FileSplitEnumerator(context, this, checkpoint.unassigned(), checkpoint.seenPaths());
  }

  @Override
  public SourceReader<String, FileSourceSplit> createReader(SourceReaderContext context) {
    return new TextLineReader(context);
  }

  long discoveryIntervalMs() {
    return discoveryIntervalMs;
  }

  /**
   * The files the paths stand for now, in order: each path in turn, a directory's files sorted by
   * name. Fails when a path no longer exists.
   */
  List<Path> listFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String p : paths) {
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        try (Stream<Path> entries = Files.list(path)) {
          entries.filter(FileSource::isVisibleRegularFile).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IOException("The path " + path + " of the file source does not exist"
            + (Files.exists(path) ? " as a file or directory" : ""));
      }
    }
    return files;
  }

  private static boolean isVisibleRegularFile(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith(".") || name.startsWith("_") || !Files.isRegularFile(file)) {
      return false;
    }
    try {
      return !Files.isHidden(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a {@link FileSource}. */
  public static final class FileSourceBuilder {
    private final List<String> paths = new ArrayList<>();
    private Duration discoveryInterval;

    private FileSourceBuilder(Path... paths) {
      if (paths == null || paths.length == 0) {
        throw new IllegalArgumentException("A file source needs at least one path");
      }
      for (Path p : paths) {
        if (p == null) {
          throw new NullPointerException("A path of the file source is null");
        }
        this.paths.add(p.toAbsolutePath().normalize().toString());
      }
    }

    /** Watches the directories for new files every {@code interval}; the source becomes unbounded. */
    public FileSourceBuilder monitorContinuously(Duration interval) {
      if (interval == null || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException(
            "The discovery interval must be positive, got " + interval);
      }
      this.discoveryInterval = interval;
      return this;
    }

    /** The source; fails when a path does not exist. */
    public FileSource build() {
      for (String p : paths) {
        Path path = Path.of(p);
        if (!Files.exists(path)) {
          throw new IllegalArgumentException("The path " + path + " of the file source does not exist");
        }
        if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
          throw new IllegalArgumentException(
              "The path " + path + " of the file source is neither a file nor a directory");
        }
      }
      long intervalMs = discoveryInterval == null ? 0 : Math.max(1, discoveryInterval.toMillis());
      return new FileSource(paths, intervalMs);
    }
  }

  private static final VersionedCodecs.Writer<FileSourceSplit> SPLIT_WRITER = (s, out) -> {
    out.writeUTF(s.splitId());
    out.writeUTF(s.path());
    out.writeLong(s.lineOffset());
  };
  private static final VersionedCodecs.Reader<FileSourceSplit> SPLIT_READER =
      (v, in) -> new FileSourceSplit(in.readUTF(), in.readUTF(), in.readLong());

  @Override
  public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
    return VersionedCodecs.of(1, SPLIT_WRITER, SPLIT_READER);
  }

  @Override
  public SimpleVersionedSerializer<FileSourceEnumState> getEnumeratorCheckpointSerializer() {
    return VersionedCodecs.of(1, (state, out) -> {
      out.writeInt(state.unassigned().size());
      for (FileSourceSplit s : state.unassigned()) {
        SPLIT_WRITER.write(s, out);
      }
      out.writeInt(state.seenPaths().size());
      for (String p : state.seenPaths()) {
        out.writeUTF(p);
      }
    }, (v, in) -> {
      int n = in.readInt();
      java.util.List<FileSourceSplit> splits = new java.util.ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        splits.add(SPLIT_READER.read(v, in));
      }
      int m = in.readInt();
      java.util.Set<String> seen = new java.util.LinkedHashSet<>();
      for (int i = 0; i < m; i++) {
        seen.add(in.readUTF());
      }
      return new FileSourceEnumState(splits, seen);
    });
  }
}
