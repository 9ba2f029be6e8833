package dev.sluice.bench.nexmark.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class EventRandomProperties {

    @Property
    void drawsWhatJavaUtilRandomDraws(@ForAll long seed, @ForAll @IntRange(min = 1) int bound,
            @ForAll @IntRange(min = 1, max = 1000) int smallBound) {
        Random expected = new Random(seed);
        EventRandom actual = new EventRandom(~seed);
        actual.setSeed(seed);
        for (int i = 0; i < 20; i++) {
            assertThat(actual.nextInt()).isEqualTo(expected.nextInt());
            assertThat(actual.nextInt(bound)).isEqualTo(expected.nextInt(bound));
            assertThat(actual.nextInt(smallBound)).isEqualTo(expected.nextInt(smallBound));
            assertThat(actual.nextLong()).isEqualTo(expected.nextLong());
            assertThat(actual.nextDouble()).isEqualTo(expected.nextDouble());
        }
    }
}
