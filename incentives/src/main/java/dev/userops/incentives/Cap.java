package dev.userops.incentives;

import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.internal.Checks;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A frequency cap, the one shape for every limit of the incentives module (points per rule, growth
 * per rule, push deliveries): at most {@code max} in one window. In JSON: {@code {"max": 3,
 * "window": "P1D"}} with {@code "mode"} optional (default {@code CALENDAR}).
 *
 * @param max the limit, {@code >= 0}; 0 allows nothing. Its unit is the capped quantity: points,
 *     growth or deliveries
 * @param window {@code P1D}, {@code P1W} or {@code P1M} for {@link WindowMode#CALENDAR} (the local
 *     day, week or month in the user's zone); an ISO-8601 duration from {@code PT1M} to {@code P400D}
 *     for {@link WindowMode#ROLLING} (every window of that length)
 * @param mode calendar or rolling; {@code null} in JSON or here means {@code CALENDAR}
 */
public record Cap(long max, String window, WindowMode mode) {
  private static final Duration MIN_ROLLING = Duration.ofMinutes(1);
  private static final Duration MAX_ROLLING = Duration.ofDays(400);

  /**
   * Checks max and that the window fits the mode.
   *
   * @param max the limit, {@code >= 0}
   * @param window the window, as the type comment says for each mode
   * @param mode calendar or rolling; {@code null} means calendar
   * @throws IllegalArgumentException if {@code max < 0} or the window does not fit the mode
   */
  public Cap {
    Checks.checkArgument(max >= 0, "max: expected >= 0, got %s", max);
    mode = mode == null ? WindowMode.CALENDAR : mode;
    if (mode == WindowMode.CALENDAR) {
      calendarGranularity(window);
    } else {
      rollingMillis(window);
    }
  }

  /**
   * At most {@code max} per local day, week or month.
   *
   * @param max the limit, {@code >= 0}
   * @param per the calendar period
   * @return the cap
   * @throws NullPointerException if {@code per} is null
   * @throws IllegalArgumentException if {@code max < 0}
   */
  public static Cap calendar(long max, Granularity per) {
    return new Cap(max, windowOf(Checks.requireNonNull(per, "per")), WindowMode.CALENDAR);
  }

  /**
   * At most {@code max} in every window of length {@code window}.
   *
   * @param max the limit, {@code >= 0}
   * @param window from 1 minute to 400 days
   * @return the cap
   * @throws NullPointerException if {@code window} is null
   * @throws IllegalArgumentException if {@code max < 0} or the window is out of range
   */
  public static Cap rolling(long max, Duration window) {
    return new Cap(max, Checks.requireNonNull(window, "window").toString(), WindowMode.ROLLING);
  }

  /**
   * The calendar period of a {@link WindowMode#CALENDAR} cap.
   *
   * @return DAY, WEEK or MONTH
   * @throws IllegalStateException if this cap is rolling
   */
  public Granularity granularity() {
    Checks.checkState(mode == WindowMode.CALENDAR, "granularity: the cap is ROLLING over %s", window);
    return calendarGranularity(window);
  }

  /**
   * The length of a {@link WindowMode#ROLLING} cap's window.
   *
   * @return milliseconds, from 60,000 to 400 days
   * @throws IllegalStateException if this cap is calendar
   */
  public long windowMillis() {
    Checks.checkState(mode == WindowMode.ROLLING, "windowMillis: the cap is CALENDAR per %s", window);
    return rollingMillis(window);
  }

  private static String windowOf(Granularity per) {
    return switch (per) {
      case DAY -> "P1D";
      case WEEK -> "P1W";
      case MONTH -> "P1M";
    };
  }

  private static Granularity calendarGranularity(String window) {
    if (window != null) {
      switch (window) {
        case "P1D":
          return Granularity.DAY;
        case "P1W":
          return Granularity.WEEK;
        case "P1M":
          return Granularity.MONTH;
        default:
      }
    }
    throw new IllegalArgumentException(
        "window: expected P1D, P1W or P1M for a CALENDAR cap, got " + quoted(window));
  }

  private static long rollingMillis(String window) {
    Duration duration;
    try {
      duration = Duration.parse(String.valueOf(window));
    } catch (DateTimeParseException e) {
      duration = null;
    }
    if (duration == null || duration.compareTo(MIN_ROLLING) < 0 || duration.compareTo(MAX_ROLLING) > 0) {
      throw new IllegalArgumentException(
          "window: expected an ISO-8601 duration from PT1M to P400D for a ROLLING cap, got " + quoted(window));
    }
    return duration.toMillis();
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
