package dev.userops.incentives.draw;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.List;

/**
 * One user's recent draws: enough to count the per-user limit in every calendar period an
 * accepted event can fall in, and to recognise a replayed event. Draws older than the program's
 * {@code memoryDays} plus one limit period before the newest are forgotten.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param draws the remembered draws, oldest first
 */
public record DrawState(int version, List<Draw> draws) {
  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  static final DrawState EMPTY = new DrawState(FORMAT_VERSION, List.of());

  /**
   * Checks the version and copies the draws; their order is not checked, policies keep it.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param draws the remembered draws, oldest first
   * @throws NullPointerException if {@code draws} or a draw is null
   * @throws IllegalArgumentException if the version is wrong
   */
  public DrawState {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    draws = List.copyOf(draws);
  }

  /**
   * Reads the JSON form, checking the version.
   *
   * @param json the JSON form as {@link #toJson()} writes it
   * @return the state
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path, also for another version
   */
  public static DrawState fromJson(String json) {
    return Json.read(json, DrawState.class);
  }

  /**
   * The JSON form.
   *
   * @return compact JSON with the version, read back equal by {@link #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * The instant of the newest draw.
   *
   * @return epoch millis, or {@link Long#MIN_VALUE} if the user has not drawn
   */
  public long newestMillis() {
    return draws.isEmpty() ? Long.MIN_VALUE : draws.get(draws.size() - 1).atMillis();
  }

  /**
   * One draw that took place.
   *
   * @param eventId the event's id
   * @param atMillis its instant, epoch millis
   * @param prize the prize or consolation id awarded, or {@code null} for nothing
   */
  public record Draw(String eventId, long atMillis, String prize) {
    /**
     * Checks the id.
     *
     * @param eventId not blank
     * @param atMillis epoch millis
     * @param prize the id awarded, or {@code null}
     * @throws NullPointerException if {@code eventId} is null
     * @throws IllegalArgumentException if {@code eventId} is blank
     */
    public Draw {
      Checks.requireNonBlank(eventId, "eventId");
    }
  }
}
