package dev.sluice.streaming.api.environment;

/** An environment that runs jobs in this JVM — the only kind Sluice needs. */
public class LocalStreamEnvironment extends StreamExecutionEnvironment {
  public LocalStreamEnvironment(int parallelism) {
    super(parallelism);
  }
}
