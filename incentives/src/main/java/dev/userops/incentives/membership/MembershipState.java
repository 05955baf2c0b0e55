package dev.userops.incentives.membership;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.ZoneId;
import java.util.List;

/**
 * One user's membership: the periods bought (with their payments, for refunds), the auto-renew
 * flag, a running grace period and the event ids seen. Immutable, with a versioned JSON form. Times
 * are epoch millis; periods are laid out in {@link #zone}.
 *
 * <p>The current <em>chain</em> is the run of paid periods laid end to end from {@link
 * #anchorMillis}: period {@code p} covers the local date-times {@code anchor + p.fromMonth} months
 * to {@code anchor + p.fromMonth + p.months} months, so every end falls on the anchor's local time
 * and day of month, clamped at month ends (see {@link MembershipPolicy}).
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param zone the zone periods are laid out in, taken from the purchase that started the chain;
 *     {@code null} before the first purchase
 * @param clockMillis the latest event applied, {@link Long#MIN_VALUE} for a new user
 * @param anchorMillis the start of the current chain, {@link Long#MIN_VALUE} for none
 * @param chainMonths months of the chain from the anchor to its end
 * @param autoRenew whether the host should charge a renewal at the end
 * @param pendingPlan the plan a downgrade scheduled for the next renewal, or {@code null}
 * @param graceUntilMillis end (exclusive) of the grace period after a failed renewal, {@link
 *     Long#MIN_VALUE} for none
 * @param trialUsed whether the user has bought a first period (so a trial price no longer applies)
 * @param periods the periods bought, by start; those that ended more than {@code memoryDays}
 *     before the latest event are dropped
 * @param seen event ids remembered for idempotency
 */
public record MembershipState(
    int version,
    ZoneId zone,
    long clockMillis,
    long anchorMillis,
    int chainMonths,
    boolean autoRenew,
    String pendingPlan,
    long graceUntilMillis,
    boolean trialUsed,
    List<Period> periods,
    List<Seen> seen) {

  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  static final MembershipState EMPTY = new MembershipState(FORMAT_VERSION, null, Long.MIN_VALUE, Long.MIN_VALUE, 0,
      false, null, Long.MIN_VALUE, false, List.of(), List.of());

  /**
   * Checks the version and counts and copies the lists. Consistency between the fields is not
   * checked; policies produce consistent states.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param zone the chain's zone, or {@code null} before the first purchase
   * @param clockMillis the latest event applied, or {@link Long#MIN_VALUE}
   * @param anchorMillis the start of the current chain, or {@link Long#MIN_VALUE}
   * @param chainMonths months of the chain, {@code >= 0}
   * @param autoRenew whether auto-renew is on
   * @param pendingPlan a scheduled plan id, or {@code null}
   * @param graceUntilMillis end of a grace period, or {@link Long#MIN_VALUE}
   * @param trialUsed whether a first period was bought
   * @param periods the periods, by start
   * @param seen event ids remembered
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if the version is wrong or {@code chainMonths < 0}
   */
  public MembershipState {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    Checks.requireNonNegative(chainMonths, "chainMonths");
    periods = List.copyOf(periods);
    seen = List.copyOf(seen);
  }

  /**
   * Reads the JSON form, checking the version.
   *
   * @param json the JSON form as {@link #toJson()} writes it
   * @return the state
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path, also for another version
   */
  public static MembershipState fromJson(String json) {
    return Json.read(json, MembershipState.class);
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
   * The end of the paid time: the latest end of any period.
   *
   * @return epoch millis, exclusive; {@link Long#MIN_VALUE} if nothing was ever bought
   */
  public long endMillis() {
    return end(periods);
  }

  /** {@link #endMillis()} of {@code periods}: the policy needs it for its working list before there is a state. */
  static long end(List<Period> periods) {
    long end = Long.MIN_VALUE;
    for (int i = 0; i < periods.size(); i++) {
      end = Math.max(end, periods.get(i).endMillis());
    }
    return end;
  }

  /** The period of {@code paymentId}, or -1. */
  int indexOfPayment(String paymentId) {
    for (int i = 0; i < periods.size(); i++) {
      if (periods.get(i).paymentId().equals(paymentId)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * What became of a payment.
   */
  public enum Settlement {
    /** Paid and standing. */
    PAID,
    /** Refunded ({@link Period#returnedMinor} given back); its time ended at the refund. */
    REFUNDED,
    /** Reversed by the bank; its time ended then. */
    CHARGED_BACK,
    /** Its unused part was credited to an upgrade; its time ended then. */
    CREDITED
  }

  /**
   * One period bought, with its payment.
   *
   * @param paymentId the payment's id
   * @param plan the plan id
   * @param paidAtMillis when it was paid
   * @param chargedMinor what was charged, minor units (the trial price, the full price, or an
   *     upgrade's price less its credit)
   * @param startMillis the start, inclusive
   * @param endMillis the end, exclusive; cut short by a refund, chargeback or upgrade (a period that
   *     had not begun then starts and ends at that event)
   * @param fromMonth months from the chain's anchor to the start, for a {@code PAID} period of the
   *     current chain
   * @param months the plan's months
   * @param returnedMinor given back so far: refunded, credited or charged back; at most {@code
   *     chargedMinor}
   * @param settlement what became of the payment
   */
  public record Period(String paymentId, String plan, long paidAtMillis, long chargedMinor, long startMillis,
      long endMillis, int fromMonth, int months, long returnedMinor, Settlement settlement) {
    /**
     * Checks ids, amounts and times.
     *
     * @param paymentId not blank
     * @param plan not blank
     * @param paidAtMillis when it was paid
     * @param chargedMinor {@code >= 0}
     * @param startMillis the start
     * @param endMillis the end, {@code >= startMillis}
     * @param fromMonth {@code >= 0}
     * @param months {@code >= 1}
     * @param returnedMinor in [0, chargedMinor]
     * @param settlement not null
     * @throws NullPointerException if an object field is null
     * @throws IllegalArgumentException if a value is out of range
     */
    public Period {
      Checks.requireNonBlank(paymentId, "paymentId");
      Checks.requireNonBlank(plan, "plan");
      Checks.requireNonNegative(chargedMinor, "chargedMinor");
      // Plain ifs: varargs and boxing on every period of every event are measurable.
      if (endMillis < startMillis) {
        throw new IllegalArgumentException("period " + paymentId + " ends before it starts: " + endMillis + " < " + startMillis);
      }
      Checks.requireNonNegative(fromMonth, "fromMonth");
      Checks.requirePositive(months, "months");
      if (returnedMinor < 0 || returnedMinor > chargedMinor) {
        throw new IllegalArgumentException(
            "returnedMinor of " + paymentId + ": expected 0 to " + chargedMinor + ", got " + returnedMinor);
      }
      Checks.requireNonNull(settlement, "settlement");
    }

    Period withTime(long start, long end, int from) {
      return new Period(paymentId, plan, paidAtMillis, chargedMinor, start, end, from, months, returnedMinor, settlement);
    }

    Period settled(Settlement how, long returned, long end) {
      return new Period(paymentId, plan, paidAtMillis, chargedMinor, Math.min(startMillis, end), end, fromMonth, months,
          returnedMinor + returned, how);
    }
  }

  /**
   * A remembered event.
   *
   * @param eventId the host's id
   * @param atMillis the event's time
   */
  public record Seen(String eventId, long atMillis) {}
}
