package dev.sluice.runtime.operators;

import dev.sluice.api.common.functions.DefaultOpenContext;
import dev.sluice.api.common.functions.Function;
import dev.sluice.api.common.functions.RichFunction;

/** An operator around one user function: opens and closes it if it is a rich function. */
public abstract class AbstractUdfStreamOperator<OUT, F extends Function>
    extends AbstractStreamOperator<OUT> {
  protected final F userFunction;
  private boolean functionOpened;

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
