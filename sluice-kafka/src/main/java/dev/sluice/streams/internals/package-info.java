/**
 * The implementation of the Streams DSL (internal): the nodes a topology is made of, their
 * compilation into DataStream transformations, and the DSL's operators — a stateless operator for
 * per-record steps, keyed table operators with the record cache, stream-table and table-table
 * joins, the global-table join over broadcast state. See {@link dev.sluice.streams} for the
 * design.
 */
package dev.sluice.streams.internals;
