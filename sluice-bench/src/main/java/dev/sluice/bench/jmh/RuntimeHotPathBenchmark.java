package dev.sluice.bench.jmh;

import dev.sluice.runtime.channel.Channel;
import dev.sluice.runtime.channel.ChannelWriter;
import dev.sluice.runtime.channel.KeyGroups;
import dev.sluice.runtime.channel.OutputGate;
import dev.sluice.runtime.elements.ChannelItem;
import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.state.HeapKeyedStateBackend;
import dev.sluice.runtime.state.HeapValueState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-record pieces of the runtime, one at a time, on one thread: a record through a channel
 * (batch fill, hand-over, drain, recycle), the key-group hash, and a keyed value-state
 * read-modify-write. Each operation is one record.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuntimeHotPathBenchmark {
  static final int RECORDS = 1 << 16;
  static final int KEYS = 10_000;

  private Channel channel;
  private ChannelWriter writer;
  private OutputGate gate;
  private Long[] values;
  private HeapKeyedStateBackend backend;
  private HeapValueState<Long> state;

  @Setup
  public void setup() {
    gate = new OutputGate();
    channel = new Channel("bench", 32, 1024, false);
    writer = new ChannelWriter(channel, gate);
    values = new Long[RECORDS];
    for (int i = 0; i < RECORDS; i++) {
      values[i] = (long) (i % KEYS);
    }
    backend = new HeapKeyedStateBackend(KeyGroups.DEFAULT_MAX_PARALLELISM, 0, 1);
    state = backend.valueState("sum");
  }

  /** Write a record into a batch, hand full batches over, drain and recycle them. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void channelRoundTrip(Blackhole bh) {
    for (int i = 0; i < RECORDS; i++) {
      writer.add(values[i], i);
      if ((i & 1023) == 1023) {
        drain(bh);
      }
    }
    writer.flush();
    drain(bh);
  }

  private void drain(Blackhole bh) {
    ChannelItem item;
    while ((item = channel.poll()) != null) {
      RecordBatch batch = (RecordBatch) item;
      for (int j = 0; j < batch.size(); j++) {
        bh.consume(batch.values[j]);
      }
      channel.recycle(batch);
    }
  }

  /** The key group of a key, as hash partitioning computes it. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public int keyGroup() {
    int acc = 0;
    for (int i = 0; i < RECORDS; i++) {
      acc += KeyGroups.keyGroupFor(values[i], KeyGroups.DEFAULT_MAX_PARALLELISM);
    }
    return acc;
  }

  /** Set the current key, read the key's value, write the new one (a running sum). */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void keyedValueStateUpdate() {
    for (int i = 0; i < RECORDS; i++) {
      Long key = values[i];
      backend.setCurrentKey(key);
      Long current = state.value();
      state.update(current == null ? 1L : current + 1);
    }
  }
}
