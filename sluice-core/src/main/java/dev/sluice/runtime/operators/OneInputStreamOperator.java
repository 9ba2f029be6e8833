package dev.sluice.runtime.operators;

/** An operator with one logical input. */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {
  void processElement(IN value, long timestamp) throws Exception;
}
