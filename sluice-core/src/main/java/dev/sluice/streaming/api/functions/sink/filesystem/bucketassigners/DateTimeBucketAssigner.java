package dev.sluice.streaming.api.functions.sink.filesystem.bucketassigners;

import dev.sluice.streaming.api.functions.sink.filesystem.BucketAssigner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One bucket per time period, named by formatting the current processing time with a pattern
 * (default {@code yyyy-MM-dd--HH}: a directory per hour) in a time zone (default the system's).
 */
public final class DateTimeBucketAssigner<IN> implements BucketAssigner<IN, String> {
  private static final long serialVersionUID = 1L;

  /** The default pattern: a bucket per hour. */
  public static final String DEFAULT_FORMAT_STRING = "yyyy-MM-dd--HH";

  private final String formatString;
  private final ZoneId zoneId;
  private transient DateTimeFormatter formatter;

  public DateTimeBucketAssigner() {
    this(DEFAULT_FORMAT_STRING);
  }

  public DateTimeBucketAssigner(String formatString) {
    this(formatString, ZoneId.systemDefault());
  }

  public DateTimeBucketAssigner(ZoneId zoneId) {
    this(DEFAULT_FORMAT_STRING, zoneId);
  }

  public DateTimeBucketAssigner(String formatString, ZoneId zoneId) {
    if (formatString == null || zoneId == null) {
      throw new IllegalArgumentException("The format string and the time zone must not be null");
    }
    DateTimeFormatter.ofPattern(formatString); // a bad pattern fails here, when the job is defined
    this.formatString = formatString;
    this.zoneId = zoneId;
  }

  @Override
  public String getBucketId(IN element, Context context) {
    if (formatter == null) {
      formatter = DateTimeFormatter.ofPattern(formatString).withZone(zoneId);
    }
    return formatter.format(Instant.ofEpochMilli(context.currentProcessingTime()));
  }

  @Override
  public String toString() {
    return "DateTimeBucketAssigner{formatString='" + formatString + "', zoneId=" + zoneId + "}";
  }
}
