package dev.sluice.examples.usecases.enrichment;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.typeinfo.TypeHint;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.connector.datagen.source.GeneratorFunction;
import dev.sluice.examples.usecases.ExampleOptions;
import dev.sluice.examples.usecases.Randomness;
import dev.sluice.examples.usecases.ResultPrinter.Line;
import dev.sluice.examples.usecases.ResultPrinter;
import dev.sluice.examples.usecases.UseCases;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Enriches clicks with the profile version valid at each click's event time.
 *
 * <p>Both streams are keyed by user. A click waits in keyed state until the watermark passes its
 * time — by then every profile update valid at that time has arrived — and is then joined with the
 * latest update whose {@code validFrom} is at or before the click. Profile versions no click can
 * need any more (older than the latest one at or below the watermark) are dropped, so state stays
 * bounded. A click that arrives behind the watermark cannot be placed correctly: it goes to the
 * {@link #LATE_CLICKS} side output; a profile update behind the watermark is applied from then on
 * and reported on {@link #LATE_PROFILES}.
 */
public final class ClickEnrichment {
  /** Clicks that arrived behind the watermark. */
  public static final OutputTag<Click> LATE_CLICKS = new OutputTag<Click>("late-clicks") {};

  /**
   * Profile updates that arrived behind the watermark: clicks between their {@code validFrom} and
   * the watermark were already enriched with the version before. They are still applied to later
   * clicks, and reported here.
   */
  public static final OutputTag<ProfileUpdate> LATE_PROFILES =
      new OutputTag<ProfileUpdate>("late-profiles") {};

  private ClickEnrichment() {}

  /** Assigns event time to both streams (bounded out-of-orderness) and joins them. */
  public static SingleOutputStreamOperator<EnrichedClick> build(DataStream<Click> clicks,
      DataStream<ProfileUpdate> profiles, Duration maxOutOfOrderness) {
    DataStream<Click> timedClicks = clicks.assignTimestampsAndWatermarks(WatermarkStrategy
        .<Click>forBoundedOutOfOrderness(maxOutOfOrderness).withTimestampAssigner((c, ts) -> c.timestamp()));
    DataStream<ProfileUpdate> timedProfiles = profiles.assignTimestampsAndWatermarks(WatermarkStrategy
        .<ProfileUpdate>forBoundedOutOfOrderness(maxOutOfOrderness).withTimestampAssigner((p, ts) -> p.validFrom()));
    return timedClicks.connect(timedProfiles)
        .keyBy(Click::userId, ProfileUpdate::userId)
        .process(new TemporalJoin())
        .name("Enrich clicks with profiles");
  }

  /** The event-time temporal join of clicks with profile versions. */
  static final class TemporalJoin extends KeyedCoProcessFunction<String, Click, ProfileUpdate, EnrichedClick> {
    private transient MapState<Long, List<Click>> pendingClicks;
    private transient MapState<Long, ProfileUpdate> profileVersions;

    @Override
    public void open(OpenContext openContext) {
      pendingClicks = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-clicks",
          Types.LONG, TypeInformation.of(new TypeHint<List<Click>>() {})));
      profileVersions = getRuntimeContext().getMapState(
          new MapStateDescriptor<>("profile-versions", Long.class, ProfileUpdate.class));
    }

    @Override
    public void processElement1(Click click, Context ctx, Collector<EnrichedClick> out) throws Exception {
      if (click.timestamp() <= ctx.timerService().currentWatermark()) {
        ctx.output(LATE_CLICKS, click);
        return;
      }
      List<Click> atTime = pendingClicks.get(click.timestamp());
      if (atTime == null) {
        atTime = new ArrayList<>();
      }
      atTime.add(click);
      pendingClicks.put(click.timestamp(), atTime);
      ctx.timerService().registerEventTimeTimer(click.timestamp());
    }

    @Override
    public void processElement2(ProfileUpdate update, Context ctx, Collector<EnrichedClick> out) throws Exception {
      if (update.validFrom() <= ctx.timerService().currentWatermark()) {
        ctx.output(LATE_PROFILES, update);
      }
      profileVersions.put(update.validFrom(), update);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedClick> out) throws Exception {
      ProfileUpdate valid = latestAtOrBefore(timestamp);
      for (Click click : pendingClicks.get(timestamp)) {
        out.collect(EnrichedClick.of(click, valid));
      }
      pendingClicks.remove(timestamp);
      forgetVersionsOlderThan(valid);
    }

    private ProfileUpdate latestAtOrBefore(long time) throws Exception {
      ProfileUpdate best = null;
      for (Map.Entry<Long, ProfileUpdate> e : profileVersions.entries()) {
        if (e.getKey() <= time && (best == null || e.getKey() > best.validFrom())) {
          best = e.getValue();
        }
      }
      return best;
    }

    /** Clicks still to come are after the watermark, so versions older than {@code valid} are dead. */
    private void forgetVersionsOlderThan(ProfileUpdate valid) throws Exception {
      if (valid == null) {
        return;
      }
      List<Long> dead = new ArrayList<>();
      for (Long from : profileVersions.keys()) {
        if (from < valid.validFrom()) {
          dead.add(from);
        }
      }
      for (Long from : dead) {
        profileVersions.remove(from);
      }
    }
  }

  /** Users in the generated data. */
  static final int USERS = 50;

  /** Generated clicks: one every 10 ms of event time, users round robin, shuffled a little. */
  static final class ClickGenerator implements GeneratorFunction<Long, Click> {
    private final long outOfOrderness;

    ClickGenerator(long outOfOrderness) {
      this.outOfOrderness = outOfOrderness;
    }

    @Override
    public Click map(Long i) {
      long jitter = outOfOrderness == 0 ? 0 : Randomness.below(i, 11, outOfOrderness);
      return new Click("user-" + Randomness.below(i, 13, USERS), "/page/" + Randomness.below(i, 17, 20),
          Randomness.START_MILLIS + i * 10 - jitter);
    }
  }

  /** Generated profile versions: user {@code i % USERS} gets a new segment every 500 ms of event time. */
  static final class ProfileGenerator implements GeneratorFunction<Long, ProfileUpdate> {
    private static final String[] SEGMENTS = {"new", "regular", "loyal", "vip", "lapsed"};

    @Override
    public ProfileUpdate map(Long i) {
      long user = i % USERS;
      return new ProfileUpdate("user-" + user, SEGMENTS[(int) Randomness.below(i, 19, SEGMENTS.length)],
          Randomness.below(i, 23, 2) == 0 ? "NL" : "DE", Randomness.START_MILLIS + i * 10);
    }
  }

  /** Adds the example on generated data, printing enriched clicks and late data, to {@code env}. */
  public static void define(StreamExecutionEnvironment env, ExampleOptions options) {
    RateLimiterStrategy clickRate = UseCases.rateLimiter(options);
    DataStream<Click> clicks = env.fromSource(new DataGeneratorSource<>(
        new ClickGenerator(options.outOfOrdernessMillis()), options.events(), clickRate,
        TypeInformation.of(Click.class)), WatermarkStrategy.noWatermarks(), "Clicks");
    // as many profile updates as clicks, in the same event-time span: each user changes often
    DataStream<ProfileUpdate> profiles = env.fromSource(new DataGeneratorSource<>(
        new ProfileGenerator(), options.events(), clickRate, TypeInformation.of(ProfileUpdate.class)),
        WatermarkStrategy.noWatermarks(), "Profile updates");
    SingleOutputStreamOperator<EnrichedClick> enriched =
        build(clicks, profiles, Duration.ofMillis(Math.max(1, options.outOfOrdernessMillis())));
    DataStream<Line> lines = enriched.map(c -> new Line("CLICK", c.toString())).returns(Line.class)
        .union(enriched.getSideOutput(LATE_CLICKS).map(c -> new Line("LATE", "click " + c)).returns(Line.class),
            enriched.getSideOutput(LATE_PROFILES).map(p -> new Line("LATE", "profile " + p)).returns(Line.class));
    lines.sinkTo(new ResultPrinter(options.out(), "CLICK", "LATE")).name("Print").setParallelism(1);
  }

  /** Runs the example: {@code [events [rate]]}. */
  public static void main(String[] args) throws Exception {
    ExampleOptions options = UseCases.mainOptions(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    define(env, options);
    env.execute(JOB_NAME);
  }

  /** The job's name. */
  public static final String JOB_NAME = "Click enrichment";
}
