package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReducingState;
import dev.sluice.api.common.state.ReducingStateDescriptor;
import dev.sluice.api.common.state.StateTtlConfig;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keyed state with a time to live, on virtual processing time. */
class StateTtlTest {
  /** For "put:x", "get", "add:x", "list", "sum:n", "map:k=v", "entries": updates or prints state. */
  static final class TtlUser extends KeyedProcessFunction<String, String, String> {
    private final StateTtlConfig ttl;
    private transient ValueState<String> value;
    private transient ListState<String> list;
    private transient ReducingState<Long> sum;
    private transient MapState<String, String> map;

    TtlUser(StateTtlConfig ttl) {
      this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
      ValueStateDescriptor<String> v = new ValueStateDescriptor<>("value", String.class);
      ListStateDescriptor<String> l = new ListStateDescriptor<>("list", String.class);
      ReducingStateDescriptor<Long> r = new ReducingStateDescriptor<>("sum", Long::sum, Long.class);
      MapStateDescriptor<String, String> m = new MapStateDescriptor<>("map", String.class, String.class);
      v.enableTimeToLive(ttl);
      l.enableTimeToLive(ttl);
      r.enableTimeToLive(ttl);
      m.enableTimeToLive(ttl);
      value = getRuntimeContext().getState(v);
      list = getRuntimeContext().getListState(l);
      sum = getRuntimeContext().getReducingState(r);
      map = getRuntimeContext().getMapState(m);
    }

    @Override
    public void processElement(String cmd, Context ctx, Collector<String> out) throws Exception {
      String[] parts = cmd.split(":", 2);
      switch (parts[0]) {
        case "put" -> value.update(parts[1]);
        case "get" -> out.collect("value=" + value.value());
        case "add" -> list.add(parts[1]);
        case "list" -> out.collect("list=" + list.get());
        case "sum" -> sum.add(Long.parseLong(parts[1]));
        case "total" -> out.collect("sum=" + sum.get());
        case "map" -> map.put(parts[1].split("=")[0], parts[1].split("=")[1]);
        case "entries" -> out.collect("map=" + map.keys());
        default -> throw new IllegalArgumentException(cmd);
      }
    }
  }

  private static KeyedOneInputOperatorHarness<String, String, String> harness(StateTtlConfig ttl) throws Exception {
    return Harnesses.forKeyedProcess(new TtlUser(ttl), (String s) -> "k");
  }

  @Test
  void expiredValuesAreNeverReturned() throws Exception {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(100)).build();
    try (var h = harness(ttl)) {
      h.setProcessingTime(1_000);
      h.processElement("put:a", 0);
      h.processElement("add:x", 0);
      h.processElement("sum:5", 0);
      h.processElement("map:p=1", 0);
      h.setProcessingTime(1_050);
      h.processElement("add:y", 0);
      h.processElement("sum:2", 0);
      h.processElement("map:q=2", 0);
      h.processElement("get", 0);
      h.processElement("list", 0);
      h.processElement("total", 0);
      h.processElement("entries", 0);
      h.setProcessingTime(1_120); // a, x and p (written at 1000) expired; y, q (1050) live; the sum was rewritten at 1050
      h.processElement("get", 0);
      h.processElement("list", 0);
      h.processElement("total", 0);
      h.processElement("entries", 0);
      h.setProcessingTime(1_200);
      h.processElement("list", 0);
      h.processElement("total", 0);
      assertThat(h.extractOutputValues()).containsExactly(
          "value=a", "list=[x, y]", "sum=7", "map=[p, q]",
          "value=null", "list=[y]", "sum=7", "map=[q]",
          "list=[]", "sum=null");
    }
  }

  @Test
  void readingRefreshesTheTimeToLiveWhenConfigured() throws Exception {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(100)).updateTtlOnReadAndWrite().build();
    try (var h = harness(ttl)) {
      h.setProcessingTime(0);
      h.processElement("put:a", 0);
      h.setProcessingTime(90);
      h.processElement("get", 0);
      h.setProcessingTime(180);
      h.processElement("get", 0);
      h.setProcessingTime(300);
      h.processElement("get", 0);
      assertThat(h.extractOutputValues()).containsExactly("value=a", "value=a", "value=null");
    }
  }

  @Test
  void expiredValuesAreCleanedUpInTheBackgroundAndLeftOutOfCheckpoints() throws Exception {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(10)).cleanupIncrementally(100, false).build();
    var h = new KeyedOneInputOperatorHarness<String, String, String>(
        new dev.sluice.runtime.operators.KeyedProcessOperator<>(new TtlUser(ttl)),
        (String s) -> s.substring(s.indexOf(':') + 1), "KeyedProcess");
    var backend = h.getKeyedStateBackend();
    backend.enableSnapshots(new dev.sluice.api.common.ExecutionConfig());
    try (h) {
      h.open();
      h.setProcessingTime(0);
      for (int i = 0; i < 50; i++) {
        h.processElement("put:" + i, 0);
      }
      var stored = (dev.sluice.runtime.state.InternalKeyedState<?>) backend.getOrCreate(
          new ValueStateDescriptor<>("value", Object.class));
      assertThat(stored.size()).isEqualTo(50);
      assertThat(entries(backend.snapshot())).isEqualTo(50);
      h.setProcessingTime(100);
      assertThat(entries(backend.snapshot())).as("expired values are left out of a checkpoint").isZero();
      h.processElement("put:late", 0); // one access runs a step of background cleanup
      assertThat(stored.size()).as("expired values cleaned up in the background").isEqualTo(1);
    }
  }

  /** Keys written in a keyed snapshot's key groups, counted by writing them. */
  private static int entries(dev.sluice.runtime.checkpoint.KeyedStateSnapshot snapshot) throws Exception {
    int groups = 0;
    for (int kg = snapshot.firstKeyGroup(); kg < snapshot.endKeyGroup(); kg++) {
      dev.sluice.core.memory.DataOutputSerializer out = new dev.sluice.core.memory.DataOutputSerializer();
      if (snapshot.writeKeyGroup(kg, out)) {
        dev.sluice.core.memory.DataInputDeserializer in =
            new dev.sluice.core.memory.DataInputDeserializer(out.getCopyOfBuffer());
        groups += in.readInt(); // the first state registered ("value"): its entry count in this group
      }
    }
    return groups;
  }

  @Test
  void aTimeToLiveMustBePositive() {
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive, got PT-1S");
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ZERO)).hasMessageContaining("must be positive");
  }
}
