package dev.sluice.api.common.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that can be written as a lambda in a job definition. */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
