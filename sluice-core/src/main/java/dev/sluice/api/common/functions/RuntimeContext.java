package dev.sluice.api.common.functions;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.common.state.AggregatingState;
import dev.sluice.api.common.state.AggregatingStateDescriptor;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReducingState;
import dev.sluice.api.common.state.ReducingStateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;

/**
 * What a rich function learns about the parallel instance that runs it. Obtained from
 * {@link RichFunction#getRuntimeContext()} once the function has been opened.
 */
public interface RuntimeContext {
  /** The subtask's identity: task name, index, parallelism, max parallelism. */
  TaskInfo getTaskInfo();

  /** Name of the job this function runs in. */
  String getJobName();

  /** Shortcut for {@code getTaskInfo().getIndexOfThisSubtask()}. */
  default int getIndexOfThisSubtask() {
    return getTaskInfo().getIndexOfThisSubtask();
  }

  /** Shortcut for {@code getTaskInfo().getNumberOfParallelSubtasks()}. */
  default int getNumberOfParallelSubtasks() {
    return getTaskInfo().getNumberOfParallelSubtasks();
  }

  /** Shortcut for {@code getTaskInfo().getMaxNumberOfParallelSubtasks()}. */
  default int getMaxNumberOfParallelSubtasks() {
    return getTaskInfo().getMaxNumberOfParallelSubtasks();
  }

  /** Class loader of the user code (the application's class loader when embedded). */
  default ClassLoader getUserCodeClassLoader() {
    return Thread.currentThread().getContextClassLoader();
  }

  /**
   * Keyed state: a value per key. Available in functions on a keyed stream; every access is
   * scoped to the key of the element (or timer) being processed.
   */
  default <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
    throw new UnsupportedOperationException("This runtime context has no keyed state");
  }

  /** Keyed state: a list per key. */
  default <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
    throw new UnsupportedOperationException("This runtime context has no keyed state");
  }

  /** Keyed state: a value per key that added elements are reduced into. */
  default <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
    throw new UnsupportedOperationException("This runtime context has no keyed state");
  }

  /** Keyed state: an accumulator per key that added elements are aggregated into. */
  default <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
    throw new UnsupportedOperationException("This runtime context has no keyed state");
  }

  /** Keyed state: a map per key. */
  default <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
    throw new UnsupportedOperationException("This runtime context has no keyed state");
  }
}
