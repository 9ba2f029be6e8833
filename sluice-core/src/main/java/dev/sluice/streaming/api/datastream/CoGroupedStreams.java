package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.functions.CoGroupFunction;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.typeutils.TypeExtractor;
import dev.sluice.streaming.api.functions.windowing.WindowFunction;
import dev.sluice.streaming.api.windowing.assigners.WindowAssigner;
import dev.sluice.streaming.api.windowing.evictors.Evictor;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two streams grouped together per key and window: {@code a.coGroup(b).where(ka).equalTo(kb)
 * .window(assigner).apply(coGroupFunction)}. Both inputs are tagged, unioned, keyed and windowed;
 * per key and window the function gets the elements of each side. Results carry the window's
 * max timestamp, as every window result does.
 */
public class CoGroupedStreams<T1, T2> {
  private final DataStream<T1> input1;
  private final DataStream<T2> input2;

  public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
    this.input1 = Objects.requireNonNull(input1, "input1");
    this.input2 = Objects.requireNonNull(input2, "input2");
  }

  /** The key of the first input. */
  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
    return new Where<>(Objects.requireNonNull(keySelector, "keySelector"));
  }

  /** Co-group with the first input's key chosen. */
  public class Where<KEY> {
    private final KeySelector<T1, KEY> keySelector1;

    Where(KeySelector<T1, KEY> keySelector1) {
      this.keySelector1 = keySelector1;
    }

    /** The key of the second input; must equal the first input's key for elements to meet. */
    public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
      return new EqualTo(Objects.requireNonNull(keySelector, "keySelector"));
    }

    /** Co-group with both keys chosen. */
    public class EqualTo {
      private final KeySelector<T2, KEY> keySelector2;

      EqualTo(KeySelector<T2, KEY> keySelector2) {
        this.keySelector2 = keySelector2;
      }

      public <W extends Window> WithWindow<T1, T2, KEY, W> window(
          WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
        return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner, null, null, null);
      }
    }
  }

  /** A co-group with keys and windows: set a trigger, evictor or lateness, then {@code apply}. */
  public static class WithWindow<T1, T2, KEY, W extends Window> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;
    private final KeySelector<T1, KEY> keySelector1;
    private final KeySelector<T2, KEY> keySelector2;
    private final WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner;
    private final Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
    private final Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor;
    private final Duration allowedLateness;

    WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> keySelector1,
        KeySelector<T2, KEY> keySelector2, WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner,
        Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger,
        Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor, Duration allowedLateness) {
      this.input1 = input1;
      this.input2 = input2;
      this.keySelector1 = keySelector1;
      this.keySelector2 = keySelector2;
      this.assigner = Objects.requireNonNull(assigner, "window assigner");
      this.trigger = trigger;
      this.evictor = evictor;
      this.allowedLateness = allowedLateness;
    }

    public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
      return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner, newTrigger, evictor,
          allowedLateness);
    }

    public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> newEvictor) {
      return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner, trigger, newEvictor,
          allowedLateness);
    }

    public WithWindow<T1, T2, KEY, W> allowedLateness(Duration newLateness) {
      return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner, trigger, evictor,
          newLateness);
    }

    /** Runs {@code function} per key and window on the elements of both sides. */
    public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
      return apply(function, TypeExtractor.outputType(function, CoGroupFunction.class, 2));
    }

    public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function,
        TypeInformation<T> resultType) {
      Objects.requireNonNull(function, "function");
      DataStream<TaggedUnion<T1, T2>> tagged1 = input1.map(new TagFirst<T1, T2>())
          .name("Tag first input").setParallelism(input1.getParallelism());
      DataStream<TaggedUnion<T1, T2>> tagged2 = input2.map(new TagSecond<T1, T2>())
          .name("Tag second input").setParallelism(input2.getParallelism());
      WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed = tagged1.union(tagged2)
          .keyBy(new UnionKeySelector<>(keySelector1, keySelector2))
          .window(assigner);
      if (trigger != null) {
        windowed = windowed.trigger(trigger);
      }
      if (evictor != null) {
        windowed = windowed.evictor(evictor);
      }
      if (allowedLateness != null) {
        windowed = windowed.allowedLateness(allowedLateness);
      }
      SingleOutputStreamOperator<T> result = windowed.apply(new CoGroupWindowFunction<>(function));
      if (resultType != null) {
        result.returns(resultType);
      }
      return result.name("Co-Group");
    }
  }

  /** An element of either input. */
  public static class TaggedUnion<T1, T2> {
    private final T1 one;
    private final T2 two;

    private TaggedUnion(T1 one, T2 two) {
      this.one = one;
      this.two = two;
    }

    public boolean isOne() {
      return one != null;
    }

    public boolean isTwo() {
      return two != null;
    }

    public T1 getOne() {
      return one;
    }

    public T2 getTwo() {
      return two;
    }

    public static <T1, T2> TaggedUnion<T1, T2> one(T1 one) {
      return new TaggedUnion<>(Objects.requireNonNull(one), null);
    }

    public static <T1, T2> TaggedUnion<T1, T2> two(T2 two) {
      return new TaggedUnion<>(null, Objects.requireNonNull(two));
    }

    @Override
    public String toString() {
      return isOne() ? "One(" + one + ")" : "Two(" + two + ")";
    }
  }

  static final class TagFirst<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaggedUnion<T1, T2> map(T1 value) {
      return TaggedUnion.one(value);
    }
  }

  static final class TagSecond<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaggedUnion<T1, T2> map(T2 value) {
      return TaggedUnion.two(value);
    }
  }

  /** Keys a tagged element with the key selector of its side. */
  static final class UnionKeySelector<T1, T2, KEY> implements KeySelector<TaggedUnion<T1, T2>, KEY> {
    private static final long serialVersionUID = 1L;
    private final KeySelector<T1, KEY> keySelector1;
    private final KeySelector<T2, KEY> keySelector2;

    UnionKeySelector(KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2) {
      this.keySelector1 = keySelector1;
      this.keySelector2 = keySelector2;
    }

    @Override
    public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
      return value.isOne() ? keySelector1.getKey(value.getOne()) : keySelector2.getKey(value.getTwo());
    }
  }

  /** Splits a window's tagged elements by side and hands both to the co-group function. */
  static final class CoGroupWindowFunction<T1, T2, T, KEY, W extends Window>
      implements WindowFunction<TaggedUnion<T1, T2>, T, KEY, W> {
    private static final long serialVersionUID = 1L;
    private final CoGroupFunction<T1, T2, T> function;

    CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function) {
      this.function = function;
    }

    @Override
    public void apply(KEY key, W window, Iterable<TaggedUnion<T1, T2>> input, Collector<T> out)
        throws Exception {
      List<T1> first = new ArrayList<>();
      List<T2> second = new ArrayList<>();
      for (TaggedUnion<T1, T2> element : input) {
        if (element.isOne()) {
          first.add(element.getOne());
        } else {
          second.add(element.getTwo());
        }
      }
      function.coGroup(first, second, out);
    }
  }
}
