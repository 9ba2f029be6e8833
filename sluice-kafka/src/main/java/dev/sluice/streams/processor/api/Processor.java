package dev.sluice.streams.processor.api;

/**
 * A record-at-a-time processor for {@code KStream.process}. One instance per parallel task,
 * created by the {@link ProcessorSupplier}; {@code init} comes first and {@code close} last.
 */
public interface Processor<KIn, VIn, KOut, VOut> {
  default void init(ProcessorContext<KOut, VOut> context) {}

  void process(Record<KIn, VIn> record);

  default void close() {}
}
