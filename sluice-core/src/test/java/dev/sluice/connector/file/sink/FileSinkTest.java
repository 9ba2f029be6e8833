package dev.sluice.connector.file.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.serialization.SimpleStringEncoder;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FileSinkTest {
  @TempDir Path dir;

  /** The files in the directory, by subtask and part number. */
  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted(Comparator.comparing((Path p) -> p.getFileName().toString().replaceAll(
          "\\d+", "")).thenComparing(p -> partNumbers(p))).toList();
    }
  }

  private static String partNumbers(Path p) {
    // zero-padded numbers so that part-0-10 sorts after part-0-9
    Matcher m = Pattern.compile("\\d+").matcher(p.getFileName().toString());
    StringBuilder key = new StringBuilder();
    while (m.find()) {
      key.append(String.format("%012d", Long.parseLong(m.group())));
    }
    return key.toString();
  }

  private List<String> allLines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path f : files()) {
      lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
    }
    return lines;
  }

  private static List<String> numbers(long from, long to) {
    List<String> out = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      out.add(Long.toString(i));
    }
    return out;
  }

  private void runJob(int parallelism, long count, DefaultRollingPolicy<Long, String> policy)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    FileSink.RowFormatBuilder<Long> builder =
        FileSink.forRowFormat(dir, new SimpleStringEncoder<Long>());
    if (policy != null) {
      builder.withRollingPolicy(policy);
    }
    env.fromSequence(1, count).sinkTo(builder.build());
    env.execute("file sink");
  }

  @Test
  void aBoundedJobPublishesEveryElementExactlyOnce() throws Exception {
    runJob(3, 20_000, null);
    List<Path> files = files();
    assertThat(files).isNotEmpty();
    assertThat(files).allSatisfy(f -> assertThat(f.getFileName().toString()).matches("part-[0-2]-\\d+"));
    assertThat(allLines()).hasSize(20_000).containsExactlyInAnyOrderElementsOf(numbers(1, 20_000));
  }

  @Test
  void aBucketAssignerWritesEachElementIntoItsSubdirectory() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(20);
    env.fromSequence(1, 3_000)
        .sinkTo(FileSink.forRowFormat(dir, new SimpleStringEncoder<Long>())
            .withBucketAssigner((Long n, dev.sluice.streaming.api.functions.sink.filesystem.BucketAssigner.Context c)
                -> "mod=" + (n % 3) + "/tens=" + (n % 10 < 5 ? "low" : "high"))
            .build());
    env.execute("buckets");
    for (int mod = 0; mod < 3; mod++) {
      for (String half : List.of("low", "high")) {
        Path bucket = dir.resolve("mod=" + mod).resolve("tens=" + half);
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(bucket)) {
          for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
            lines.addAll(Files.readAllLines(f));
          }
        }
        int m = mod;
        List<String> expected = numbers(1, 3_000).stream()
            .filter(x -> Long.parseLong(x) % 3 == m && (Long.parseLong(x) % 10 < 5) == half.equals("low")).toList();
        assertThat(lines).containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @Test
  void aDateTimeBucketAssignerNamesBucketsAfterTheProcessingTime() {
    var assigner = new dev.sluice.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner<String>(
        "yyyy-MM-dd/HH", java.time.ZoneOffset.UTC);
    String bucket = assigner.getBucketId("x", new dev.sluice.streaming.api.functions.sink.filesystem.BucketAssigner.Context() {
      @Override
      public long currentProcessingTime() {
        return java.time.Instant.parse("2026-11-25T19:30:00Z").toEpochMilli();
      }

      @Override
      public long currentWatermark() {
        return Long.MIN_VALUE;
      }

      @Override
      public Long timestamp() {
        return null;
      }
    });
    assertThat(bucket).isEqualTo("2026-11-25/19");
  }

  @Test
  void rollsToANewPartFileBySize() throws Exception {
    runJob(1, 5_000, DefaultRollingPolicy.builder().withMaxPartSize(2_000)
        .withRolloverInterval(Duration.ofMinutes(10)).build());
    List<Path> files = files();
    assertThat(files).hasSizeGreaterThan(5);
    assertThat(files).allSatisfy(f -> {
      assertThat(f.getFileName().toString()).matches("part-0-\\d+");
      assertThat(Files.size(f)).isLessThan(2_000 + 10);
    });
    assertThat(allLines()).containsExactlyElementsOf(numbers(1, 5_000));
  }

  @Test
  void aSecondRunAddsPartsWithoutOverwriting() throws Exception {
    runJob(2, 1_000, null);
    java.util.Map<Path, List<String>> first = new java.util.HashMap<>();
    for (Path f : files()) {
      first.put(f, Files.readAllLines(f));
    }
    runJob(2, 1_000, null);
    // every part of the first run is still there, unchanged, and the second run added its own
    for (var e : first.entrySet()) {
      assertThat(Files.readAllLines(e.getKey())).isEqualTo(e.getValue());
    }
    assertThat(files()).hasSizeGreaterThan(first.size());
    List<String> twice = new ArrayList<>(numbers(1, 1_000));
    twice.addAll(numbers(1, 1_000));
    assertThat(allLines()).containsExactlyInAnyOrderElementsOf(twice);
  }

  @Test
  void committingIsIdempotent() throws Exception {
    Path pending = dir.resolve(".part-0-0.inprogress");
    Files.writeString(pending, "x\n");
    FileSinkCommittable c = new FileSinkCommittable(pending.toString(), dir.resolve("part-0-0").toString());
    FileSinkCommitter committer = new FileSinkCommitter();
    committer.commit(List.of(c));
    committer.commit(List.of(c)); // again, as after a failure: nothing happens
    assertThat(files()).containsExactly(dir.resolve("part-0-0"));
    assertThat(Files.readString(dir.resolve("part-0-0"))).isEqualTo("x\n");
  }
}
