package dev.sluice.streams.internals;

import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.runtime.state.InternalValueState;
import dev.sluice.streams.kstream.ValueJoiner;

/**
 * KTable-KTable join (inner, left, outer) on the key: each side keeps its current value; an update
 * on either side emits the new joined value with the joined value it replaces.
 */
final class TableTableJoinOperator<K, V1, V2, R> extends TableOperator<K, R>
    implements TwoInputStreamOperator<Change<K, V1>, Change<K, V2>, Change<K, R>> {
  enum Kind { INNER, LEFT, OUTER }

  private final Kind kind;
  private final ValueJoiner<? super V1, ? super V2, ? extends R> joiner;
  private InternalValueState<V1> left;
  private InternalValueState<V2> right;

  TableTableJoinOperator(TableSettings settings, Kind kind, ValueJoiner<? super V1, ? super V2, ? extends R> joiner) {
    super(settings);
    this.kind = kind;
    this.joiner = joiner;
  }

  @Override
  public void open() throws Exception {
    super.open();
    left = state("left");
    right = state("right");
  }

  private R join(V1 l, V2 r) {
    if (l == null && r == null) {
      return null;
    }
    boolean match = switch (kind) {
      case INNER -> l != null && r != null;
      case LEFT -> l != null;
      case OUTER -> true;
    };
    return match ? joiner.apply(l, r) : null;
  }

  @Override
  public void processElement1(Change<K, V1> change, long timestamp) throws Exception {
    V2 r = right.value();
    R old = join(left.value(), r);
    if (change.newValue() == null) {
      left.clear();
    } else {
      left.update(change.newValue());
    }
    forwarder.forward(change.key(), join(change.newValue(), r), old, timestamp);
  }

  @Override
  public void processElement2(Change<K, V2> change, long timestamp) throws Exception {
    V1 l = left.value();
    R old = join(l, right.value());
    if (change.newValue() == null) {
      right.clear();
    } else {
      right.update(change.newValue());
    }
    forwarder.forward(change.key(), join(l, change.newValue()), old, timestamp);
  }
}
