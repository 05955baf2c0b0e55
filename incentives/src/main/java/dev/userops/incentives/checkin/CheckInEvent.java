package dev.userops.incentives.checkin;

import dev.userops.core.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A user's check-in tap. The local day is {@code occurredAt} in {@code zone}, the user's zone at
 * the time of the tap (a user who travels or changes settings sends the new zone).
 *
 * @param eventId the host's id of the tap
 * @param occurredAt when
 * @param zone the user's zone at that moment
 * @param makeUpDay the missed local day this tap makes up, or {@code null} for today's check-in
 */
public record CheckInEvent(String eventId, Instant occurredAt, ZoneId zone, LocalDate makeUpDay) {
  /**
   * Checks id, time and zone.
   *
   * @param eventId the host's id of the tap, not blank
   * @param occurredAt when the user tapped
   * @param zone the user's zone at that moment; decides the local day
   * @param makeUpDay the missed local day to make up, or {@code null} for today's check-in
   * @throws NullPointerException if {@code eventId}, {@code occurredAt} or {@code zone} is null
   * @throws IllegalArgumentException if {@code eventId} is blank
   */
  public CheckInEvent {
    Checks.requireNonBlank(eventId, "eventId");
    Checks.requireNonNull(occurredAt, "occurredAt");
    Checks.requireNonNull(zone, "zone");
  }

  /**
   * Today's check-in.
   *
   * @param eventId the host's id of the tap, not blank
   * @param occurredAt when the user tapped
   * @param zone the user's zone at that moment
   * @return a tap with no make-up day
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code eventId} is blank
   */
  public static CheckInEvent today(String eventId, Instant occurredAt, ZoneId zone) {
    return new CheckInEvent(eventId, occurredAt, zone, null);
  }

  /**
   * A make-up check-in for {@code missedDay}.
   *
   * @param eventId the host's id of the tap, not blank
   * @param occurredAt when the user tapped; its local day is "today" for the make-up window
   * @param zone the user's zone at that moment
   * @param missedDay the local day to fill
   * @return a make-up tap
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code eventId} is blank
   */
  public static CheckInEvent makeUp(String eventId, Instant occurredAt, ZoneId zone, LocalDate missedDay) {
    return new CheckInEvent(eventId, occurredAt, zone, Checks.requireNonNull(missedDay, "missedDay"));
  }
}
