package dev.sluice.bench.nexmark.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.SourceOutput;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.generator.NexmarkGenerator;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.runtime.elements.StreamRecord;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.test.SluiceTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NexmarkSourceTest {
    private static final int N = 20_000;
    private static final GeneratorConfig CONFIG = GeneratorConfig.builder().numEvents(N).build();

    private static List<Event> iterated() {
        List<Event> events = new ArrayList<>();
        new NexmarkGenerator(CONFIG).forEachRemaining(events::add);
        return events;
    }

    private static Map<Event, Long> counts(List<Event> events) {
        return events.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void yieldsTheEventsOfTheIteratorWithTheirTimesAsTimestamps(int parallelism) {
        StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
        List<StreamRecord<Event>> records = SluiceTestKit.collectRecords(
                env.fromSource(new NexmarkSource(CONFIG), WatermarkStrategy.noWatermarks(), "nexmark"));
        assertThat(records).allMatch(r -> r.timestamp() == r.value().dateTime());
        List<Event> events = records.stream().map(StreamRecord::value).toList();
        assertThat(events).hasSize(N);
        assertThat(counts(events)).isEqualTo(counts(iterated()));
    }

    @Test
    void everyEventLandsInAnEventTimeWindowWithMonotonousWatermarks() {
        StreamExecutionEnvironment env = SluiceTestKit.environment(2);
        List<Tuple2<String, Long>> perWindow = SluiceTestKit.collect(
                env.fromSource(new NexmarkSource(CONFIG), WatermarkStrategy.forMonotonousTimestamps(),
                                "nexmark")
                        .map(e -> Tuple2.of(e.type.name(), 1L))
                        .returns(Types.TUPLE(Types.STRING, Types.LONG))
                        .keyBy(t -> t.f0)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(1)))
                        .sum(1));
        assertThat(perWindow.stream().mapToLong(t -> t.f1).sum()).isEqualTo(N);
        assertThat(perWindow).hasSize(3 * N / 10_000); // 10,000 events per ms, three types
    }

    @Test
    void isBoundedOnlyWithANumberOfEvents() {
        assertThat(new NexmarkSource(CONFIG).getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(new NexmarkSource(GeneratorConfig.defaults()).getBoundedness())
                .isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    }

    @Test
    void aSnapshotSplitContinuesWhereTheReaderStopped() {
        NexmarkSplit split = NexmarkSplit.split(N, 2).get(1);
        NexmarkSourceReader reader = new NexmarkSourceReader(new Context(), CONFIG);
        reader.start();
        reader.addSplits(List.of(split));
        reader.notifyNoMoreSplits();
        Collecting before = new Collecting();
        reader.pollNext(before);
        reader.pollNext(before);
        List<NexmarkSplit> state = reader.snapshotState(1);
        assertThat(state).containsExactly(split.at(1 + 2L * 2 * NexmarkSourceReader.PER_POLL));

        NexmarkSourceReader restored = new NexmarkSourceReader(new Context(), CONFIG);
        restored.addSplits(List.of(NexmarkSplit.fromBytes(state.get(0).toBytes())));
        restored.notifyNoMoreSplits();
        Collecting after = new Collecting();
        while (restored.pollNext(after) != InputStatus.END_OF_INPUT) {
            // drain
        }
        List<Event> all = new ArrayList<>(before.events);
        all.addAll(after.events);
        List<Event> expected = new ArrayList<>();
        new NexmarkGenerator(CONFIG, 1, N, 2).forEachRemaining(expected::add);
        assertThat(all).isEqualTo(expected);
    }

    private static final class Context implements SourceReaderContext {
        @Override
        public TaskInfo getTaskInfo() {
            return new TaskInfo("nexmark", 0, 1, 128);
        }

        @Override
        public void sendSplitRequest() {}

        @Override
        public long currentProcessingTime() {
            return 0;
        }
    }

    private static final class Collecting implements ReaderOutput<Event> {
        final List<Event> events = new ArrayList<>();

        @Override
        public void collect(Event record) {
            throw new AssertionError("Records must carry their timestamp");
        }

        @Override
        public void collect(Event record, long timestamp) {
            assertThat(timestamp).isEqualTo(record.dateTime());
            events.add(record);
        }

        @Override
        public SourceOutput<Event> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }
}
