/** Exceptions and the uncaught-exception handler of the Streams DSL. */
package dev.sluice.streams.errors;
