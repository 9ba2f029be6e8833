package dev.sluice.connector.file.sink;

import dev.sluice.api.common.serialization.Encoder;
import dev.sluice.api.connector.sink2.CommittingSinkWriter;
import dev.sluice.streaming.api.functions.sink.filesystem.BucketAssigner;
import dev.sluice.streaming.api.functions.sink.filesystem.PartFileInfo;
import dev.sluice.streaming.api.functions.sink.filesystem.RollingPolicy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes one subtask's part files; see {@link FileSink}. */
final class FileSinkWriter<IN> implements CommittingSinkWriter<IN, FileSinkCommittable> {
  private final Path basePath;
  private final int subtask;
  private final Encoder<IN> encoder;
  private final RollingPolicy<IN, String> rollingPolicy;
  private final BucketAssigner<IN, ?> bucketAssigner;
  private final LongSupplier clock;
  private final List<FileSinkCommittable> pending = new ArrayList<>();
  /** The open part file of each bucket. */
  private final Map<String, InProgressFile> open = new LinkedHashMap<>();
  private long nextPart;

  FileSinkWriter(Path basePath, int subtask, Encoder<IN> encoder,
      RollingPolicy<IN, String> rollingPolicy, BucketAssigner<IN, ?> bucketAssigner,
      LongSupplier clock) throws IOException {
    this.basePath = basePath;
    this.subtask = subtask;
    this.encoder = encoder;
    this.rollingPolicy = rollingPolicy;
    this.bucketAssigner = bucketAssigner;
    this.clock = clock;
    Files.createDirectories(basePath);
    this.nextPart = firstFreePartNumber(basePath, subtask);
  }

  /** One more than the highest part number of this subtask anywhere under {@code dir} (all buckets). */
  static long firstFreePartNumber(Path dir, int subtask) throws IOException {
    Pattern name = Pattern.compile("\\.?part-" + subtask + "-(\\d+)(\\.inprogress)?");
    long next = 0;
    try (Stream<Path> entries = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
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
    String bucket = String.valueOf(bucketAssigner.getBucketId(element, new BucketAssigner.Context() {
      @Override
      public long currentProcessingTime() {
        return now;
      }

      @Override
      public long currentWatermark() {
        return context.currentWatermark();
      }

      @Override
      public Long timestamp() {
        return context.timestamp();
      }
    }));
    InProgressFile current = open.get(bucket);
    if (current != null && (rollingPolicy.shouldRollOnEvent(current, element)
        || rollingPolicy.shouldRollOnProcessingTime(current, now))) {
      roll(current);
      current = null;
    }
    if (current == null) {
      current = openPart(bucket, now);
    }
    encoder.encode(element, current.out);
    current.lastUpdate = now;
  }

  @Override
  public void writeWatermark(long watermark) throws IOException {
    long now = clock.getAsLong();
    for (InProgressFile f : List.copyOf(open.values())) {
      if (rollingPolicy.shouldRollOnProcessingTime(f, now)) {
        roll(f);
      }
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    for (InProgressFile f : open.values()) {
      f.out.flush();
    }
  }

  /** Closes every open part file; returns every part file closed since the last call. */
  @Override
  public Collection<FileSinkCommittable> prepareCommit() throws IOException {
    // Part files cannot be resumed after a restart, so every commit closes the open ones.
    for (InProgressFile f : List.copyOf(open.values())) {
      roll(f);
    }
    List<FileSinkCommittable> committables = List.copyOf(pending);
    pending.clear();
    return committables;
  }

  private InProgressFile openPart(String bucket, long now) throws IOException {
    Path dir = bucket.isEmpty() ? basePath : basePath.resolve(bucket).normalize();
    if (!dir.startsWith(basePath)) {
      throw new IOException("The bucket '" + bucket + "' lies outside the sink's base path " + basePath);
    }
    Files.createDirectories(dir);
    long part = nextPart++;
    Path file = dir.resolve(".part-" + subtask + "-" + part + ".inprogress");
    Path target = dir.resolve("part-" + subtask + "-" + part);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    InProgressFile f = new InProgressFile(bucket, file, target, channel, now);
    open.put(bucket, f);
    return f;
  }

  private void roll(InProgressFile f) throws IOException {
    open.remove(f.bucket);
    f.closeDurably();
    pending.add(new FileSinkCommittable(f.path.toString(), f.target.toString()));
  }

  /** Leaves open part files in progress: they were not committed, so they are not published. */
  @Override
  public void close() throws IOException {
    IOException first = null;
    for (InProgressFile f : open.values()) {
      try {
        f.out.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    open.clear();
    if (first != null) {
      throw first;
    }
  }

  /** The open part file, counting the bytes written to it. */
  private final class InProgressFile implements PartFileInfo<String> {
    final String bucket;
    final Path path;
    final Path target;
    final FileChannel channel;
    final OutputStream out;
    final long creationTime;
    long lastUpdate;
    long size;

    InProgressFile(String bucket, Path path, Path target, FileChannel channel, long now) {
      this.bucket = bucket;
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
      return bucket;
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
