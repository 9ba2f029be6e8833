package dev.sluice.api.common.functions;

/**
 * A function with a life cycle. The runtime calls, on the subtask's own thread and in this order:
 * {@link #setRuntimeContext}, {@link #open(OpenContext)}, the function's work method any number of
 * times, then {@link #close()} exactly once (also after a failure, if open was called).
 */
public interface RichFunction extends Function {
  default void open(OpenContext openContext) throws Exception {}

  default void close() throws Exception {}

  RuntimeContext getRuntimeContext();

  void setRuntimeContext(RuntimeContext context);
}
