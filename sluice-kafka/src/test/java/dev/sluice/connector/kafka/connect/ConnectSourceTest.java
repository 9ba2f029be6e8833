package dev.sluice.connector.kafka.connect;

import static dev.sluice.connector.kafka.connect.ConnectTestSupport.lines;
import static dev.sluice.connector.kafka.connect.ConnectTestSupport.read;
import static dev.sluice.connector.kafka.connect.ConnectTestSupport.upper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.apache.kafka.connect.file.FileStreamSourceConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectSourceTest {
  @TempDir Path tmp;

  private static ConnectSourceBuilder<String> fileSource(Path file) {
    return ConnectSource.<String>builder()
        .setConnector(FileStreamSourceConnector.class)
        .setProperties(Map.of("file", file.toString(), "topic", "lines"))
        .setRecordConverter(ConnectRecordConverter.valueAsString());
  }

  private static ConnectSink<String> fileSink(Path file) {
    return ConnectSink.<String>builder()
        .setConnector(FileStreamSinkConnector.class)
        .setProperties(Map.of("file", file.toString()))
        .build();
  }

  @Test
  void readsAFileThroughSluiceIntoAFile() throws Exception {
    List<String> input = lines(5_000);
    Path in = Files.write(tmp.resolve("in.txt"), input);
    Path out = tmp.resolve("out.txt");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2); // one reader has no task
    env.fromSource(fileSource(in).setMaxRecordsPerTask(input.size()).build(), WatermarkStrategy.noWatermarks(), "file")
        .map(String::toUpperCase).returns(Types.STRING)
        .sinkTo(fileSink(out)).setParallelism(1);
    env.execute("file to file");
    assertThat(read(out)).containsExactlyElementsOf(upper(input));
  }

  @Test
  void anIdleTimeoutEndsTheSourceAfterTheWholeFile() throws Exception {
    List<String> input = lines(300);
    Path in = Files.write(tmp.resolve("in.txt"), input);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> got = env.fromSource(fileSource(in).setIdleTimeout(Duration.ofMillis(200)).build(),
        WatermarkStrategy.noWatermarks(), "file").executeAndCollect(10_000);
    assertThat(got).containsExactlyElementsOf(input);
  }

  @Test
  void resumesFromTheCheckpointedOffsetAfterAFailure() throws Exception {
    int total = 20_000;
    List<String> input = lines(total);
    Path in = Files.write(tmp.resolve("in.txt"), input);
    Path out = tmp.resolve("out.txt");
    Path checkpoints = Files.createDirectories(tmp.resolve("chk"));
    ConnectTestSupport.reset();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(30);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, Duration.ofMillis(50)));
    env.fromSource(fileSource(in).setMaxRecordsPerTask(total).build(), WatermarkStrategy.noWatermarks(), "file")
        .uid("file-source")
        // chained to the source: reading is slow, so checkpoints fall within the file on any machine
        .map(new dev.sluice.connector.kafka.KafkaTestUtil.Throttle(10)).uid("throttle")
        .map(new ConnectTestSupport.FailOnceAfterCheckpoint(checkpoints, 3_000)).uid("fail-once")
        .map(String::toUpperCase).returns(Types.STRING)
        .sinkTo(fileSink(out)).uid("file-sink");
    env.execute("recovering file job");

    assertThat(ConnectTestSupport.FAILED).isTrue();
    long secondAttempt = ConnectTestSupport.SEEN.get() - ConnectTestSupport.SEEN_AT_FAILURE.get();
    // the restarted task skipped to the checkpointed byte position instead of reading the file again
    assertThat(secondAttempt).isPositive().isLessThan(total - 3_000L + 1);
    // at least once: every line is in the output
    assertThat(new HashSet<>(read(out))).containsExactlyInAnyOrderElementsOf(new HashSet<>(upper(input)));
  }

  @Test
  void aNewJobRestoredFromTheCheckpointDirectoryContinuesWhereTheFirstStopped() throws Exception {
    int total = 10_000;
    List<String> input = lines(total);
    Path in = Files.write(tmp.resolve("in.txt"), input);
    Path out = tmp.resolve("out.txt");
    Path checkpoints = Files.createDirectories(tmp.resolve("chk"));
    ConnectTestSupport.reset();

    // the first job stops with a failure (no restarts) after a checkpoint well inside the file
    StreamExecutionEnvironment first = StreamExecutionEnvironment.createLocalEnvironment(1);
    first.enableCheckpointing(30);
    first.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    first.setRestartStrategy(RestartStrategies.noRestart());
    first.fromSource(fileSource(in).build(), WatermarkStrategy.noWatermarks(), "file").uid("file-source")
        .map(new dev.sluice.connector.kafka.KafkaTestUtil.Throttle(10)).uid("throttle")
        .map(new ConnectTestSupport.FailOnceAfterCheckpoint(checkpoints, 2_000)).uid("fail-once")
        .sinkTo(fileSink(out)).uid("file-sink");
    assertThatThrownBy(() -> first.execute("first run")).hasStackTraceContaining("injected failure");
    long firstRead = ConnectTestSupport.SEEN.get();

    // a new job on the same checkpoint directory reads on from the checkpoint's byte position
    ConnectTestSupport.SEEN.set(0);
    StreamExecutionEnvironment second = StreamExecutionEnvironment.createLocalEnvironment(1);
    second.enableCheckpointing(30);
    second.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    second.getCheckpointConfig().setResumeFromLatestCheckpoint(true);
    second.fromSource(fileSource(in).setMaxRecordsPerTask(total).build(), WatermarkStrategy.noWatermarks(), "file")
        .uid("file-source")
        .map(new dev.sluice.connector.kafka.KafkaTestUtil.Throttle(10)).uid("throttle")
        .map(new ConnectTestSupport.FailOnceAfterCheckpoint(checkpoints, Long.MAX_VALUE)).uid("fail-once")
        .sinkTo(fileSink(out)).uid("file-sink");
    second.execute("second run");
    long secondRead = ConnectTestSupport.SEEN.get();

    assertThat(firstRead).isGreaterThan(2_000);
    assertThat(secondRead).isPositive().isLessThan(total - 2_000L + 1);
    assertThat(new HashSet<>(read(out))).containsExactlyInAnyOrderElementsOf(new HashSet<>(input));
  }

  @Test
  void aTaskThatThrowsInPollFailsTheJobNamingTheConnector() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    ConnectSource<String> source = ConnectSource.<String>builder()
        .setConnector(TestConnectors.CountingSourceConnector.class)
        .setProperties(Map.of("count", "100", "fail.at", "25"))
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "counting").sinkTo(new DiscardingSink<>());
    assertThatThrownBy(() -> env.execute("failing"))
        .hasStackTraceContaining(TestConnectors.CountingSourceConnector.class.getName())
        .hasStackTraceContaining("task 0")
        .hasStackTraceContaining("failed in poll() after 25 records")
        .hasStackTraceContaining("the device of task 0 is on fire");
  }

  @Test
  void propertiesTheConnectorRejectsFailTheJobNamingThem() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    ConnectSource<String> source = ConnectSource.<String>builder()
        .setConnector(FileStreamSourceConnector.class)
        .setProperties(Map.of("file", tmp.resolve("x").toString())) // no topic
        .setMaxRecordsPerTask(1)
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "file").sinkTo(new DiscardingSink<>());
    assertThatThrownBy(() -> env.execute("bad properties"))
        .hasStackTraceContaining("Kafka Connect connector " + FileStreamSourceConnector.class.getName()
            + " rejects its properties: topic:");
  }

  @Test
  void recordsAreAcknowledgedToTheTaskOnlyAfterTheirCheckpointCompletes() throws Exception {
    TestConnectors.COMMITTED.clear();
    TestConnectors.COMMITS.set(0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(20);
    ConnectSource<String> source = ConnectSource.<String>builder()
        .setConnector(TestConnectors.CountingSourceConnector.class)
        .setProperties(Map.of("count", "2000", "tasks", "3", "tasks.max", "3")) // reader 0 runs two tasks
        .setMaxRecordsPerTask(2_000)
        .build();
    List<String> got = env.fromSource(source, WatermarkStrategy.noWatermarks(), "counting")
        .map(new dev.sluice.connector.kafka.KafkaTestUtil.Throttle(10)).executeAndCollect(100_000);
    assertThat(got).hasSize(6_000);
    // the bounded job ends with a final checkpoint, so every record was acknowledged, once
    for (int t = 0; t < 3; t++) {
      List<String> committed = TestConnectors.COMMITTED.get(String.valueOf(t));
      assertThat(committed).hasSize(2_000).doesNotHaveDuplicates();
    }
    assertThat(TestConnectors.COMMITS.get()).isPositive();
  }

  @Test
  void unconvertibleRecordsFailTheJobOrAreSkippedAndCounted() throws Exception {
    ConnectRecordConverter<String> picky = r -> {
      String v = (String) r.value();
      if (v.endsWith("-7")) {
        throw new IllegalArgumentException("no sevens");
      }
      return v;
    };
    ConnectSourceBuilder<String> builder = ConnectSource.<String>builder()
        .setConnector(TestConnectors.CountingSourceConnector.class)
        .setProperties(Map.of("count", "20"))
        .setRecordConverter(picky)
        .setMaxRecordsPerTask(20);

    StreamExecutionEnvironment failing = StreamExecutionEnvironment.createLocalEnvironment(1);
    ConnectSource<String> strict = builder.build();
    assertThatThrownBy(() -> failing.fromSource(strict, WatermarkStrategy.noWatermarks(), "counting")
        .executeAndCollect(100))
        .hasStackTraceContaining("Could not convert the record of Kafka Connect source connector "
            + TestConnectors.CountingSourceConnector.class.getName() + ", task 0")
        .hasStackTraceContaining("record #8, source partition {task=0}, source offset {n=8}")
        .hasStackTraceContaining("no sevens");

    StreamExecutionEnvironment skipping = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> got = skipping.fromSource(builder.setConversionErrorPolicy(ConversionErrorPolicy.SKIP).build(),
        WatermarkStrategy.noWatermarks(), "counting").executeAndCollect(100);
    assertThat(got).hasSize(19).doesNotContain("t0-7");
  }

  @Test
  void offsetsKeepTheirJavaTypesInCheckpoints() throws Exception {
    ConnectSource<String> source = ConnectSource.<String>builder()
        .setConnector(FileStreamSourceConnector.class).setProperties(Map.of("topic", "t")).build();
    Map<String, Object> offset = new java.util.LinkedHashMap<>();
    offset.put("long", 5L);
    offset.put("int", 5);
    offset.put("string", "s");
    offset.put("bool", true);
    offset.put("double", 0.5);
    offset.put("null", null);
    offset.put("list", List.of(1L, "x"));
    ConnectTaskSplit split = new ConnectTaskSplit(3, "some.Task", Map.of("a", "b"),
        Map.of(Map.of("file", "f"), offset), 42);
    var serializer = source.getSplitSerializer();
    ConnectTaskSplit back = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
    assertThat(back).isEqualTo(split);
    Map<String, Object> restored = back.offsets().get(Map.of("file", "f"));
    assertThat(restored.get("long")).isInstanceOf(Long.class);
    assertThat(restored.get("int")).isInstanceOf(Integer.class);

    Map<String, Object> bad = Map.of("when", new java.util.Date());
    ConnectTaskSplit unencodable = new ConnectTaskSplit(0, "some.Task", Map.of(), Map.of(Map.of("p", "1"), bad), 0);
    assertThatThrownBy(() -> serializer.serialize(unencodable))
        .hasMessageContaining(FileStreamSourceConnector.class.getName())
        .hasMessageContaining("java.util.Date");
  }

  static Set<String> set(List<String> l) {
    return new HashSet<>(l);
  }
}
