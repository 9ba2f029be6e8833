package dev.sluice.examples.usecases;

import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints each result as one line {@code "<kind> <text>"} and, when a bounded input ends (or the
 * job stops), a summary with the number of lines of each kind. Runs with parallelism 1, so lines
 * are never interleaved.
 */
public final class ResultPrinter implements Sink<ResultPrinter.Line> {
  private static final long serialVersionUID = 1L;
  /** First words of the summary line. */
  public static final String SUMMARY = "Summary:";

  /** One printed result: its kind (e.g. {@code ALERT}, {@code LATE}) and text. */
  public record Line(String kind, String text) {}

  private final transient PrintStream out;
  private final String[] kinds;

  /** Prints to {@code out}; the summary always counts {@code kinds}, even when none came. */
  public ResultPrinter(PrintStream out, String... kinds) {
    this.out = out;
    this.kinds = kinds.clone();
  }

  @Override
  public SinkWriter<Line> createWriter(WriterInitContext context) {
    if (context.getNumberOfParallelSubtasks() != 1) {
      throw new IllegalStateException("ResultPrinter must run with parallelism 1, got "
          + context.getNumberOfParallelSubtasks() + "; call setParallelism(1) on the sink");
    }
    PrintStream stream = out == null ? System.out : out;
    Map<String, Long> counts = new TreeMap<>();
    for (String kind : kinds) {
      counts.put(kind, 0L);
    }
    return new SinkWriter<>() {
      private boolean done;

      @Override
      public void write(Line line, Context ctx) {
        counts.merge(line.kind(), 1L, Long::sum);
        stream.println(line.kind() + " " + line.text());
      }

      @Override
      public void flush(boolean endOfInput) {
        stream.flush();
        if (endOfInput) {
          summary();
        }
      }

      @Override
      public void close() {
        summary();
      }

      private void summary() {
        if (done) {
          return;
        }
        done = true;
        StringBuilder sb = new StringBuilder(SUMMARY);
        if (counts.isEmpty()) {
          sb.append(" no results");
        }
        counts.forEach((kind, n) -> sb.append(String.format(Locale.ROOT, " %s=%,d", kind, n)));
        stream.println(sb);
        stream.flush();
      }
    };
  }
}
