package dev.sluice.bench.kafka;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The data of the Kafka harness and the record functions both engines share, so that the jobs differ
 * only in the engine's API.
 *
 * <ul>
 *   <li>Word count input: lines of text (value only), 6 to 14 words (10 on average) drawn from a
 *       vocabulary of {@value #VOCABULARY} made-up words with Zipf-like frequencies (exponent 1), some
 *       capitalised and some followed by punctuation, so that {@link #words} has to lower-case and split.
 *   <li>Window input: key = user id ({@value #USERS} users, uniform), value = a short action name,
 *       Kafka record timestamp = event time: {@value #EVENTS_PER_MS} events per millisecond from
 *       {@link #EVENT_TIME_BASE}, each up to {@value #MAX_DISORDER_MS} ms earlier than its position.
 *       After the events, each partition gets {@value #END_MARKERS_PER_PARTITION} end markers (keys
 *       {@code ~end-<partition>-<i>}) 60 s of event time later, which close every window of the real
 *       events on Kafka Streams (whose stream time is per partition and only moves with records) and
 *       on the Sluice Streams DSL (whose stream time is per task, a task being a set of key groups fed
 *       by every partition: with several keys of markers every task gets one). The markers' own
 *       windows are left out of every count and check.
 * </ul>
 */
public final class KafkaWorkload {
    public static final int VOCABULARY = 10_000;
    public static final int USERS = 10_000;
    public static final long EVENT_TIME_BASE = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    public static final int EVENTS_PER_MS = 10;
    public static final long MAX_DISORDER_MS = 1_000;
    public static final long WINDOW_MS = 10_000;
    /** Kafka Streams' grace and Sluice's bounded out-of-orderness: both close a window at end + 2 s. */
    public static final long GRACE_MS = 2_000;
    public static final String END_MARKER_PREFIX = "~end-";
    public static final int END_MARKERS_PER_PARTITION = 16;
    private static final String[] ACTIONS = {"view", "click", "cart", "buy"};

    private static final String[] WORDS = vocabulary();
    private static final double[] CDF = zipfCdf(VOCABULARY, 1.0);

    private KafkaWorkload() {}

    /** Generator of the word-count lines; {@code seed} fixes the sequence. */
    public static final class Lines {
        private final SplittableRandom random;
        private final StringBuilder sb = new StringBuilder(128);

        public Lines(long seed) {
            random = new SplittableRandom(seed);
        }

        public String next() {
            sb.setLength(0);
            int n = 6 + random.nextInt(9);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                String w = WORDS[zipf(random.nextDouble())];
                if (random.nextInt(8) == 0) {
                    sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
                } else {
                    sb.append(w);
                }
                int punct = random.nextInt(20);
                if (punct == 0) {
                    sb.append(',');
                } else if (punct == 1) {
                    sb.append('.');
                }
            }
            return sb.toString();
        }
    }

    /** One window-job event: user, action and event time. */
    public record Event(String user, String action, long timestamp) {}

    /** Generator of the window-job events. */
    public static final class Events {
        private final SplittableRandom random;
        private long index;

        public Events(long seed) {
            random = new SplittableRandom(seed);
        }

        public Event next() {
            long ts = EVENT_TIME_BASE + index / EVENTS_PER_MS - random.nextLong(MAX_DISORDER_MS);
            index++;
            return new Event("u" + random.nextInt(USERS), ACTIONS[random.nextInt(ACTIONS.length)], ts);
        }

        /** Event time of the end markers for a run of {@code n} events. */
        public static long endMarkerTimestamp(long n) {
            return EVENT_TIME_BASE + n / EVENTS_PER_MS + 60_000;
        }
    }

    /** The words of a line, lower-cased: maximal runs of letters and digits. Shared by every engine. */
    public static List<String> words(String line) {
        List<String> out = new ArrayList<>(16);
        int n = line.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean letter = i < n && Character.isLetterOrDigit(line.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                out.add(line.substring(start, i).toLowerCase());
                start = -1;
            }
        }
        return out;
    }

    /** Output key of a window result: {@code user@windowStart}. */
    public static String windowKey(String user, long windowStart) {
        return user + "@" + windowStart;
    }

    /** The window start encoded in a window result's key. */
    public static long windowStartOf(String windowKey) {
        return Long.parseLong(windowKey.substring(windowKey.lastIndexOf('@') + 1));
    }

    public static boolean isEndMarker(String key) {
        return key.startsWith(END_MARKER_PREFIX);
    }

    /** A long as Kafka's {@code LongSerializer} writes it (8 bytes, big-endian). */
    public static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    private static int zipf(double u) {
        int i = Arrays.binarySearch(CDF, u);
        return i >= 0 ? i : Math.min(-i - 1, CDF.length - 1);
    }

    private static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    /** Pronounceable made-up words of 2 to 4 syllables, all distinct. */
    private static String[] vocabulary() {
        String[] onsets = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr",
            "pl", "gr"};
        String[] vowels = {"a", "e", "i", "o", "u", "ea", "ou"};
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
        SplittableRandom r = new SplittableRandom(7);
        while (words.size() < VOCABULARY) {
            int syllables = 1 + r.nextInt(3) + (r.nextInt(3) == 0 ? 1 : 0);
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                w.append(onsets[r.nextInt(onsets.length)]).append(vowels[r.nextInt(vowels.length)]);
            }
            if (r.nextInt(3) == 0) {
                w.append("nrst".charAt(r.nextInt(4)));
            }
            words.add(w.toString());
        }
        return words.toArray(new String[0]);
    }
}
