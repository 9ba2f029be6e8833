package dev.sluice.streams.processor.api;

import java.util.function.Supplier;

/** Creates a new {@link Processor} for each parallel task; must not return a shared instance. */
@FunctionalInterface
public interface ProcessorSupplier<KIn, VIn, KOut, VOut> extends Supplier<Processor<KIn, VIn, KOut, VOut>> {
  @Override
  Processor<KIn, VIn, KOut, VOut> get();
}
