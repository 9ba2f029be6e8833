package dev.sluice.api.java.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TupleTest {

  @Test
  void equalityIsValueBasedAndNullSafe() {
    assertThat(Tuple2.of("a", 1)).isEqualTo(new Tuple2<>("a", 1));
    assertThat(Tuple2.of("a", 1)).isNotEqualTo(Tuple2.of("a", 2));
    assertThat(Tuple2.of(null, 1)).isEqualTo(Tuple2.of(null, 1));
    assertThat(Tuple2.of(null, 1)).isNotEqualTo(Tuple2.of("a", 1));
    assertThat(Tuple2.of("a", 1)).isNotEqualTo(Tuple3.of("a", 1, null));
    assertThat(Tuple1.of(new int[] {1, 2})).isEqualTo(Tuple1.of(new int[] {1, 2}));
    assertThat(new Tuple0()).isEqualTo(Tuple0.INSTANCE);
  }

  @Test
  void hashCodeIsDeterministic() {
    // 31 * "a".hashCode() + 1 = 31 * 97 + 1
    assertThat(Tuple2.of("a", 1).hashCode()).isEqualTo(3008);
    assertThat(Tuple2.of(null, null).hashCode()).isZero();
    assertThat(Tuple1.of(new int[] {1, 2}).hashCode())
        .isEqualTo(Tuple1.of(new int[] {1, 2}).hashCode());
    assertThat(Tuple3.of(1L, "x", true).hashCode()).isEqualTo(Tuple3.of(1L, "x", true).hashCode());
    assertThat(new Tuple0().hashCode()).isZero();
  }

  @Test
  void toStringMatchesFlinkFormat() {
    assertThat(Tuple2.of("a", 1)).hasToString("(a,1)");
    assertThat(new Tuple0()).hasToString("()");
    assertThat(new Tuple3<>()).hasToString("(null,null,null)");
    assertThat(Tuple2.of(new int[] {1, 2}, new String[] {"x", null})).hasToString("([1, 2],[x, null])");
    assertThat(Tuple10.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)).hasToString("(0,1,2,3,4,5,6,7,8,9)");
  }

  @Test
  void positionalAccess() {
    Tuple3<String, Integer, Double> t = Tuple3.of("a", 1, 2.0);
    assertThat((String) t.getField(0)).isEqualTo("a");
    assertThat((Double) t.getField(2)).isEqualTo(2.0);
    t.setField(5, 1);
    assertThat(t.f1).isEqualTo(5);
    t.setFields("b", 2, 3.0);
    assertThat(t).isEqualTo(Tuple3.of("b", 2, 3.0));
  }

  @Test
  void outOfRangePositionsNameTheArity() {
    Tuple2<String, Integer> t = Tuple2.of("a", 1);
    assertThatThrownBy(() -> t.getField(2))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("Position 2")
        .hasMessageContaining("arity 2")
        .hasMessageContaining("0..1");
    assertThatThrownBy(() -> t.setField("x", -1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("arity 2");
    assertThatThrownBy(() -> new Tuple0().getField(0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("arity 0");
  }

  @Test
  void copyIsShallowAndIndependent() {
    int[] shared = {1};
    Tuple2<String, int[]> t = Tuple2.of("a", shared);
    Tuple2<String, int[]> c = t.copy();
    assertThat(c).isNotSameAs(t).isEqualTo(t);
    assertThat(c.f1).isSameAs(shared);
    c.f0 = "b";
    assertThat(t.f0).isEqualTo("a");
    Tuple generic = Tuple3.of(1, 2, 3);
    Tuple copy = generic.copy();
    assertThat(copy).isInstanceOf(Tuple3.class).isEqualTo(generic);
  }

  @Test
  void classesAndInstancesByArity() {
    for (int i = 0; i <= Tuple.MAX_ARITY; i++) {
      Tuple t = Tuple.newInstance(i);
      assertThat(t.getArity()).isEqualTo(i);
      assertThat(t.getClass()).isEqualTo(Tuple.getTupleClass(i));
      assertThat(t.getClass().getSimpleName()).isEqualTo("Tuple" + i);
      for (int p = 0; p < i; p++) {
        t.setField(p, p);
        assertThat((Integer) t.getField(p)).isEqualTo(p);
      }
    }
    assertThatThrownBy(() -> Tuple.getTupleClass(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tuple.newInstance(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void swapAndNotNullAccess() {
    assertThat(Tuple2.of("a", 1).swap()).isEqualTo(Tuple2.of(1, "a"));
    assertThatThrownBy(() -> Tuple2.of(null, 1).getFieldNotNull(0))
        .isInstanceOf(NullPointerException.class);
  }
}
