package dev.userops.incentives.offers;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a return or cancel. The host persists {@link #state()}, pays {@link #refundMinor()}
 * under {@link #refundKey()} and applies each {@link Release} under its key, in one transaction.
 *
 * @param state the new state (the input state unless applied)
 * @param status applied, duplicate (the return id was seen) or rejected (see {@code reason})
 * @param reason why it was a duplicate or rejected, {@code null} when applied
 * @param refundMinor the money to give back, minor units, {@code >= 0}
 * @param deductedMinor what the returned units' allocated net amounts exceed the refund by: the
 *     discount the kept units lost ({@link OffersProgram.RefundMode#RECOMPUTE_IF_BELOW_THRESHOLD}),
 *     0 otherwise
 * @param lines the refund per returned line, in {@code lineId} order; they sum to {@code
 *     refundMinor}
 * @param lostOffers the applied offers whose threshold the kept units no longer reach, by id
 * @param refundKey the idempotency key of the refund, {@code "offer-refund:" + orderId + "/" +
 *     returnId}; {@code null} unless applied
 * @param releases the redemptions released, when everything of the order has come back
 */
public record RefundOutcome(
    RefundState state, OutcomeStatus status, String reason, long refundMinor, long deductedMinor,
    List<LineRefund> lines, List<String> lostOffers, String refundKey, List<Release> releases) {
  /**
   * Checks the values and copies the lists.
   *
   * @param state the state to persist
   * @param status applied, duplicate or rejected
   * @param reason why it was not applied, or null
   * @param refundMinor the money to give back, {@code >= 0}
   * @param deductedMinor the discount deducted, {@code >= 0}
   * @param lines the refund per line
   * @param lostOffers the offers whose threshold broke
   * @param refundKey the refund's key, or null unless applied
   * @param releases the redemptions released
   * @throws NullPointerException if {@code state}, {@code status}, a list or an element is null
   * @throws IllegalArgumentException if an amount is negative
   */
  public RefundOutcome {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(status, "status");
    Checks.requireNonNegative(refundMinor, "refundMinor");
    Checks.requireNonNegative(deductedMinor, "deductedMinor");
    lines = List.copyOf(lines);
    lostOffers = List.copyOf(lostOffers);
    releases = List.copyOf(releases);
  }

  static RefundOutcome unchanged(RefundState state, OutcomeStatus status, String reason) {
    return new RefundOutcome(state, status, reason, 0, 0, List.of(), List.of(), null, List.of());
  }

  /**
   * The idempotency keys of this outcome's effects: the refund's, then each release's.
   *
   * @return the keys; empty unless applied
   */
  public List<String> effectKeys() {
    List<String> keys = new ArrayList<>();
    if (refundKey != null) {
      keys.add(refundKey);
    }
    for (Release release : releases) {
      keys.add(release.releaseKey());
    }
    return keys;
  }

  /**
   * The refund of one line's returned units.
   *
   * @param lineId the line
   * @param quantity units returned now
   * @param refundMinor money given back for them
   */
  public record LineRefund(String lineId, int quantity, long refundMinor) {
    /**
     * Checks the values.
     *
     * @param lineId the line id, not blank
     * @param quantity units, {@code >= 1}
     * @param refundMinor the refund, {@code >= 0}
     * @throws NullPointerException if {@code lineId} is null
     * @throws IllegalArgumentException if a value is out of range
     */
    public LineRefund {
      Checks.requireNonBlank(lineId, "lineId");
      Checks.requirePositive(quantity, "quantity");
      Checks.requireNonNegative(refundMinor, "refundMinor");
    }
  }

  /**
   * A redemption given back because the whole order came back. The host stores it under {@code
   * releaseKey} (unique), so the usage goes down exactly once: it subtracts {@code budgetMinor}
   * from the offer's budget used and, if {@code restoresUse}, 1 from the user's and the global
   * redemption counts, so the user can use the offer (coupon) again.
   *
   * @param offerId the offer
   * @param redemptionKey the released redemption's key
   * @param releaseKey {@code "offer-release:" + orderId + "/" + offerId}
   * @param budgetMinor the budget the redemption had used: its discount plus gift value
   * @param restoresUse the offer's {@link Offer#releaseRestoresUse()}
   */
  public record Release(String offerId, String redemptionKey, String releaseKey, long budgetMinor,
      boolean restoresUse) {
    /**
     * Checks the values.
     *
     * @param offerId the offer id, not blank
     * @param redemptionKey the redemption key, not blank
     * @param releaseKey the release key, not blank
     * @param budgetMinor the budget to give back, {@code >= 0}
     * @param restoresUse whether the use counts go down too
     * @throws NullPointerException if an id or key is null
     * @throws IllegalArgumentException if a value is out of range
     */
    public Release {
      Checks.requireNonBlank(offerId, "offerId");
      Checks.requireNonBlank(redemptionKey, "redemptionKey");
      Checks.requireNonBlank(releaseKey, "releaseKey");
      Checks.requireNonNegative(budgetMinor, "budgetMinor");
    }
  }
}
