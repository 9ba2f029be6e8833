package dev.sluice.test;

import dev.sluice.api.common.JobCancellationException;
import dev.sluice.api.common.JobExecutionException;
import dev.sluice.api.common.JobExecutionResult;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.elements.StreamRecord;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Runs whole jobs in a test and hands back their output.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = SluiceTestKit.environment(3);
 * List<Integer> lengths = SluiceTestKit.collect(env.fromData("a", "bb").map(String::length));
 * }</pre>
 *
 * <p>A job that fails makes these methods throw the job's own failure (usually an {@code
 * OperatorException} whose message names the operator, subtask and record, with the function's
 * exception as cause), not a wrapper around it. A job that does not finish within the given timeout
 * is cancelled, and an {@link AssertionError} says so; when it is thrown, the job's threads have
 * stopped.
 *
 * <p>Running a job consumes the environment's job definition, as {@code execute()} does: all sinks
 * defined so far run, and a second run needs the streams to be defined again.
 */
public final class SluiceTestKit {
  /** Records per channel batch in {@link #environment(int)}: small, so batches fill and flush often. */
  public static final int CHANNEL_BATCH_SIZE = 4;

  /** Batches per channel in {@link #environment(int)}: the minimum, so backpressure sets in early. */
  public static final int CHANNEL_CAPACITY = 2;

  /** Name of the jobs this class runs; their threads are named {@code sluice-Sluice_Test_Job-…}. */
  public static final String JOB_NAME = "Sluice Test Job";

  /** How long a timed-out job may take to stop after it was cancelled. */
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(10);

  private static final int SHOWN_RECORDS = 5;

  private SluiceTestKit() {}

  // ------------------------------------------------------------------ environments

  /**
   * A local environment for tests: {@code parallelism} as default parallelism, tiny channels
   * ({@value #CHANNEL_BATCH_SIZE} records per batch, {@value #CHANNEL_CAPACITY} batches) so that
   * batching and backpressure edges are exercised even by small inputs, and a {@link ManualClock}
   * at 0 ms as processing-time clock (get it back with {@link #clockOf}).
   */
  public static StreamExecutionEnvironment environment(int parallelism) {
    return environment(parallelism, new ManualClock());
  }

