package dev.sluice.runtime.operators;

/** An operator with two logical inputs (connected streams). */
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {
  void processElement1(IN1 value, long timestamp) throws Exception;

  void processElement2(IN2 value, long timestamp) throws Exception;
}
