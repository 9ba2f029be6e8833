/**
 * The Sluice test kit: helpers for testing Sluice programs in ordinary JUnit tests. Nothing here
 * depends on a test framework; failures are reported with plain exceptions and {@link
 * java.lang.AssertionError}s.
 *
 * <h2>Whole jobs</h2>
 *
 * {@link dev.sluice.test.SluiceTestKit} runs a bounded job and returns what a stream produced:
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = SluiceTestKit.environment(3);
 * List<Tuple2<String, Integer>> counts = SluiceTestKit.collect(
 *     env.fromData(lines).flatMap(new Tokenizer()).keyBy(t -> t.f0).sum(1),
 *     Duration.ofSeconds(30));
 * }</pre>
 *
 * {@code environment(parallelism)} configures tiny channels so that batching and backpressure
 * happen even with a handful of records, and a {@link dev.sluice.test.ManualClock} as processing
 * time. A failing job throws its own failure (normally an {@code OperatorException} naming the
 * operator, the subtask and the record); a job that outlives its timeout is cancelled and reported
 * with an {@code AssertionError}. To look at several streams of one job, e.g. a main and a side
 * output, {@link dev.sluice.test.SluiceTestKit#capture capture} each, then {@link
 * dev.sluice.test.SluiceTestKit#execute execute} once. Parallel jobs deliver elements in no fixed
 * order, so compare their output as multisets (AssertJ: {@code containsExactlyInAnyOrderElementsOf}).
 *
 * <h2>One function at a time</h2>
 *
 * {@link dev.sluice.test.OneInputOperatorHarness} and its keyed variant {@link
 * dev.sluice.test.KeyedOneInputOperatorHarness} drive a single operator on the test's thread, with
 * chosen elements, timestamps and watermarks, and record the main output, side outputs and
 * watermarks. {@link dev.sluice.test.Harnesses} wraps a user function in the operator the DataStream
 * API would use:
 *
 * <pre>{@code
 * try (var harness = Harnesses.forFlatMap(new Tokenizer())) {
 *   harness.processElement("to be", 100L);
 *   assertThat(harness.getOutput()).containsExactly(
 *       new StreamRecord<>("to", 100L), new StreamRecord<>("be", 100L));
 * }
 * }</pre>
 *
 * The harness runs the operator's life cycle ({@code open}, elements and watermarks, {@code
 * finish} via {@code endInput()}, {@code close}) and opens and closes rich functions, whose runtime
 * context reports subtask 0 of 1. Exceptions thrown by the function reach the test unchanged.
 */
package dev.sluice.test;
