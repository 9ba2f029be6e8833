package dev.sluice.examples.usecases.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.usecases.Inputs;
import dev.sluice.examples.usecases.Randomness;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.test.CapturedStream;
import dev.sluice.test.SluiceTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionAnalysisTest {
  private static final long GAP = SessionAnalysis.GAP.toMillis();
  private static final long T = Randomness.START_MILLIS;

  private static List<PageView> input() {
    ClickstreamGenerator generator = new ClickstreamGenerator(40, 3_000);
    List<PageView> views = new ArrayList<>();
    for (long i = 0; i < 40 * 60; i++) { // 60 views, 6 bursts, per user
      views.add(generator.map(i));
    }
    // exactly the gap apart: the windows [t, t+gap) and [t+gap, t+2gap) touch, so they merge
    views.add(new PageView("edge-touch", "/", T));
    views.add(new PageView("edge-touch", "/cart", T + GAP));
    // one ms more: two sessions
    views.add(new PageView("edge-apart", "/", T));
    views.add(new PageView("edge-apart", "/", T + GAP + 1));
    // two sessions bridged by a view between them (arriving in any order): one session
    views.add(new PageView("edge-bridge", "/", T));
    views.add(new PageView("edge-bridge", "/help", T + 2 * GAP - 2));
    views.add(new PageView("edge-bridge", "/cart", T + GAP - 1));
    return views;
  }

  /**
   * Flink's session windows, modelled directly: each view is the window [t, t + gap), and windows
   * that overlap or touch merge. Sorted by time, a view joins the current session iff its window
   * starts at or before the current session's window end, i.e. {@code t <= last + gap}.
   */
  private static Map<String, List<Session>> expected(List<PageView> views) {
    Map<String, List<PageView>> perUser = new TreeMap<>();
    for (PageView v : views) {
      perUser.computeIfAbsent(v.userId(), u -> new ArrayList<>()).add(v);
    }
    Map<String, List<Session>> sessions = new TreeMap<>();
    perUser.forEach((user, list) -> {
      list.sort(Comparator.comparingLong(PageView::timestamp));
      List<Session> out = new ArrayList<>();
      List<PageView> current = new ArrayList<>();
      for (PageView v : list) {
        if (!current.isEmpty() && v.timestamp() > current.get(current.size() - 1).timestamp() + GAP) {
          out.add(summary(user, current));
          current = new ArrayList<>();
        }
        current.add(v);
      }
      out.add(summary(user, current));
      sessions.put(user, out);
    });
    return sessions;
  }

  private static Session summary(String user, List<PageView> views) {
    long start = views.get(0).timestamp();
    long end = views.get(views.size() - 1).timestamp();
    Set<String> pages = new HashSet<>();
    views.forEach(v -> pages.add(v.page()));
    return new Session(user, start, end, end - start, views.size(), pages.size());
  }

  @ParameterizedTest(name = "parallelism {0}, fully shuffled {1}")
  @CsvSource({"1, false", "3, false", "1, true", "3, true"})
  void sessionsOfShuffledViewsEqualTheModel(int parallelism, boolean fullShuffle) {
    List<PageView> views = input();
    long bound = fullShuffle ? Inputs.span(views, PageView::timestamp) : 20 * 60_000;
    List<PageView> arrival = fullShuffle
        ? Inputs.shuffleAll(views, 7)
        : Inputs.shuffleWithin(views, bound, 7, PageView::timestamp);

    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
    SingleOutputStreamOperator<Session> sessions =
        SessionAnalysis.build(Inputs.stream(env, arrival, bound, (v, ts) -> v.timestamp()));
    CapturedStream<Session> main = SluiceTestKit.capture(sessions);
    CapturedStream<PageView> late = SluiceTestKit.capture(sessions.getSideOutput(SessionAnalysis.LATE));
    SluiceTestKit.execute(env, Duration.ofSeconds(30));

    Map<String, List<Session>> expected = expected(views);
    Map<String, List<Session>> actual = new TreeMap<>();
    for (Session s : main.values()) {
      actual.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s);
    }
    actual.values().forEach(l -> l.sort(Comparator.comparingLong(Session::start)));
    assertThat(actual).isEqualTo(expected);
    assertThat(late.values()).isEmpty();

    // the input has what it takes: merged bursts, and separate ones
    assertThat(expected.get("edge-touch")).containsExactly(new Session("edge-touch", T, T + GAP, GAP, 2, 2));
    assertThat(expected.get("edge-apart")).hasSize(2);
    assertThat(expected.get("edge-bridge")).containsExactly(
        new Session("edge-bridge", T, T + 2 * GAP - 2, 2 * GAP - 2, 3, 3));
    long sessionCount = expected.values().stream().mapToLong(List::size).sum();
    assertThat(sessionCount).isBetween(40L * 2, 40L * 6 - 10);
    assertThat(expected.values().stream().flatMap(List::stream))
        .anyMatch(s -> s.pagesViewed() > ClickstreamGenerator.VIEWS_PER_BURST)
        .anyMatch(s -> s.pagesViewed() == ClickstreamGenerator.VIEWS_PER_BURST);
  }
}
