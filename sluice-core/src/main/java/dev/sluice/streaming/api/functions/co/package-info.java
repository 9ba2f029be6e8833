/**
 * Functions of two inputs: connected streams (co-map, co-flat-map, co-process, and the keyed
 * co-process function with shared keyed state and timers), the interval join's
 * {@link dev.sluice.streaming.api.functions.co.ProcessJoinFunction}, and the broadcast state
 * pattern ({@link dev.sluice.streaming.api.functions.co.BroadcastProcessFunction},
 * {@link dev.sluice.streaming.api.functions.co.KeyedBroadcastProcessFunction}).
 *
 * <p>Of a broadcast connection, only the broadcast side gets write access to the broadcast state;
 * the other side's context hands out a read-only view, so all parallel instances, which see the
 * same broadcast elements in the same order, keep the same state.
 */
package dev.sluice.streaming.api.functions.co;
