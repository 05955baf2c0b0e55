package dev.userops.incentives.offers;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.offers.PricingOutcome.PricedLine;
import dev.userops.incentives.offers.PricingOutcome.Redemption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies an {@link OffersProgram}: {@link #price} chooses the best combination of offers for a
 * cart and allocates it to the lines exact to the minor unit; {@link #refund} gives money back for
 * returned units and releases the redemptions when the whole order comes back. Pure: no clock, no
 * I/O; usage counts and budgets are the host's, passed in with the cart. Thread-safe.
 *
 * <p><b>Eligibility.</b> Each offer is checked in the order of {@link PricingOutcome.Reason}; the
 * first failing condition is its reason. Thresholds compare the undiscounted subtotal of the lines
 * in the offer's scope; a BUY_X_GET_Y offer also needs {@code buyQuantity + getQuantity} units in
 * scope (else {@code BELOW_THRESHOLD}).
 *
 * <p><b>Stacking.</b> Offers of one stacking group combine; offers of different groups never do;
 * an exclusive offer only applies alone. Within a combination offers apply in stages: special
 * prices (FIXED_PRICE), then item-level offers (BUY_X_GET_Y, and PERCENT or FIXED whose scope names
 * SKUs or categories), then order-level offers (THRESHOLD, and PERCENT or FIXED over the whole
 * order); within a stage by priority, higher first, then offer id. Each offer applies to the lines'
 * amounts left by the offers before it, so a percentage never applies to the undiscounted total.
 * An offer takes at most what its scope's lines still hold, so no line goes below 0.
 *
 * <p><b>Amounts.</b> PERCENT takes {@code floor(amount × basisPoints / 10000)} of its scope's
 * current amount (rounded down once, on the scope's total); FIXED takes {@code discountMinor};
 * THRESHOLD takes {@code discountMinor}, times {@code floor(subtotal / thresholdMinor)} when stepped;
 * FIXED_PRICE takes what each line holds above {@code priceMinor × quantity}; BUY_X_GET_Y takes
 * {@code percent} (rounded down per unit) of the cheapest units (ties to the earlier line). Each is
 * capped by {@code maxDiscountMinor} and by what is left of the budget. The discount is then
 * allocated to the scope's lines by {@link Allocation} in proportion to their current amounts (or,
 * for FIXED_PRICE and BUY_X_GET_Y, to each line's own discount), ties to the earlier {@code lineId}.
 *
 * <p><b>The best combination.</b> The largest benefit (discounts plus gift values) wins; ties go to
 * fewer offers, then to the higher priority and then the smaller offer id, comparing the two
 * combinations' offers sorted by priority (higher first) and id. Candidates are each exclusive offer
 * alone and the best subset of each group. A group's gifts always join (each adds its value); its
 * discount offers are searched by depth-first branch and bound in application order: an offer's
 * discount on the undiscounted cart bounds what it can add after others (amounts only fall, and each
 * kind's discount is monotone in them), which cuts most branches, and an offer that adds nothing is
 * never included. The search is exact (tested against brute force); its worst case is exponential
 * in the discount offers of one group that are eligible together, typically a handful. Lines are
 * processed in {@code lineId} order and offers in application order, so the result does not depend
 * on the order of either in the input.
 *
 * <p><b>Refunds.</b> A returned unit gives back its allocated net amount: the {@code r} first
 * units returned of a line of {@code quantity} units and net {@code net} are worth {@code floor(net
 * × r / quantity)} in total, so several partial returns of a line sum exactly to its net. Under
 * {@link OffersProgram.RefundMode#RECOMPUTE_IF_BELOW_THRESHOLD}, when the kept units no longer
 * reach an applied offer's threshold, the kept units are re-priced with the applied offers that
 * still qualify (each at most its original discount, lost gifts counted at their value); the
 * refunds of the order then sum to what was paid less the larger of the kept units' allocated net
 * and their re-priced amount. A refund is never below 0 and the refunds never exceed what was paid.
 * When every unit has come back (a cancel or the last return), every redemption is released.
 */
public final class OffersPolicy {
  private final OffersProgram program;
  private final Pricer pricer;

  OffersPolicy(OffersProgram program) {
    this.program = Checks.requireNonNull(program, "program");
    this.pricer = new Pricer(program);
  }

  /**
   * The program applied.
   *
   * @return the program this policy was made from
   */
  public OffersProgram program() {
    return program;
  }

  /**
   * Prices {@code cart}: the best allowed combination of offers, its allocation to the lines, the
   * gifts and every offer not applied with its reason.
   *
   * @param cart the cart with the user's attributes and the offers' usage
   * @return the priced cart; the same for the same cart whatever the order of its lines, tags and
   *     the program's offers
   * @throws NullPointerException if {@code cart} is null
   * @throws ArithmeticException if an amount overflows a {@code long}
   */
  public PricingOutcome price(Cart cart) {
    return pricer.price(Checks.requireNonNull(cart, "cart"));
  }

  /**
   * Applies a return or cancel to an order priced by this program.
   *
   * @param priced the order as {@link #price} priced it
   * @param state what came back of it so far; {@link RefundState#none()} at first
   * @param event the return or cancel
   * @return applied, with the new state, the refund and the releases; a duplicate (the return id
   *     was applied before) or a rejection (an unknown line, more units than are kept, nothing left
   *     to cancel) with the input state and no effects
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an applied offer of {@code priced} is not in this program
   */
  public RefundOutcome refund(PricingOutcome priced, RefundState state, ReturnEvent event) {
    Checks.requireNonNull(priced, "priced");
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(event, "event");
    if (state.returnIds().contains(event.returnId())) {
      return RefundOutcome.unchanged(state, OutcomeStatus.DUPLICATE, "return " + event.returnId() + " was applied");
    }
    List<PricedLine> lines = priced.lines();
    int n = lines.size();
    int[] now = new int[n];
    Map<String, Integer> position = new HashMap<>();
    for (int l = 0; l < n; l++) {
      position.put(lines.get(l).lineId(), l);
      if (event.cancel()) {
        now[l] = lines.get(l).quantity() - state.returnedOf(lines.get(l).lineId());
      }
    }
    for (ReturnEvent.Line line : event.lines()) {
      Integer l = position.get(line.lineId());
      if (l == null) {
        return RefundOutcome.unchanged(state, OutcomeStatus.REJECTED, "order " + priced.orderId() + " has no line "
            + line.lineId());
      }
      int kept = lines.get(l).quantity() - state.returnedOf(line.lineId());
      if (line.quantity() > kept) {
        return RefundOutcome.unchanged(state, OutcomeStatus.REJECTED, "line " + line.lineId() + ": "
            + line.quantity() + " units returned, " + kept + " kept");
      }
      now[l] = line.quantity();
    }
    long paid = priced.totalMinor();
    long[] allocated = new long[n];
    long allocatedNow = 0;
    long returnedNet = 0;
    boolean allBack = true;
    boolean any = false;
    List<Cart.Line> keptLines = new ArrayList<>();
    for (int l = 0; l < n; l++) {
      PricedLine line = lines.get(l);
      int before = state.returnedOf(line.lineId());
      int after = before + now[l];
      allocated[l] = unitsNet(line, after) - unitsNet(line, before);
      allocatedNow += allocated[l];
      returnedNet += unitsNet(line, after);
      any |= now[l] > 0;
      if (after < line.quantity()) {
        allBack = false;
        keptLines.add(new Cart.Line(line.lineId(), line.sku(), line.category(), line.unitPriceMinor(),
            line.quantity() - after));
      }
    }
    if (!any) {
      return RefundOutcome.unchanged(state, OutcomeStatus.REJECTED, "nothing left of order " + priced.orderId());
    }
    long keptOwed = paid - returnedNet;
    List<String> lost = List.of();
    if (program.refundMode() == OffersProgram.RefundMode.RECOMPUTE_IF_BELOW_THRESHOLD && !allBack) {
      List<String> dropped = new ArrayList<>();
      long repriced = reprice(priced, keptLines, dropped);
      if (!dropped.isEmpty()) {
        lost = dropped;
        keptOwed = Math.max(keptOwed, repriced);
      }
    }
    long open = Math.max(0, paid - state.refundedMinor());
    long refund = Math.min(open, Math.max(0, paid - keptOwed - state.refundedMinor()));
    long[] weights = allocated;
    if (allocatedNow == 0 && refund > 0) {
      weights = new long[n];
      for (int l = 0; l < n; l++) {
        weights[l] = now[l];
      }
    }
    long[] parts = Allocation.allocate(refund, weights);
    List<RefundOutcome.LineRefund> refunds = new ArrayList<>();
    Map<String, Integer> returned = new HashMap<>(state.returned());
    for (int l = 0; l < n; l++) {
      if (now[l] > 0) {
        refunds.add(new RefundOutcome.LineRefund(lines.get(l).lineId(), now[l], parts[l]));
        returned.merge(lines.get(l).lineId(), now[l], Integer::sum);
      }
    }
    List<RefundOutcome.Release> releases = allBack && !state.released() ? releases(priced) : List.of();
    List<String> ids = new ArrayList<>(state.returnIds());
    ids.add(event.returnId());
    RefundState next = new RefundState(RefundState.FORMAT_VERSION, returned,
        Math.addExact(state.refundedMinor(), refund), ids, state.released() || allBack);
    return new RefundOutcome(next, OutcomeStatus.APPLIED, null, refund, Math.max(0, allocatedNow - refund), refunds,
        lost, "offer-refund:" + priced.orderId() + "/" + event.returnId(), releases);
  }

  /** The net of a line's first {@code units} units: {@code floor(net × units / quantity)}, without overflow. */
  private static long unitsNet(PricedLine line, int units) {
    long q = line.quantity();
    long net = line.netMinor();
    return net / q * units + net % q * units / q;
  }

  /**
   * The kept lines re-priced with the applied offers that still qualify (each at most its original
   * discount), plus the value of lost gifts; the lost offers' ids are added to {@code dropped}.
   */
  private long reprice(PricingOutcome priced, List<Cart.Line> kept, List<String> dropped) {
    Pricer.Sheet sheet = pricer.sheet(kept);
    long[] current = sheet.subtotals.clone();
    long[] next = new long[sheet.n];
    long owed = 0;
    for (Redemption redemption : priced.applied()) {
      CompiledOffer offer = offerOf(priced, redemption);
      int[] scope = sheet.scope(offer);
      if (scope.length == 0 || !Pricer.meetsThreshold(offer, sheet, scope)) {
        dropped.add(offer.id);
        owed = Math.addExact(owed, redemption.giftValueMinor());
      } else if (offer.kind != Offer.Kind.GIFT) {
        pricer.apply(offer, sheet, scope, redemption.discountMinor(), current, next);
        long[] swap = current;
        current = next;
        next = swap;
      }
    }
    for (long amount : current) {
      owed = Math.addExact(owed, amount);
    }
    return owed;
  }

  private CompiledOffer offerOf(PricingOutcome priced, Redemption redemption) {
    CompiledOffer offer = pricer.offer(redemption.offerId());
    Checks.checkArgument(offer != null, "order %s: applied offer \"%s\" is not in this program", priced.orderId(),
        redemption.offerId());
    return offer;
  }

  private List<RefundOutcome.Release> releases(PricingOutcome priced) {
    List<RefundOutcome.Release> releases = new ArrayList<>();
    for (Redemption redemption : priced.applied()) {
      releases.add(new RefundOutcome.Release(redemption.offerId(), redemption.redemptionKey(),
          "offer-release:" + priced.orderId() + "/" + redemption.offerId(), redemption.budgetMinor(),
          offerOf(priced, redemption).offer.releaseRestoresUse()));
    }
    return releases;
  }
}
