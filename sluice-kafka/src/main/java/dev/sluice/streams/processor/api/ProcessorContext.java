package dev.sluice.streams.processor.api;

/** What a {@link Processor} sees of its task: forwarding, the application id, the clocks. */
public interface ProcessorContext<KForward, VForward> {
  /** Sends a record downstream, with the record's timestamp. */
  <K extends KForward, V extends VForward> void forward(Record<K, V> record);

  String applicationId();

  /** Which parallel instance (task) runs this processor, from 0. */
  int taskId();

  /** Wall-clock time of the engine (the test driver's manual clock in tests). */
  long currentSystemTimeMs();

  /** The largest record timestamp this task has seen so far ({@code -1} before the first). */
  long currentStreamTimeMs();
}
