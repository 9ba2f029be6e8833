package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A slow sink holds the source back: what is in flight stays bounded by the channels. */
class BackpressureTest {
  static final AtomicLong produced = new AtomicLong();
  static final AtomicLong maxInFlight = new AtomicLong();

  @Test
  void slowSinkBoundsRecordsInFlight() throws Exception {
    produced.set(0);
    maxInFlight.set(0);
    int batch = 16;
    int capacity = 4;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().setChannelBatchSize(batch).setChannelCapacity(capacity);
    long n = 5_000;
    env.fromSequence(1, n)
        .map(x -> {
          produced.incrementAndGet();
          return x;
        })
        .rebalance()
        .sinkTo(new SlowSink());
    env.execute("backpressure");

    // In flight: the channel's batches, the batch being filled, the batch being drained, and the
    // overflow of the one slice that filled the channel: the source hands its records down the
    // chain in stages of at most 256, read in polls of at most 64. Independent of n.
    long bound = (long) (capacity + 2) * batch + 256 + 64;
    assertThat(maxInFlight.get()).isPositive().isLessThanOrEqualTo(bound);
    assertThat(SlowSink.written.get()).isEqualTo(n);
  }

  static final class SlowSink implements Sink<Long> {
    static final AtomicLong written = new AtomicLong();

    SlowSink() {
      written.set(0);
    }

    @Override
    public SinkWriter<Long> createWriter(dev.sluice.api.connector.sink2.WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Long element, Context ctx) throws InterruptedException {
          long done = written.incrementAndGet();
          maxInFlight.accumulateAndGet(produced.get() - done, Math::max);
          if (done % 50 == 0) {
            Thread.sleep(1);
          }
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
