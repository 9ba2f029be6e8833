package dev.sluice.streams.internals;

import dev.sluice.streaming.api.datastream.DataStream;

/**
 * A step of a DSL topology. A topology is built once and compiled into each run's job (a restart
 * compiles it again), so a node says how to build its stream in a given {@link Compilation}; the
 * compilation builds each node once.
 */
@FunctionalInterface
public interface Node<T> {
  DataStream<T> build(Compilation compilation);
}
