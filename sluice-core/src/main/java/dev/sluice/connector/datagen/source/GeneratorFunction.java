package dev.sluice.connector.datagen.source;

import dev.sluice.api.common.functions.Function;
import dev.sluice.api.connector.source.SourceReaderContext;

/**
 * Turns an index into a record for {@link DataGeneratorSource}. Each parallel reader works on its
 * own copy (made by serialization when the function is serializable), opened before the first
 * record and closed when the reader closes.
 *
 * @param <T> the input, the record's index
 * @param <O> the generated record
 */
@FunctionalInterface
public interface GeneratorFunction<T, O> extends Function {
  /** Called once per reader before {@link #map}. */
  default void open(SourceReaderContext readerContext) throws Exception {}

  /** Called once per reader when it closes. */
  default void close() throws Exception {}

  O map(T value) throws Exception;
}
