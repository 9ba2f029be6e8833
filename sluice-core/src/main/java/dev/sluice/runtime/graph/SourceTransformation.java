package dev.sluice.runtime.graph;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.connector.source.Source;
import java.util.List;

/** Reads a {@link Source}. */
public final class SourceTransformation<T> extends Transformation<T> {
  private final Source<T, ?, ?> source;
  private final WatermarkStrategy<T> watermarkStrategy;

  public SourceTransformation(int id, String name, Source<T, ?, ?> source,
      WatermarkStrategy<T> watermarkStrategy, int parallelism, TypeInformation<T> type) {
    super(id, name, parallelism, type);
    this.source = source;
    this.watermarkStrategy = watermarkStrategy;
  }

  public Source<T, ?, ?> source() {
    return source;
  }

  public WatermarkStrategy<T> watermarkStrategy() {
    return watermarkStrategy;
  }

  @Override
  public List<Transformation<?>> inputs() {
    return List.of();
  }
}
