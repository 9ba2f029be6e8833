package dev.sluice.examples.usecases.sessions;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.examples.usecases.ExampleOptions;
import dev.sluice.examples.usecases.ResultPrinter;
import dev.sluice.examples.usecases.ResultPrinter.Line;
import dev.sluice.examples.usecases.UseCases;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Session analysis of a clickstream.
 *
 * <pre>
 *   page views (userId, page, timestamp), out of order, with watermarks
 *     -> keyBy(userId)
 *     -> event-time session windows, 30 minutes gap
 *     -> ProcessWindowFunction: first and last view, views, distinct pages
 *     -> Session(userId, start, end, durationMillis, pagesViewed, distinctPages)
 * </pre>
 *
 * <p>As in Flink, each view opens the window {@code [t, t + gap)} and windows of a user that
 * overlap <em>or touch</em> merge: two views exactly 30 minutes apart are in one session, 30
 * minutes and 1 ms apart are not. A session is reported when the watermark passes its last view
 * plus the gap. Views behind the watermark whose session already closed go to {@link #LATE}.
 */
public final class SessionAnalysis {
  public static final String JOB_NAME = "Sluice example: session analysis";
  public static final Duration GAP = Duration.ofMinutes(30);
  public static final int USERS = 200;
  /** Page views that came after their session had been reported. */
  public static final OutputTag<PageView> LATE = new OutputTag<PageView>("late-page-views") {};

  private SessionAnalysis() {}

  /** Summarizes the page views of one session window. */
  public static final class SummarizeSession
      extends ProcessWindowFunction<PageView, Session, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String userId, Context context, Iterable<PageView> views, Collector<Session> out) {
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      int count = 0;
      Set<String> pages = new HashSet<>();
      for (PageView v : views) {
        first = Math.min(first, v.timestamp());
        last = Math.max(last, v.timestamp());
        count++;
        pages.add(v.page());
      }
      out.collect(new Session(userId, first, last, last - first, count, pages.size()));
    }
  }

  /** The sessions of {@code views}, which must carry event timestamps and watermarks. */
  public static SingleOutputStreamOperator<Session> build(DataStream<PageView> views) {
    return build(views, GAP);
  }

  /** Like {@link #build(DataStream)} with another session gap. */
  public static SingleOutputStreamOperator<Session> build(DataStream<PageView> views, Duration gap) {
    return views
        .keyBy(PageView::userId)
        .window(EventTimeSessionWindows.withGap(gap))
        .sideOutputLateData(LATE)
        .process(new SummarizeSession())
        .name("Sessions");
  }

  /** Generated page views of {@link #USERS} users, with timestamps and watermarks. */
  public static DataStream<PageView> generated(StreamExecutionEnvironment env, ExampleOptions options) {
    TypeInformation<PageView> type = TypeInformation.of(PageView.class);
    DataGeneratorSource<PageView> source = new DataGeneratorSource<>(
        new ClickstreamGenerator(USERS, options.outOfOrdernessMillis()),
        options.events(), UseCases.rateLimiter(options), type);
    WatermarkStrategy<PageView> watermarks = WatermarkStrategy
        .<PageView>forBoundedOutOfOrderness(Duration.ofMillis(options.outOfOrdernessMillis()))
        .withTimestampAssigner((view, ts) -> view.timestamp());
    return env.fromSource(source, watermarks, "Page views", type);
  }

  /** Adds the example on generated data, printing sessions and late views, to {@code env}. */
  public static void define(StreamExecutionEnvironment env, ExampleOptions options) {
    SingleOutputStreamOperator<Session> sessions = build(generated(env, options));
    DataStream<Line> lines = sessions.map(s -> new Line("SESSION", s.describe())).returns(Line.class)
        .union(sessions.getSideOutput(LATE).map(v -> new Line("LATE", v.toString())).returns(Line.class));
    lines.sinkTo(new ResultPrinter(options.out(), "SESSION", "LATE")).name("Print").setParallelism(1);
  }

  /** Runs the example: {@code [events [rate]]} (default 20,000 events, as fast as possible). */
  public static void main(String[] args) throws Exception {
    ExampleOptions options = UseCases.mainOptions(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    define(env, options);
    env.execute(JOB_NAME);
  }
}
