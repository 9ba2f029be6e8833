package dev.sluice.api.common.typeutils;

import static dev.sluice.api.common.typeutils.SerdeFixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.typeinfo.TypeHint;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.common.typeutils.SerdeFixtures.Color;
import dev.sluice.api.common.typeutils.SerdeFixtures.Item;
import dev.sluice.api.common.typeutils.SerdeFixtures.Point;
import dev.sluice.api.common.typeutils.SerdeFixtures.Shape;
import dev.sluice.api.java.tuple.Tuple0;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.api.java.tuple.Tuple3;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.From;
import net.jqwik.api.constraints.WithNull;

/**
 * Every kind of serializer, made from type information: what is written reads back equal, and
 * {@code copy} is equal and, for mutable types, a different object whose parts are independent.
 */
class SerializerRoundTripProperties {

  private static <T> void check(TypeInformation<T> type, T value) throws IOException {
    TypeSerializer<T> serializer = type.createSerializer(new ExecutionConfig());
    assertThat(roundTrip(serializer, value)).isEqualTo(value);
    T copy = serializer.copy(value);
    assertThat(copy).isEqualTo(value);
    if (!serializer.isImmutableType()) {
      assertThat(copy).isNotSameAs(value);
    }
    assertThat(serializer.duplicate()).isEqualTo(serializer);
    assertThat(serializer.duplicate().hashCode()).isEqualTo(serializer.hashCode());
  }

  @Property(tries = 50)
  void basicTypes(@ForAll Integer i, @ForAll Long l, @ForAll Double d, @ForAll Float f,
      @ForAll Short s, @ForAll Byte b, @ForAll Boolean z, @ForAll Character c,
      @ForAll @WithNull String str, @ForAll BigDecimal dec, @ForAll BigInteger big,
      @ForAll Instant instant, @ForAll LocalDate date, @ForAll LocalTime time,
      @ForAll LocalDateTime dateTime) throws IOException {
    check(Types.INT, i);
    check(Types.LONG, l);
    check(Types.DOUBLE, d);
    check(Types.FLOAT, f);
    check(Types.SHORT, s);
    check(Types.BYTE, b);
    check(Types.BOOLEAN, z);
    check(Types.CHAR, c);
    check(Types.STRING, str);
    check(Types.BIG_DEC, dec);
    check(Types.BIG_INT, big);
    check(Types.INSTANT, instant);
    check(Types.LOCAL_DATE, date);
    check(Types.LOCAL_TIME, time);
    check(Types.LOCAL_DATE_TIME, dateTime);
    check(Types.VOID, null);
  }

  @Property(tries = 50)
  void primitiveArrays(@ForAll byte[] bytes, @ForAll int[] ints, @ForAll long[] longs,
      @ForAll double[] doubles, @ForAll float[] floats, @ForAll short[] shorts,
      @ForAll boolean[] booleans, @ForAll char[] chars) throws IOException {
    check(TypeInformation.of(byte[].class), bytes);
    check(TypeInformation.of(int[].class), ints);
    check(TypeInformation.of(long[].class), longs);
    check(TypeInformation.of(double[].class), doubles);
    check(TypeInformation.of(float[].class), floats);
    check(TypeInformation.of(short[].class), shorts);
    check(TypeInformation.of(boolean[].class), booleans);
    check(TypeInformation.of(char[].class), chars);
  }

  @Property(tries = 50)
  void objectArraysAndEnums(@ForAll List<@WithNull String> strings, @ForAll Color color,
      @ForAll List<@WithNull Color> colors) throws IOException {
    check(Types.OBJECT_ARRAY(Types.STRING), strings.toArray(new String[0]));
    check(Types.ENUM(Color.class), color);
    check(TypeInformation.of(Color[].class), colors.toArray(new Color[0]));
  }

  @Property(tries = 50)
  void collectionsWithNulls(@ForAll List<@WithNull String> list,
      @ForAll Set<@WithNull Integer> set, @ForAll Map<@WithNull String, @WithNull Long> map,
      @ForAll List<Map<String, List<@WithNull Integer>>> nested) throws IOException {
    check(Types.LIST(Types.STRING), list);
    check(Types.SET(Types.INT), set);
    check(Types.MAP(Types.STRING, Types.LONG), map);
    check(new TypeHint<List<Map<String, List<Integer>>>>() {}.getTypeInfo(), nested);
  }

