package dev.userops.examples.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The timestamp forms order files and command-line options accept. */
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
   * @throws IllegalArgumentException naming the accepted forms and quoting {@code text}
   */
  public static Instant parse(String text, ZoneId zone) {
    try {
      int t = text.indexOf('T');
      if (t < 0) {
        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
      }
      return hasOffset(text, t)
          ? OffsetDateTime.parse(text).toInstant()
          : LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "expected a date (2026-03-01), a local date-time (2026-03-01T14:30[:ss]) or a date-time"
              + " with offset (2026-03-01T14:30:00+08:00 or ...Z), got " + Fields.quote(text),
          e);
    }
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
