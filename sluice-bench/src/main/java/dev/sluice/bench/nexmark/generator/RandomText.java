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
     */
    private String exact(int length) {
        ensureCapacity(length);
        int bits = 0;
        int left = 0;
        for (int i = 0; i < length; i++) {
            if (left == 0) {
                bits = random.nextInt();
                left = 6;
            }
            buffer[i] = (byte) ('a' + bits % 26);
            bits /= 26;
            left--;
        }
        return text(length);
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
