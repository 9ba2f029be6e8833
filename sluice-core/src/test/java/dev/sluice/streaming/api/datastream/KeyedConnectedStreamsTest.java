package dev.sluice.streaming.api.datastream;

import static dev.sluice.testutil.ScriptedSource.Step.record;
import static dev.sluice.testutil.ScriptedSource.Step.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.JobExecutionException;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.java.tuple.Tuple;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.streaming.api.TimeDomain;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.co.CoProcessFunction;
import dev.sluice.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.sluice.testutil.Jobs;
import dev.sluice.testutil.ScriptedSource.Step;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Keyed connected streams: shared keyed state and event-time timers per key over both inputs. */
class KeyedConnectedStreamsTest {
  record Order(String id, long amount) implements Serializable {}

  record Payment(String orderId, long amount) implements Serializable {}

  static final OutputTag<String> UNMATCHED_PAYMENTS = new OutputTag<>("unmatched-payments") {};

  /** Matches orders with payments per id; reports what is still unmatched 10 ms after it came. */
  static final class Matcher extends KeyedCoProcessFunction<String, Order, Payment, String> {
    private transient ValueState<Order> order;
    private transient ValueState<Payment> payment;

    @Override
    public void open(OpenContext openContext) {
      order = getRuntimeContext().getState(new ValueStateDescriptor<>("order", Order.class));
      payment = getRuntimeContext().getState(new ValueStateDescriptor<>("payment", Payment.class));
    }

    @Override
    public void processElement1(Order value, Context ctx, Collector<String> out) throws Exception {
      assertThat(ctx.getCurrentKey()).isEqualTo(value.id());
      Payment p = payment.value();
      if (p != null) {
        out.collect("matched " + value.id() + " " + (value.amount() == p.amount()));
        payment.clear();
      } else {
        order.update(value);
        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
      }
    }

    @Override
    public void processElement2(Payment value, Context ctx, Collector<String> out) throws Exception {
      assertThat(ctx.getCurrentKey()).isEqualTo(value.orderId());
      Order o = order.value();
      if (o != null) {
        out.collect("matched " + value.orderId() + " " + (value.amount() == o.amount()));
        order.clear();
      } else {
        payment.update(value);
        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      assertThat(ctx.timeDomain()).isEqualTo(TimeDomain.EVENT_TIME);
      assertThat(ctx.timestamp()).isEqualTo(timestamp);
      if (order.value() != null) {
        out.collect("unmatched order " + ctx.getCurrentKey() + "@" + timestamp);
        order.clear();
      }
      if (payment.value() != null) {
        ctx.output(UNMATCHED_PAYMENTS, "unmatched payment " + ctx.getCurrentKey() + "@" + timestamp);
        payment.clear();
      }
    }
  }

  static List<Step<Order>> orders() {
    List<Step<Order>> s = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      s.add(record(new Order("o" + i, i), i * 10L));
      s.add(watermark(i * 10L));
    }
    return s;
  }

  static List<Step<Payment>> payments() {
    List<Step<Payment>> s = new ArrayList<>();
    for (int i = 0; i < 20; i += 2) {
      s.add(record(new Payment("o" + i, i), i * 10L + 3));
      s.add(watermark(i * 10L + 3));
    }
    s.add(record(new Payment("ghost", 1), 500));
    s.add(watermark(500));
    return s;
  }

