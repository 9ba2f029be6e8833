package dev.sluice.bench.kafka;

import java.util.Locale;

/** Processing guarantee of a run: Kafka Streams' at_least_once / exactly_once_v2, Sluice's AT_LEAST_ONCE / EXACTLY_ONCE sink. */
public enum Guarantee {
    ALOS("alos"),
    EOS("eos");

    private final String id;

    Guarantee(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Guarantee parse(String s) {
        for (Guarantee g : values()) {
            if (g.id.equals(s.trim().toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown guarantee '" + s + "' (expected alos or eos)");
    }
}