  /** Like {@link #environment(int)}, with processing time read from {@code clock}. */
  public static StreamExecutionEnvironment environment(int parallelism, LongSupplier clock) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfig()
        .setChannelBatchSize(CHANNEL_BATCH_SIZE)
        .setChannelCapacity(CHANNEL_CAPACITY)
        .setProcessingTimeClock(Objects.requireNonNull(clock, "clock"));
    return env;
  }

  /** The {@link ManualClock} of an environment made by {@link #environment(int)}. */
  public static ManualClock clockOf(StreamExecutionEnvironment env) {
    LongSupplier clock = env.getConfig().getProcessingTimeClock();
    if (clock instanceof ManualClock manual) {
      return manual;
    }
    throw new IllegalArgumentException("The environment's processing-time clock is not a "
        + "ManualClock but " + clock + "; create it with SluiceTestKit.environment(..)");
  }

  // ------------------------------------------------------------------ collecting

  /**
   * Runs the job of {@code stream} to its end and returns everything the stream produced, in the
   * order it arrived. The job must be bounded: this waits without limit (use {@link
   * #collect(DataStream, Duration)} or a JUnit timeout, which interrupts and so cancels the job).
   */
  public static <T> List<T> collect(DataStream<T> stream) {
    CapturedStream<T> captured = capture(stream);
    execute(stream.getExecutionEnvironment());
    return captured.values();
  }

  /**
   * Like {@link #collect(DataStream)}, but cancels the job and throws an {@link AssertionError}
   * when it has not finished within {@code timeout}.
   */
  public static <T> List<T> collect(DataStream<T> stream, Duration timeout) {
    CapturedStream<T> captured = capture(stream);
    try {
      execute(stream.getExecutionEnvironment(), timeout);
    } catch (AssertionError timedOut) {
      List<T> partial = captured.values();
      AssertionError withOutput = new AssertionError(timedOut.getMessage() + " Until then the stream "
          + "produced " + partial.size() + " element(s): " + preview(partial));
      throw withOutput;
    }
    return captured.values();
  }

  /** Like {@link #collect(DataStream)}, keeping each element's timestamp. */
  public static <T> List<StreamRecord<T>> collectRecords(DataStream<T> stream) {
    CapturedStream<T> captured = capture(stream);
    execute(stream.getExecutionEnvironment());
    return captured.records();
  }

  /**
   * Adds a sink to {@code stream} that keeps its elements, without running anything yet. Capture
   * several streams of one job (say, a main output and a side output) and run the job once with
   * {@link #execute}:
   *
   * <pre>{@code
   * CapturedStream<Event> main = SluiceTestKit.capture(processed);
   * CapturedStream<Event> late = SluiceTestKit.capture(processed.getSideOutput(lateTag));
   * SluiceTestKit.execute(env, Duration.ofSeconds(10));
   * assertThat(late.values()).containsExactly(...);
   * }</pre>
   *
   * The sink runs with parallelism 1, so elements arrive in one sequence.
   */
  public static <T> CapturedStream<T> capture(DataStream<T> stream) {
    Objects.requireNonNull(stream, "stream");
    CapturedStream<T> captured = new CapturedStream<>();
    stream.sinkTo(captured.sink()).name("Test Capture Sink").setParallelism(1);
    return captured;
  }

  /**
   * Runs the job defined on {@code env} to its end, waiting without limit; throws the job's failure
   * if it fails.
   */
  public static JobExecutionResult execute(StreamExecutionEnvironment env) {
    return run(env, null);
  }

  /**
   * Runs the job defined on {@code env}; cancels it and throws an {@link AssertionError} when it has
   * not finished within {@code timeout}.
   */
  public static JobExecutionResult execute(StreamExecutionEnvironment env, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("The timeout must be positive, got " + timeout);
    }
    return run(env, timeout);
  }

  // ------------------------------------------------------------------ internals

  private static JobExecutionResult run(StreamExecutionEnvironment env, Duration timeout) {
    Objects.requireNonNull(env, "env");
    JobClient client = env.executeAsync(JOB_NAME);
    CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
    try {
      if (timeout == null) {
        result.get();
      } else {
        result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException e) {
      boolean stopped = cancelAndWait(client);
      if (!result.isDone() || isCancellation(result)) {
        throw new AssertionError("Job '" + JOB_NAME + "' did not finish within " + describe(timeout)
            + " and was cancelled" + (stopped ? "" : ", but its threads had not stopped "
            + describe(CANCEL_GRACE) + " later") + ". Is its input unbounded, or is an operator "
            + "stuck or too slow?");
      }
      // it finished or failed just as the timeout expired: report that instead
    } catch (InterruptedException e) {
      cancelAndWait(client);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for job '" + JOB_NAME
          + "'; the job was cancelled", e);
    } catch (ExecutionException e) {
      // handled below
    }
    return outcome(result);
  }

  private static boolean cancelAndWait(JobClient client) {
    try {
      client.cancel().get(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  private static boolean isCancellation(CompletableFuture<?> result) {
    try {
      result.getNow(null);
      return false;
    } catch (Exception e) {
      return e.getCause() instanceof JobCancellationException;
    }
  }

  /** The result of a completed job, or its failure rethrown unwrapped. */
  private static JobExecutionResult outcome(CompletableFuture<JobExecutionResult> result) {
    Throwable failure;
    try {
      return result.getNow(null);
    } catch (java.util.concurrent.CompletionException e) {
      failure = e.getCause();
    } catch (java.util.concurrent.CancellationException e) {
      failure = e;
    }
    throw unwrap(failure);
  }

  private static RuntimeException unwrap(Throwable failure) {
    if (failure instanceof JobCancellationException cancelled) {
      return new IllegalStateException("Job '" + JOB_NAME + "' was cancelled before it finished",
          cancelled);
    }
    if (failure instanceof JobExecutionException jobFailure) {
      Throwable cause = jobFailure.getCause();
      if (cause instanceof RuntimeException || cause instanceof Error) {
        // keep the call site of the test visible next to the worker thread's trace
        cause.addSuppressed(new CallSite("Job '" + JOB_NAME + "' failed; rethrown here by "
            + "SluiceTestKit"));
        if (cause instanceof Error error) {
          throw error;
        }
        return (RuntimeException) cause;
      }
      return new IllegalStateException(jobFailure.getMessage(), cause != null ? cause : jobFailure);
    }
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("Job '" + JOB_NAME + "' failed: " + failure, failure);
  }

  private static String describe(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }

  /** Marks where a job failure was rethrown in the test thread. */
  private static final class CallSite extends Exception {
    private static final long serialVersionUID = 1L;

    CallSite(String message) {
      super(message);
    }
  }

  private static <T> String preview(List<T> values) {
    List<T> head = new ArrayList<>(values.subList(0, Math.min(SHOWN_RECORDS, values.size())));
    return head + (values.size() > SHOWN_RECORDS ? " …" : "");
  }
}
