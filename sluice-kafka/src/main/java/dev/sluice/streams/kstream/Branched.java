package dev.sluice.streams.kstream;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A branch of {@link KStream#split()}: its name (appended to the split's prefix) and what to do
 * with the branch stream — nothing (the stream goes into the result map), a function (its result
 * goes into the map) or a consumer (nothing goes into the map).
 */
public final class Branched<K, V> {
  final String name;
  final Function<? super KStream<K, V>, ? extends KStream<K, V>> function;
  final Consumer<? super KStream<K, V>> consumer;

  private Branched(String name, Function<? super KStream<K, V>, ? extends KStream<K, V>> function,
      Consumer<? super KStream<K, V>> consumer) {
    this.name = name;
    this.function = function;
    this.consumer = consumer;
  }

  public static <K, V> Branched<K, V> as(String name) {
    return new Branched<>(name, null, null);
  }

  public static <K, V> Branched<K, V> withFunction(Function<? super KStream<K, V>, ? extends KStream<K, V>> chain) {
    return new Branched<>(null, chain, null);
  }

  public static <K, V> Branched<K, V> withFunction(Function<? super KStream<K, V>, ? extends KStream<K, V>> chain,
      String name) {
    return new Branched<>(name, chain, null);
  }

  public static <K, V> Branched<K, V> withConsumer(Consumer<? super KStream<K, V>> chain) {
    return new Branched<>(null, null, chain);
  }

  public static <K, V> Branched<K, V> withConsumer(Consumer<? super KStream<K, V>> chain, String name) {
    return new Branched<>(name, null, chain);
  }

  public String name() {
    return name;
  }

  public Function<? super KStream<K, V>, ? extends KStream<K, V>> function() {
    return function;
  }

  public Consumer<? super KStream<K, V>> consumer() {
    return consumer;
  }
}
