package dev.sluice.api.common.functions;

/** Base class of the {@code Rich…} functions: keeps the runtime context. */
public abstract class AbstractRichFunction implements RichFunction {
  private static final long serialVersionUID = 1L;

  private transient RuntimeContext runtimeContext;

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    this.runtimeContext = context;
  }

  @Override
  public RuntimeContext getRuntimeContext() {
    if (runtimeContext == null) {
      throw new IllegalStateException(
          "The runtime context is available only once the function runs (from open() on)");
    }
    return runtimeContext;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {}

  @Override
  public void close() throws Exception {}
}
