package dev.sluice.runtime.operators;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.common.functions.RuntimeContext;
import dev.sluice.api.common.state.AggregatingState;
import dev.sluice.api.common.state.AggregatingStateDescriptor;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReducingState;
import dev.sluice.api.common.state.ReducingStateDescriptor;
import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.runtime.state.KeyedStateBackend;

/** The {@link RuntimeContext} handed to rich functions. */
final class StreamingRuntimeContext implements RuntimeContext {
  private final OperatorContext context;

  StreamingRuntimeContext(OperatorContext context) {
    this.context = context;
  }

  @Override
  public TaskInfo getTaskInfo() {
    return context.taskInfo();
  }

  @Override
  public String getJobName() {
    return context.jobName();
  }

  private <S extends State> S keyed(StateDescriptor<S, ?> descriptor) {
    if (descriptor == null) {
      throw new NullPointerException("The state descriptor must not be null");
    }
    KeyedStateBackend backend = context.keyedState();
    if (backend == null) {
      throw new IllegalStateException("Keyed state can only be used on a keyed stream, i.e. after "
          + "keyBy(); the operator '" + context.operatorName() + "' is not keyed (state '"
          + descriptor.getName() + "')");
    }
    if (descriptor.getTtlConfig().isEnabled()) {
      return dev.sluice.runtime.state.ttl.TtlStates.create(descriptor, backend, context::currentProcessingTime);
    }
    return backend.getOrCreate(descriptor);
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return keyed(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return keyed(descriptor);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return keyed(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return keyed(descriptor);
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return keyed(descriptor);
  }
}
