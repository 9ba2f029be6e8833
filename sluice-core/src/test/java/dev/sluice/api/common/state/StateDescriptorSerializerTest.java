package dev.sluice.api.common.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.typeinfo.ListTypeInfo;
import dev.sluice.api.common.typeinfo.MapTypeInfo;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.common.typeutils.SerdeFixtures.Opaque;
import dev.sluice.api.common.typeutils.SerdeFixtures.Point;
import dev.sluice.api.common.typeutils.SerdeFixtures.OpaqueSerializer;
import dev.sluice.api.common.typeutils.base.IntSerializer;
import dev.sluice.api.common.typeutils.base.ListSerializer;
import dev.sluice.api.common.typeutils.base.LongSerializer;
import dev.sluice.api.common.typeutils.base.MapSerializer;
import dev.sluice.api.common.typeutils.base.StringSerializer;
import dev.sluice.api.java.typeutils.runtime.RecordSerializer;
import org.junit.jupiter.api.Test;

class StateDescriptorSerializerTest {

  @Test
  void aDeclaredTypeBecomesASerializerOnFirstUse() {
    ValueStateDescriptor<Point> value = new ValueStateDescriptor<>("v", Point.class);
    assertThat(value.isSerializerInitialized()).isFalse();
    assertThatThrownBy(value::getSerializer).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("initializeSerializerUnlessSet");
    value.initializeSerializerUnlessSet(new ExecutionConfig());
    assertThat(value.isSerializerInitialized()).isTrue();
    assertThat(value.getSerializer()).isInstanceOf(RecordSerializer.class);
  }

  @Test
  void listAndMapStateStoreTheWholeCollection() {
    ListStateDescriptor<Long> list = new ListStateDescriptor<>("l", Long.class);
    assertThat(list.getTypeInformation()).isEqualTo(new ListTypeInfo<>(Types.LONG));
    list.initializeSerializerUnlessSet(null);
    assertThat(list.getSerializer()).isEqualTo(new ListSerializer<>(LongSerializer.INSTANCE));
    assertThat(list.getElementSerializer()).isSameAs(LongSerializer.INSTANCE);

    MapStateDescriptor<String, Integer> map =
        new MapStateDescriptor<>("m", String.class, Integer.class);
    assertThat(map.getTypeInformation()).isEqualTo(new MapTypeInfo<>(Types.STRING, Types.INT));
    map.initializeSerializerUnlessSet(null);
    assertThat(map.getSerializer())
        .isEqualTo(new MapSerializer<>(StringSerializer.INSTANCE, IntSerializer.INSTANCE));
    assertThat(map.getKeySerializer()).isSameAs(StringSerializer.INSTANCE);
    assertThat(map.getValueSerializer()).isSameAs(IntSerializer.INSTANCE);
  }

  @Test
  void descriptorsTakeSerializers() {
    assertThat(new ValueStateDescriptor<>("v", LongSerializer.INSTANCE).getSerializer())
        .isSameAs(LongSerializer.INSTANCE);
    ListStateDescriptor<String> list = new ListStateDescriptor<>("l", StringSerializer.INSTANCE);
    assertThat(list.isSerializerInitialized()).isTrue();
    assertThat(list.getElementSerializer()).isSameAs(StringSerializer.INSTANCE);
    MapStateDescriptor<String, Long> map =
        new MapStateDescriptor<>("m", StringSerializer.INSTANCE, LongSerializer.INSTANCE);
    assertThat(map.getValueSerializer()).isSameAs(LongSerializer.INSTANCE);
    assertThat(new ReducingStateDescriptor<>("r", Long::sum, LongSerializer.INSTANCE)
        .getSerializer()).isSameAs(LongSerializer.INSTANCE);
    AggregateFunction<Long, Long, Long> count = new AggregateFunction<>() {
      @Override
      public Long createAccumulator() {
        return 0L;
      }

      @Override
      public Long add(Long value, Long accumulator) {
        return accumulator + 1;
      }

      @Override
      public Long getResult(Long accumulator) {
        return accumulator;
      }

      @Override
      public Long merge(Long a, Long b) {
        return a + b;
      }
    };
    AggregatingStateDescriptor<Long, Long, Long> aggregating =
        new AggregatingStateDescriptor<>("a", count, LongSerializer.INSTANCE);
    aggregating.initializeSerializerUnlessSet(null); // already set: keeps it
    assertThat(aggregating.getSerializer()).isSameAs(LongSerializer.INSTANCE);
  }

  @Test
  void aTypeSluiceCannotEncodeFailsAtInitializationNotConstruction() {
    ValueStateDescriptor<Opaque> value = new ValueStateDescriptor<>("secrets", Opaque.class);
    assertThatThrownBy(() -> value.initializeSerializerUnlessSet(new ExecutionConfig()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("State 'secrets'")
        .hasMessageContaining(Opaque.class.getName());
    assertThat(value.isSerializerInitialized()).isFalse();

    ListStateDescriptor<Opaque> list = new ListStateDescriptor<>("l", Opaque.class);
    list.initializeSerializerUnlessSet(
        new ExecutionConfig().registerTypeSerializer(Opaque.class, new OpaqueSerializer()));
    assertThat(list.getElementSerializer()).isInstanceOf(OpaqueSerializer.class);
  }
}
