package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.common.serialization.Encoder;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.connector.file.sink.FileSink;
import dev.sluice.streaming.api.datastream.DataStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Query 10, log to file system: every bid as a CSV row {@code auction, bidder, price, dateTime,
 * extra, dt, hm} ({@code dt} is the day {@code yyyy-MM-dd}, {@code hm} the minute {@code HH:mm},
 * UTC; {@code dateTime} is printed {@code yyyy-MM-dd HH:mm:ss.SSS}), written with Sluice's {@link
 * FileSink} under {@link QueryContext#outputDirectory()}.
 *
 * <p>The query attaches the file sink itself and returns the stream of rows it writes (the harness
 * may attach a second sink to it). As the standard's table {@code PARTITIONED BY (dt, hm)}, rows go
 * into a directory per partition, {@code dt=<day>/hm=<HH-mm>} (':' is replaced in the directory
 * name), through the file sink's bucket assigner; the partition columns stay in every row too.
 * Files are published when a commit is prepared: at a checkpoint, or at the end of a bounded input.
 */
public final class Query10 implements NexmarkQuery {
  /** One row of the log. */
  public record Row(long auction, long bidder, long price, long dateTime, String extra, String dt,
      String hm) {}

  @Override
  public String name() {
    return "q10";
  }

  @Override
  public String description() {
    return "Log to file system: bids as CSV rows with their day and minute";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events, QueryContext context) {
    DataStream<Row> rows = Streams.bids(events).map(new ToRow()).name("q10 Row");
    rows.sinkTo(FileSink.forRowFormat(context.outputDirectory(), new CsvEncoder())
            .withBucketAssigner(Query10::partition).build())
        .name("q10 Files");
    return rows;
  }

  /** Makes rows; formats each day and minute once (bids come in time order, mostly). */
  static final class ToRow implements MapFunction<Bid, Row> {
    private static final long serialVersionUID = 1L;

    private long minute = Long.MIN_VALUE;
    private long day = Long.MIN_VALUE;
    private String dt;
    private String hm;

    @Override
    public Row map(Bid b) {
      long m = Math.floorDiv(b.dateTime, Times.MINUTE);
      if (m != minute) {
        minute = m;
        hm = Times.hourMinute(b.dateTime);
        long d = Times.dayOf(b.dateTime);
        if (d != day) {
          day = d;
          dt = Times.day(b.dateTime);
        }
      }
      return new Row(b.auction, b.bidder, b.price, b.dateTime, b.extra, dt, hm);
    }
  }

  /** Writes a row as a line of comma-separated values, quoting a field only where needed. */
  static final class CsvEncoder implements Encoder<Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(Row row, OutputStream stream) throws IOException {
      String line = row.auction() + "," + row.bidder() + "," + row.price() + ","
          + Times.timestamp(row.dateTime()) + "," + quoted(row.extra()) + "," + row.dt() + ","
          + row.hm() + "\n";
      stream.write(line.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String field) {
      for (int i = 0; i < field.length(); i++) {
        char c = field.charAt(i);
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
          return '"' + field.replace("\"", "\"\"") + '"';
        }
      }
      return field;
    }
  }

  /** The partition directory of a row: {@code dt=<day>/hm=<HH-mm>}. */
  static String partition(Row row, dev.sluice.streaming.api.functions.sink.filesystem.BucketAssigner.Context context) {
    return "dt=" + row.dt() + "/hm=" + row.hm().replace(':', '-');
  }
}
