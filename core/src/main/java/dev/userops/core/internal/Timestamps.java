package dev.userops.core.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;

/** The timestamp forms order files and command-line options accept, for every reader. */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Parses one of three forms to an instant:
   *
   * <ul>
   *   <li>ISO date {@code 2026-03-01}: the start of that day in {@code zone} (the first valid time
   *       if midnight falls in a daylight-saving gap);
   *   <li>local date-time {@code 2026-03-01T14:30[:ss[.fff]]}, read in {@code zone} with {@link
   *       java.time.ZonedDateTime#of} semantics: a time in a gap is shifted forward by the length of
   *       the gap (02:30 on a spring-forward night becomes 03:30), a time in an overlap takes the
   *       earlier offset (the first 01:30 of a fall-back night);
   *   <li>date-time with offset {@code 2026-03-01T14:30:00+08:00} or {@code ...Z}: {@code zone} is
   *       ignored.
   * </ul>
   *
   * @param text the timestamp
   * @param zone the zone of a date or a local date-time
   * @return the instant
   * @throws IllegalArgumentException naming the accepted forms and quoting {@code text}
   */
  public static Instant parse(String text, ZoneId zone) {
    return parse((CharSequence) text, zone);
  }

  /**
   * {@link #parse(String, ZoneId)} of chars, e.g. a reader's view of a field, read only during the
   * call: the common shape is read from the chars, without a string.
   *
   * @param text the timestamp, read only during the call
   * @param zone the zone of a date or a local date-time
   * @return the instant
   * @throws IllegalArgumentException naming the accepted forms and quoting {@code text}
   */
  public static Instant parse(CharSequence text, ZoneId zone) {
    Instant fast = parseFixedWidth(text, zone);
    return fast != null ? fast : parseGeneral(text.toString(), zone);
  }

  /** {@link #parse} through java.time's parsers alone: the definition the fast path must match. */
  static Instant parseGeneral(String text, ZoneId zone) {
    try {
      int t = text.indexOf('T');
      if (t < 0) {
        return fourDigitYear(LocalDate.parse(text).atStartOfDay(zone), text).toInstant();
      }
      return hasOffset(text, t)
          ? fourDigitYear(OffsetDateTime.parse(text), text).toInstant()
          : fourDigitYear(LocalDateTime.parse(text).atZone(zone), text).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "expected a date (2026-03-01), a local date-time (2026-03-01T14:30[:ss]) or a date-time"
              + " with offset (2026-03-01T14:30:00+08:00 or ...Z), got " + Fields.quote(text),
          e);
    }
  }

  /**
   * {@code time}, if its year has four digits as the fast path's do: java.time also reads {@code
   * +999999999-12-31}, whose instant no calculation can hold in epoch milliseconds.
   */
  private static <T extends Temporal> T fourDigitYear(T time, String text) {
    int year = time.get(ChronoField.YEAR);
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException("expected a year from 0000 to 9999, got " + Fields.quote(text));
    }
    return time;
  }

  /**
   * The common export shape {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|±HH:MM]} read without a {@link
   * java.time.format.DateTimeFormatter}, which costs about a microsecond per field set it
   * resolves: readers parse one timestamp per row. Returns {@code null} for any other shape or an
   * out-of-range field, which then takes the general path (and its error message); for every
   * string it accepts, the result equals the general path's.
   */
  private static Instant parseFixedWidth(CharSequence text, ZoneId zone) {
    int length = text.length();
    if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int end = 19;
    int nanos = 0;
    if (end < length && text.charAt(end) == '.') {
      int scale = 100_000_000;
      int first = ++end;
      for (; end < length && end - first < 9 && isDigit(text.charAt(end)); end++) {
        nanos += (text.charAt(end) - '0') * scale;
        scale /= 10;
      }
      if (end == first || end < length && isDigit(text.charAt(end))) {
        return null;
      }
    }
    ZoneOffset offset = null;
    if (end < length) {
      char sign = text.charAt(end);
      if (sign == 'Z' && end + 1 == length) {
        offset = ZoneOffset.UTC;
      } else if ((sign == '+' || sign == '-') && end + 6 == length && text.charAt(end + 3) == ':') {
        int hours = digits(text, end + 1, 2);
        int minutes = digits(text, end + 4, 2);
        if ((hours | minutes) < 0) {
          return null;
        }
        int factor = sign == '-' ? -1 : 1;
        try {
          offset = ZoneOffset.ofHoursMinutes(factor * hours, factor * minutes);
        } catch (DateTimeException e) {
          return null;
        }
      } else {
        return null;
      }
    }
    try {
      if (offset == null) {
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(zone).toInstant();
      }
      // LocalDateTime.toInstant's arithmetic, without its objects: the shape of most exports.
      if (hour > 23 || minute > 59 || second > 59) {
        return null;
      }
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(
          epochDay * 86_400 + hour * 3_600 + minute * 60 + second - offset.getTotalSeconds(), nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The value of {@code count} decimal digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(CharSequence text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean hasOffset(String text, int timeStart) {
    for (int i = timeStart + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'Z' || c == '+' || c == '-') {
        return true;
      }
    }
    return false;
  }
}
