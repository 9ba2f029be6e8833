package dev.sluice.bench.kafka;

import java.util.Locale;

/** The two Kafka → Kafka jobs of the harness. */
public enum KafkaJob {
    /** Lines → lower-cased words → running count per word → (word, count as Long). */
    WORDCOUNT("wordcount"),
    /** Events keyed by user → 10 s tumbling event-time windows → count per user and window, emitted when the window closes. */
    WINDOWED("windowed");

    private final String id;

    KafkaJob(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static KafkaJob parse(String s) {
        for (KafkaJob j : values()) {
            if (j.id.equals(s.trim().toLowerCase(Locale.ROOT))) {
                return j;
            }
        }
        throw new IllegalArgumentException("unknown job '" + s + "' (expected wordcount or windowed)");
    }
}
