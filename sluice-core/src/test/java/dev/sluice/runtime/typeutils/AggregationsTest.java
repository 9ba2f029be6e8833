package dev.sluice.runtime.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.api.java.tuple.Tuple3;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationsTest {

  private static final TypeInformation<Tuple3<String, Integer, Integer>> TRIPLE =
      Types.TUPLE(Types.STRING, Types.INT, Types.INT);

  /** Folds like a keyed reduce does and returns every emitted value. */
  @SafeVarargs
  static <T> List<T> run(ReduceFunction<T> f, T... elements) throws Exception {
    List<T> emitted = new ArrayList<>();
    T acc = null;
    for (T e : elements) {
      acc = acc == null ? e : f.reduce(acc, e);
      emitted.add(acc);
    }
    return emitted;
  }

  @Test
  void sumKeepsTheFirstElementsOtherFields() throws Exception {
    ReduceFunction<Tuple3<String, Integer, Integer>> sum =
        Aggregations.sum(FieldAccessors.forPosition(TRIPLE, 1));
    Tuple3<String, Integer, Integer> a = Tuple3.of("k", 1, 10);
    Tuple3<String, Integer, Integer> b = Tuple3.of("k", 2, 20);
    Tuple3<String, Integer, Integer> c = Tuple3.of("k", 3, 30);
    assertThat(run(sum, a, b, c))
        .containsExactly(Tuple3.of("k", 1, 10), Tuple3.of("k", 3, 10), Tuple3.of("k", 6, 10));
    assertThat(a).isEqualTo(Tuple3.of("k", 1, 10));
    assertThat(b).isEqualTo(Tuple3.of("k", 2, 20));
  }

  @Test
  void sumSupportsNumberTypes() throws Exception {
    assertThat(sumOf(5L, 6L)).isEqualTo(11L);
    assertThat(sumOf((short) 5, (short) 6)).isEqualTo((short) 11);
    assertThat(sumOf((byte) 5, (byte) 6)).isEqualTo((byte) 11);
    assertThat(sumOf(0.5, 0.25)).isEqualTo(0.75);
    assertThat(sumOf(0.5f, 0.25f)).isEqualTo(0.75f);
    assertThat(sumOf(BigInteger.TWO, BigInteger.TEN)).isEqualTo(BigInteger.valueOf(12));
    assertThat(sumOf(new BigDecimal("1.5"), new BigDecimal("2.25"))).isEqualTo(new BigDecimal("3.75"));
  }

  private static Object sumOf(Object x, Object y) throws Exception {
    ReduceFunction<Tuple2<String, Object>> sum = Aggregations.sum(FieldAccessors.forPosition(null, 1));
    return sum.reduce(Tuple2.of("k", x), Tuple2.of("k", y)).f1;
  }

  @Test
  void sumOnPojoAndRecord() throws Exception {
    ReduceFunction<Fixtures.Order> sum = Aggregations.sum(
        FieldAccessors.forExpression(TypeInformation.of(Fixtures.Order.class), "price"));
    assertThat(sum.reduce(new Fixtures.Order("a", 1.5), new Fixtures.Order("b", 2)))
        .isEqualTo(new Fixtures.Order("a", 3.5));
    ReduceFunction<Fixtures.Trade> volume = Aggregations.sum(
        FieldAccessors.forExpression(TypeInformation.of(Fixtures.Trade.class), "volume"));
    assertThat(volume.reduce(new Fixtures.Trade("X", 1, 9), new Fixtures.Trade("X", 2, 8)))
        .isEqualTo(new Fixtures.Trade("X", 3, 9));
  }

  @Test
  void sumRejectsNonNumericFields() throws Exception {
    assertThatThrownBy(() -> Aggregations.sum(FieldAccessors.forPosition(TRIPLE, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot sum field f0 of Tuple3<String, Integer, Integer> of type String:"
            + " sum supports Integer, Long, Short, Byte, Double, Float, BigInteger and BigDecimal");
    ReduceFunction<Tuple2<String, Integer>> lazy = Aggregations.sum(FieldAccessors.forPosition(null, 0));
    assertThatThrownBy(() -> lazy.reduce(Tuple2.of("a", 1), Tuple2.of("b", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot sum field f0 of Tuple2 of type java.lang.String");
    ReduceFunction<Tuple2<String, Object>> mixed = Aggregations.sum(FieldAccessors.forPosition(null, 1));
    assertThatThrownBy(() -> mixed.reduce(Tuple2.of("a", 1), Tuple2.of("a", 2L)))
        .hasMessageContaining("both java.lang.Integer and java.lang.Long");
  }

  @Test
  void minAndMaxReplaceOnlyTheField() throws Exception {
    ReduceFunction<Tuple3<String, Integer, Integer>> min =
        Aggregations.min(FieldAccessors.forPosition(TRIPLE, 1));
    ReduceFunction<Tuple3<String, Integer, Integer>> max =
        Aggregations.max(FieldAccessors.forPosition(TRIPLE, 1));
    Tuple3<String, Integer, Integer> a = Tuple3.of("k", 5, 1);
    Tuple3<String, Integer, Integer> b = Tuple3.of("k", 3, 2);
    Tuple3<String, Integer, Integer> c = Tuple3.of("k", 7, 3);
    assertThat(run(min, a, b, c))
        .containsExactly(Tuple3.of("k", 5, 1), Tuple3.of("k", 3, 1), Tuple3.of("k", 3, 1));
    assertThat(run(max, a, b, c))
        .containsExactly(Tuple3.of("k", 5, 1), Tuple3.of("k", 5, 1), Tuple3.of("k", 7, 1));
    assertThat(b).isEqualTo(Tuple3.of("k", 3, 2));
  }

  @Test
  void minByAndMaxByReturnWholeElements() throws Exception {
    FieldAccessor<Tuple3<String, Integer, Integer>> f1 = FieldAccessors.forPosition(TRIPLE, 1);
    Tuple3<String, Integer, Integer> a = Tuple3.of("k", 5, 1);
    Tuple3<String, Integer, Integer> b = Tuple3.of("k", 3, 2);
    Tuple3<String, Integer, Integer> c = Tuple3.of("k", 3, 3);
    Tuple3<String, Integer, Integer> d = Tuple3.of("k", 9, 4);
    assertThat(run(Aggregations.minBy(f1), a, b, c, d)).containsExactly(a, b, b, b);
    assertThat(run(Aggregations.minBy(f1, false), a, b, c, d)).containsExactly(a, b, c, c);
    assertThat(run(Aggregations.maxBy(f1), a, b, c, d)).containsExactly(a, a, a, d);
    Tuple3<String, Integer, Integer> e = Tuple3.of("k", 9, 5);
    assertThat(run(Aggregations.maxBy(f1, true), d, e).get(1)).isSameAs(d);
    assertThat(run(Aggregations.maxBy(f1, false), d, e).get(1)).isSameAs(e);
  }

  @Test
  void minByOnRecordAndPojo() throws Exception {
    ReduceFunction<Fixtures.Trade> cheapest = Aggregations.minBy(
        FieldAccessors.forExpression(TypeInformation.of(Fixtures.Trade.class), "price"));
    Fixtures.Trade x = new Fixtures.Trade("A", 1, 3.0);
    Fixtures.Trade y = new Fixtures.Trade("B", 2, 1.0);
    assertThat(cheapest.reduce(x, y)).isSameAs(y);
    ReduceFunction<Fixtures.Order> maxPrice = Aggregations.max(FieldAccessors.forExpression(null, "price"));
    assertThat(maxPrice.reduce(new Fixtures.Order("a", 1), new Fixtures.Order("b", 4)))
        .isEqualTo(new Fixtures.Order("a", 4));
  }

  @Test
  void minNeedsComparableValues() throws Exception {
    TypeInformation<Tuple2<String, List<String>>> type = Types.TUPLE(Types.STRING, Types.LIST(Types.STRING));
    assertThatThrownBy(() -> Aggregations.min(FieldAccessors.forPosition(type, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min needs a Comparable field");
    ReduceFunction<Tuple2<String, Object>> lazy = Aggregations.maxBy(FieldAccessors.forPosition(null, 1));
    assertThatThrownBy(() -> lazy.reduce(Tuple2.of("a", new Object()), Tuple2.of("a", new Object())))
        .hasMessageContaining("maxBy needs a Comparable field");
  }

  @Test
  void nullValuesAreSkipped() throws Exception {
    ReduceFunction<Tuple2<String, Integer>> sum = Aggregations.sum(FieldAccessors.forPosition(null, 1));
    Tuple2<String, Integer> a = Tuple2.of("k", 1);
    assertThat(sum.reduce(a, Tuple2.of("k", null))).isSameAs(a);
    assertThat(sum.reduce(Tuple2.of("k", null), Tuple2.of("j", 2))).isEqualTo(Tuple2.of("k", 2));
    ReduceFunction<Tuple2<String, Integer>> min = Aggregations.min(FieldAccessors.forPosition(null, 1));
    assertThat(min.reduce(a, Tuple2.of("k", null))).isSameAs(a);
    assertThat(min.reduce(Tuple2.of("k", null), Tuple2.of("j", 2))).isEqualTo(Tuple2.of("k", 2));
  }

  @Test
  void reducersAreSerializable() throws Exception {
    ReduceFunction<Fixtures.Order> sum = FieldAccessorsTest.roundTrip(Aggregations.sum(
        FieldAccessors.forExpression(TypeInformation.of(Fixtures.Order.class), "price")));
    assertThat(sum.reduce(new Fixtures.Order("a", 1), new Fixtures.Order("a", 2)))
        .isEqualTo(new Fixtures.Order("a", 3));
  }
}
