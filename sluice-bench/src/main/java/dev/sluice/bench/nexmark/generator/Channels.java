package dev.sluice.bench.nexmark.generator;

/**
 * The channels bids come from, with their URLs: four hot channels, and {@value #COUNT} others
 * named {@code channel-<n>}. As in the standard generator, nine in ten of the others have {@code
 * &channel_id=<n with its bits reversed>} appended to their URL.
 *
 * <p>The standard draws the URLs from an unseeded random generator once per process; here they
 * are drawn from generators seeded with the channel number ({@code COUNT + i} for hot channel
 * {@code i}), so they are the same in every run and every process.
 */
final class Channels {
    /** How many channels there are besides the hot ones. */
    static final int COUNT = 10_000;

    /** One bid in this many comes from another than a hot channel. */
    static final int HOT_RATIO = 2;

    private static final String[] HOT_NAMES = {"Google", "Facebook", "Baidu", "Apple"};
    private static final String[] HOT_URLS = new String[HOT_NAMES.length];
    private static final String[] NAMES = new String[COUNT];
    private static final String[] URLS = new String[COUNT];

    static {
        EventRandom random = new EventRandom(0);
        RandomText text = new RandomText(random);
        for (int i = 0; i < HOT_URLS.length; i++) {
            random.setSeed(COUNT + i);
            HOT_URLS[i] = text.baseUrl();
        }
        for (int n = 0; n < COUNT; n++) {
            random.setSeed(n);
            String url = text.baseUrl();
            if (random.nextInt(10) > 0) {
                url = url + "&channel_id=" + Math.abs(Integer.reverse(n));
            }
            NAMES[n] = "channel-" + n;
            URLS[n] = url;
        }
    }

    private Channels() {}

    static int hotCount() {
        return HOT_NAMES.length;
    }

    static String hotName(int i) {
        return HOT_NAMES[i];
    }

    static String hotUrl(int i) {
        return HOT_URLS[i];
    }

    static String name(int n) {
        return NAMES[n];
    }

    static String url(int n) {
        return URLS[n];
    }
}
