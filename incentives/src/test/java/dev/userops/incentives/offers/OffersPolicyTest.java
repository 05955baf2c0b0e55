package dev.userops.incentives.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.offers.PricingOutcome.PricedLine;
import dev.userops.incentives.offers.PricingOutcome.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OffersPolicyTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Instant AT = Instant.parse("2026-06-18T04:00:00Z");

  static Cart.Line line(String id, String sku, String category, long unitPrice, int quantity) {
    return new Cart.Line(id, sku, category, unitPrice, quantity);
  }

  static Cart cart(Cart.Line... lines) {
    return Cart.of("o-1", "u-1", AT, List.of(lines));
  }

  static PricingOutcome price(List<Offer> offers, Cart cart) {
    return OffersProgram.of(SHANGHAI, offers).policy().price(cart);
  }

  static Map<String, Long> discounts(PricingOutcome outcome) {
    return outcome.lines().stream().collect(Collectors.toMap(PricedLine::lineId, PricedLine::discountMinor));
  }

  static Map<String, Reason> reasons(PricingOutcome outcome) {
    return outcome.rejected().stream()
        .collect(Collectors.toMap(PricingOutcome.Rejection::offerId, PricingOutcome.Rejection::reason));
  }

  @Test
  void fixedDiscountIsAllocatedInProportionToTheLines() {
    // Issue 15's example: a fixed 400 on lines of 200 and 600 gives 100 and 300.
    PricingOutcome outcome = price(List.of(Offer.fixed("f400", 400)), cart(line("a", "s1", null, 200, 1),
        line("b", "s2", null, 600, 1)));
    assertThat(discounts(outcome)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 100L, "b", 300L));
    assertThat(outcome.totalMinor()).isEqualTo(400);
    assertThat(outcome.applied()).containsExactly(new PricingOutcome.Redemption("f400", 400, 0, "offer:o-1/f400"));
  }

  @Test
  void leftOverUnitsGoToTheEarlierLineOnTies() {
    // Issue 15: 4 minor units over three equal lines give 1, 1, 2 in some deterministic order. Shopify's
    // FinancialSummaryDiscountAllocation doc shows the same split for 4 cents over 3 units: [0.01, 0.01, 0.02]
    // (https://shopify.dev/docs/api/admin-graphql/2025-10/objects/financialsummarydiscountallocation).
    assertThat(Allocation.allocate(4, new long[] {100, 100, 100})).containsExactly(2, 1, 1);
    PricingOutcome outcome = price(List.of(Offer.fixed("f4", 4)), cart(line("c", null, null, 100, 1),
        line("a", null, null, 100, 1), line("b", null, null, 100, 1)));
    assertThat(discounts(outcome)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2L, "b", 1L, "c", 1L));
  }

  @Test
  void orderPercentIsProratedAfterItemDiscountsAndSkipsExcludedSkus() {
    // Salesforce B2C Commerce, "Promotion proration logic"
    // (https://help.salesforce.com/s/articleView?id=cc.b2c_promotion_proration_logic.htm): 15% off orders over
    // $100 on SKU1 $60 and SKU2 $50 prorates to 9.00 and 7.50; with $10 off SKU1 first, the 15% applies to what
    // is left (7.50 and 7.50, total 85.00); with SKU3 $40 excluded, 16.50 off and a total of 133.50.
    Offer fifteen = Offer.percent("15-over-100", 15).withAmounts(100_00, null, false);
    Cart two = cart(line("1", "SKU1", null, 60_00, 1), line("2", "SKU2", null, 50_00, 1));
    assertThat(discounts(price(List.of(fifteen), two))).containsExactlyInAnyOrderEntriesOf(Map.of("1", 9_00L, "2", 7_50L));

    Offer tenOffSku1 = Offer.fixed("10-off-sku1", 10_00).withScope(Offer.Scope.skus("SKU1"));
    PricingOutcome stacked = price(List.of(fifteen, tenOffSku1), two);
    assertThat(stacked.totalMinor()).isEqualTo(85_00);
    assertThat(stacked.applied()).extracting(PricingOutcome.Redemption::offerId).containsExactly("10-off-sku1", "15-over-100");
    assertThat(stacked.lines().get(0).allocations())
        .containsExactly(new PricingOutcome.Share("10-off-sku1", 10_00), new PricingOutcome.Share("15-over-100", 7_50));

    Offer excluding = fifteen.withScope(new Offer.Scope(null, null, List.of("SKU3")));
    PricingOutcome three = price(List.of(excluding), cart(line("1", "SKU1", null, 60_00, 1),
        line("2", "SKU2", null, 50_00, 1), line("3", "SKU3", null, 40_00, 1)));
    assertThat(three.discountMinor()).isEqualTo(16_50);
    assertThat(three.totalMinor()).isEqualTo(133_50);
    assertThat(discounts(three).get("3")).isZero();
  }

  @Test
  void steppedThresholdRepeatsPerFullStepUpToItsCap() {
    // "每满 300 减 50": 600 gives 100; 1,000 gives 150; capped at 120.
    Offer stepped = Offer.threshold("300-50", 300, 50).withAmounts(300, null, true);
    assertThat(price(List.of(stepped), cart(line("a", null, null, 600, 1))).discountMinor()).isEqualTo(100);
    assertThat(price(List.of(stepped), cart(line("a", null, null, 1_000, 1))).discountMinor()).isEqualTo(150);
    assertThat(price(List.of(stepped.withAmounts(300, 120L, true)), cart(line("a", null, null, 1_000, 1)))
        .discountMinor()).isEqualTo(120);
    PricingOutcome below = price(List.of(stepped), cart(line("a", null, null, 299, 1)));
    assertThat(reasons(below)).containsEntry("300-50", Reason.BELOW_THRESHOLD);
    assertThat(price(List.of(Offer.threshold("plain", 300, 50)), cart(line("a", null, null, 900, 1))).discountMinor())
        .isEqualTo(50);
  }

  @Test
  void buyXGetYFreesTheCheapestUnitsUpToTheAllocationLimit() {
    // Clear Fusion CMS, "Discount rules" (https://docs.clearfusioncms.com/modules/cart/discount-rules): buy one get
    // one free charges 4 items as 2; with at most 1 free item, 3 are charged.
    Offer bogo = Offer.buyXGetY("bogo", 1, 1);
    assertThat(price(List.of(bogo), cart(line("a", "tee", null, 10_00, 4))).totalMinor()).isEqualTo(20_00);
    Offer limited = OffersProgram.fromJson("""
        {"version": 1, "offers": [{"id": "bogo", "kind": "BUY_X_GET_Y", "buyQuantity": 1, "getQuantity": 1,
          "allocationLimit": 1}]}""").offers().get(0);
    assertThat(price(List.of(limited), cart(line("a", "tee", null, 10_00, 4))).totalMinor()).isEqualTo(30_00);
    // Adobe Commerce, "Buy X get Y free" (https://experienceleague.adobe.com/en/docs/commerce-admin/marketing/
    // promotions/cart-rules/price-rules-cart-buy-this-get-that): buy 5 get 2 with at most 4 free items. 21 units
    // make 3 applications, the limit allows 2: 4 units free.
    Offer fiveTwo = OffersProgram.fromJson("""
        {"version": 1, "offers": [{"id": "b5g2", "kind": "BUY_X_GET_Y", "buyQuantity": 5, "getQuantity": 2,
          "allocationLimit": 2}]}""").offers().get(0);
    assertThat(price(List.of(fiveTwo), cart(line("a", "tee", null, 7_00, 21))).discountMinor()).isEqualTo(4 * 7_00);
    // The cheapest units are the free ones, across lines.
    PricingOutcome mixed = price(List.of(Offer.buyXGetY("b2g1", 2, 1)), cart(line("a", "x", null, 30_00, 2),
        line("b", "y", null, 12_00, 1)));
    assertThat(discounts(mixed)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 0L, "b", 12_00L));
    assertThat(reasons(price(List.of(Offer.buyXGetY("b2g1", 2, 1)), cart(line("a", "x", null, 30_00, 2)))))
        .containsEntry("b2g1", Reason.BELOW_THRESHOLD);
  }

  @Test
  void fixedPriceGiftAndPercentOfFreeUnits() {
    Offer special = Offer.fixedPrice("old-user-price", Offer.Scope.skus("rice"), 8_00)
        .withAudience(new Offer.Audience(null, false));
    Offer gift = Offer.gift("first-order-pack", List.of(new Offer.Gift("pack", 1, 25_00)))
        .withAudience(new Offer.Audience(null, true)).withStacking("gifts", false, 0);
    Cart cart = cart(line("a", "rice", "food", 10_00, 3), line("b", "tea", "food", 5_00, 1));
    PricingOutcome old = price(List.of(special, gift), cart);
    assertThat(discounts(old)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 6_00L, "b", 0L));
    assertThat(reasons(old)).containsEntry("first-order-pack", Reason.NOT_IN_AUDIENCE);
    PricingOutcome first = price(List.of(special, gift), cart.withUser(List.of(), true));
    assertThat(first.gifts()).containsExactly(new PricingOutcome.GiftItem("first-order-pack", "pack", 1, 25_00));
    assertThat(first.applied()).containsExactly(
        new PricingOutcome.Redemption("first-order-pack", 0, 25_00, "offer:o-1/first-order-pack"));
    assertThat(reasons(first)).containsEntry("old-user-price", Reason.NOT_IN_AUDIENCE);
  }

  @Test
  void validityDatesAreInclusiveLocalDaysInTheOffersZone() {
    Offer coupon = Offer.fixed("summer", 100).withValidity(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 18), null);
    OffersPolicy policy = OffersProgram.of(SHANGHAI, List.of(coupon)).policy();
    Cart base = cart(line("a", null, null, 1_000, 1));
    // The whole of 18 June in Shanghai (UTC+8) is valid: its last second is 15:59:59Z.
    assertThat(policy.price(withAt(base, "2026-06-18T15:59:59Z")).discountMinor()).isEqualTo(100);
    assertThat(reasons(policy.price(withAt(base, "2026-06-18T16:00:00Z")))).containsEntry("summer", Reason.EXPIRED);
    assertThat(reasons(policy.price(withAt(base, "2026-05-31T15:59:59Z")))).containsEntry("summer", Reason.NOT_STARTED);
    assertThat(policy.price(withAt(base, "2026-05-31T16:00:00Z")).discountMinor()).isEqualTo(100);

    // New York falls back on 1 Nov 2026: that day has 25 hours and ends at 05:00Z on 2 Nov.
    ZoneId newYork = ZoneId.of("America/New_York");
    OffersPolicy ny = OffersProgram.of(SHANGHAI,
        List.of(coupon.withValidity(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), newYork))).policy();
    assertThat(ny.price(withAt(base, "2026-11-01T03:59:59Z")).discountMinor()).isZero();
    assertThat(ny.price(withAt(base, "2026-11-01T04:00:00Z")).discountMinor()).isEqualTo(100);
    assertThat(ny.price(withAt(base, "2026-11-02T04:59:59Z")).discountMinor()).isEqualTo(100);
    assertThat(ny.price(withAt(base, "2026-11-02T05:00:00Z")).discountMinor()).isZero();

    // São Paulo skipped midnight on 4 Nov 2018 (DST began at 00:00): the day began at 01:00-02, 03:00Z.
    OffersPolicy saoPaulo = OffersProgram.of(SHANGHAI, List.of(coupon.withValidity(LocalDate.of(2018, 11, 4),
        LocalDate.of(2018, 11, 4), ZoneId.of("America/Sao_Paulo")))).policy();
    assertThat(reasons(saoPaulo.price(withAt(base, "2018-11-04T02:59:59Z")))).containsEntry("summer", Reason.NOT_STARTED);
    assertThat(saoPaulo.price(withAt(base, "2018-11-04T03:00:00Z")).discountMinor()).isEqualTo(100);
  }

  static Cart withAt(Cart cart, String at) {
    return new Cart(cart.orderId(), cart.userId(), Instant.parse(at), cart.userTags(), cart.firstOrder(), cart.usage(),
        cart.lines());
  }

  @Test
  void everyConditionHasItsReasonAndMissingAttributesAreReasons() {
    List<Offer> offers = List.of(
        Offer.fixed("tagged", 10).withAudience(new Offer.Audience(List.of("frequent"), null)),
        Offer.fixed("books", 10).withScope(Offer.Scope.categories("books")),
        Offer.fixed("user-limit", 10).withLimits(1L, null, null),
        Offer.fixed("global-limit", 10).withLimits(null, 100L, null),
        Offer.fixed("budget", 10).withLimits(null, null, 500L),
        Offer.fixed("other-group", 5).withStacking("other", false, 0),
        Offer.fixed("exclusive", 5).withStacking("default", true, 0),
        Offer.fixed("zero", 10).withScope(Offer.Scope.skus("free-sample")),
        Offer.fixed("best", 20));
    Cart cart = cart(line("a", "s", null, 1_000, 1), line("b", "free-sample", null, 0, 1))
        .withUsage(Map.of("user-limit", new Cart.Usage(1, 1, 10), "global-limit", new Cart.Usage(0, 100, 0),
            "budget", new Cart.Usage(0, 50, 500)));
    PricingOutcome outcome = price(offers, cart);
    assertThat(reasons(outcome)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "tagged", Reason.NOT_IN_AUDIENCE, "books", Reason.OUT_OF_SCOPE, "user-limit", Reason.USER_LIMIT,
        "global-limit", Reason.GLOBAL_LIMIT, "budget", Reason.BUDGET, "other-group", Reason.NOT_STACKABLE,
        "exclusive", Reason.NOT_STACKABLE, "zero", Reason.NOT_BEST));
    assertThat(outcome.discountMinor()).isEqualTo(20);
  }

  @Test
  void budgetCapsTheDiscountAndAnExclusiveOfferWinsOnlyWhenBetter() {
    Offer budgeted = Offer.percent("p50", 50).withLimits(null, null, 1_000L);
    PricingOutcome capped = price(List.of(budgeted), cart(line("a", null, null, 10_000, 1))
        .withUsage(Map.of("p50", new Cart.Usage(0, 3, 700))));
    assertThat(capped.discountMinor()).isEqualTo(300);

    Offer ten = Offer.percent("p10", 10);
    Offer five = Offer.fixed("f5", 50);
    Offer exclusive = Offer.fixed("solo", 150).withStacking("default", true, 0);
    PricingOutcome together = price(List.of(ten, five, exclusive), cart(line("a", null, null, 1_000, 1)));
    // Within the order stage, equal priorities apply in id order: f5 then p10 take 50 + 95 = 145 < 150.
    assertThat(together.applied()).extracting(PricingOutcome.Redemption::offerId).containsExactly("solo");
    assertThat(reasons(together)).containsEntry("p10", Reason.NOT_STACKABLE).containsEntry("f5", Reason.NOT_STACKABLE);
    PricingOutcome stacked = price(List.of(ten, five, exclusive), cart(line("a", null, null, 2_000, 1)));
    assertThat(stacked.applied()).extracting(PricingOutcome.Redemption::offerId).containsExactly("f5", "p10");
    assertThat(stacked.discountMinor()).isEqualTo(50 + 195);
  }

  @Test
  void returningALineRefundsItsAllocatedNet() {
    // Issue 15: lines 150 and 60 at 20% off; returning the 150 line refunds 120.
    OffersPolicy policy = OffersProgram.of(SHANGHAI, List.of(Offer.percent("p20", 20))).policy();
    PricingOutcome priced = policy.price(cart(line("a", null, null, 150, 1), line("b", null, null, 60, 1)));
    RefundOutcome outcome = policy.refund(priced, RefundState.none(),
        ReturnEvent.of("r-1", List.of(new ReturnEvent.Line("a", 1))));
    assertThat(outcome.refundMinor()).isEqualTo(120);
    assertThat(outcome.lines()).containsExactly(new RefundOutcome.LineRefund("a", 1, 120));
    assertThat(outcome.releases()).isEmpty();
    assertThat(outcome.refundKey()).isEqualTo("offer-refund:o-1/r-1");
    RefundOutcome rest = policy.refund(priced, outcome.state(), ReturnEvent.of("r-2", List.of(new ReturnEvent.Line("b", 1))));
    assertThat(rest.refundMinor()).isEqualTo(48);
    assertThat(rest.releases()).containsExactly(
        new RefundOutcome.Release("p20", "offer:o-1/p20", "offer-release:o-1/p20", 42, true));
    assertThat(policy.refund(priced, rest.state(), ReturnEvent.of("r-2", List.of(new ReturnEvent.Line("b", 1)))).status())
        .isEqualTo(OutcomeStatus.DUPLICATE);
  }

  @Test
  void partialUnitsOfALineShareItsNetExactly() {
    OffersPolicy policy = OffersProgram.of(SHANGHAI, List.of(Offer.fixed("f1", 1))).policy();
    PricingOutcome priced = policy.price(cart(line("a", null, null, 100, 3)));
    assertThat(priced.lines().get(0).netMinor()).isEqualTo(299);
    RefundState state = RefundState.none();
    long total = 0;
    for (int i = 0; i < 3; i++) {
      RefundOutcome outcome = policy.refund(priced, state, ReturnEvent.of("r" + i, List.of(new ReturnEvent.Line("a", 1))));
      assertThat(outcome.refundMinor()).isBetween(99L, 100L);
      total += outcome.refundMinor();
      state = outcome.state();
    }
    assertThat(total).isEqualTo(299);
    assertThat(policy.refund(priced, state, ReturnEvent.of("r9", List.of(new ReturnEvent.Line("a", 1)))).status())
        .isEqualTo(OutcomeStatus.REJECTED);
  }

  @Test
  void recomputeDeductsTheDiscountLostBelowAThreshold() {
    OffersProgram program = OffersProgram.of(SHANGHAI, List.of(Offer.threshold("300-50", 300, 50)));
    Cart cart = cart(line("a", null, null, 200, 1), line("b", null, null, 150, 1));
    ReturnEvent returnB = ReturnEvent.of("r-1", List.of(new ReturnEvent.Line("b", 1)));
    OffersPolicy allocated = program.policy();
    PricingOutcome priced = allocated.price(cart);
    assertThat(discounts(priced)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 29L, "b", 21L));
    assertThat(allocated.refund(priced, RefundState.none(), returnB).refundMinor()).isEqualTo(129);

    OffersPolicy recompute = program.withRefundMode(OffersProgram.RefundMode.RECOMPUTE_IF_BELOW_THRESHOLD).policy();
    RefundOutcome outcome = recompute.refund(priced, RefundState.none(), returnB);
    // The kept 200 no longer reaches 300: the user owes 200 for it, so 300 paid gives back 100, not 129.
    assertThat(outcome.refundMinor()).isEqualTo(100);
    assertThat(outcome.deductedMinor()).isEqualTo(29);
    assertThat(outcome.lostOffers()).containsExactly("300-50");
    RefundOutcome rest = recompute.refund(priced, outcome.state(), ReturnEvent.cancel("c-1"));
    assertThat(rest.refundMinor()).isEqualTo(200);
    assertThat(rest.state().refundedMinor()).isEqualTo(priced.totalMinor());
  }

  @Test
  void aReturnThatOwesMoreThanItsNetRefundsZeroAndTheRestCatchesUp() {
    OffersPolicy policy = OffersProgram.of(SHANGHAI, List.of(Offer.threshold("300-50", 300, 50)))
        .withRefundMode(OffersProgram.RefundMode.RECOMPUTE_IF_BELOW_THRESHOLD).policy();
    PricingOutcome priced = policy.price(cart(line("a", null, null, 290, 1), line("b", null, null, 20, 1)));
    assertThat(priced.totalMinor()).isEqualTo(260);
    RefundOutcome small = policy.refund(priced, RefundState.none(), ReturnEvent.of("r-1", List.of(new ReturnEvent.Line("b", 1))));
    assertThat(small.refundMinor()).isZero();
    assertThat(small.status()).isEqualTo(OutcomeStatus.APPLIED);
    RefundOutcome rest = policy.refund(priced, small.state(), ReturnEvent.of("r-2", List.of(new ReturnEvent.Line("a", 1))));
    assertThat(rest.refundMinor()).isEqualTo(260);
    assertThat(rest.releases()).hasSize(1);
  }

  @Test
  void cancelReleasesEveryRedemptionOnce() {
    Offer coupon = Offer.fixed("welcome", 100).withAudience(new Offer.Audience(null, true)).withLimits(1L, null, null);
    Offer keep = OffersProgram.fromJson("""
        {"version": 1, "offers": [{"id": "gift", "kind": "GIFT", "gifts": [{"sku": "mug", "quantity": 1,
          "valueMinor": 300}], "releaseRestoresUse": false}]}""").offers().get(0);
    OffersPolicy policy = OffersProgram.of(SHANGHAI, List.of(coupon, keep)).policy();
    PricingOutcome priced = policy.price(cart(line("a", null, null, 1_000, 1)).withUser(List.of(), true));
    RefundOutcome cancel = policy.refund(priced, RefundState.none(), ReturnEvent.cancel("c-1"));
    assertThat(cancel.refundMinor()).isEqualTo(900);
    assertThat(cancel.releases()).containsExactly(
        new RefundOutcome.Release("welcome", "offer:o-1/welcome", "offer-release:o-1/welcome", 100, true),
        new RefundOutcome.Release("gift", "offer:o-1/gift", "offer-release:o-1/gift", 300, false));
    assertThat(policy.refund(priced, cancel.state(), ReturnEvent.cancel("c-2")).status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(policy.refund(priced, cancel.state(), ReturnEvent.cancel("c-1")).status()).isEqualTo(OutcomeStatus.DUPLICATE);
  }

  @Test
  void invalidDocumentsNameThePathTheOfferAndTheField() {
    assertThatThrownBy(() -> OffersProgram.fromJson("""
        {"version": 1, "offers": [{"id": "a", "kind": "FIXED", "discountMinor": 5, "scope": {"sku": ["x"]}}]}"""))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("offers[0].scope.sku: unknown field \"sku\"");
    assertThatThrownBy(() -> OffersProgram.fromJson("""
        {"version": 1, "offers": [{"id": "a", "kind": "PERCENT", "percent": 150}]}"""))
        .isInstanceOf(ConfigException.class).hasMessageContaining("offers[0]")
        .hasMessageContaining("offer \"a\" percent: expected a number in (0, 100] with at most two decimals, got 150");
    assertThatThrownBy(() -> OffersProgram.fromJson("""
        {"version": 1, "offers": [{"id": "a", "kind": "FIXED", "discountMinor": 5, "percent": 10}]}"""))
        .isInstanceOf(ConfigException.class).hasMessageContaining("offer \"a\" percent: expected absent for FIXED");
    assertThatThrownBy(() -> OffersProgram.fromJson("""
        {"version": 1, "offers": [{"id": "a", "kind": "FIXED", "discountMinor": 5, "validTo": "2026-06-01"}]}"""))
        .isInstanceOf(ConfigException.class).hasMessageContaining("offer \"a\" zone");
    assertThatThrownBy(() -> OffersProgram.fromJson("{\"version\": 2, \"offers\": []}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("version: expected 1, got 2");
    assertThat(OffersProgram.fromJson("""
        {"version": 1, "offers": [{"id": "a", "kind": "PERCENT", "percent": 12.50}]}""").offers().get(0).basisPoints())
        .isEqualTo(1_250);
  }

  @Test
  void aRepeatedLineIdIsRejectedNamingTheOrderOrTheReturn() {
    assertThatThrownBy(() -> cart(line("a", "x", null, 100, 1), line("a", "y", null, 200, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("order o-1: line id \"a\" is used twice");
    assertThatThrownBy(() -> ReturnEvent.of("r-1", List.of(new ReturnEvent.Line("a", 1), new ReturnEvent.Line("a", 2))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("return r-1: line id \"a\" is used twice");
  }
}
