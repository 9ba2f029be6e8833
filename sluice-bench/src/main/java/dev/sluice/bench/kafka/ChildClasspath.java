package dev.sluice.bench.kafka;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Class paths of the Kafka harness' child JVMs, cut from the harness' own (all of {@code sluice-bench}'s
 * dependencies).
 *
 * <p>Why: {@code sluice-bench} also carries Apache Flink, whose RocksDB state backend brings
 * {@code com.ververica:frocksdbjni} — the package {@code org.rocksdb} again, in an older version than the
 * {@code org.rocksdb:rocksdbjni} Kafka Streams needs. On one class path the first jar wins, and Kafka Streams' stores
 * would run on Flink's fork. No child of this harness gets a Flink jar; engine children do not get the broker's
 * jars (Scala, kafka-server, ...), and the broker child does not get Kafka Streams or RocksDB.
 */
public final class ChildClasspath {
    private static final List<String> NEVER = List.of("flink-", "frocksdbjni", "jmh-", "commons-math3", "jopt-simple");
    private static final List<String> BROKER_ONLY = List.of("sluice-kafka-broker", "kafka_2.13", "kafka-server",
            "kafka-raft", "kafka-metadata", "kafka-storage", "kafka-group-coordinator", "kafka-transaction-coordinator",
            "kafka-share-coordinator", "kafka-coordinator-common", "kafka-tools-api", "scala-", "jackson-module-scala",
            "jopt", "metrics-core", "argparse4j", "jose4j");
    private static final List<String> ENGINE_ONLY = List.of("kafka-streams", "rocksdbjni");

    private ChildClasspath() {}

    /** The harness' class path: surefire's test class path when run under it, else {@code java.class.path}. */
    public static List<String> full() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        List<String> out = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                out.add(e);
            }
        }
        return out;
    }

    public static String forBroker() {
        return filter(ENGINE_ONLY);
    }

    public static String forEngine() {
        return filter(BROKER_ONLY);
    }

    private static String filter(List<String> alsoDrop) {
        List<String> kept = new ArrayList<>();
        for (String e : full()) {
            String name = new File(e).getName().toLowerCase(Locale.ROOT);
            if (!matches(name, NEVER) && !matches(name, alsoDrop)) {
                kept.add(e);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    private static boolean matches(String jarName, List<String> prefixes) {
        if (!jarName.endsWith(".jar")) {
            return false; // directories: target/classes, target/test-classes
        }
        for (String p : prefixes) {
            if (jarName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
