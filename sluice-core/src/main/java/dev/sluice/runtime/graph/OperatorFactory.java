package dev.sluice.runtime.graph;

import dev.sluice.runtime.operators.StreamOperator;
import java.io.Serializable;

/** Creates a fresh operator for each parallel subtask. */
@FunctionalInterface
public interface OperatorFactory<OUT> extends Serializable {
  StreamOperator<OUT> create();
}
