package dev.sluice.bench.nexmark.queries;

import java.nio.file.Path;

/**
 * What some queries need besides the events.
 *
 * @param outputDirectory where q10 writes its files (a temporary directory in tests)
 * @param sideInputSize number of rows of q13's bounded side input
 */
public record QueryContext(Path outputDirectory, int sideInputSize) {
  public static QueryContext defaults(Path outputDirectory) {
    return new QueryContext(outputDirectory, 10_000);
  }
}
