package dev.sluice.cli;

import dev.sluice.api.common.JobCancellationException;
import dev.sluice.core.execution.JobClient;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a job a command started in this JVM. Ctrl-C cancels the job from a shutdown hook,
 * waits until it has stopped and the command has printed its last lines, then ends the JVM with
 * exit code 0 (a JVM stopped by SIGINT would exit 130).
 */
final class ForegroundJob {
  private ForegroundJob() {}

  /** How the job ended. */
  enum Outcome { FINISHED, STOPPED, FAILED }

  /**
   * Waits for {@code client}'s job; prints "Stopped." when it was cancelled and the failure (as
   * {@code command}: ...) when it failed.
   */
  static Outcome await(JobClient client, String command, PrintStream out, PrintStream err)
      throws InterruptedException {
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopOnShutdown(client, reported, command, out, err),
        command.replace(' ', '-') + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      client.getJobExecutionResult().get();
      return Outcome.FINISHED;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof JobCancellationException) {
        out.println("Stopped.");
        return Outcome.STOPPED;
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      err.println(command + ": the job failed: " + cause);
      return Outcome.FAILED;
    } finally {
      out.flush();
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and ends the JVM
      }
    }
  }

  private static void stopOnShutdown(JobClient client, CountDownLatch reported, String command,
      PrintStream out, PrintStream err) {
    if (client.getJobExecutionResult().isDone()) {
      return;
    }
    try {
      client.cancel().get(10, TimeUnit.SECONDS);
      reported.await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      err.println(command + ": could not stop the job cleanly: " + e);
    }
    out.flush();
    err.flush();
    Runtime.getRuntime().halt(0);
  }
}
