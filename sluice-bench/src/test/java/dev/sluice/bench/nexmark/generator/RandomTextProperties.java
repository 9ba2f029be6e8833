package dev.sluice.bench.nexmark.generator;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RandomTextProperties {

    /**
     * The padding text is the standard's, character for character: one random int per six
     * characters, {@code 'a' + bits % 26} then {@code bits /= 26}, negative ints included; and the
     * generator's random sequence is left where the standard leaves it.
     */
    @Property
    void exactTextIsTheStandardsOneCharacterAtATime(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 400) int length) {
        EventRandom reference = new EventRandom(seed);
        String expected = standardExact(reference, length);
        EventRandom random = new EventRandom(seed);
        String actual = new RandomText(random).exact(length);
        assertThat(actual).isEqualTo(expected);
        assertThat(random.nextInt()).isEqualTo(reference.nextInt());
    }

    /** Every int, the extremes included (jqwik tries them), gives the standard's six characters. */
    @Property
    void sixCharactersOfAnyInt(@ForAll int bits) {
        StringBuilder expected = new StringBuilder();
        int b = bits;
        for (int i = 0; i < 6; i++) {
            expected.append((char) ('a' + b % 26));
            b /= 26;
        }
        byte[] out = new byte[8];
        RandomText.sixCharacters(bits, out, 1);
        assertThat(new String(out, 1, 6, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo(expected.toString());
    }

    /** The standard generator's loop. */
    private static String standardExact(EventRandom random, int length) {
        StringBuilder sb = new StringBuilder();
        int bits = 0;
        int left = 0;
        for (int i = 0; i < length; i++) {
            if (left == 0) {
                bits = random.nextInt();
                left = 6;
            }
            sb.append((char) ('a' + bits % 26));
            bits /= 26;
            left--;
        }
        return sb.toString();
    }
}
