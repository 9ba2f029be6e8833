package dev.sluice.api.common.typeutils;

import static dev.sluice.api.common.typeutils.SerdeFixtures.read;
import static dev.sluice.api.common.typeutils.SerdeFixtures.snapshotRoundTrip;
import static dev.sluice.api.common.typeutils.SerdeFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.typeinfo.TypeHint;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.common.typeutils.SerdeFixtures.Color;
import dev.sluice.api.common.typeutils.SerdeFixtures.Item;
import dev.sluice.api.common.typeutils.SerdeFixtures.Point;
import dev.sluice.api.common.typeutils.SerdeFixtures.Shape;
import dev.sluice.api.java.tuple.Tuple2;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A serializer's snapshot, written and read back as a checkpoint would, restores a serializer
 * equal to the original that reads the original's data, and finds the original compatible as is;
 * a serializer of another type is incompatible, with a reason.
 */
class SerializerSnapshotTest {

  static Stream<Arguments> values() {
    Item item = new Item();
    item.id = "i";
    item.setQuantity(3);
    item.setTags(new ArrayList<>(List.of("a", "b")));
    item.where = new Point(1, null, "p");
    Map<String, Item> byName = new LinkedHashMap<>();
    byName.put("x", item);
    byName.put("y", null);
    return Stream.of(
        Arguments.of(Types.LONG, 5L),
        Arguments.of(Types.BIG_DEC, new BigDecimal("-12.345")),
        Arguments.of(Types.LOCAL_DATE_TIME, LocalDateTime.of(2026, 11, 25, 18, 0, 1, 2)),
        Arguments.of(TypeInformation.of(int[].class), new int[] {1, 2, 3}),
        Arguments.of(Types.OBJECT_ARRAY(Types.STRING), new String[] {"a", null}),
        Arguments.of(Types.ENUM(Color.class), Color.BLUE),
        Arguments.of(Types.LIST(Types.INT), Arrays.asList(1, null, 3)),
        Arguments.of(Types.SET(Types.STRING), Set.of("s")),
        Arguments.of(new TypeHint<Map<String, Item>>() {}.getTypeInfo(), byName),
        Arguments.of(Types.TUPLE(Types.STRING, Types.LIST(Types.LONG)), Tuple2.of("t", List.of(1L))),
        Arguments.of(TypeInformation.of(Point.class), new Point(1, 2, null)),
        Arguments.of(TypeInformation.of(Shape.class),
            new Shape("s", List.of(new Point(0, 0, "o")), Map.of("c", Color.RED))),
        Arguments.of(TypeInformation.of(Item.class), item));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  <T> void restoreSerializerReadsWhatTheOriginalWrote(TypeInformation<T> type, T value)
      throws Exception {
    TypeSerializer<T> serializer = type.createSerializer(null);
    byte[] data = write(serializer, value);

    TypeSerializerSnapshot<T> snapshot = snapshotRoundTrip(serializer, getClass().getClassLoader());
    TypeSerializer<T> restored = snapshot.restoreSerializer();

    assertThat(restored).isEqualTo(serializer);
    assertThat(read(restored, data)).isEqualTo(value);
    assertThat(snapshot.resolveSchemaCompatibility(serializer).isCompatibleAsIs()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  @SuppressWarnings({"unchecked", "rawtypes"})
  <T> void anotherTypeIsIncompatible(TypeInformation<T> type, T value) throws Exception {
    TypeSerializerSnapshot<T> snapshot =
        snapshotRoundTrip(type.createSerializer(null), getClass().getClassLoader());
    TypeSerializer other = Types.LIST(Types.CHAR).createSerializer(null);
    TypeSerializerSchemaCompatibility<T> verdict = snapshot.resolveSchemaCompatibility(other);
    assertThat(verdict.isIncompatible()).isTrue();
    assertThat(verdict.reason()).isNotBlank();
  }

  @Test
  void nestedIncompatibilityNamesThePath() throws Exception {
    TypeSerializerSnapshot<Map<String, List<Long>>> snapshot = snapshotRoundTrip(
        Types.MAP(Types.STRING, Types.LIST(Types.LONG)).createSerializer(null),
        getClass().getClassLoader());
    TypeSerializerSchemaCompatibility<?> verdict = TypeSerializerSnapshots.resolveCompatibility(
        snapshot, Types.MAP(Types.STRING, Types.LIST(Types.INT)).createSerializer(null));
    assertThat(verdict.reason()).isEqualTo("map value was List<Long>, is now List<Int>");
  }
}
