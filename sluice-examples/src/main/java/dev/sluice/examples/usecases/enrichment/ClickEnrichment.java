package dev.sluice.examples.usecases.enrichment;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.typeinfo.TypeHint;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.streaming.api.datastream.DataStream;
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

  /** Runs the join on generated data: {@code [clicks [users]]}. */
  public static void main(String[] args) throws Exception {
    long clicks = args.length > 0 ? Long.parseLong(args[0]) : 20;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    dev.sluice.streaming.api.environment.StreamExecutionEnvironment env =
        dev.sluice.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment();
    List<Click> clickData = new ArrayList<>();
    List<ProfileUpdate> profileData = new ArrayList<>();
    String[] segments = {"new", "regular", "loyal", "vip"};
    for (long i = 0; i < clicks; i++) {
      clickData.add(new Click("user-" + (i % users), "/page/" + (i % 7), 1_000 + i * 500));
    }
    for (int u = 0; u < users; u++) {
      for (int v = 0; v < segments.length; v++) {
        profileData.add(new ProfileUpdate("user-" + u, segments[v], v % 2 == 0 ? "NL" : "DE",
            v * clicks * 500 / segments.length + u * 100L));
      }
    }
    java.util.Collections.shuffle(clickData, new java.util.Random(7));
    build(env.fromData(clickData), env.fromData(profileData), Duration.ofSeconds(60)).print();
    env.execute("Click enrichment");
  }
}
