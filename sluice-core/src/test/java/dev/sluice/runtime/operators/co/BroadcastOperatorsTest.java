package dev.sluice.runtime.operators.co;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.BroadcastState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReadOnlyBroadcastState;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.streaming.api.functions.co.BroadcastProcessFunction;
import dev.sluice.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.sluice.util.Collector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The broadcast operators driven directly: rules arrive first, then events. */
class BroadcastOperatorsTest {
  static final MapStateDescriptor<String, Integer> FACTORS =
      new MapStateDescriptor<>("factors", String.class, Integer.class);
  static final ValueStateDescriptor<Integer> COUNT = new ValueStateDescriptor<>("count", Integer.class);

  /** Events "key:n" are counted per key and multiplied; "reset" broadcasts clear all counts. */
  static final class CountAndScale extends KeyedBroadcastProcessFunction<String, String, String, String> {
    private transient ValueState<Integer> count;

    @Override
    public void open(OpenContext c) {
      count = getRuntimeContext().getState(COUNT);
    }

    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      String[] kv = value.split(":");
      int c = (count.value() == null ? 0 : count.value()) + 1;
      count.update(c);
      Integer f = ctx.getBroadcastState(FACTORS).get(kv[0]);
      out.collect(ctx.getCurrentKey() + "#" + c + "=" + Integer.parseInt(kv[1]) * (f == null ? 1 : f));
    }

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
      if (value.equals("reset")) {
        ctx.applyToKeyedState(COUNT, (String key, ValueState<Integer> state) -> {
          out.collect("reset " + key + " from " + state.value());
          state.clear();
        });
        return;
      }
      String[] kv = value.split("=");
      ctx.getBroadcastState(FACTORS).put(kv[0], Integer.parseInt(kv[1]));
    }
  }

  @Test
  void keyedOperatorReadsRulesAndResetsKeyedStateOfAllKeys() throws Exception {
    var op = new CoBroadcastWithKeyedOperator<>(new CountAndScale(), List.of(FACTORS));
    try (var h = new TwoInputHarness<String, String, String>(op, s -> s.split(":")[0], null)) {
      h.processElement2("x=10", 0);
      h.processElement2("y=3", 0);
      h.processElement1("x:1", 1);
      h.processElement1("x:2", 2);
      h.processElement1("y:5", 3);
      h.processElement1("z:7", 4);
      h.processElement2("reset", 5);
      h.processElement1("x:1", 6);
      List<String> out = h.values();
      assertThat(out.subList(0, 4)).containsExactly("x#1=10", "x#2=20", "y#1=15", "z#1=7");
      // keys are visited in key-group order
      assertThat(out.subList(4, 7)).containsExactlyInAnyOrder(
          "reset x from 2", "reset y from 1", "reset z from 1");
      assertThat(out.get(7)).isEqualTo("x#1=10");
      assertThat(op.broadcastStates().get("factors").size()).isEqualTo(2);
      assertThat(h.output.get(0).timestamp()).isEqualTo(1);
    }
  }

  @Test
  void theNonBroadcastSideCannotChangeTheBroadcastState() throws Exception {
    var op = new CoBroadcastWithNonKeyedOperator<>(new BroadcastProcessFunction<String, String, String>() {
      @Override
      public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
        ReadOnlyBroadcastState<String, Integer> state = ctx.getBroadcastState(FACTORS);
        assertThat(state).isNotInstanceOf(BroadcastState.class);
        assertThatThrownBy(state::clear).isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining("read-only");
        Map.Entry<String, Integer> entry = state.immutableEntries().iterator().next();
        assertThatThrownBy(() -> entry.setValue(0)).isInstanceOf(UnsupportedOperationException.class);
        out.collect(value + ":" + state.contains(value) + ":" + state.get(value));
      }

      @Override
      public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
        BroadcastState<String, Integer> state = ctx.getBroadcastState(FACTORS);
        state.put(value, value.length());
        state.putAll(Map.of("extra", 0));
        state.remove("extra");
      }
    }, List.of(FACTORS));
    try (var h = new TwoInputHarness<String, String, String>(op, null, null)) {
      h.processElement2("abc", 0);
      h.processElement1("abc", 1);
      h.processElement1("zz", 2);
      assertThat(h.values()).containsExactly("abc:true:3", "zz:false:null");
    }
  }
}