  static List<String> expected() {
    List<String> e = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      e.add(i % 2 == 0 ? "matched o" + i + " true" : "unmatched order o" + i + "@" + (i * 10 + 10));
    }
    e.add("unmatched payment ghost@510");
    return e;
  }

  private static List<String> run(int parallelism,
      BiFunction<DataStream<Order>, DataStream<Payment>, ConnectedStreams<Order, Payment>> connect)
      throws Exception {
    StreamExecutionEnvironment env = Jobs.env(parallelism);
    DataStream<Order> o = Jobs.scripted(env, "orders", orders(), Order.class);
    DataStream<Payment> p = Jobs.scripted(env, "payments", payments(), Payment.class);
    SingleOutputStreamOperator<String> matched = connect.apply(o, p).process(new Matcher());
    return Jobs.collect(matched.union(matched.getSideOutput(UNMATCHED_PAYMENTS)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void keyByOnConnectedStreamsMatchesAndTimesOutPerKey(int parallelism) throws Exception {
    assertThat(run(parallelism, (o, p) -> o.connect(p).keyBy(Order::id, Payment::orderId)))
        .containsExactlyInAnyOrderElementsOf(expected());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void connectingTwoKeyedStreamsKeepsBothPartitionings(int parallelism) throws Exception {
    assertThat(run(parallelism, (o, p) -> o.keyBy(Order::id).connect(p.keyBy(Payment::orderId))))
        .containsExactlyInAnyOrderElementsOf(expected());
  }

  @Test
  void positionalKeysOnTuples() throws Exception {
    StreamExecutionEnvironment env = Jobs.env(3);
    DataStream<Tuple2<String, Integer>> a = env.fromData(Tuple2.of("x", 1), Tuple2.of("y", 2), Tuple2.of("x", 3));
    DataStream<Tuple2<Integer, String>> b = env.fromData(Tuple2.of(10, "x"), Tuple2.of(20, "y"));
    // sums per key over both inputs; the key is a tuple of the chosen field
    ConnectedStreams<Tuple2<String, Integer>, Tuple2<Integer, String>> keyed = a.connect(b).keyBy(0, 1);
    List<String> out = Jobs.collect(keyed.process(
        new KeyedCoProcessFunction<Tuple, Tuple2<String, Integer>, Tuple2<Integer, String>, String>() {
          private transient ValueState<Integer> sum;

          @Override
          public void open(OpenContext c) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Integer.class));
          }

          private void add(int v, Context ctx, Collector<String> out) throws Exception {
            int s = (sum.value() == null ? 0 : sum.value()) + v;
            sum.update(s);
            out.collect(ctx.getCurrentKey().getField(0) + "=" + s);
          }

          @Override
          public void processElement1(Tuple2<String, Integer> v, Context ctx, Collector<String> out) throws Exception {
            add(v.f1, ctx, out);
          }

          @Override
          public void processElement2(Tuple2<Integer, String> v, Context ctx, Collector<String> out) throws Exception {
            add(v.f0, ctx, out);
          }
        }));
    assertThat(out.stream().filter(s -> s.startsWith("x=")).map(s -> Integer.parseInt(s.substring(2))))
        .hasSize(3).contains(14);
    assertThat(out.stream().filter(s -> s.startsWith("y="))).hasSize(2).contains("y=22");
  }

  @Test
  void coProcessFunctionOnKeyedConnectedStreamsHasKeyedStateAndTimers() throws Exception {
    StreamExecutionEnvironment env = Jobs.env(2);
    DataStream<Order> o = Jobs.scripted(env, "orders", orders(), Order.class);
    DataStream<Payment> p = Jobs.scripted(env, "payments", payments(), Payment.class);
    List<String> out = Jobs.collect(o.connect(p).keyBy(Order::id, Payment::orderId).process(
        new CoProcessFunction<Order, Payment, String>() {
          private transient ValueState<Integer> seen;

          @Override
          public void open(OpenContext c) {
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Integer.class));
          }

          private void see(Context ctx) throws Exception {
            seen.update(seen.value() == null ? 1 : seen.value() + 1);
            ctx.timerService().registerEventTimeTimer(1_000);
          }

          @Override
          public void processElement1(Order v, Context ctx, Collector<String> out) throws Exception {
            see(ctx);
          }

          @Override
          public void processElement2(Payment v, Context ctx, Collector<String> out) throws Exception {
            see(ctx);
          }

          @Override
          public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(seen.value() + "@" + ts);
          }
        }));
    // one timer per key (deduplicated): 10 keys seen twice, 10 once, "ghost" once
    assertThat(out).hasSize(21);
    assertThat(out.stream().filter("2@1000"::equals)).hasSize(10);
    assertThat(out.stream().filter("1@1000"::equals)).hasSize(11);
  }

  @Test
  void keyedCoProcessFunctionNeedsKeyedInputs() {
    StreamExecutionEnvironment env = Jobs.env(1);
    DataStream<String> a = env.fromData("a");
    ConnectedStreams<String, String> notKeyed = a.connect(env.fromData("b"));
    KeyedCoProcessFunction<String, String, String, String> f = new KeyedCoProcessFunction<>() {
      @Override
      public void processElement1(String value, Context ctx, Collector<String> out) {}

      @Override
      public void processElement2(String value, Context ctx, Collector<String> out) {}
    };
    assertThatThrownBy(() -> notKeyed.process(f))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("needs both inputs keyed");
    assertThatThrownBy(() -> a.keyBy(s -> s).connect(env.fromData("b")).process(f))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void timersOnNonKeyedCoProcessStillFailClearly() {
    StreamExecutionEnvironment env = Jobs.env(1);
    DataStream<String> out = env.fromData("a").connect(env.fromData("b")).process(
        new CoProcessFunction<String, String, String>() {
          @Override
          public void processElement1(String v, Context ctx, Collector<String> o) {
            ctx.timerService().registerEventTimeTimer(5);
          }

          @Override
          public void processElement2(String v, Context ctx, Collector<String> o) {
            ctx.timerService().registerEventTimeTimer(5);
          }
        });
    assertThatThrownBy(() -> Jobs.collect(out))
        .isInstanceOf(JobExecutionException.class)
        .hasStackTraceContaining("only supported on a keyed stream");
  }
}
