package dev.sluice.streaming.api.datastream;

import static dev.sluice.testutil.ScriptedSource.Step.record;
import static dev.sluice.testutil.ScriptedSource.Step.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.JobExecutionException;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReadOnlyBroadcastState;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.co.BroadcastProcessFunction;
import dev.sluice.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.sluice.testutil.Jobs;
import dev.sluice.testutil.ScriptedSource.Step;
import dev.sluice.util.Collector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broadcast state pattern in jobs: rules broadcast to every instance, events keyed. */
class BroadcastStateTest {
  record Rule(String category, int factor) implements Serializable {}

  record Event(String user, String category, int amount) implements Serializable {}

  static final MapStateDescriptor<String, Rule> RULES =
      new MapStateDescriptor<>("rules", String.class, Rule.class);

  /**
   * Buffers each event until the watermark reaches its timestamp, then enriches it with the rule of
   * its category. The rules have timestamp 0 and the watermark is the minimum over both inputs, so
   * every rule is in the broadcast state when an event is enriched, whatever the interleaving.
   */
  static final class Enrich extends KeyedBroadcastProcessFunction<String, Event, Rule, String> {
    private transient ListState<Event> pending;

    @Override
    public void open(OpenContext openContext) {
      pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", Event.class));
    }

    @Override
    public void processElement(Event value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      pending.add(value);
      ctx.timerService().registerEventTimeTimer(ctx.timestamp());
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(RULES).put(rule.category(), rule);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      ReadOnlyBroadcastState<String, Rule> rules = ctx.getBroadcastState(RULES);
      for (Event e : pending.get()) {
        Rule rule = rules.get(e.category());
        out.collect(ctx.getCurrentKey() + ":" + e.category() + "="
            + (rule == null ? "no rule" : e.amount() * rule.factor()));
      }
      pending.clear();
    }
  }

  static List<Step<Rule>> rules() {
    return List.of(record(new Rule("a", 2), 0), record(new Rule("b", 3), 0),
        record(new Rule("c", 5), 0), record(new Rule("a", 10), 0)); // the last "a" replaces the first
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void keyedEventsAreEnrichedByBroadcastRules(int parallelism) throws Exception {
    StreamExecutionEnvironment env = Jobs.env(parallelism);
    List<Step<Event>> events = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    String[] categories = {"a", "b", "c", "d"};
    int[] factor = {10, 3, 5, -1};
    for (int i = 1; i <= 60; i++) {
      int c = i % 4;
      events.add(record(new Event("u" + (i % 7), categories[c], i), i));
      events.add(watermark(i));
      expected.add("u" + (i % 7) + ":" + categories[c] + "=" + (c == 3 ? "no rule" : i * factor[c]));
    }
    BroadcastStream<Rule> ruleStream = Jobs.scripted(env, "rules", rules(), Rule.class).broadcast(RULES);
    DataStream<String> out = Jobs.scripted(env, "events", events, Event.class)
        .keyBy(Event::user)
        .connect(ruleStream)
        .process(new Enrich());
    assertThat(Jobs.collect(out)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyParallelInstanceSeesEveryBroadcastElement() throws Exception {
    StreamExecutionEnvironment env = Jobs.env(3);
    DataStream<Integer> numbers = env.fromSequence(1, 30).map(Long::intValue).returns(Integer.class);
    BroadcastStream<Rule> ruleStream = env.fromData(rules()).map(Step::value).returns(Rule.class)
        .setParallelism(1).broadcast(RULES);
    DataStream<String> out = numbers.connect(ruleStream).process(
        new BroadcastProcessFunction<Integer, Rule, String>() {
          @Override
          public void processElement(Integer value, ReadOnlyContext ctx, Collector<String> out) {
            out.collect("event");
          }

          @Override
          public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule.category(), rule);
            int size = 0;
            for (var ignored : ctx.getBroadcastState(RULES).entries()) {
              size++;
            }
            out.collect(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + ":" + rule + ":" + size);
          }
        });
    List<String> result = Jobs.collect(out);
    assertThat(result.stream().filter("event"::equals)).hasSize(30);
    List<String> ruleOutputs = result.stream().filter(s -> !s.equals("event")).toList();
    List<String> expected = new ArrayList<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      expected.add(subtask + ":" + new Rule("a", 2) + ":1");
      expected.add(subtask + ":" + new Rule("b", 3) + ":2");
      expected.add(subtask + ":" + new Rule("c", 5) + ":3");
      expected.add(subtask + ":" + new Rule("a", 10) + ":3");
    }
    assertThat(ruleOutputs).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void wrongFunctionForThePartitioningIsRefused() {
    StreamExecutionEnvironment env = Jobs.env(1);
    BroadcastStream<String> b = env.fromData("x").broadcast(
        new MapStateDescriptor<>("s", String.class, String.class));
    assertThatThrownBy(() -> env.fromData("e").connect(b).process(
        new KeyedBroadcastProcessFunction<String, String, String, String>() {
          @Override
          public void processElement(String v, ReadOnlyContext ctx, Collector<String> out) {}

          @Override
          public void processBroadcastElement(String v, Context ctx, Collector<String> out) {}
        }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyBy");
    assertThatThrownBy(() -> env.fromData("e").keyBy(s -> s).connect(b).process(
        new BroadcastProcessFunction<String, String, String>() {
          @Override
          public void processElement(String v, ReadOnlyContext ctx, Collector<String> out) {}

          @Override
          public void processBroadcastElement(String v, Context ctx, Collector<String> out) {}
        }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KeyedBroadcastProcessFunction");
    assertThatThrownBy(() -> env.fromData("x").broadcast((MapStateDescriptor<?, ?>) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void unknownBroadcastStateFailsTheJobWithItsName() {
    StreamExecutionEnvironment env = Jobs.env(1);
    BroadcastStream<String> b = env.fromData("x").broadcast(
        new MapStateDescriptor<>("known", String.class, String.class));
    DataStream<String> out = env.fromData("e").connect(b).process(
        new BroadcastProcessFunction<String, String, String>() {
          @Override
          public void processElement(String v, ReadOnlyContext ctx, Collector<String> out) {}

          @Override
          public void processBroadcastElement(String v, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(new MapStateDescriptor<>("typo", String.class, String.class)).put(v, v);
          }
        });
    assertThatThrownBy(() -> Jobs.collect(out))
        .isInstanceOf(JobExecutionException.class)
        .hasStackTraceContaining("The broadcast state 'typo' does not exist")
        .hasStackTraceContaining("[known]");
  }
}
