package dev.sluice.api.common.typeutils;

import static dev.sluice.api.common.typeutils.SerdeFixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.common.typeutils.SerdeFixtures.Item;
import dev.sluice.api.common.typeutils.SerdeFixtures.Opaque;
import dev.sluice.api.common.typeutils.SerdeFixtures.OpaqueSerializer;
import dev.sluice.api.common.typeutils.SerdeFixtures.Point;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which serializer a type gets: registered ones first, user type information, clear refusals. */
class SerializerChoiceTest {

  /** Type information that brings its own serializer. */
  static final class OpaqueTypeInfo extends TypeInformation<Opaque> {
    private static final long serialVersionUID = 1L;

    @Override
    public Class<Opaque> getTypeClass() {
      return Opaque.class;
    }

    @Override
    public TypeSerializer<Opaque> createSerializer(ExecutionConfig config) {
      return new OpaqueSerializer();
    }
  }

  public record Holder(String name, Opaque opaque) {}

  public static class Sub extends Item {
    public String extra;
  }

  @Test
  void aRegisteredSerializerIsUsedForNestedFields() throws IOException {
    ExecutionConfig config = new ExecutionConfig()
        .registerTypeSerializer(Opaque.class, new OpaqueSerializer());
    TypeSerializer<Holder> holders = TypeInformation.of(Holder.class).createSerializer(config);
    Holder holder = new Holder("h", new Opaque("secret"));
    assertThat(roundTrip(holders, holder)).isEqualTo(holder);

    TypeSerializer<List<Opaque>> lists =
        Types.LIST(TypeInformation.of(Opaque.class)).createSerializer(config);
    assertThat(roundTrip(lists, Arrays.asList(new Opaque("a"), null)))
        .containsExactly(new Opaque("a"), null);
  }

  @Test
  void aRegisteredSerializerWinsOverTheDerivedOne() {
    TypeSerializer<Long> mine = new TypeSerializerSingleton<>() {
      @Override
      public void serialize(Long record, DataOutputView target) {}

      @Override
      public Long deserialize(DataInputView source) {
        return 0L;
      }

      @Override
      public TypeSerializerSnapshot<Long> snapshotConfiguration() {
        throw new UnsupportedOperationException();
      }
    };
    ExecutionConfig config = new ExecutionConfig().registerTypeSerializer(Long.class, mine);
    assertThat(Types.LONG.createSerializer(config)).isSameAs(mine);
  }

  @Test
  void typeInformationMayBringItsOwnSerializer() throws IOException {
    TypeSerializer<List<Opaque>> lists = Types.LIST(new OpaqueTypeInfo()).createSerializer(null);
    assertThat(roundTrip(lists, List.of(new Opaque("x")))).containsExactly(new Opaque("x"));
  }

  @Test
  void aClassSluiceCannotEncodeIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> TypeInformation.of(Opaque.class).createSerializer(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Opaque.class.getName())
        .hasMessageContaining("no public no-argument constructor")
        .hasMessageContaining("POJO")
        .hasMessageContaining("registerTypeSerializer");
    assertThatThrownBy(() -> TypeInformation.of(Runnable.class).createSerializer(null))
        .hasMessageContaining("java.lang.Runnable");
    assertThatThrownBy(() -> TypeInformation.of(Object.class).createSerializer(null))
        .hasMessageContaining("java.lang.Object");
    assertThatThrownBy(() -> TypeInformation.of(Holder.class).createSerializer(null))
        .hasMessageContaining(Opaque.class.getName());
  }

  @Test
  void aTupleWithUnknownFieldTypesIsRefused() {
    assertThatThrownBy(() -> TypeInformation.of(Tuple2.class).createSerializer(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 'f0'")
        .hasMessageContaining("unknown");
  }

  @Test
  void aSubclassIsNotWrittenAsItsPojoSuperclass() {
    TypeSerializer<Item> items = TypeInformation.of(Item.class).createSerializer(null);
    assertThatThrownBy(() -> roundTrip(items, new Sub()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Sub.class.getName());
  }

  @Test
  @SuppressWarnings("unchecked")
  void serializersSurviveJavaSerialization() throws Exception {
    TypeInformation<Tuple2<Item, Point>> type =
        Types.TUPLE(TypeInformation.of(Item.class), TypeInformation.of(Point.class));
    TypeSerializer<Tuple2<Item, Point>> serializer = type.createSerializer(null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(serializer);
    }
    TypeSerializer<Tuple2<Item, Point>> copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TypeSerializer<Tuple2<Item, Point>>) in.readObject();
    }
    assertThat(copy).isEqualTo(serializer);
    Item item = new Item();
    item.id = "i";
    Tuple2<Item, Point> value = Tuple2.of(item, new Point(1, 2, "p"));
    assertThat(roundTrip(copy, value)).isEqualTo(value);
  }
}
