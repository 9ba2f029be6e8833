package dev.sluice.runtime.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.api.java.tuple.Tuple3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldAccessorsTest {
  private static final String ORDER = Fixtures.Order.class.getName();

  private static final TypeInformation<Tuple2<String, Integer>> PAIR =
      Types.TUPLE(Types.STRING, Types.INT);

  @Test
  void tupleByPositionAndName() {
    Tuple2<String, Integer> t = Tuple2.of("a", 1);
    FieldAccessor<Tuple2<String, Integer>> byPos = FieldAccessors.forPosition(PAIR, 1);
    FieldAccessor<Tuple2<String, Integer>> byName = FieldAccessors.forExpression(PAIR, "f1");
    assertThat(byPos.get(t)).isEqualTo(1);
    assertThat(byName.get(t)).isEqualTo(1);
    assertThat(byPos.fieldType()).isEqualTo(Types.INT);
    Tuple2<String, Integer> updated = byPos.withValue(t, 5);
    assertThat(updated).isEqualTo(Tuple2.of("a", 5)).isNotSameAs(t);
    assertThat(t).isEqualTo(Tuple2.of("a", 1));
  }

  @Test
  void tupleSubclassKeepsItsClass() {
    FieldAccessor<Fixtures.WordCount> count =
        FieldAccessors.forPosition(TypeInformation.of(Fixtures.WordCount.class), 1);
    Fixtures.WordCount wc = new Fixtures.WordCount("x", 1);
    Fixtures.WordCount updated = count.withValue(wc, 2);
    assertThat(updated).isInstanceOf(Fixtures.WordCount.class);
    assertThat(updated.f1).isEqualTo(2);
    assertThat(wc.f1).isEqualTo(1);
  }

  @Test
  void tupleErrors() {
    assertThatThrownBy(() -> FieldAccessors.forPosition(PAIR, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Position 3 is out of range for Tuple2<String, Integer>: valid positions are 0..1");
    assertThatThrownBy(() -> FieldAccessors.forPosition(PAIR, -1))
        .hasMessageContaining("Position -1 is out of range");
    assertThatThrownBy(() -> FieldAccessors.forExpression(PAIR, "f2"))
        .hasMessage("Field 'f2' does not exist in Tuple2<String, Integer>; its fields are: f0, f1");
  }

  @Test
  void pojoWithGettersAndSetters() {
    TypeInformation<Fixtures.Order> type = TypeInformation.of(Fixtures.Order.class);
    FieldAccessor<Fixtures.Order> price = FieldAccessors.forExpression(type, "price");
    Fixtures.Order order = new Fixtures.Order("books", 10.0);
    assertThat(price.get(order)).isEqualTo(10.0);
    assertThat(price.fieldType()).isEqualTo(Types.DOUBLE);
    Fixtures.Order updated = price.withValue(order, 12.5);
    assertThat(updated).isEqualTo(new Fixtures.Order("books", 12.5)).isNotSameAs(order);
    assertThat(order.getPrice()).isEqualTo(10.0);
    assertThatThrownBy(() -> price.withValue(order, "cheap"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot set field 'price' of " + ORDER + " (double) to a value of type java.lang.String");
    assertThatThrownBy(() -> price.withValue(order, null)).hasMessageContaining("to null");
  }

  @Test
  void pojoWithPublicFieldsCopiesEveryField() {
    TypeInformation<Fixtures.Reading> type = TypeInformation.of(Fixtures.Reading.class);
    FieldAccessor<Fixtures.Reading> count = FieldAccessors.forExpression(type, "count");
    Fixtures.Reading r = new Fixtures.Reading("r1", 3, BigDecimal.ONE);
    r.tags = List.of("x");
    Fixtures.Reading updated = count.withValue(r, 4);
    assertThat(updated).isNotSameAs(r);
    assertThat(updated.count).isEqualTo(4);
    assertThat(updated.id).isEqualTo("r1");
    assertThat(updated.amount).isEqualTo(BigDecimal.ONE);
    assertThat(updated.tags).containsExactly("x");
    assertThat(r.count).isEqualTo(3);
    assertThat(FieldAccessors.forExpression(type, "id").get(r)).isEqualTo("r1");
  }

  @Test
  void record() {
    TypeInformation<Fixtures.Trade> type = TypeInformation.of(Fixtures.Trade.class);
    FieldAccessor<Fixtures.Trade> volume = FieldAccessors.forExpression(type, "volume");
    Fixtures.Trade t = new Fixtures.Trade("ACME", 10L, 2.0);
    assertThat(volume.get(t)).isEqualTo(10L);
    assertThat(volume.withValue(t, 15L)).isEqualTo(new Fixtures.Trade("ACME", 15L, 2.0));
    assertThat(t.volume()).isEqualTo(10L);
    assertThatThrownBy(() -> FieldAccessors.forExpression(type, "price2"))
        .hasMessage("Field 'price2' does not exist in " + Fixtures.Trade.class.getName()
            + "; its fields are: symbol, volume, price");
  }

  @Test
  void errorsForPojos() {
    TypeInformation<Fixtures.Order> type = TypeInformation.of(Fixtures.Order.class);
    assertThatThrownBy(() -> FieldAccessors.forExpression(type, "prcie"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Field 'prcie' does not exist in " + ORDER + "; its fields are: category, price");
    assertThatThrownBy(() -> FieldAccessors.forPosition(type, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Positional keys and aggregations need a Tuple type, but the stream's type is "
            + ORDER + "; use a field name or a KeySelector");
    assertThatThrownBy(() -> FieldAccessors.forExpression(TypeInformation.of(Fixtures.Immutable.class), "name"))
        .hasMessageContaining("is not a POJO (it has no public no-argument constructor); use a KeySelector");
    assertThatThrownBy(() -> FieldAccessors.forExpression(Types.STRING, "length"))
        .hasMessageContaining("the stream's type is String");
    assertThatThrownBy(() -> FieldAccessors.forExpression(type, "a.b"))
        .hasMessageContaining("Nested field expressions");
    assertThatThrownBy(() -> FieldAccessors.forExpression(type, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void basicTypesAndWildcard() {
    FieldAccessor<Integer> self = FieldAccessors.forPosition(Types.INT, 0);
    assertThat(self.get(7)).isEqualTo(7);
    assertThat(self.withValue(7, 8)).isEqualTo(8);
    assertThatThrownBy(() -> FieldAccessors.forPosition(Types.INT, 1))
        .hasMessageContaining("Position 1 is out of range for Integer");
    FieldAccessor<Fixtures.Order> all = FieldAccessors.forExpression(null, "*");
    Fixtures.Order o = new Fixtures.Order("a", 1);
    assertThat(all.get(o)).isSameAs(o);
  }

  @Test
  void unknownTypeResolvesOnFirstElement() {
    FieldAccessor<Tuple3<String, Integer, Long>> lazy = FieldAccessors.forPosition(null, 2);
    assertThat(lazy.fieldType()).isNull();
    Tuple3<String, Integer, Long> t = Tuple3.of("a", 1, 2L);
    assertThat(lazy.get(t)).isEqualTo(2L);
    assertThat(lazy.withValue(t, 3L)).isEqualTo(Tuple3.of("a", 1, 3L));

    FieldAccessor<Tuple2<String, Integer>> tooFar = FieldAccessors.forPosition(null, 3);
    assertThatThrownBy(() -> tooFar.get(Tuple2.of("a", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Position 3 is out of range for Tuple2: valid positions are 0..1");

    FieldAccessor<Fixtures.Order> typo = FieldAccessors.forExpression(null, "prcie");
    assertThatThrownBy(() -> typo.get(new Fixtures.Order("a", 1)))
        .hasMessage("Field 'prcie' does not exist in " + ORDER + "; its fields are: category, price");

    FieldAccessor<Fixtures.Order> positional = FieldAccessors.forPosition(null, 1);
    assertThatThrownBy(() -> positional.get(new Fixtures.Order("a", 1)))
        .hasMessage("Positional keys and aggregations need a Tuple type, but the stream's type is "
            + ORDER + "; use a field name or a KeySelector");

    FieldAccessor<Fixtures.Trade> lazyRecord = FieldAccessors.forExpression(null, "price");
    assertThat(lazyRecord.withValue(new Fixtures.Trade("A", 1, 1.0), 2.0))
        .isEqualTo(new Fixtures.Trade("A", 1, 2.0));
    assertThat(lazyRecord.fieldType()).isEqualTo(Types.DOUBLE);
  }

  @Test
  @SuppressWarnings("unchecked")
  void accessorsSurviveSerialization() throws Exception {
    FieldAccessor<Fixtures.Order> price =
        FieldAccessors.forExpression(TypeInformation.of(Fixtures.Order.class), "price");
    FieldAccessor<Fixtures.Trade> volume =
        FieldAccessors.forExpression(TypeInformation.of(Fixtures.Trade.class), "volume");
    FieldAccessor<Fixtures.Order> copy = roundTrip(price);
    assertThat(copy.withValue(new Fixtures.Order("a", 1), 2.0)).isEqualTo(new Fixtures.Order("a", 2));
    assertThat(roundTrip(volume).get(new Fixtures.Trade("A", 4, 1))).isEqualTo(4L);
  }

  @SuppressWarnings("unchecked")
  static <X> X roundTrip(X value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (X) in.readObject();
    }
  }
}
