package dev.sluice.bench.nexmark.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NexmarkQueriesTest {
  @Test
  void listsTheQueriesQ0ToQ22InOrder() {
    assertThat(NexmarkQueries.all()).extracting(NexmarkQuery::name)
        .containsExactlyElementsOf(IntStream.rangeClosed(0, 22).mapToObj(i -> "q" + i).toList());
    assertThat(NexmarkQueries.all()).allSatisfy(q -> assertThat(q.description()).isNotBlank());
  }

  @Test
  void findsAQueryByName() {
    assertThat(NexmarkQueries.byName("q7")).isInstanceOf(Query7.class);
    assertThat(NexmarkQueries.byName("q22")).isInstanceOf(Query22.class);
  }

  @Test
  void refusesAnUnknownNameListingTheValidOnes() {
    assertThatThrownBy(() -> NexmarkQueries.byName("q23"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'q23'")
        .hasMessageContaining("q0, q1, q2")
        .hasMessageContaining("q22");
  }
}
