package dev.sluice.api.common.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.api.java.tuple.Tuple3;
import dev.sluice.runtime.typeutils.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeInformationTest {

  /** Stands in for {@code SingleOutputStreamOperator.returns}. */
  private static <T> TypeInformation<T> returns(TypeInformation<T> type) {
    return type;
  }

  @Test
  void basicTypesAreRecognised() {
    assertThat(TypeInformation.of(String.class)).isSameAs(Types.STRING);
    assertThat(TypeInformation.of(Integer.class)).isSameAs(Types.INT);
    assertThat(TypeInformation.of(int.class)).isSameAs(Types.INT);
    assertThat(TypeInformation.of(BigDecimal.class)).isSameAs(Types.BIG_DEC);
    assertThat(TypeInformation.of(Instant.class)).isSameAs(Types.INSTANT);
    assertThat(Types.LONG.isBasicType()).isTrue();
    assertThat(Types.LONG.isTupleType()).isFalse();
    assertThat(Types.LONG.getArity()).isEqualTo(1);
    assertThat(Types.LOCAL_DATE_TIME).hasToString("LocalDateTime");
  }

  @Test
  void tupleTypes() {
    TypeInformation<Tuple2<String, Integer>> type = returns(Types.TUPLE(Types.STRING, Types.INT));
    assertThat(type.isTupleType()).isTrue();
    assertThat(type.getArity()).isEqualTo(2);
    assertThat(type.getTypeClass()).isEqualTo(Tuple2.class);
    assertThat(type).hasToString("Tuple2<String, Integer>");
    assertThat(((TupleTypeInfo<?>) type).getTypeAt(1)).isEqualTo(Types.INT);

    TypeInformation<Tuple2<String, Tuple2<Long, Long>>> nested =
        Types.TUPLE(Types.STRING, Types.TUPLE(Types.LONG, Types.LONG));
    assertThat(nested.getArity()).isEqualTo(2);
    assertThat(nested.getTotalFields()).isEqualTo(3);
    assertThat(nested).hasToString("Tuple2<String, Tuple2<Long, Long>>");

    @SuppressWarnings("rawtypes")
    TypeInformation<Tuple3> raw = TypeInformation.of(Tuple3.class);
    assertThat(raw.isTupleType()).isTrue();
    assertThat(raw.getArity()).isEqualTo(3);
    assertThat(((TupleTypeInfo<?>) raw).getTypeAt(0)).isNull();
    assertThat(raw).hasToString("Tuple3");
  }

  @Test
  void tupleSubclassBindsFieldTypes() {
    TypeInformation<Fixtures.WordCount> type = Types.TUPLE(Fixtures.WordCount.class);
    assertThat(type).hasToString("WordCount<String, Integer>");
    assertThat(type).isEqualTo(TypeInformation.of(Fixtures.WordCount.class));
  }

  @Test
  void typeHintCapturesGenericTypes() {
    TypeInformation<Tuple2<String, Integer>> type =
        TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {});
    assertThat(type).isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
    assertThat(new TypeHint<List<String>>() {}.getTypeInfo()).isEqualTo(Types.LIST(Types.STRING));
    assertThat(new TypeHint<Map<String, List<Long>>>() {}.getTypeInfo())
        .hasToString("Map<String, List<Long>>");
  }

  @Test
  void typeHintWithTypeVariableFails() {
    assertThatThrownBy(TypeInformationTest::hintFor)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("concrete type argument");
  }

  private static <X> TypeInformation<X> hintFor() {
    return new TypeHint<X>() {}.getTypeInfo();
  }

  @Test
  void pojosAndRecords() {
    TypeInformation<Fixtures.Order> order = TypeInformation.of(Fixtures.Order.class);
    assertThat(order).isInstanceOf(PojoTypeInfo.class);
    PojoTypeInfo<Fixtures.Order> pojo = (PojoTypeInfo<Fixtures.Order>) order;
    assertThat(pojo.getFieldNames()).containsExactly("category", "price"); // transient skipped
    assertThat(pojo.getTypeAt("price")).isEqualTo(Types.DOUBLE);
    assertThat(pojo.getArity()).isEqualTo(2);

    CompositeType<Fixtures.Reading> reading =
        (CompositeType<Fixtures.Reading>) TypeInformation.of(Fixtures.Reading.class);
    assertThat(reading.getFieldNames()).containsExactly("amount", "count", "id", "tags");
    assertThat(reading.getTypeAt("tags")).isEqualTo(Types.LIST(Types.STRING));

    TypeInformation<Fixtures.Trade> trade = TypeInformation.of(Fixtures.Trade.class);
    assertThat(trade).isInstanceOf(RecordTypeInfo.class);
    assertThat(((CompositeType<?>) trade).getFieldNames()).containsExactly("symbol", "volume", "price");
    assertThat(((CompositeType<?>) trade).getTypeAt(1)).isEqualTo(Types.LONG);
    assertThat(Types.POJO(Fixtures.Trade.class)).isEqualTo(trade);

    assertThat(TypeInformation.of(Fixtures.Node.class)).isInstanceOf(PojoTypeInfo.class);
  }

  @Test
  void nonPojosAreGeneric() {
    assertThat(TypeInformation.of(Fixtures.Immutable.class)).isInstanceOf(GenericTypeInfo.class)
        .hasToString("GenericType<" + Fixtures.Immutable.class.getName() + ">");
    assertThat(TypeInformation.of(Fixtures.HalfBean.class)).isInstanceOf(GenericTypeInfo.class);
    assertThat(TypeInformation.of(Object.class)).isInstanceOf(GenericTypeInfo.class);
    assertThatThrownBy(() -> Types.POJO(Fixtures.HalfBean.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 'x' is not public and has no public setter");
    assertThatThrownBy(() -> Types.POJO(Fixtures.Immutable.class))
        .hasMessageContaining("no public no-argument constructor");
  }

  @Test
  void explicitPojoFields() {
    TypeInformation<Fixtures.Order> order =
        Types.POJO(Fixtures.Order.class, Map.of("price", Types.DOUBLE, "category", Types.STRING));
    assertThat(order).isEqualTo(TypeInformation.of(Fixtures.Order.class));
    assertThatThrownBy(() -> Types.POJO(Fixtures.Order.class, Map.of("prcie", Types.DOUBLE)))
        .hasMessage("Field 'prcie' does not exist in " + Fixtures.Order.class.getName()
            + "; its fields are: category, price, scratch");
  }

  @Test
  void collectionEnumAndArrayTypes() {
    assertThat(Types.LIST(Types.STRING)).hasToString("List<String>");
    assertThat(Types.MAP(Types.STRING, Types.LONG)).hasToString("Map<String, Long>");
    assertThat(Types.SET(Types.INT)).hasToString("Set<Integer>");
    assertThat(Types.ENUM(Fixtures.Color.class)).isEqualTo(TypeInformation.of(Fixtures.Color.class));
    assertThat(Types.PRIMITIVE_ARRAY(Types.INT).getTypeClass()).isEqualTo(int[].class);
    assertThat(Types.PRIMITIVE_ARRAY(Types.INT)).isEqualTo(TypeInformation.of(int[].class));
    assertThat(Types.OBJECT_ARRAY(Types.STRING).getTypeClass()).isEqualTo(String[].class);
    assertThat(Types.OBJECT_ARRAY(Types.STRING)).isEqualTo(TypeInformation.of(String[].class))
        .hasToString("String[]");
    assertThat(Types.GENERIC(String.class)).isNotEqualTo(Types.STRING);
    assertThatThrownBy(() -> Types.PRIMITIVE_ARRAY(Types.STRING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typeInformationIsSerializable() throws Exception {
    for (TypeInformation<?> type : List.of(Types.TUPLE(Types.STRING, Types.LIST(Types.INT)),
        TypeInformation.of(Fixtures.Order.class), TypeInformation.of(Fixtures.Trade.class),
        Types.MAP(Types.STRING, Types.OBJECT_ARRAY(Types.LONG)), Types.INSTANT)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(type);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        assertThat(in.readObject()).isEqualTo(type).hasToString(type.toString());
      }
    }
  }
}
