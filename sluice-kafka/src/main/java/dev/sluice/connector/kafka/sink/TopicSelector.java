package dev.sluice.connector.kafka.sink;

import java.io.Serializable;
import java.util.function.Function;

/** Chooses the topic of each element. */
@FunctionalInterface
public interface TopicSelector<T> extends Function<T, String>, Serializable {}
