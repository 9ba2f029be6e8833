package dev.sluice.bench.nexmark.generator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The random strings of the standard generator, drawn from an {@link EventRandom} in the same
 * order and with the same rules, built in one reused byte buffer (every character is ASCII), so a
 * string costs only itself.
 */
final class RandomText {
    private static final int MIN_STRING_LENGTH = 3;
    private static final byte SPACE = ' ';

    private final EventRandom random;
    private byte[] buffer = new byte[256];

    RandomText(EventRandom random) {
        this.random = random;
    }

    /**
     * Letters with a space one time in 13, {@code 3 .. maxLength - 1} of them before spaces at
     * either end are trimmed.
     */
    String string(int maxLength) {
        int end = appendString(0, maxLength, SPACE);
        return text(end);
    }

    /** {@code <string of up to 7>@<string of up to 5>.com} */
    String email() {
        int end = appendString(0, 7, SPACE);
        buffer[end++] = '@';
        end = appendString(end, 5, SPACE);
        end = appendAscii(end, ".com");
        return text(end);
    }

    /** Four groups of four digits, separated by spaces. */
    String creditCard() {
        int end = 0;
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                buffer[end++] = SPACE;
            }
            int digits = random.nextInt(10_000);
            for (int i = 3; i >= 0; i--) {
                buffer[end + i] = (byte) ('0' + digits % 10);
                digits /= 10;
            }
            end += 4;
        }
        return text(end);
    }

    /**
     * {@code https://www.nexmark.com/<s>/<s>/<s>/item.htm?query=1} with three random strings of up
     * to 5 characters in which {@code _} takes the place of the space.
     */
    String baseUrl() {
        int end = appendAscii(0, "https://www.nexmark.com/");
        for (int i = 0; i < 3; i++) {
            end = appendString(end, 5, (byte) '_');
            buffer[end++] = '/';
        }
        end = appendAscii(end, "item.htm?query=1");
        return text(end);
    }

    /**
     * Padding such that {@code currentSize} plus its length is {@code averageSize} on average:
     * uniformly 80% to 120% of the difference, empty when {@code currentSize} is already larger.
     */
    String extra(int currentSize, int averageSize) {
        if (currentSize > averageSize) {
            return "";
        }
        int wanted = averageSize - currentSize;
        int delta = (int) Math.round(wanted * 0.2);
        int length = wanted - delta + (delta == 0 ? 0 : random.nextInt(2 * delta));
        return exact(length);
    }

    /**
     * Exactly {@code length} characters, six from each random int. As in the standard, a negative
     * int gives characters below {@code 'a'} (down to {@code 'H'}).
     *
     * <p>The standard takes the characters one at a time, {@code 'a' + bits % 26}, then {@code bits
     * /= 26}. Two consecutive characters depend only on {@code bits % 676} (676 = 26 * 26; Java's
     * remainder and truncating division keep the sign, so this holds for negative ints too), so
     * this takes them in pairs from {@link #PAIRS}: three divisions per int instead of twelve. The
     * last group may write up to five characters past {@code length}; they are not part of the
     * string.
     */
    String exact(int length) {
        ensureCapacity(length + 6);
        byte[] b = buffer;
        for (int i = 0; i < length; i += 6) {
            sixCharacters(random.nextInt(), b, i);
        }
        return text(length);
    }

    /** Writes the six characters of {@code bits} at {@code b[i .. i + 5]}. */
    static void sixCharacters(int bits, byte[] b, int i) {
        int q1 = bits / 676;
        int q2 = q1 / 676;
        int p1 = 2 * (bits - q1 * 676 + 675);
        int p2 = 2 * (q1 - q2 * 676 + 675);
        int p3 = 2 * (q2 % 676 + 675);
        b[i] = PAIRS[p1];
        b[i + 1] = PAIRS[p1 + 1];
        b[i + 2] = PAIRS[p2];
        b[i + 3] = PAIRS[p2 + 1];
        b[i + 4] = PAIRS[p3];
        b[i + 5] = PAIRS[p3 + 1];
    }

    /**
     * For each remainder {@code r} of a division by 676, {@code -675 .. 675}, at {@code 2 * (r + 675)}:
     * the two characters {@code 'a' + r % 26} and {@code 'a' + (r / 26) % 26}.
     */
    private static final byte[] PAIRS = new byte[2 * 1351];

    static {
        for (int r = -675; r <= 675; r++) {
            PAIRS[2 * (r + 675)] = (byte) ('a' + r % 26);
            PAIRS[2 * (r + 675) + 1] = (byte) ('a' + (r / 26) % 26);
        }
    }

    private int appendString(int start, int maxLength, byte special) {
        int length = MIN_STRING_LENGTH + random.nextInt(maxLength - MIN_STRING_LENGTH);
        ensureCapacity(start + length + 32);
        int end = start;
        for (int i = 0; i < length; i++) {
            buffer[end++] = random.nextInt(13) == 0 ? special : (byte) ('a' + random.nextInt(26));
        }
        int first = start;
        while (first < end && buffer[first] == SPACE) {
            first++;
        }
        while (end > first && buffer[end - 1] == SPACE) {
            end--;
        }
        if (first > start) {
            System.arraycopy(buffer, first, buffer, start, end - first);
        }
        return start + (end - first);
    }

    private int appendAscii(int start, String ascii) {
        int length = ascii.length();
        ensureCapacity(start + length);
        for (int i = 0; i < length; i++) {
            buffer[start + i] = (byte) ascii.charAt(i);
        }
        return start + length;
    }

    private void ensureCapacity(int capacity) {
        if (buffer.length < capacity) {
            buffer = Arrays.copyOf(buffer, Math.max(capacity, 2 * buffer.length));
        }
    }

    private String text(int length) {
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
    }
}
