package dev.sluice.connector.datagen.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.SourceOutput;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.connector.datagen.source.DataGeneratorSource.GeneratorSplit;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataGeneratorSourceTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void generatesEveryIndexExactlyOnce(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    DataGeneratorSource<String> source =
        new DataGeneratorSource<>(i -> "v" + (i * 7), 10_001, Types.STRING);
    List<String> out = new ArrayList<>();
    try (CloseableIterator<String> it = env.fromSource(source, WatermarkStrategy.noWatermarks(),
        "Generator", Types.STRING).executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    List<String> expected = LongStream.range(0, 10_001).mapToObj(i -> "v" + (i * 7))
        .collect(Collectors.toList());
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void boundednessFollowsTheCount() {
    assertThat(new DataGeneratorSource<>(i -> i, 5, Types.LONG).getBoundedness())
        .isEqualTo(Boundedness.BOUNDED);
    assertThat(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG).getBoundedness())
        .isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
  }

  @Test
  void splitsDealTheIndexesRoundRobinEachExactlyOnce() {
    assertThat(DataGeneratorSource.splits(10, 4)).containsExactly(
        new GeneratorSplit("0", 0, 8, 4), new GeneratorSplit("1", 1, 9, 4),
        new GeneratorSplit("2", 2, 6, 4), new GeneratorSplit("3", 3, 7, 4));
    List<Long> all = new java.util.ArrayList<>();
    for (GeneratorSplit split : DataGeneratorSource.splits(1_003, 7)) {
      for (long i = split.next(); i <= split.last(); i += split.stride()) {
        all.add(i);
      }
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(
        java.util.stream.LongStream.range(0, 1_003).boxed().toList());
    assertThat(DataGeneratorSource.splits(2, 12)).hasSize(2);
    assertThat(DataGeneratorSource.splits(0, 12)).isEmpty();
    // unbounded: every reader starts at the beginning, none at 2^60
    List<GeneratorSplit> huge = DataGeneratorSource.splits(Long.MAX_VALUE, 8);
    for (int i = 0; i < huge.size(); i++) {
      assertThat(huge.get(i).next()).isEqualTo(i);
      assertThat(huge.get(i).last()).isLessThanOrEqualTo(Long.MAX_VALUE - 1).isGreaterThan(Long.MAX_VALUE - 9);
    }
  }

  @Test
  void rateLimitedRunKeepsToTheRate() throws Exception {
    int records = 3_000;
    double rate = 10_000; // 300 ms of records
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, records,
        RateLimiterStrategy.perSecond(rate), Types.LONG);
    long first = 0;
    long count = 0;
    long start = System.nanoTime();
    try (CloseableIterator<Long> it = env.fromSource(source, WatermarkStrategy.noWatermarks(),
        "Generator", Types.LONG).executeAndCollect()) {
      while (it.hasNext()) {
        it.next();
        if (count++ == 0) {
          first = System.nanoTime();
        }
      }
    }
    long end = System.nanoTime();
    assertThat(count).isEqualTo(records);
    double fromFirst = (end - first) / 1e9;
    double total = (end - start) / 1e9;
    // Never faster than the rate (+20%): the schedule allows 1 record per reader at once, then
    // the rest at the rate. Slower runs are bounded loosely: the machine may be busy.
    assertThat(records / fromFirst).isLessThanOrEqualTo(rate * 1.2);
    assertThat(fromFirst).isGreaterThanOrEqualTo(0.8 * records / rate);
    assertThat(total).isLessThan(10 * records / rate + 2.0);
  }

  @Test
  void unboundedRateLimitedRunEmitsAboutTheTargetOverTime() throws Exception {
    double rate = 20_000;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE,
        RateLimiterStrategy.perSecond(rate), Types.LONG);
    long count = 0;
    long first = 0;
    long last = 0;
    try (CloseableIterator<Long> it = env.fromSource(source, WatermarkStrategy.noWatermarks(),
        "Generator", Types.LONG).executeAndCollect()) {
      while (it.hasNext()) {
        it.next();
        last = System.nanoTime();
        if (count++ == 0) {
          first = last;
        }
        if (last - first >= 400_000_000L) {
          break;
        }
      }
    }
    double seconds = (last - first) / 1e9;
    double measured = (count - 1) / seconds;
    assertThat(measured).isLessThanOrEqualTo(rate * 1.2);
    assertThat(measured).isGreaterThanOrEqualTo(rate * 0.5); // loose: shared CI machines
  }

  @Test
  void snapshotStateReportsPositions() throws Exception {
    FakeContext context = new FakeContext();
    DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i * 10, 1_000, Types.LONG);
    SourceReader<Long, GeneratorSplit> reader = source.createReader(context);
    reader.start();
    assertThat(context.splitRequests).isEqualTo(1);
    reader.addSplits(List.of(new GeneratorSplit("a", 0, 299, 1), new GeneratorSplit("b", 300, 999, 1)));
    assertThat(reader.snapshotState(1)).containsExactly(
        new GeneratorSplit("a", 0, 299, 1), new GeneratorSplit("b", 300, 999, 1));

    Collecting out = new Collecting();
    assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThat(out.records).hasSize(DataGeneratorReader.MAX_RECORDS_PER_POLL);
    assertThat(out.records.get(255)).isEqualTo(2550L);
    assertThat(reader.snapshotState(2)).containsExactly(
        new GeneratorSplit("a", 256, 299, 1), new GeneratorSplit("b", 300, 999, 1));

    reader.pollNext(out); // the rest of "a"
    assertThat(out.records).hasSize(300);
    assertThat(reader.snapshotState(3)).containsExactly(new GeneratorSplit("b", 300, 999, 1));
    reader.pollNext(out);
    assertThat(reader.snapshotState(4)).containsExactly(new GeneratorSplit("b", 556, 999, 1));

    reader.notifyNoMoreSplits();
    while (reader.pollNext(out) != InputStatus.END_OF_INPUT) {
      // drain
    }
    assertThat(out.records).hasSize(1_000);
    assertThat(reader.snapshotState(5)).isEmpty();
    reader.close();
  }

  @Test
  void readerIsAheadOfScheduleWithoutBlocking() throws Exception {
    FakeContext context = new FakeContext();
    // 1,000/s over 2 readers: 1 record per 2 ms
    context.parallelism = 2;
    DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, 1_000,
        RateLimiterStrategy.perSecond(1_000), Types.LONG);
    SourceReader<Long, GeneratorSplit> reader = source.createReader(context);
    reader.start();
    reader.addSplits(List.of(new GeneratorSplit("0", 0, 999, 1)));
    Collecting out = new Collecting();
    context.now = 5_000;
    assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThat(out.records).hasSize(1);
    long before = System.nanoTime();
    assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    assertThat(System.nanoTime() - before).isLessThan(50_000_000L);
    context.now = 5_100;
    assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThat(out.records).hasSize(51);
    context.now = 100_000; // a long stall: at most one second's share (500) more
    while (reader.pollNext(out) == InputStatus.MORE_AVAILABLE) {
      // catch up
    }
    assertThat(out.records).hasSize(551);
  }

  @Test
  void eachReaderOpensAndClosesItsOwnCopyOfTheFunction() throws Exception {
    CountingFunction function = new CountingFunction();
    DataGeneratorSource<Long> source = new DataGeneratorSource<>(function, 10, Types.LONG);
    SourceReader<Long, GeneratorSplit> a = source.createReader(new FakeContext());
    SourceReader<Long, GeneratorSplit> b = source.createReader(new FakeContext());
    a.start();
    b.start();
    a.close();
    b.close();
    assertThat(function.opened).isZero(); // the original is untouched; copies were opened
  }

  static final class CountingFunction implements GeneratorFunction<Long, Long> {
    int opened;

    @Override
    public void open(SourceReaderContext readerContext) {
      opened++;
    }

    @Override
    public Long map(Long value) {
      return value;
    }
  }

  static final class FakeContext implements SourceReaderContext {
    int parallelism = 1;
    long now;
    int splitRequests;

    @Override
    public TaskInfo getTaskInfo() {
      return new TaskInfo("test", 0, parallelism, 128);
    }

    @Override
    public void sendSplitRequest() {
      splitRequests++;
    }

    @Override
    public long currentProcessingTime() {
      return now;
    }
  }

  static final class Collecting implements ReaderOutput<Long> {
    final List<Long> records = new ArrayList<>();

    @Override
    public void collect(Long record) {
      records.add(record);
    }

    @Override
    public void collect(Long record, long timestamp) {
      records.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<Long> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }

  @Test
  void parallelReadersOfAnUnboundedGeneratorStartTogether() throws Exception {
    // every reader's first indexes are small: event time derived from the index starts near 0
    // on every reader, so their minimum (the watermark) is not held back by 2^60 ms
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG);
    java.util.List<Long> first = env.fromSource(source,
            dev.sluice.api.common.eventtime.WatermarkStrategy.noWatermarks(), "unbounded")
        .executeAndCollect(3_000);
    assertThat(first).hasSize(3_000).allMatch(i -> i < 1_000_000);
  }
}
