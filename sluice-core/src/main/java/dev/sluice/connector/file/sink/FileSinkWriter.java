package dev.sluice.connector.file.sink;

import dev.sluice.api.common.serialization.Encoder;
import dev.sluice.api.connector.sink2.CommittingSinkWriter;
import dev.sluice.streaming.api.functions.sink.filesystem.PartFileInfo;
import dev.sluice.streaming.api.functions.sink.filesystem.RollingPolicy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes one subtask's part files; see {@link FileSink}. */
final class FileSinkWriter<IN> implements CommittingSinkWriter<IN, FileSinkCommittable> {
  private static final String BUCKET = "";

  private final Path basePath;
  private final int subtask;
  private final Encoder<IN> encoder;
  private final RollingPolicy<IN, String> rollingPolicy;
  private final LongSupplier clock;
  private final List<FileSinkCommittable> pending = new ArrayList<>();
  private long nextPart;
  private InProgressFile current;

  FileSinkWriter(Path basePath, int subtask, Encoder<IN> encoder,
      RollingPolicy<IN, String> rollingPolicy, LongSupplier clock) throws IOException {
    this.basePath = basePath;
    this.subtask = subtask;
    this.encoder = encoder;
    this.rollingPolicy = rollingPolicy;
    this.clock = clock;
    Files.createDirectories(basePath);
    this.nextPart = firstFreePartNumber(basePath, subtask);
  }

  /** One more than the highest part number of this subtask already in the directory. */
  static long firstFreePartNumber(Path dir, int subtask) throws IOException {
    Pattern name = Pattern.compile("\\.?part-" + subtask + "-(\\d+)(\\.inprogress)?");
    long next = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        Matcher m = name.matcher(p.getFileName().toString());
        if (m.matches()) {
          try {
            next = Math.max(next, Long.parseLong(m.group(1)) + 1);
          } catch (NumberFormatException e) {
            // not one of ours
          }
        }
      }
    }
    return next;
  }

  @Override
  public void write(IN element, Context context) throws IOException {
    long now = clock.getAsLong();
    if (current != null && (rollingPolicy.shouldRollOnEvent(current, element)
        || rollingPolicy.shouldRollOnProcessingTime(current, now))) {
      roll();
    }
    if (current == null) {
      current = open(now);
    }
    encoder.encode(element, current.out);
    current.lastUpdate = now;
  }

  @Override
  public void writeWatermark(long watermark) throws IOException {
    if (current != null && rollingPolicy.shouldRollOnProcessingTime(current, clock.getAsLong())) {
      roll();
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    if (current != null) {
      current.out.flush();
    }
  }

  /** Closes the current part file; returns every part file closed since the last call. */
  @Override
  public Collection<FileSinkCommittable> prepareCommit() throws IOException {
    // Part files cannot be resumed after a restart, so every commit closes the open one.
    if (current != null) {
      roll();
    }
    List<FileSinkCommittable> committables = List.copyOf(pending);
    pending.clear();
    return committables;
  }

  private InProgressFile open(long now) throws IOException {
    long part = nextPart++;
    Path file = basePath.resolve(".part-" + subtask + "-" + part + ".inprogress");
    Path target = basePath.resolve("part-" + subtask + "-" + part);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new InProgressFile(file, target, channel, now);
  }

  private void roll() throws IOException {
    InProgressFile f = current;
    current = null;
    f.closeDurably();
    pending.add(new FileSinkCommittable(f.path.toString(), f.target.toString()));
  }

  /** Leaves an open part file in progress: it was not committed, so it is not published. */
  @Override
  public void close() throws IOException {
    if (current != null) {
      InProgressFile f = current;
      current = null;
      f.out.close();
    }
  }

  /** The open part file, counting the bytes written to it. */
  private final class InProgressFile implements PartFileInfo<String> {
    final Path path;
    final Path target;
    final FileChannel channel;
    final OutputStream out;
    final long creationTime;
    long lastUpdate;
    long size;

    InProgressFile(Path path, Path target, FileChannel channel, long now) {
      this.path = path;
      this.target = target;
      this.channel = channel;
      this.creationTime = now;
      this.lastUpdate = now;
      this.out = new CountingStream(new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024));
    }

    void closeDurably() throws IOException {
      try {
        out.flush();
        channel.force(true);
      } finally {
        out.close();
      }
    }

    @Override
    public String getBucketId() {
      return BUCKET;
    }

    @Override
    public long getCreationTime() {
      return creationTime;
    }

    @Override
    public long getSize() {
      return size;
    }

    @Override
    public long getLastUpdateTime() {
      return lastUpdate;
    }

    private final class CountingStream extends OutputStream {
      private final OutputStream target;

      CountingStream(OutputStream target) {
        this.target = target;
      }

      @Override
      public void write(int b) throws IOException {
        target.write(b);
        size++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
        size += len;
      }

      @Override
      public void flush() throws IOException {
        target.flush();
      }

      @Override
      public void close() throws IOException {
        target.close();
      }
    }
  }
}