  @Property(tries = 50)
  void collectionsKeepTheirOrder(@ForAll Set<String> set, @ForAll Map<String, Long> map)
      throws IOException {
    TypeSerializer<Set<String>> sets = Types.SET(Types.STRING).createSerializer(null);
    assertThat(roundTrip(sets, set)).containsExactlyElementsOf(set);
    TypeSerializer<Map<String, Long>> maps = Types.MAP(Types.STRING, Types.LONG).createSerializer(null);
    assertThat(new ArrayList<>(roundTrip(maps, map).keySet())).isEqualTo(new ArrayList<>(map.keySet()));
  }

  @Property(tries = 50)
  void tuples(@ForAll @WithNull String s, @ForAll @WithNull Long l,
      @ForAll @WithNull List<Integer> list, @ForAll("points") Point point) throws IOException {
    check(new TypeHint<Tuple3<String, Long, List<Integer>>>() {}.getTypeInfo(),
        Tuple3.of(s, l, list));
    // declared with Types: reflection takes a Tuple2 inside a Tuple2 for a recursive type
    check(Types.TUPLE(TypeInformation.of(Point.class), Types.TUPLE(Types.STRING, Types.LONG)),
        Tuple2.of(point, Tuple2.of(s, l)));
    check(TypeInformation.of(Tuple0.class), new Tuple0());
  }

  @Property(tries = 50)
  void records(@ForAll("points") Point point, @ForAll("shapes") Shape shape) throws IOException {
    check(TypeInformation.of(Point.class), point);
    check(TypeInformation.of(Shape.class), shape);
    assertThat(TypeInformation.of(Point.class).createSerializer(null).isImmutableType()).isTrue();
    assertThat(TypeInformation.of(Shape.class).createSerializer(null).isImmutableType()).isFalse();
  }

  @Property(tries = 50)
  void pojosIncludingInheritedFields(@ForAll("items") Item item) throws IOException {
    check(TypeInformation.of(Item.class), item);
  }

  @Property(tries = 50)
  void nestedCombinations(@ForAll Map<String, @WithNull @From("items") Item> byName,
      @ForAll List<@From("items") Item> items, @ForAll List<@From("shapes") Shape> shapes)
      throws IOException {
    check(new TypeHint<Map<String, Item>>() {}.getTypeInfo(), byName);
    check(TypeInformation.of(Item[].class), items.toArray(new Item[0]));
    check(new TypeHint<List<Tuple2<Shape, Color>>>() {}.getTypeInfo(),
        shapes.stream().map(s -> Tuple2.of(s, Color.GREEN)).toList());
  }

  @Property(tries = 50)
  void copiesOfMutableValuesAreIndependent(@ForAll("items") Item item) {
    TypeSerializer<List<Item>> serializer =
        new TypeHint<List<Item>>() {}.getTypeInfo().createSerializer(null);
    List<Item> original = new ArrayList<>(List.of(item));
    String before = original.toString();
    List<Item> copy = serializer.copy(original);
    copy.get(0).setQuantity(item.getQuantity() + 1);
    copy.get(0).id = "changed";
    if (copy.get(0).getTags() != null) {
      copy.get(0).getTags().add("changed");
    }
    copy.add(new Item());
    assertThat(original).hasToString(before);
  }

  @Provide
  Arbitrary<Point> points() {
    return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().injectNull(0.2),
        Arbitraries.strings().ofMaxLength(8).injectNull(0.2)).as(Point::new);
  }

  @Provide
  Arbitrary<Shape> shapes() {
    return Combinators.combine(Arbitraries.strings().ofMaxLength(8).injectNull(0.2),
        points().list().ofMaxSize(4).injectNull(0.2),
        Arbitraries.maps(Arbitraries.strings().ofMaxLength(4), Arbitraries.of(Color.class))
            .ofMaxSize(3)).as(Shape::new);
  }

  @Provide
  Arbitrary<Item> items() {
    return Combinators.combine(Arbitraries.strings().ofMaxLength(8).injectNull(0.2),
        Arbitraries.longs(), Arbitraries.strings().ofMaxLength(4).list().ofMaxSize(3).injectNull(0.2),
        points().injectNull(0.3)).as((id, quantity, tags, where) -> {
          Item item = new Item();
          item.id = id;
          item.setQuantity(quantity);
          item.setTags(tags == null ? null : new ArrayList<>(tags));
          item.where = where;
          return item;
        });
  }
}
