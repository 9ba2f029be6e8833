package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.functions.CoGroupFunction;
import dev.sluice.api.common.functions.FlatJoinFunction;
import dev.sluice.api.common.functions.JoinFunction;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.typeutils.TypeExtractor;
import dev.sluice.streaming.api.datastream.CoGroupedStreams.TaggedUnion;
import dev.sluice.streaming.api.windowing.assigners.WindowAssigner;
import dev.sluice.streaming.api.windowing.evictors.Evictor;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.Collector;
import java.time.Duration;
import java.util.Objects;

/**
 * A window join: {@code a.join(b).where(ka).equalTo(kb).window(assigner).apply(joinFunction)}
 * calls the function for every pair of elements, one from each side, with equal keys in the same
 * window (an inner join). Built on {@link CoGroupedStreams}.
 */
public class JoinedStreams<T1, T2> {
  private final DataStream<T1> input1;
  private final DataStream<T2> input2;

  public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
    this.input1 = Objects.requireNonNull(input1, "input1");
    this.input2 = Objects.requireNonNull(input2, "input2");
  }

  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
    return new Where<>(Objects.requireNonNull(keySelector, "keySelector"));
  }

  /** Join with the first input's key chosen. */
  public class Where<KEY> {
    private final KeySelector<T1, KEY> keySelector1;

    Where(KeySelector<T1, KEY> keySelector1) {
      this.keySelector1 = keySelector1;
    }

    public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
      return new EqualTo(Objects.requireNonNull(keySelector, "keySelector"));
    }

    /** Join with both keys chosen. */
    public class EqualTo {
      private final KeySelector<T2, KEY> keySelector2;

      EqualTo(KeySelector<T2, KEY> keySelector2) {
        this.keySelector2 = keySelector2;
      }

      public <W extends Window> WithWindow<T1, T2, KEY, W> window(
          WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
        return new WithWindow<>(new CoGroupedStreams<>(input1, input2).where(keySelector1)
            .equalTo(keySelector2).window(assigner));
      }
    }
  }

  /** A join with keys and windows: set a trigger, evictor or lateness, then {@code apply}. */
  public static class WithWindow<T1, T2, KEY, W extends Window> {
    private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;

    WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup) {
      this.coGroup = coGroup;
    }

    public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
      return new WithWindow<>(coGroup.trigger(trigger));
    }

    public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
      return new WithWindow<>(coGroup.evictor(evictor));
    }

    public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
      return new WithWindow<>(coGroup.allowedLateness(lateness));
    }

    public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
      return apply(function, TypeExtractor.outputType(function, JoinFunction.class, 2));
    }

    public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function,
        TypeInformation<T> resultType) {
      Objects.requireNonNull(function, "function");
      return coGroup.apply(new JoinCoGroup<>(function), resultType).name("Window Join");
    }

    public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
      return apply(function, TypeExtractor.outputType(function, FlatJoinFunction.class, 2));
    }

    public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function,
        TypeInformation<T> resultType) {
      Objects.requireNonNull(function, "function");
      return coGroup.apply(new FlatJoinCoGroup<>(function), resultType).name("Window Join");
    }

    /** Flink 1.x name of {@link #apply(JoinFunction)}. */
    public <T> SingleOutputStreamOperator<T> with(JoinFunction<T1, T2, T> function) {
      return apply(function);
    }

    /** Flink 1.x name of {@link #apply(FlatJoinFunction)}. */
    public <T> SingleOutputStreamOperator<T> with(FlatJoinFunction<T1, T2, T> function) {
      return apply(function);
    }
  }

  /** Every pair of a key's window, through a join function. */
  static final class JoinCoGroup<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
    private static final long serialVersionUID = 1L;
    private final JoinFunction<T1, T2, T> join;

    JoinCoGroup(JoinFunction<T1, T2, T> join) {
      this.join = join;
    }

    @Override
    public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
      for (T1 a : first) {
        for (T2 b : second) {
          out.collect(join.join(a, b));
        }
      }
    }
  }

  /** Every pair of a key's window, through a flat join function. */
  static final class FlatJoinCoGroup<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
    private static final long serialVersionUID = 1L;
    private final FlatJoinFunction<T1, T2, T> join;

    FlatJoinCoGroup(FlatJoinFunction<T1, T2, T> join) {
      this.join = join;
    }

    @Override
    public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
      for (T1 a : first) {
        for (T2 b : second) {
          join.join(a, b, out);
        }
      }
    }
  }
}
