package dev.sluice.connector.file.sink;

import dev.sluice.streaming.api.functions.sink.filesystem.BucketAssigner;
import dev.sluice.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

import dev.sluice.api.common.serialization.Encoder;
import dev.sluice.api.connector.sink2.Committer;
import dev.sluice.api.connector.sink2.CommittingSinkWriter;
import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SupportsCommitter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.streaming.api.functions.sink.filesystem.RollingPolicy;
import dev.sluice.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes elements as rows (through an {@link Encoder}) to part files under a base directory, and
 * publishes them atomically.
 *
 * <pre>{@code
 * stream.sinkTo(FileSink.forRowFormat(Path.of("/out"), new SimpleStringEncoder<String>())
 *     .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(1 << 20).build())
 *     .build());
 * }</pre>
 *
 * <p>Each subtask writes to a hidden in-progress file {@code .part-<subtask>-<n>.inprogress} and
 * starts a new one when the {@link RollingPolicy} says so. When a commit is prepared (at the end of
 * a bounded input; on each checkpoint once checkpoints exist) the current file is closed, and the
 * committer renames every closed file to {@code part-<subtask>-<n>} with an atomic move, so a
 * reader of the directory never sees a partial part file. Part numbers continue after those already
 * in the directory. Committing is idempotent. Until a commit, written data stays in hidden files:
 * a job that never commits (an unbounded job, until checkpoints come) publishes nothing, and a
 * cancelled or failed job leaves its in-progress files behind.
 *
 * <p>Unlike Flink's, this sink has no buckets: all part files go directly into the base directory.
 */
public final class FileSink<IN> implements Sink<IN>, SupportsCommitter<FileSinkCommittable> {
  private static final long serialVersionUID = 1L;

  private final String basePath; // java.nio.file.Path is not serializable
  private final Encoder<IN> encoder;
  private final RollingPolicy<IN, String> rollingPolicy;
  private final BucketAssigner<IN, ?> bucketAssigner;

  private FileSink(String basePath, Encoder<IN> encoder, RollingPolicy<IN, String> rollingPolicy,
      BucketAssigner<IN, ?> bucketAssigner) {
    this.basePath = basePath;
    this.encoder = encoder;
    this.rollingPolicy = rollingPolicy;
    this.bucketAssigner = bucketAssigner;
  }

  /** A builder of a sink writing rows encoded by {@code encoder} under {@code basePath}. */
  public static <IN> RowFormatBuilder<IN> forRowFormat(Path basePath, Encoder<IN> encoder) {
    return new RowFormatBuilder<>(basePath, encoder);
  }

  public Path getBasePath() {
    return Path.of(basePath);
  }

  @Override
  public CommittingSinkWriter<IN, FileSinkCommittable> createWriter(WriterInitContext context) throws IOException {
    return new FileSinkWriter<>(Path.of(basePath), context.getSubtaskId(), encoder, rollingPolicy,
        bucketAssigner, context::currentProcessingTime);
  }

  @Override
  public Committer<FileSinkCommittable> createCommitter() {
    return new FileSinkCommitter();
  }

  /** Builds a row-format {@link FileSink}. */
  public static final class RowFormatBuilder<IN> {
    private final String basePath;
    private final Encoder<IN> encoder;
    private RollingPolicy<IN, String> rollingPolicy = DefaultRollingPolicy.builder().build();
    private BucketAssigner<IN, ?> bucketAssigner = new BasePathBucketAssigner<>();

    private RowFormatBuilder(Path basePath, Encoder<IN> encoder) {
      this.basePath = Objects.requireNonNull(basePath, "basePath must not be null")
          .toAbsolutePath().normalize().toString();
      this.encoder = Objects.requireNonNull(encoder, "encoder must not be null");
    }

    public RowFormatBuilder<IN> withRollingPolicy(RollingPolicy<IN, String> policy) {
      this.rollingPolicy = Objects.requireNonNull(policy, "policy must not be null");
      return this;
    }

    /** Writes each element into the bucket (subdirectory) {@code assigner} names. */
    public RowFormatBuilder<IN> withBucketAssigner(BucketAssigner<IN, ?> assigner) {
      this.bucketAssigner = Objects.requireNonNull(assigner, "assigner must not be null");
      return this;
    }

    public FileSink<IN> build() {
      return new FileSink<>(basePath, encoder, rollingPolicy, bucketAssigner);
    }
  }

  @Override
  public dev.sluice.core.io.SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
    return dev.sluice.connector.base.VersionedCodecs.of(1, (c, out) -> {
      out.writeUTF(c.pendingFile());
      out.writeUTF(c.finalFile());
    }, (v, in) -> new FileSinkCommittable(in.readUTF(), in.readUTF()));
  }
}
