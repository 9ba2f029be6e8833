package dev.sluice.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.functions.RichMapFunction;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.api.java.tuple.Tuple3;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.ProcessFunction;
import dev.sluice.streaming.api.functions.co.CoFlatMapFunction;
import dev.sluice.streaming.api.functions.co.CoMapFunction;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataStreamApiTest {
  StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);

  @Test
  void mapFilterFlatMapChainKeepsOrderAtParallelismOne() throws Exception {
    env.setParallelism(1);
    List<Integer> out = env.fromData(1, 2, 3, 4, 5, 6)
        .map(x -> x * 10)
        .filter(x -> x != 30)
        .flatMap((Integer x, Collector<Integer> c) -> {
          c.collect(x);
          c.collect(x + 1);
        })
        .returns(Integer.class)
        .executeAndCollect(100);
    assertThat(out).containsExactly(10, 11, 20, 21, 40, 41, 50, 51, 60, 61);
  }

  @Test
  void unionReadsAllInputs() throws Exception {
    List<String> out = env.fromData("a", "b").union(env.fromData("c"), env.fromData("d", "e"))
        .map(String::toUpperCase).executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrder("A", "B", "C", "D", "E");
  }

  @Test
  void connectedStreamsMapBothSides() throws Exception {
    List<String> out = env.fromData(1, 2).connect(env.fromData("x", "y"))
        .map(new CoMapFunction<Integer, String, String>() {
          @Override
          public String map1(Integer value) {
            return "int:" + value;
          }

          @Override
          public String map2(String value) {
            return "str:" + value;
          }
        })
        .executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrder("int:1", "int:2", "str:x", "str:y");
  }

  @Test
  void connectedStreamsFlatMap() throws Exception {
    List<Integer> out = env.fromData(1, 2).connect(env.fromData(10))
        .flatMap(new CoFlatMapFunction<Integer, Integer, Integer>() {
          @Override
          public void flatMap1(Integer value, Collector<Integer> o) {
            o.collect(value);
          }

          @Override
          public void flatMap2(Integer value, Collector<Integer> o) {
            o.collect(value);
            o.collect(value);
          }
        })
        .executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrder(1, 2, 10, 10);
  }

  @Test
  void processFunctionSideOutputs() throws Exception {
    OutputTag<String> odd = new OutputTag<String>("odd") {};
    SingleOutputStreamOperator<Integer> evens = env.fromSequence(1, 100)
        .process(new ProcessFunction<Long, Integer>() {
          @Override
          public void processElement(Long value, Context ctx, Collector<Integer> out) {
            if (value % 2 == 0) {
              out.collect(value.intValue());
            } else {
              ctx.output(odd, "odd-" + value);
            }
          }
        });
    evens.getSideOutput(odd).map(String::length).sinkTo(new dev.sluice.streaming.api.functions.sink.v2.DiscardingSink<>());
    List<Integer> out = evens.executeAndCollect(1000);
    assertThat(out).hasSize(50).allMatch(x -> x % 2 == 0);
  }

  @Test
  void sideOutputCanBeCollected() throws Exception {
    OutputTag<String> late = new OutputTag<String>("rejected") {};
    SingleOutputStreamOperator<Long> main = env.fromSequence(1, 10)
        .process(new ProcessFunction<Long, Long>() {
          @Override
          public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value > 7) {
              ctx.output(late, "rejected " + value);
            } else {
              out.collect(value);
            }
          }
        });
    main.print();
    List<String> rejected = main.getSideOutput(late).executeAndCollect(100);
    assertThat(rejected).containsExactlyInAnyOrder("rejected 8", "rejected 9", "rejected 10");
  }

  @Test
  void richFunctionsAreOpenedWithTheirSubtask() throws Exception {
    List<String> out = env.fromSequence(1, 40).rebalance().map(new RichMapFunction<Long, String>() {
      private transient String prefix;

      @Override
      public void open(OpenContext openContext) {
        prefix = getRuntimeContext().getIndexOfThisSubtask() + "/"
            + getRuntimeContext().getNumberOfParallelSubtasks();
      }

      @Override
      public String map(Long value) {
        return prefix;
      }
    }).executeAndCollect(100);
    assertThat(out).hasSize(40).containsOnly("0/2", "1/2").contains("0/2", "1/2");
  }

  /** Not serializable: anonymous functions below capture it, as Flink tests often do. */
  private final Object notSerializable = new Object();

  @Test
  void anonymousFunctionsCapturingANonSerializableOuterGetOneInstancePerSubtask() throws Exception {
    env.setParallelism(3);
    List<Long> counts = env.fromSequence(1, 300).rebalance().flatMap(
        new dev.sluice.api.common.functions.RichFlatMapFunction<Long, Long>() {
          private long seen;

          @Override
          public void flatMap(Long value, Collector<Long> out) {
            seen++;
            if (notSerializable != null && value > 0) {
              out.collect(seen);
            }
          }
        }).executeAndCollect(1000);
    // each subtask counts only what it saw: three independent sequences 1..n_i, sum n_i = 300
    assertThat(counts).hasSize(300);
    java.util.Map<Long, Long> frequency = counts.stream().collect(
        java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()));
    assertThat(frequency.get(1L)).isEqualTo(3);
    for (long k = 2; frequency.containsKey(k); k++) {
      assertThat(frequency.get(k)).isLessThanOrEqualTo(frequency.get(k - 1));
    }
  }

  @Test
  void keyedAggregationsByPositionAndField() throws Exception {
    env.setParallelism(1);
    List<Tuple3<String, Integer, Integer>> data = List.of(
        Tuple3.of("a", 5, 1), Tuple3.of("a", 3, 2), Tuple3.of("b", 7, 3), Tuple3.of("a", 9, 4));
    assertThat(env.fromData(data).keyBy(0).min(1).executeAndCollect(10)).containsExactly(
        Tuple3.of("a", 5, 1), Tuple3.of("a", 3, 1), Tuple3.of("b", 7, 3), Tuple3.of("a", 3, 1));
    assertThat(env.fromData(data).keyBy(0).minBy(1).executeAndCollect(10)).containsExactly(
        Tuple3.of("a", 5, 1), Tuple3.of("a", 3, 2), Tuple3.of("b", 7, 3), Tuple3.of("a", 3, 2));
    assertThat(env.fromData(data).keyBy(t -> t.f0).max("f1").executeAndCollect(10)).containsExactly(
        Tuple3.of("a", 5, 1), Tuple3.of("a", 5, 1), Tuple3.of("b", 7, 3), Tuple3.of("a", 9, 1));
    assertThat(env.fromData(data).keyBy(t -> t.f0).maxBy(1).executeAndCollect(10)).containsExactly(
        Tuple3.of("a", 5, 1), Tuple3.of("a", 5, 1), Tuple3.of("b", 7, 3), Tuple3.of("a", 9, 4));
  }

  /** A POJO as Flink users write them. */
  public static class Sale {
    public String category;
    public double amount;

    public Sale() {}

    Sale(String category, double amount) {
      this.category = category;
      this.amount = amount;
    }
  }

  @Test
  void pojoFieldNamesWork() throws Exception {
    env.setParallelism(1);
    List<Double> totals = env.fromData(new Sale("x", 1.5), new Sale("y", 2), new Sale("x", 3))
        .keyBy("category").sum("amount").map(s -> s.amount).executeAndCollect(10);
    assertThat(totals).containsExactly(1.5, 2.0, 4.5);
  }

  @Test
  void keyedReduceKeepsStatePerKeyAcrossParallelSubtasks() throws Exception {
    env.setParallelism(3);
    List<Tuple2<Long, Long>> out = env.fromSequence(1, 3000)
        .map(x -> Tuple2.of(x % 5, 1L)).returns(dev.sluice.api.common.typeinfo.Types.TUPLE(
            dev.sluice.api.common.typeinfo.Types.LONG, dev.sluice.api.common.typeinfo.Types.LONG))
        .keyBy(t -> t.f0)
        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
        .executeAndCollect(100_000);
    assertThat(out).hasSize(3000);
    assertThat(out.stream().filter(t -> t.f1 == 600L).map(t -> t.f0)).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void reduceThatMutatesItsAccumulatorStillEmitsEveryIntermediateValue() throws Exception {
    env.setParallelism(2);
    List<Tuple2<Long, Long>> out = env.fromSequence(1, 2000)
        .map(x -> Tuple2.of(x % 3, 1L)).returns(dev.sluice.api.common.typeinfo.Types.TUPLE(
            dev.sluice.api.common.typeinfo.Types.LONG, dev.sluice.api.common.typeinfo.Types.LONG))
        .keyBy(t -> t.f0)
        .reduce((acc, v) -> {
          acc.f1 += v.f1; // the Flink habit: mutate and return the accumulator
          return acc;
        })
        .executeAndCollect(10_000);
    java.util.Map<Long, List<Long>> perKey = new java.util.HashMap<>();
    out.forEach(t -> perKey.computeIfAbsent(t.f0, k -> new java.util.ArrayList<>()).add(t.f1));
    perKey.values().forEach(counts -> {
      for (int i = 0; i < counts.size(); i++) {
        assertThat(counts.get(i)).isEqualTo(i + 1L);
      }
    });
  }

  @Test
  void aReduceThatReturnsANewObjectAndLaterMutatesItEmitsEachValueAsItWas() throws Exception {
    // a result the reduce emitted must not change because a later record changed the same object
    // in place (an operator that held its results for a whole batch would show the later values)
    env.setParallelism(1);
    List<Long> out = env.fromData(1L, 5L, 2L, 3L, 10L, 4L)
        .map(x -> Tuple2.of(0L, x)).returns(dev.sluice.api.common.typeinfo.Types.TUPLE(
            dev.sluice.api.common.typeinfo.Types.LONG, dev.sluice.api.common.typeinfo.Types.LONG))
        .keyBy(t -> t.f0)
        .reduce((acc, v) -> {
          if (v.f1 % 5 == 0) {
            return Tuple2.of(acc.f0, v.f1); // a fresh start: a new object
          }
          acc.f1 += v.f1; // otherwise the Flink habit: change the accumulator and return it
          return acc;
        })
        .map(t -> t.f1)
        .executeAndCollect(100);
    assertThat(out).containsExactly(1L, 5L, 7L, 10L, 10L, 14L);
  }

  @Test
  void sideOutputRecordsNobodyConsumesAreCounted() throws Exception {
    env.setParallelism(1);
    OutputTag<Long> odd = new OutputTag<Long>("odd-unread") {};
    env.fromSequence(1, 10).process(new ProcessFunction<Long, Long>() {
      @Override
      public void processElement(Long value, Context ctx, Collector<Long> out) {
        if (value % 2 == 1) {
          ctx.output(odd, value);
        } else {
          out.collect(value);
        }
      }
    }).name("Split").sinkTo(new dev.sluice.streaming.api.functions.sink.v2.DiscardingSink<>());
    dev.sluice.core.execution.JobClient client = env.executeAsync("unread side output");
    client.getJobExecutionResult().get();
    assertThat(client.metrics()).containsEntry("Split[0].numUnconsumedSideOutputRecords", 5L);
  }
}
