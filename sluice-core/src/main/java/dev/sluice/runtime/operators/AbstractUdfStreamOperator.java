package dev.sluice.runtime.operators;

import dev.sluice.api.common.state.CheckpointListener;
import dev.sluice.api.common.state.KeyedStateStore;
import dev.sluice.api.common.state.OperatorStateStore;
import dev.sluice.runtime.checkpoint.OperatorRestore;
import dev.sluice.runtime.checkpoint.SnapshotContext;
import dev.sluice.runtime.state.DefaultOperatorStateStore;
import dev.sluice.runtime.state.FunctionInitializationContext;
import dev.sluice.runtime.state.FunctionSnapshotContext;
import dev.sluice.streaming.api.checkpoint.CheckpointedFunction;
import java.util.OptionalLong;

import dev.sluice.api.common.functions.DefaultOpenContext;
import dev.sluice.api.common.functions.Function;
import dev.sluice.api.common.functions.RichFunction;

/** An operator around one user function: opens and closes it if it is a rich function. */
public abstract class AbstractUdfStreamOperator<OUT, F extends Function>
    extends AbstractStreamOperator<OUT> {
  protected final F userFunction;
  private boolean functionOpened;
  private DefaultOperatorStateStore operatorState;

  protected AbstractUdfStreamOperator(F userFunction) {
    this.userFunction = userFunction;
  }

  @Override
  public void open() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      rich.setRuntimeContext(context.runtimeContext());
      rich.open(DefaultOpenContext.INSTANCE);
      functionOpened = true;
    }
  }

  /** Gives a {@link CheckpointedFunction} its operator state (restored, if the job restores). */
  @Override
  protected void initializeOperatorState(OperatorRestore restore) throws Exception {
    if (userFunction instanceof CheckpointedFunction checkpointed) {
      operatorState = new DefaultOperatorStateStore(restore);
      boolean restored = restore != OperatorRestore.EMPTY;
      checkpointed.initializeState(new FunctionInitializationContext() {
        @Override
        public boolean isRestored() {
          return restored;
        }

        @Override
        public OptionalLong getRestoredCheckpointId() {
          return OptionalLong.empty();
        }

        @Override
        public OperatorStateStore getOperatorStateStore() {
          return operatorState;
        }

        @Override
        public KeyedStateStore getKeyedStateStore() {
          if (context.keyedState() == null) {
            throw new IllegalStateException("Keyed state is only available on a keyed stream; '"
                + context.operatorName() + "' is not keyed");
          }
          return keyedStateStore(context.runtimeContext());
        }
      });
    }
  }

  private static KeyedStateStore keyedStateStore(dev.sluice.api.common.functions.RuntimeContext rc) {
    return new KeyedStateStore() {
      @Override
      public <T> dev.sluice.api.common.state.ValueState<T> getState(
          dev.sluice.api.common.state.ValueStateDescriptor<T> d) {
        return rc.getState(d);
      }

      @Override
      public <T> dev.sluice.api.common.state.ListState<T> getListState(
          dev.sluice.api.common.state.ListStateDescriptor<T> d) {
        return rc.getListState(d);
      }

      @Override
      public <T> dev.sluice.api.common.state.ReducingState<T> getReducingState(
          dev.sluice.api.common.state.ReducingStateDescriptor<T> d) {
        return rc.getReducingState(d);
      }

      @Override
      public <IN, ACC, OUT> dev.sluice.api.common.state.AggregatingState<IN, OUT> getAggregatingState(
          dev.sluice.api.common.state.AggregatingStateDescriptor<IN, ACC, OUT> d) {
        return rc.getAggregatingState(d);
      }

      @Override
      public <UK, UV> dev.sluice.api.common.state.MapState<UK, UV> getMapState(
          dev.sluice.api.common.state.MapStateDescriptor<UK, UV> d) {
        return rc.getMapState(d);
      }
    };
  }

  @Override
  protected void snapshotOperatorState(SnapshotContext snapshot) throws Exception {
    if (userFunction instanceof CheckpointedFunction checkpointed) {
      checkpointed.snapshotState(new FunctionSnapshotContext() {
        @Override
        public long getCheckpointId() {
          return snapshot.checkpointId();
        }

        @Override
        public long getCheckpointTimestamp() {
          return snapshot.checkpointTimestamp();
        }
      });
      operatorState.snapshot(snapshot);
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (userFunction instanceof CheckpointListener listener) {
      listener.notifyCheckpointComplete(checkpointId);
    }
  }

  @Override
  public void close() throws Exception {
    if (functionOpened) {
      functionOpened = false;
      ((RichFunction) userFunction).close();
    }
  }

  public F userFunction() {
    return userFunction;
  }
}
