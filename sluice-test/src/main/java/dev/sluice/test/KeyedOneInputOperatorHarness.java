package dev.sluice.test;

import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.state.HeapKeyedStateBackend;
import java.util.Objects;

/**
 * A {@link OneInputOperatorHarness} for operators on a keyed stream. The subtask owns all
 * {@value #MAX_PARALLELISM} key groups of a heap keyed-state backend, and before each element the
 * harness scopes state to the element's key, as {@code keyBy} does at runtime. An exception from the
 * key selector propagates unchanged.
 *
 * @param <K> the key type
 * @param <IN> the operator's input type
 * @param <OUT> the operator's main output type
 */
public class KeyedOneInputOperatorHarness<K, IN, OUT> extends OneInputOperatorHarness<IN, OUT> {
  private final KeySelector<IN, K> keySelector;
  private final HeapKeyedStateBackend keyedState;

  /** A keyed harness for {@code operator}, named after the operator's class. */
  public KeyedOneInputOperatorHarness(OneInputStreamOperator<IN, OUT> operator,
      KeySelector<IN, K> keySelector) {
    this(operator, keySelector, operator.getClass().getSimpleName());
  }

  /** A keyed harness for {@code operator}, reported as {@code operatorName}. */
  public KeyedOneInputOperatorHarness(OneInputStreamOperator<IN, OUT> operator,
      KeySelector<IN, K> keySelector, String operatorName) {
    this(operator, keySelector, operatorName, new ManualClock());
  }

  /** A keyed harness whose processing time is read from {@code clock}. */
  public KeyedOneInputOperatorHarness(OneInputStreamOperator<IN, OUT> operator,
      KeySelector<IN, K> keySelector, String operatorName, ManualClock clock) {
    this(operator, keySelector, operatorName, clock,
        new HeapKeyedStateBackend(MAX_PARALLELISM, 0, 1));
  }

  private KeyedOneInputOperatorHarness(OneInputStreamOperator<IN, OUT> operator,
      KeySelector<IN, K> keySelector, String operatorName, ManualClock clock,
      HeapKeyedStateBackend keyedState) {
    super(operator, operatorName, clock, keyedState);
    this.keySelector = Objects.requireNonNull(keySelector, "keySelector");
    this.keyedState = keyedState;
  }

  @Override
  public KeyedOneInputOperatorHarness<K, IN, OUT> open() throws Exception {
    super.open();
    return this;
  }

  @Override
  void beforeElement(IN value) throws Exception {
    K key = keySelector.getKey(value);
    if (key == null) {
      throw new NullPointerException("The key selector returned null for " + value
          + "; keys must not be null");
    }
    keyedState.setCurrentKey(key);
  }

  /** Scopes keyed state to {@code key}, e.g. to read state between elements. */
  public void setCurrentKey(K key) {
    keyedState.setCurrentKey(Objects.requireNonNull(key, "key"));
  }

  /** The key of the last element (or the one set by {@link #setCurrentKey}); null before any. */
  @SuppressWarnings("unchecked")
  public K getCurrentKey() {
    return (K) keyedState.currentKey();
  }

  /** The key selector of this harness. */
  public KeySelector<IN, K> getKeySelector() {
    return keySelector;
  }

  /** The keyed state of the harness's subtask. */
  public HeapKeyedStateBackend getKeyedStateBackend() {
    return keyedState;
  }
}
