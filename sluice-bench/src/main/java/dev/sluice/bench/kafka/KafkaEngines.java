package dev.sluice.bench.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Engine names of the Kafka harness and the classes that run them in the child JVM. Engines are looked up by
 * class name, so a row whose class is not in the build is skipped with a message instead of breaking it.
 */
public final class KafkaEngines {
    /**
     * Name to class. {@code sluice-dsl} is Sluice's Kafka Streams-compatible DSL ({@code dev.sluice.streams}):
     * {@link SluiceDslEngine}, {@link KafkaStreamsEngine}'s topology with {@code dev.sluice.streams.*} imported
     * instead of {@code org.apache.kafka.streams.*}.
     */
    public static final Map<String, String> CLASSES = new LinkedHashMap<>();

    static {
        CLASSES.put("sluice", SluiceKafkaEngine.class.getName());
        CLASSES.put("sluice-dedup", SluiceKafkaEngine.Dedup.class.getName());
        CLASSES.put("sluice-dsl", SluiceDslEngine.class.getName());
        CLASSES.put("kstreams", KafkaStreamsEngine.class.getName());
        CLASSES.put("kstreams-nocache", KafkaStreamsEngine.NoCache.class.getName());
    }

    /** Variants that only differ from their base engine on the word count (output deduplication). */
    public static final Map<String, String> WORDCOUNT_ONLY = Map.of("sluice-dedup", "sluice", "kstreams-nocache", "kstreams");

    private KafkaEngines() {}

    public static boolean available(String name) {
        String cls = CLASSES.get(name);
        if (cls == null) {
            return false;
        }
        try {
            Class.forName(cls, false, KafkaEngines.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public static KafkaEngine create(String name) throws ReflectiveOperationException {
        String cls = CLASSES.get(name);
        if (cls == null) {
            throw new IllegalArgumentException("unknown engine '" + name + "' (expected one of " + CLASSES.keySet() + ")");
        }
        return (KafkaEngine) Class.forName(cls).getDeclaredConstructor().newInstance();
    }

    /** True for Kafka Streams-style engines, which need {@link JobSpec#expectedProcessed()} to know they are done. */
    public static boolean isKafkaStreams(String name) {
        return name.startsWith("kstreams") || name.equals("sluice-dsl");
    }

    /**
     * {@link JobSpec#expectedProcessed()} of a throughput run of {@code name} on {@code input}: what its source nodes
     * process in total. Kafka Streams: the input records plus, for the word count, every word again from the
     * repartition topic. {@code sluice-dsl}: the input records only — the DSL redistributes by key inside the
     * engine and has no repartition topic. Engines that stop by themselves ignore it.
     */
    public static long expectedProcessed(String name, KafkaBenchData.Input input) {
        return name.equals("sluice-dsl") ? input.records() : input.processedByKafkaStreams();
    }
}
