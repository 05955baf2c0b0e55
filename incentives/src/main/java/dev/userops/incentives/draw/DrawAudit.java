package dev.userops.incentives.draw;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import java.util.List;

/**
 * How one draw's result follows from the key, the program, the event and the stock: everything an
 * auditor needs to check it by hand. The draw hashes {@code UTF-8(drawId) ‖ 0x00 ‖ UTF-8(eventId)}
 * with SipHash-2-4 under the host's key into an unsigned 64-bit {@code u}, reads it as the exact
 * fraction {@code x = u / 2^64} in [0, 1), and lays the outcomes' integer weights end to end on
 * {@code [0, total)}; the result is the slot holding {@code point = floor(x · total)}, computed from
 * the exact 128-bit product {@code u · total}. Outcome {@code i} therefore has probability {@code
 * width_i / total} up to less than 2^-64.
 *
 * @param drawId the program's draw id
 * @param eventId the event's id
 * @param ticket {@code u} as 16 hexadecimal digits
 * @param total the sum of the slots' widths
 * @param point {@code floor(u · total / 2^64)}, in [0, total)
 * @param slots the outcomes laid end to end, in order
 * @param status {@code APPLIED}, or {@code REJECTED} when the guarantee had no prize in stock
 * @param awarded the prize or consolation id awarded, or {@code null} for nothing
 * @param guaranteed whether the guarantee raised the drawn result
 */
public record DrawAudit(String drawId, String eventId, String ticket, long total, long point, List<Slot> slots,
    OutcomeStatus status, String awarded, boolean guaranteed) {
  /**
   * Checks the fields and copies the slots.
   *
   * @param drawId the draw id
   * @param eventId the event id
   * @param ticket 16 hexadecimal digits
   * @param total {@code >= 1}
   * @param point in [0, total)
   * @param slots the slots
   * @param status applied or rejected
   * @param awarded the id awarded, or {@code null}
   * @param guaranteed whether the guarantee raised the result
   * @throws NullPointerException if a reference other than {@code awarded} is null
   * @throws IllegalArgumentException if {@code point} is out of range
   */
  public DrawAudit {
    Checks.requireNonNull(drawId, "drawId");
    Checks.requireNonNull(eventId, "eventId");
    Checks.requireNonNull(ticket, "ticket");
    Checks.checkArgument(point >= 0 && point < total, "point: expected in [0, %s), got %s", total, point);
    slots = List.copyOf(slots);
    Checks.requireNonNull(status, "status");
  }

  /**
   * One outcome's share of {@code [0, total)}.
   *
   * @param outcome the prize id drawn in this slot, or {@code null} for the miss
   * @param from the slot's first point, inclusive
   * @param to the slot's end, exclusive; {@code to - from} is its weight
   * @param awards what a point in it awards after the stock and guarantee rules: a prize or
   *     consolation id, or {@code null} for nothing (or a rejection, see {@link DrawAudit#status})
   */
  public record Slot(String outcome, long from, long to, String awards) {
    /**
     * Checks the bounds.
     *
     * @param outcome the prize id, or {@code null} for the miss
     * @param from inclusive, {@code >= 0}
     * @param to exclusive, {@code >= from}
     * @param awards what it awards, or {@code null}
     * @throws IllegalArgumentException if the bounds are out of order
     */
    public Slot {
      Checks.checkArgument(0 <= from && from <= to, "slot: expected 0 <= from <= to, got [%s, %s)", from, to);
    }
  }
}
