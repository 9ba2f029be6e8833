/**
 * The Nexmark event generator, independent of any engine: {@link
 * dev.sluice.bench.nexmark.generator.GeneratorConfig} describes a stream, {@link
 * dev.sluice.bench.nexmark.generator.NexmarkGenerator} iterates it or a slice of it.
 *
 * <p>Invariants: the event at a position of a configuration's stream is the same however and
 * wherever it is generated (its random choices come from a generator seeded with its event id);
 * timestamps never decrease along positions, except within an out-of-order group; a person or an
 * auction id referred to by an event is at most 10 ids past the newest one created before it (the
 * standard generator's "lead").
 *
 * <p>Departures from the standard generator: the per-event random generator is reseeded instead
 * of allocated (same sequence); a bid's bidder id gets the first person id added once (the
 * standard adds it twice, nexmark/nexmark issue #30, so its bidders are about 1000 ids ahead of
 * the people created so far); channel
 * URLs are seeded, not drawn afresh in every process.
 */
package dev.sluice.bench.nexmark.generator;
