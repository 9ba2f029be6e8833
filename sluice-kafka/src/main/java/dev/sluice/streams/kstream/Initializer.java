package dev.sluice.streams.kstream;

/** The initial value of an aggregate. */
@FunctionalInterface
public interface Initializer<VA> {
  VA apply();
}
