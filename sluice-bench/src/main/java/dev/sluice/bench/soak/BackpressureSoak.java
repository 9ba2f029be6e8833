package dev.sluice.bench.soak;

import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.core.execution.JobClient;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Memory under sustained backpressure: an unbounded source that could produce tens of millions of
 * records per second feeds, across a rebalance exchange, a sink deliberately limited to a rate
 * about 100 times lower. The run lasts {@code --seconds} (default 60); every few seconds the heap
 * used after a full GC is sampled. With bounded channels, heap stays flat however long it runs.
 *
 * <pre>java -cp sluice-bench/target/sluice-bench.jar:'sluice-bench/target/lib/*' \
 *     dev.sluice.bench.soak.BackpressureSoak [--seconds 60] [--sink-rate 100000]</pre>
 */
public final class BackpressureSoak {
  static final AtomicLong produced = new AtomicLong();
  static final AtomicLong consumed = new AtomicLong();

  public static void main(String[] args) throws Exception {
    long seconds = 60;
    long sinkRate = 100_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Long.parseLong(args[++i]);
        case "--sink-rate" -> sinkRate = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; usage: BackpressureSoak [--seconds N] [--sink-rate records/s]");
      }
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(0, Long.MAX_VALUE)
        .map(x -> {
          produced.incrementAndGet();
          return new long[] {x, x * 31}; // a small object per record, so a leak would show
        })
        .rebalance()
        .sinkTo(new RateLimitedSink(sinkRate));
    JobClient job = env.executeAsync("backpressure-soak");

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<long[]> samples = new ArrayList<>();
    long start = System.nanoTime();
    System.out.printf("%8s %14s %14s %14s %12s%n", "time s", "produced", "consumed", "in flight", "heap MiB");
    for (long t = 0; t <= seconds; t += 5) {
      long wait = start + TimeUnit.SECONDS.toNanos(t) - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
      }
      System.gc();
      long heap = memory.getHeapMemoryUsage().getUsed();
      long p = produced.get();
      long c = consumed.get();
      samples.add(new long[] {t, heap});
      System.out.printf("%8d %,14d %,14d %,14d %12.1f%n", t, p, c, p - c, heap / 1048576.0);
    }
    job.cancel().get(5, TimeUnit.SECONDS);

    long first = samples.get(1)[1]; // after warm-up
    long max = samples.stream().skip(1).mapToLong(s -> s[1]).max().orElse(first);
    long last = samples.get(samples.size() - 1)[1];
    System.out.printf("heap after GC: first %.1f MiB, last %.1f MiB, max %.1f MiB; "
            + "producer/consumer rate capacity ratio ~%s%n",
        first / 1048576.0, last / 1048576.0, max / 1048576.0, "100x (sink limited to " + sinkRate + "/s)");
  }

  /** A sink that accepts at most {@code rate} records per second, by pausing its worker. */
  static final class RateLimitedSink implements Sink<long[]> {
    private final long rate;

    RateLimitedSink(long rate) {
      this.rate = rate;
    }

    @Override
    public SinkWriter<long[]> createWriter(WriterInitContext context) {
      long start = System.nanoTime();
      return new SinkWriter<>() {
        private long written;

        @Override
        public void write(long[] element, Context ctx) {
          written++;
          consumed.incrementAndGet();
          long due = start + written * 1_000_000_000L / rate;
          long ahead = due - System.nanoTime();
          if (ahead > 0) {
            LockSupport.parkNanos(ahead);
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
