package dev.sluice.examples.usecases.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.test.SluiceTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClickEnrichmentTest {
  static final Duration DISORDER = Duration.ofSeconds(30);

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3})
  void everyClickGetsTheProfileValidAtItsTimeWhateverTheArrivalOrder(int parallelism) throws Exception {
    Random random = new Random(42 + parallelism);
    List<Click> clicks = new ArrayList<>();
    List<ProfileUpdate> profiles = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      clicks.add(new Click("u" + random.nextInt(8), "/p" + random.nextInt(5), 1_000 + random.nextInt(200_000)));
    }
    for (int u = 0; u < 8; u++) {
      int versions = random.nextInt(5);
      for (int v = 0; v < versions; v++) {
        profiles.add(new ProfileUpdate("u" + u, "s" + v, "c" + (v % 3), random.nextInt(200_000)));
      }
    }
    // arrival order: shuffled within the out-of-orderness bound, so nothing is late
    List<Click> clickArrival = locallyShuffled(clicks, Click::timestamp, random);
    List<ProfileUpdate> profileArrival = locallyShuffled(profiles, ProfileUpdate::validFrom, random);

    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
    SingleOutputStreamOperator<EnrichedClick> enriched = ClickEnrichment.build(
        env.fromData(clickArrival), env.fromData(profileArrival.isEmpty()
            ? List.of(new ProfileUpdate("nobody", "-", "-", 0)) : profileArrival), DISORDER);
    List<EnrichedClick> actual = SluiceTestKit.collect(enriched, Duration.ofSeconds(60));

    assertThat(actual).containsExactlyInAnyOrderElementsOf(model(clicks, profiles));
  }

  /** The obvious definition: for each click, the update of its user with the largest validFrom ≤ t. */
  static List<EnrichedClick> model(List<Click> clicks, List<ProfileUpdate> profiles) {
    List<EnrichedClick> out = new ArrayList<>();
    for (Click c : clicks) {
      ProfileUpdate best = null;
      for (ProfileUpdate p : profiles) {
        if (p.userId().equals(c.userId()) && p.validFrom() <= c.timestamp()
            && (best == null || p.validFrom() > best.validFrom())) {
          best = p;
        }
      }
      out.add(EnrichedClick.of(c, best));
    }
    return out;
  }

  /** Sorted by time, then each element moved by less than the allowed disorder. */
  static <T> List<T> locallyShuffled(List<T> items, java.util.function.ToLongFunction<T> time, Random random) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingLong(time));
    List<T> out = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      long start = time.applyAsLong(sorted.get(i));
      int j = i;
      while (j < sorted.size() && time.applyAsLong(sorted.get(j)) - start < DISORDER.toMillis() / 2) {
        j++;
      }
      List<T> chunk = new ArrayList<>(sorted.subList(i, j));
      Collections.shuffle(chunk, random);
      out.addAll(chunk);
      i = j;
    }
    return out;
  }
}
