package dev.sluice.test;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.common.functions.RuntimeContext;
import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.elements.StreamRecord;
import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.operators.OperatorContext;
import dev.sluice.runtime.state.HeapKeyedStateBackend;
import dev.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Drives one operator on the calling thread, with input the test chooses, and records everything
 * the operator emits.
 *
 * <p>The harness plays the part of the runtime for a single subtask: it gives the operator an
 * {@link OperatorContext} (subtask 0 of 1, maximum parallelism {@value #MAX_PARALLELISM}, a
 * {@link ManualClock} as processing-time clock) and an output that keeps main-output records with
 * their timestamps, side-output records per {@link OutputTag} and watermarks. The life cycle is the
 * runtime's: {@link #open()} (calls {@code open} of the operator, which opens a rich user function),
 * then any number of {@link #processElement} and {@link #processWatermark} calls, then optionally
 * {@link #endInput()} (the operator's {@code finish}), then {@link #close()}.
 *
 * <p>Unlike the runtime, the harness does not copy the user function and does not wrap failures: an
 * exception thrown by the function reaches the test unchanged, and the test can look at the very
 * function instance it passed in. No threads are involved.
 *
 * <p>Most tests start from the factories in {@link Harnesses}. Instances are not thread-safe.
 *
 * @param <IN> the operator's input type
 * @param <OUT> the operator's main output type
 */
public class OneInputOperatorHarness<IN, OUT> implements AutoCloseable {
  /** Maximum parallelism (number of key groups) the harness's subtask is set up with. */
  public static final int MAX_PARALLELISM = 128;

  /** Job name the operator sees through its runtime context. */
  public static final String JOB_NAME = "Sluice Test Harness";

  private enum Phase { CREATED, OPEN, FINISHED, CLOSED }

  private final OneInputStreamOperator<IN, OUT> operator;
  private final OperatorContext context;
  private final ManualClock clock;
  private final RecordingOutput<OUT> output = new RecordingOutput<>();
  private Phase phase = Phase.CREATED;

  /** A harness for {@code operator}, named after the operator's class. Call {@link #open()} next. */
  public OneInputOperatorHarness(OneInputStreamOperator<IN, OUT> operator) {
    this(operator, operator.getClass().getSimpleName());
  }

  /** A harness for {@code operator}, which its runtime context reports as {@code operatorName}. */
  public OneInputOperatorHarness(OneInputStreamOperator<IN, OUT> operator, String operatorName) {
    this(operator, operatorName, new ManualClock());
  }

  /** A harness whose processing time is read from {@code clock}. */
  public OneInputOperatorHarness(OneInputStreamOperator<IN, OUT> operator, String operatorName,
      ManualClock clock) {
    this(operator, operatorName, clock, null);
  }

  /** For keyed harnesses: {@code keyedState} is the subtask's keyed state, null when not keyed. */
  OneInputOperatorHarness(OneInputStreamOperator<IN, OUT> operator, String operatorName,
      ManualClock clock, HeapKeyedStateBackend keyedState) {
    this.operator = Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(operatorName, "operatorName");
    this.clock = Objects.requireNonNull(clock, "clock");
    TaskInfo taskInfo = new TaskInfo(operatorName, 0, 1, MAX_PARALLELISM);
    this.context = new OperatorContext(operatorName, taskInfo, JOB_NAME, keyedState, clock);
    operator.setup(context, output);
  }

  // ------------------------------------------------------------------ life cycle

  /**
   * Opens the operator (and its rich user function). Exceptions from the function's {@code open}
   * propagate unchanged; the operator then counts as never opened, so {@link #close()} does not
   * close it, as in the runtime.
   *
   * @return this harness, for chaining
   */
  public OneInputOperatorHarness<IN, OUT> open() throws Exception {
    requirePhase(Phase.CREATED, "open()");
    operator.open();
    phase = Phase.OPEN;
    return this;
  }

  /** Feeds one element without a timestamp. */
  public void processElement(IN value) throws Exception {
    processElement(value, RecordBatch.NO_TIMESTAMP);
  }

  /** Feeds one element with an event timestamp (epoch ms). */
  public void processElement(IN value, long timestamp) throws Exception {
    requirePhase(Phase.OPEN, "processElement()");
    beforeElement(value);
    if (operator instanceof AbstractStreamOperator<?> base) {
      base.recordsIn++;
    }
    operator.processElement(value, timestamp);
  }

  /** Feeds each element in order, without timestamps. */
  @SafeVarargs
  public final void processElements(IN... values) throws Exception {
    for (IN value : values) {
      processElement(value);
    }
  }

  /** Feeds each element in order, without timestamps. */
  public void processElements(Iterable<? extends IN> values) throws Exception {
    for (IN value : values) {
      processElement(value);
    }
  }

  /** Advances event time; what the operator forwards shows up in {@link #getWatermarks()}. */
  public void processWatermark(long watermark) throws Exception {
    requirePhase(Phase.OPEN, "processWatermark()");
    operator.processWatermark(watermark);
  }

  /**
   * Ends the input: calls the operator's {@code finish}, where it may emit final results. The
   * runtime sends a final watermark of {@code Long.MAX_VALUE} before that on bounded inputs; call
   * {@code processWatermark(Long.MAX_VALUE)} first to imitate it.
   */
  public void endInput() throws Exception {
    requirePhase(Phase.OPEN, "endInput()");
    phase = Phase.FINISHED;
    operator.finish();
  }

  /**
   * Closes the operator (and its rich user function) if it was opened. Calling it again does
   * nothing. The recorded output stays readable.
   */
  @Override
  public void close() throws Exception {
    Phase before = phase;
    phase = Phase.CLOSED;
    if (before == Phase.OPEN || before == Phase.FINISHED) {
      operator.close();
    }
  }

  /** True between a successful {@link #open()} and {@link #close()}. */
  public boolean isOpen() {
    return phase == Phase.OPEN || phase == Phase.FINISHED;
  }

  /** Hook of the keyed variant: runs before each element reaches the operator. */
  void beforeElement(IN value) throws Exception {}

  private void requirePhase(Phase expected, String call) {
    if (phase != expected) {
      String hint = switch (phase) {
        case CREATED -> "the harness has not been opened yet; call open() first";
        case OPEN -> "the harness is already open";
        case FINISHED -> "endInput() has been called; no more input is allowed";
        case CLOSED -> "the harness has been closed";
      };
      throw new IllegalStateException(call + " is not allowed: " + hint);
    }
  }

  // ------------------------------------------------------------------ clock

  /** The processing-time clock the operator reads. */
  public ManualClock getClock() {
    return clock;
  }

  /** Sets the processing time the operator reads (epoch ms) and fires timers that became due. */
  public void setProcessingTime(long millis) throws Exception {
    clock.set(millis);
    fireProcessingTimers();
  }

  /**
   * Moves processing time forward by {@code millis} and fires the processing-time timers that
   * became due, as the runtime would between two slices of work.
   */
  public void advanceProcessingTime(long millis) throws Exception {
    clock.advance(millis);
    fireProcessingTimers();
  }

  private void fireProcessingTimers() throws Exception {
    if (phase == Phase.OPEN) {
      context.processingTimeService().fireDue();
    }
  }

  // ------------------------------------------------------------------ output

  /** Main-output records with their timestamps, in emission order (a snapshot). */
  public List<StreamRecord<OUT>> getOutput() {
    return Collections.unmodifiableList(new ArrayList<>(output.records));
  }

  /** Main-output values, in emission order, without timestamps (a snapshot). */
  public List<OUT> extractOutputValues() {
    List<OUT> values = new ArrayList<>(output.records.size());
    for (StreamRecord<OUT> r : output.records) {
      values.add(r.value());
    }
    return Collections.unmodifiableList(values);
  }

  /** Records emitted to the side output {@code tag}, with timestamps; empty when none. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <X> List<StreamRecord<X>> getSideOutput(OutputTag<X> tag) {
    Objects.requireNonNull(tag, "tag");
    List<StreamRecord<?>> records = output.sideOutputs.getOrDefault(tag, List.of());
    return Collections.unmodifiableList(new ArrayList<>((List) records));
  }

  /** Values emitted to the side output {@code tag}, without timestamps; empty when none. */
  public <X> List<X> extractSideOutputValues(OutputTag<X> tag) {
    List<X> values = new ArrayList<>();
    for (StreamRecord<X> r : getSideOutput(tag)) {
      values.add(r.value());
    }
    return Collections.unmodifiableList(values);
  }

  /** Tags of all side outputs the operator has emitted to, in order of first use. */
  public List<OutputTag<?>> getSideOutputTags() {
    return List.copyOf(output.sideOutputs.keySet());
  }

  /** Watermarks the operator emitted, in order. */
  public List<Long> getWatermarks() {
    return List.copyOf(output.watermarks);
  }

  /** Forgets all recorded output (main, side outputs and watermarks). */
  public void clearOutput() {
    output.clear();
  }

  // ------------------------------------------------------------------ access

  /** The operator under test. */
  public OneInputStreamOperator<IN, OUT> getOperator() {
    return operator;
  }

  /** The context the operator was set up with. */
  public OperatorContext getOperatorContext() {
    return context;
  }

  /** The runtime context a rich function of this operator sees. */
  public RuntimeContext getRuntimeContext() {
    return context.runtimeContext();
  }
}
