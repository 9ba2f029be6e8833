package dev.sluice.connector.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectSinkTest {
  @TempDir Path tmp;

  @BeforeEach
  void clear() {
    TestConnectors.PUT.clear();
    TestConnectors.PRE_COMMITS.clear();
    TestConnectors.STOPPED.set(0);
  }

  private static ConnectSinkBuilder<String> recordingSink() {
    return ConnectSink.<String>builder()
        .setConnector(TestConnectors.RecordingSinkConnector.class)
        .setTopic("words")
        .setBatchSize(50);
  }

  @Test
  void eachSubtaskFeedsItsTaskRecordsOfItsPartitionWithGrowingOffsets() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(20);
    env.fromSequence(1, 3_000).map(String::valueOf).rebalance().sinkTo(recordingSink().build());
    env.execute("recording");

    long total = 0;
    for (int task = 0; task < 2; task++) {
      List<SinkRecord> put = TestConnectors.PUT.get(task);
      assertThat(put).isNotEmpty();
      for (int i = 0; i < put.size(); i++) {
        SinkRecord r = put.get(i);
        assertThat(r.topic()).isEqualTo("words");
        assertThat(r.kafkaPartition()).isEqualTo(task);
        assertThat(r.kafkaOffset()).isEqualTo(i);
        assertThat(r.valueSchema().type()).isEqualTo(org.apache.kafka.connect.data.Schema.Type.STRING);
      }
      total += put.size();
      // flushed at checkpoints and at the end: the last preCommit covers every record put
      List<Long> preCommits = TestConnectors.PRE_COMMITS.get(task);
      assertThat(preCommits).isSorted();
      assertThat(preCommits.get(preCommits.size() - 1)).isEqualTo(put.size());
    }
    assertThat(total).isEqualTo(3_000);
    assertThat(TestConnectors.STOPPED.get()).isEqualTo(2);
  }

  @Test
  void afterARestoreOffsetsGoOnFromTheCheckpoint() throws Exception {
    Path checkpoints = Files.createDirectories(tmp.resolve("chk"));
    ConnectTestSupport.reset();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(30);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, Duration.ofMillis(50)));
    ConnectSource<String> source = ConnectSource.<String>builder()
        .setConnector(TestConnectors.CountingSourceConnector.class)
        .setProperties(Map.of("count", "10000"))
        .setMaxRecordsPerTask(10_000)
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "counting").uid("counting")
        .map(new dev.sluice.connector.kafka.KafkaTestUtil.Throttle(10)).uid("throttle")
        .map(new ConnectTestSupport.FailOnceAfterCheckpoint(checkpoints, 2_000)).uid("fail-once")
        .sinkTo(recordingSink().build()).uid("recording");
    env.execute("recovering sink");

    assertThat(ConnectTestSupport.FAILED).isTrue();
    // the source emits t0-n as its n-th record and resumes from its checkpointed n; the sink numbers
    // its records and resumes from its checkpointed offset: so offset n always carries t0-n, and a
    // record replayed after the restore carries the offset it had before
    TreeMap<Long, String> byOffset = new TreeMap<>();
    for (SinkRecord r : TestConnectors.PUT.get(0)) {
      assertThat(r.value()).as("offset %d", r.kafkaOffset()).isEqualTo("t0-" + r.kafkaOffset());
      byOffset.put(r.kafkaOffset(), (String) r.value());
    }
    assertThat(byOffset.firstKey()).isZero();
    assertThat(byOffset.lastKey()).isEqualTo(9_999);
    assertThat(byOffset).hasSize(10_000);
  }

  @Test
  void aConnectorWithFewerTaskConfigsThanTheParallelismIsRefused() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10).map(String::valueOf)
        .sinkTo(recordingSink().setProperty("tasks.made", "1").build());
    assertThatThrownBy(() -> env.execute("too few tasks"))
        .hasStackTraceContaining("Kafka Connect sink connector " + TestConnectors.RecordingSinkConnector.class.getName())
        .hasStackTraceContaining("the connector made 1 task config(s) for the sink's parallelism 2");
  }

  @Test
  void anElementTheConverterRejectsFailsTheJobOrIsSkipped() throws Exception {
    SinkValueConverter<String> picky = s -> {
      if (s.equals("7")) {
        throw new IllegalArgumentException("no sevens");
      }
      return new org.apache.kafka.connect.data.SchemaAndValue(null, s);
    };
    StreamExecutionEnvironment failing = StreamExecutionEnvironment.createLocalEnvironment(1);
    failing.fromSequence(1, 10).map(String::valueOf).sinkTo(recordingSink().setValueConverter(picky).build());
    assertThatThrownBy(() -> failing.execute("strict"))
        .hasStackTraceContaining("Could not convert for Kafka Connect sink connector "
            + TestConnectors.RecordingSinkConnector.class.getName() + ", task 0")
        .hasStackTraceContaining("element 7 (it would have been offset 6 of words-0)")
        .hasStackTraceContaining("no sevens");

    TestConnectors.PUT.clear();
    StreamExecutionEnvironment skipping = StreamExecutionEnvironment.createLocalEnvironment(1);
    skipping.fromSequence(1, 10).map(String::valueOf)
        .sinkTo(recordingSink().setValueConverter(picky).setConversionErrorPolicy(ConversionErrorPolicy.SKIP).build());
    skipping.execute("skipping");
    assertThat(TestConnectors.PUT.get(0)).extracting(SinkRecord::value)
        .containsExactly("1", "2", "3", "4", "5", "6", "8", "9", "10");
  }
}
