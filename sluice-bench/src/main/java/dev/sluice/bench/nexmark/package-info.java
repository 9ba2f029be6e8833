/**
 * The Nexmark benchmark for Sluice: an online auction's event stream (people, auctions, bids)
 * and, later, the queries over it.
 *
 * <h2>Design of the event generator</h2>
 *
 * <ul>
 *   <li><b>Same rules as the standard generator.</b> The events follow the rules of the generator
 *       of the Flink Nexmark suite (github.com/nexmark/nexmark, itself derived from Apache Beam's
 *       Nexmark generator): out of every 50 event ids, 1 is a new person, 3 are new auctions and
 *       46 are bids; person and auction ids start at 1000 and follow from the event id; sellers and
 *       bidders are "hot" people most of the time, bids go to a hot auction half the time; prices
 *       are log-uniform from $1 to $1,000,000 in cents; an {@code extra} string pads each event to
 *       an average size. {@link dev.sluice.bench.nexmark.generator.GeneratorConfig} lists the
 *       parameters, their defaults and where this generator departs from the standard one.
 *   <li><b>An event is a pure function of its position.</b> The event at position {@code i} of a
 *       configuration's stream has the event id {@code firstEventId + firstEventNumber + i} (up
 *       to the out-of-order permutation) and draws all its random choices from a generator
 *       seeded with that id, as Beam does with {@code new Random(eventId)}; its timestamp follows
 *       from {@code i} and the rate. So any subset of positions can be generated anywhere, in any
 *       order, and gives the same events.
 *   <li><b>Parallel readers interleave one timeline.</b> The parallel source deals the positions
 *       round robin: reader {@code j} of {@code n} generates positions {@code j, j + n, j + 2n, …}.
 *       Every reader moves through event time at the pace of the whole stream, timestamps are
 *       non-decreasing per reader, and the union over the readers is exactly the stream of the
 *       plain iterator, whatever the parallelism. (The Flink suite instead gives each reader a
 *       contiguous block of event ids on a timeline of its own, so its stream changes with the
 *       parallelism.)
 *   <li><b>Cheap per event.</b> One reseeded random generator per iterator (the same sequence as
 *       {@code java.util.Random}, without allocating one per event), reused byte buffers for the
 *       random strings, precomputed names and channel URLs: an event costs the event objects and
 *       their strings.
 * </ul>
 *
 * <p>Packages: {@code model} holds the event classes (plain objects with public fields, usable as
 * POJOs by Sluice and Flink), {@code generator} the engine-independent generator (a plain {@link
 * java.util.Iterator}, so other engines can be fed identical events), {@code source} the parallel
 * Sluice source.
 */
package dev.sluice.bench.nexmark;
