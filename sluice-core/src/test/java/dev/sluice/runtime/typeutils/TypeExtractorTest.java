package dev.sluice.runtime.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.functions.FilterFunction;
import dev.sluice.api.common.functions.FlatMapFunction;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.functions.RichMapFunction;
import dev.sluice.api.common.typeinfo.TypeHint;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.util.Collector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeExtractorTest {

  static class Parse implements MapFunction<String, Integer> {
    @Override
    public Integer map(String value) {
      return Integer.parseInt(value);
    }
  }

  /** Binds only the input; the output stays a variable until a subclass binds it. */
  abstract static class FromString<O> extends RichMapFunction<String, O> {}

  static class ToPair extends FromString<Tuple2<String, Integer>> {
    @Override
    public Tuple2<String, Integer> map(String value) {
      return Tuple2.of(value, value.length());
    }
  }

  static class Splitter implements FlatMapFunction<String, Tuple2<String, Long>> {
    @Override
    public void flatMap(String value, Collector<Tuple2<String, Long>> out) {}
  }

  static class Identity<T> implements MapFunction<T, T> {
    @Override
    public T map(T value) {
      return value;
    }
  }

  @Test
  void namedClass() {
    assertThat(TypeExtractor.<Integer>outputType(new Parse(), MapFunction.class, 1)).isEqualTo(Types.INT);
    assertThat(TypeExtractor.<String>outputType(new Parse(), MapFunction.class, 0)).isEqualTo(Types.STRING);
  }

  @Test
  void throughAbstractBaseClasses() {
    TypeInformation<Tuple2<String, Integer>> out = TypeExtractor.outputType(new ToPair(), MapFunction.class, 1);
    assertThat(out).isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
    assertThat(TypeExtractor.<Object>outputType(new ToPair(), MapFunction.class, 0)).isEqualTo(Types.STRING);
  }

  @Test
  void anonymousClasses() {
    MapFunction<String, List<String>> f = new MapFunction<>() {
      @Override
      public List<String> map(String value) {
        return List.of(value);
      }
    };
    assertThat(TypeExtractor.<Object>outputType(f, MapFunction.class, 1)).isEqualTo(Types.LIST(Types.STRING));
    FilterFunction<Long> filter = new FilterFunction<>() {
      @Override
      public boolean filter(Long value) {
        return value > 0;
      }
    };
    assertThat(TypeExtractor.<Object>outputType(filter, FilterFunction.class, 0)).isEqualTo(Types.LONG);
    ReduceFunction<Fixtures.Trade> reduce = new ReduceFunction<>() {
      @Override
      public Fixtures.Trade reduce(Fixtures.Trade a, Fixtures.Trade b) {
        return a;
      }
    };
    assertThat(TypeExtractor.<Object>outputType(reduce, ReduceFunction.class, 0))
        .isEqualTo(TypeInformation.of(Fixtures.Trade.class));
    assertThat(TypeExtractor.<Object>outputType(new Splitter(), FlatMapFunction.class, 1))
        .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
  }

  @Test
  void lambdasAndTypeVariablesAreUnknown() {
    MapFunction<String, Integer> lambda = String::length;
    assertThat(TypeExtractor.<Object>outputType(lambda, MapFunction.class, 1)).isNull();
    MapFunction<String, Integer> lambda2 = s -> s.length();
    assertThat(TypeExtractor.<Object>outputType(lambda2, MapFunction.class, 0)).isNull();
    assertThat(TypeExtractor.<Object>outputType(new Identity<String>(), MapFunction.class, 1)).isNull();
    assertThat(TypeExtractor.<Object>outputType(inGenericMethod(), MapFunction.class, 1)).isNull();
  }

  private static <X> MapFunction<String, X> inGenericMethod() {
    return new MapFunction<>() {
      @Override
      public X map(String value) {
        return null;
      }
    };
  }

  @Test
  void badArguments() {
    assertThatThrownBy(() -> TypeExtractor.outputType(new Parse(), FilterFunction.class, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not implement");
    assertThatThrownBy(() -> TypeExtractor.outputType(new Parse(), MapFunction.class, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 2 is out of range");
  }

  @Test
  void fromType() {
    assertThat(TypeExtractor.fromType(String.class)).isEqualTo(Types.STRING);
    assertThat(TypeExtractor.fromType(new TypeHint<Tuple2<String, Integer>>() {}.getTypeInfo().getTypeClass()))
        .hasToString("Tuple2");
    assertThat(TypeExtractor.fromType(typeOf(new TypeHint<Map<String, Integer>>() {})))
        .isEqualTo(Types.MAP(Types.STRING, Types.INT));
    assertThat(TypeExtractor.fromType(typeOf(new TypeHint<Fixtures.Box<Long>>() {})))
        .hasToString("Pojo<" + Fixtures.Box.class.getName() + ", fields = [value: Long]>");
    assertThat(TypeExtractor.fromType(typeOf(new TypeHint<List<String>[]>() {})))
        .hasToString("List<String>[]");
    assertThat(TypeExtractor.fromType(Fixtures.Box.class.getTypeParameters()[0])).isNull();
  }

  private static java.lang.reflect.Type typeOf(TypeHint<?> hint) {
    return TypeExtractor.typeArgument(hint.getClass(), TypeHint.class, 0);
  }
}
