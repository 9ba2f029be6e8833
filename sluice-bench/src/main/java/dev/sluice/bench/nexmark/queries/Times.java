package dev.sluice.bench.nexmark.queries;

import java.time.LocalDate;

/**
 * Event times (epoch milliseconds) as the SQL queries show them: {@code DATE_FORMAT} and {@code
 * HOUR} of a {@code TIMESTAMP(3)}, which the Nexmark tables hold in UTC.
 */
final class Times {
  static final long MINUTE = 60_000L;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  private Times() {}

  /** The day number (days since the epoch) of {@code millis}. */
  static long dayOf(long millis) {
    return Math.floorDiv(millis, DAY);
  }

  /** {@code DATE_FORMAT(t, 'yyyy-MM-dd')}. */
  static String day(long millis) {
    return LocalDate.ofEpochDay(dayOf(millis)).toString();
  }

  /** {@code HOUR(t)}: 0 to 23. */
  static int hour(long millis) {
    return (int) (Math.floorMod(millis, DAY) / HOUR);
  }

  /** {@code DATE_FORMAT(t, 'HH:mm')}. */
  static String hourMinute(long millis) {
    long minuteOfDay = Math.floorMod(millis, DAY) / MINUTE;
    char[] s = {'0', '0', ':', '0', '0'};
    twoDigits(s, 0, (int) (minuteOfDay / 60));
    twoDigits(s, 3, (int) (minuteOfDay % 60));
    return new String(s);
  }

  /** {@code yyyy-MM-dd HH:mm:ss.SSS}, as a SQL {@code TIMESTAMP(3)} is printed. */
  static String timestamp(long millis) {
    long ofDay = Math.floorMod(millis, DAY);
    char[] s = "00:00:00.000".toCharArray();
    twoDigits(s, 0, (int) (ofDay / HOUR));
    twoDigits(s, 3, (int) (ofDay / MINUTE % 60));
    twoDigits(s, 6, (int) (ofDay / 1000 % 60));
    int ms = (int) (ofDay % 1000);
    s[9] = (char) ('0' + ms / 100);
    twoDigits(s, 10, ms % 100);
    return day(millis) + ' ' + new String(s);
  }

  private static void twoDigits(char[] s, int at, int value) {
    s[at] = (char) ('0' + value / 10);
    s[at + 1] = (char) ('0' + value % 10);
  }
}
