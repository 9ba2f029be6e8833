package dev.sluice.runtime.typeutils;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;

class AggregationsPropertyTest {

  @Property
  void sumEqualsAPlainLoop(@ForAll @NotEmpty List<String> keys, @ForAll List<Integer> values,
      @ForAll boolean typeKnown) throws Exception {
    List<Tuple2<String, Integer>> elements = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      elements.add(Tuple2.of(keys.get(i % keys.size()), values.get(i)));
    }
    if (elements.isEmpty()) {
      return;
    }
    List<Tuple2<String, Integer>> snapshot = new ArrayList<>();
    elements.forEach(e -> snapshot.add(e.copy()));

    ReduceFunction<Tuple2<String, Integer>> sum = Aggregations.sum(
        FieldAccessors.forPosition(typeKnown ? Types.TUPLE(Types.STRING, Types.INT) : null, 1));
    Tuple2<String, Integer> acc = elements.get(0);
    for (Tuple2<String, Integer> e : elements.subList(1, elements.size())) {
      acc = sum.reduce(acc, e);
    }

    int expected = 0;
    for (Tuple2<String, Integer> e : elements) {
      expected += e.f1;
    }
    assertThat(acc.f1).isEqualTo(expected);
    assertThat(acc.f0).isEqualTo(elements.get(0).f0);
    assertThat(elements).isEqualTo(snapshot); // inputs never mutated
  }
}
