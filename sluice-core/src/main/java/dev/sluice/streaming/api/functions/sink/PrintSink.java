package dev.sluice.streaming.api.functions.sink;

import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import java.io.PrintStream;

/**
 * Prints every element's {@code toString()} on standard out (or err), one per line. With more than
 * one parallel subtask each line starts with the subtask's 1-based index, {@code "2> "}; with an
 * identifier, {@code "id:2> "} (or {@code "id> "} with one subtask) — as Flink prints.
 */
public class PrintSink<IN> implements Sink<IN> {
  private static final long serialVersionUID = 1L;

  private final String sinkIdentifier;
  private final boolean stdErr;

  public PrintSink() {
    this("", false);
  }

  public PrintSink(boolean stdErr) {
    this("", stdErr);
  }

  public PrintSink(String sinkIdentifier) {
    this(sinkIdentifier, false);
  }

  public PrintSink(String sinkIdentifier, boolean stdErr) {
    this.sinkIdentifier = sinkIdentifier == null ? "" : sinkIdentifier;
    this.stdErr = stdErr;
  }

  @Override
  public SinkWriter<IN> createWriter(WriterInitContext context) {
    PrintStream stream = stdErr ? System.err : System.out;
    String prefix = prefix(sinkIdentifier, context.getSubtaskId(), context.getNumberOfParallelSubtasks());
    return new SinkWriter<>() {
      @Override
      public void write(IN element, Context ctx) {
        stream.println(prefix + element);
      }

      @Override
      public void flush(boolean endOfInput) {
        stream.flush();
      }

      @Override
      public void close() {
        stream.flush();
      }
    };
  }

  static String prefix(String identifier, int subtask, int parallelism) {
    if (parallelism > 1) {
      return (identifier.isEmpty() ? "" : identifier + ":") + (subtask + 1) + "> ";
    }
    return identifier.isEmpty() ? "" : identifier + "> ";
  }
}
