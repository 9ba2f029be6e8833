package dev.sluice.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.core.execution.JobClient;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import dev.sluice.util.Collector;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pending processing-time timers do not fire once a subtask's input has ended (as in Flink): a
 * chain that has finished and sent end-of-input produces nothing more, even while it waits for
 * the job's final checkpoint. Before, such timers fired and their output reached the sink after
 * its last flush, into a stage that no checkpoint would ever commit.
 */
class ProcessingTimersAfterEndOfInputTest {
  private static final long WAIT_SECONDS = 30; // only reached when the job is stuck

  static final AtomicLong CLOCK = new AtomicLong(1_000);
  static final List<String> SEEN = new CopyOnWriteArrayList<>();
  static volatile CountDownLatch ended;
  static volatile CountDownLatch release;

  /** Records what it is given, and "END" at the end of its input. */
  static final class RecordingSink implements Sink<String> {
    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(String element, Context ctx) {
          SEEN.add(element);
        }

        @Override
        public void flush(boolean endOfInput) {
          if (endOfInput) {
            SEEN.add("END");
            ended.countDown();
          }
        }

        @Override
        public void close() {}
      };
    }
  }

  /** Holds a second, independent pipeline (and so the job's final checkpoint) back until released. */
  static final class Hold implements MapFunction<Long, Long> {
    @Override
    public Long map(Long value) throws Exception {
      if (value == 1) {
        release.await();
      }
      return value;
    }
  }

  @Test
  void pendingProcessingTimeTimersDoNotFireAfterTheEndOfInput(@TempDir Path tmp) throws Exception {
    SEEN.clear();
    ended = new CountDownLatch(1);
    release = new CountDownLatch(1);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().setWorkerThreads(4); // the held pipeline blocks a worker; the other chains have their own
    env.getConfig().setProcessingTimeClock(CLOCK::get);
    env.enableCheckpointing(3_600_000);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk").toString());
    env.fromData("a", "b", "c")
        .keyBy(s -> s)
        .process(new KeyedProcessFunction<String, String, String>() {
          @Override
          public void processElement(String value, Context ctx, Collector<String> out) {
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 10);
            out.collect("element " + value);
          }

          @Override
          public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect("timer " + ctx.getCurrentKey());
          }
        })
        .sinkTo(new RecordingSink());
    env.fromSequence(1, 10).map(new Hold()).sinkTo(new DiscardingSink<>());
    JobClient client = env.executeAsync("timers after the end");

    assertThat(ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    CLOCK.addAndGet(1_000); // every timer is due now; the keyed chain has ended and waits for the final checkpoint
    Thread.sleep(300); // room for a wrong firing to happen before the job can end
    release.countDown();
    client.getJobExecutionResult().get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(SEEN).containsExactlyInAnyOrder("element a", "element b", "element c", "END");
    assertThat(SEEN.get(SEEN.size() - 1)).isEqualTo("END");
  }
}
