package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.common.eventtime.WatermarkGenerator;
import dev.sluice.api.common.eventtime.WatermarkOutput;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.generator.NexmarkGenerator;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.bench.nexmark.source.NexmarkSource;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.test.SluiceTestKit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Runs queries on generated events, and helpers to compare their results. */
final class QueryRun {
  /** 20,000 events over 100 s of event time, crossing midnight (UTC) after 50 s. */
  static final GeneratorConfig CONFIG = GeneratorConfig.builder()
      .numEvents(20_000)
      .firstEventRate(200)
      .baseTime(19_676 * 86_400_000L - 50_000)
      .numActivePeople(100)
      .build();

  private QueryRun() {}

  /** How the events get their watermarks. */
  enum Watermarks {
    /** A watermark right behind every event: event time moves as far as it can. */
    PUNCTUATED,
    /** As the harness does: bounded out-of-orderness, emitted every millisecond of wall time. */
    PERIODIC
  }

  /** A parallelism and a way of making watermarks. */
  record Setup(int parallelism, Watermarks watermarks) {
    @Override
    public String toString() {
      return "parallelism " + parallelism + ", " + watermarks;
    }
  }

  static List<Setup> setups() {
    return List.of(new Setup(1, Watermarks.PUNCTUATED), new Setup(2, Watermarks.PERIODIC),
        new Setup(2, Watermarks.PUNCTUATED));
  }

  /** The events of {@code config}, from the plain iterator. */
  static List<Event> events(GeneratorConfig config) {
    List<Event> events = new ArrayList<>();
    new NexmarkGenerator(config).forEachRemaining(events::add);
    return events;
  }

  /** Runs {@code query} on the events of {@link #CONFIG}; returns its output. */
  static <T> List<T> run(NexmarkQuery query, Setup setup) {
    return run(query, setup, CONFIG, QueryContext.defaults(Path.of("unused")));
  }

  /** Runs {@code query} on the events of {@code config}; returns its output. */
  @SuppressWarnings("unchecked")
  static <T> List<T> run(NexmarkQuery query, Setup setup, GeneratorConfig config,
      QueryContext context) {
    StreamExecutionEnvironment env =
        SluiceTestKit.environment(setup.parallelism(), System::currentTimeMillis);
    env.getConfig().setAutoWatermarkInterval(1);
    DataStream<Event> events = env
        .fromSource(new NexmarkSource(config), WatermarkStrategy.noWatermarks(), "Nexmark")
        .assignTimestampsAndWatermarks(strategy(setup.watermarks()));
    return SluiceTestKit.collect((DataStream<T>) query.build(events, context), Duration.ofSeconds(60));
  }

  private static WatermarkStrategy<Event> strategy(Watermarks watermarks) {
    return switch (watermarks) {
      case PUNCTUATED -> WatermarkStrategy.forGenerator(ctx -> new Punctuated());
      case PERIODIC -> WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(500));
    };
  }

  /** How often each element occurs. */
  static <T> Map<T, Long> multiset(List<T> elements) {
    Map<T, Long> counts = new HashMap<>();
    for (T e : elements) {
      counts.merge(e, 1L, Long::sum);
    }
    return counts;
  }

  /**
   * Asserts that {@code actual} has the elements of {@code expected}, as many times each, in any
   * order; on a difference, says how many are missing and extra, with a few of each.
   */
  static <T> void assertSameElements(List<T> actual, List<T> expected) {
    assertSame(multiset(actual), multiset(expected));
  }

  /** Asserts two maps are equal; on a difference, lists a few keys that differ. */
  static <K, V> void assertSame(Map<K, V> actual, Map<K, V> expected) {
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    int missingCount = 0;
    int extraCount = 0;
    for (Map.Entry<K, V> e : expected.entrySet()) {
      if (!Objects.equals(actual.get(e.getKey()), e.getValue())) {
        missingCount++;
        if (missing.size() < 3) {
          missing.add(shortly(e.getKey() + "=" + e.getValue() + " (got " + actual.get(e.getKey()) + ")"));
        }
      }
    }
    for (Map.Entry<K, V> e : actual.entrySet()) {
      if (!expected.containsKey(e.getKey())) {
        extraCount++;
        if (extra.size() < 3) {
          extra.add(shortly(e.getKey() + "=" + e.getValue()));
        }
      }
    }
    if (missingCount + extraCount > 0) {
      throw new AssertionError(expected.size() + " keys expected, " + actual.size() + " got; "
          + missingCount + " differ or are missing, e.g. " + missing + "; " + extraCount
          + " unexpected, e.g. " + extra);
    }
  }

  private static String shortly(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  /** The last element per key, in the order given: the final state of an updating result. */
  static <K, T> Map<K, T> lastPerKey(List<T> elements, Function<T, K> key) {
    Map<K, T> last = new HashMap<>();
    for (T e : elements) {
      last.put(key.apply(e), e);
    }
    return last;
  }

  /** A watermark right behind every event. */
  private static final class Punctuated implements WatermarkGenerator<Event> {
    @Override
    public void onEvent(Event event, long timestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(timestamp - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }
}
