package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.JobCancellationException;
import dev.sluice.api.common.JobExecutionException;
import dev.sluice.api.common.JobStatus;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.operators.OperatorException;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FailureAndCancellationTest {
  @Test
  void throwingFunctionFailsTheJobNamingOperatorSubtaskAndRecord() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 1000)
        .map(x -> {
          if (x == 17) {
            throw new IllegalStateException("boom at " + x);
          }
          return x;
        })
        .name("Explode")
        .sinkTo(new DiscardingSink<>());

    assertThatThrownBy(() -> env.execute("failing"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("Explode")
        .hasMessageContaining("subtask 1/1")
        .hasMessageContaining("record #17")
        .hasMessageContaining("[17]")
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("boom at 17")
        .cause().isInstanceOf(OperatorException.class);
    assertThat(Threads.liveSluiceThreads()).isEmpty();
  }

  @Test
  void aKeyedReduceThatThrowsNamesTheRecord() throws Exception {
    // a keyed operator's failure names the record, counted per subtask, and the value
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 1000)
        .keyBy(x -> x % 3)
        .reduce((a, b) -> {
          if (b == 300) {
            throw new IllegalStateException("boom at " + b);
          }
          return a + b;
        })
        .name("Exploding reduce")
        .sinkTo(new DiscardingSink<>());

    assertThatThrownBy(() -> env.execute("failing-reduce"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("Exploding reduce")
        .hasMessageContaining("record #300")
        .hasMessageContaining("[300]")
        .hasRootCauseMessage("boom at 300");
    assertThat(Threads.liveSluiceThreads()).isEmpty();
  }

  @Test
  void failureInAKeyedParallelJobStopsEveryThread() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    env.fromSequence(1, Long.MAX_VALUE)
        .keyBy(x -> x % 7)
        .reduce((a, b) -> {
          if (b > 50_000) {
            throw new ArithmeticException("overflowing");
          }
          return a + b;
        })
        .sinkTo(new DiscardingSink<>());
    assertThatThrownBy(() -> env.execute("failing-keyed"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("Keyed Reduce")
        .hasRootCauseInstanceOf(ArithmeticException.class);
    assertThat(Threads.liveSluiceThreads()).isEmpty();
  }

  @Test
  void cancellingAnUnboundedJobStopsEveryThreadWithinASecond() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(0, Long.MAX_VALUE).map(x -> x + 1).keyBy(x -> x % 10).sum(0)
        .sinkTo(new DiscardingSink<>());
    JobClient client = env.executeAsync("unbounded");
    Thread.sleep(200);
    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

    client.cancel().get(1, TimeUnit.SECONDS);

    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
    assertThatThrownBy(() -> client.getJobExecutionResult().get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(JobCancellationException.class);
    assertThat(Threads.liveSluiceThreads()).isEmpty();
  }

  @Test
  void cancellingUnblocksASinkThatBlocks() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(0, Long.MAX_VALUE).map(x -> {
      Thread.sleep(60_000);
      return x;
    }).sinkTo(new DiscardingSink<>());
    JobClient client = env.executeAsync("blocked");
    Thread.sleep(100);
    client.cancel().get(1, TimeUnit.SECONDS);
    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
    assertThat(Threads.liveSluiceThreads()).isEmpty();
  }
}
