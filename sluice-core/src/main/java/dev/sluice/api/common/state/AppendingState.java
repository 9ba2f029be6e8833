package dev.sluice.api.common.state;

/** State that elements are added to and a result is read from. */
public interface AppendingState<IN, OUT> extends State {
  /** The current key's result, or null when nothing was added. */
  OUT get() throws Exception;

  void add(IN value) throws Exception;
}
