package dev.userops.incentives.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.userops.incentives.Goldens;
import dev.userops.incentives.offers.PricingOutcome.Reason;
import dev.userops.incentives.offers.PricingOutcome.Redemption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled offers documents (one offer of each kind; the seeds' growth layers) parse and price
 * sample carts, the examples module ships the same files, and the persisted forms of a program, a
 * priced cart and a refund state read back from their golden files and write back byte for byte.
 */
class OfferDocumentsTest {
  static String resource(String name) throws IOException {
    try (InputStream in = OfferDocumentsTest.class.getResourceAsStream("/incentives/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  /** The example's first-order cart on the last day of the books offer, 18 June in Shanghai. */
  static final String FIRST_ORDER_CART = """
      {"orderId": "o-1001", "userId": "u-7", "at": "2026-06-18T21:30:00+08:00", "firstOrder": true,
       "usage": {"welcome-20": {"user": 0, "global": 41, "budgetUsedMinor": 82000}},
       "lines": [{"lineId": "1", "sku": "novel", "category": "books", "unitPriceMinor": 8000, "quantity": 3},
                 {"lineId": "2", "sku": "rice-5kg", "category": "grocery", "unitPriceMinor": 4990, "quantity": 1},
                 {"lineId": "3", "sku": "green-tea", "category": "tea", "unitPriceMinor": 3000, "quantity": 3},
                 {"lineId": "4", "sku": "gift-card", "unitPriceMinor": 10000, "quantity": 1}]}""";

  static Map<String, Reason> reasons(PricingOutcome outcome) {
    return outcome.rejected().stream()
        .collect(Collectors.toMap(PricingOutcome.Rejection::offerId, PricingOutcome.Rejection::reason));
  }

  @Test
  void theExampleDocumentPricesAFirstOrderAndAnOldUsersCart() throws IOException {
    OffersPolicy policy = OffersProgram.fromJson(resource("offers/offers-example.json")).policy();
    assertThat(policy.program().offers()).extracting(Offer::kind).containsExactlyInAnyOrder(Offer.Kind.values());
    PricingOutcome first = policy.price(Cart.fromJson(FIRST_ORDER_CART));
    // Item stage (ids in order), then order stage (priority 10 first), then the gift.
    assertThat(first.applied()).extracting(Redemption::offerId, Redemption::discountMinor).containsExactly(
        tuple("books-10-percent", 2_400L), tuple("tea-buy-2-get-1", 3_000L), tuple("full-300-minus-50", 5_000L),
        tuple("welcome-20", 2_000L), tuple("first-order-pack", 0L));
    assertThat(first.subtotalMinor()).isEqualTo(47_990);
    assertThat(first.totalMinor()).isEqualTo(47_990 - 12_400);
    assertThat(first.gifts()).extracting(PricingOutcome.GiftItem::sku).containsExactly("gift-pack");
    assertThat(reasons(first)).containsExactlyEntriesOf(Map.of("rice-member-price", Reason.NOT_IN_AUDIENCE));
    // The gift card is outside the 满减 scope: only the order-wide welcome coupon reaches it.
    assertThat(first.lines().get(3).allocations()).extracting(PricingOutcome.Share::offerId).containsExactly("welcome-20");

    Cart old = Cart.fromJson("""
        {"orderId": "o-1002", "userId": "u-8", "at": "2026-06-19T00:00:00+08:00", "userTags": ["high-frequency"],
         "lines": [{"lineId": "1", "sku": "rice-5kg", "category": "grocery", "unitPriceMinor": 4990, "quantity": 2}]}""");
    PricingOutcome repeat = policy.price(old);
    assertThat(repeat.discountMinor()).isEqualTo(2 * (4_990 - 3_990));
    assertThat(reasons(repeat)).containsExactlyInAnyOrderEntriesOf(Map.of("full-300-minus-50", Reason.BELOW_THRESHOLD,
        "books-10-percent", Reason.EXPIRED, "welcome-20", Reason.NOT_IN_AUDIENCE,
        "first-order-pack", Reason.NOT_IN_AUDIENCE, "tea-buy-2-get-1", Reason.OUT_OF_SCOPE));
  }

  @Test
  void aPartialReturnBelowTheThresholdLosesItsDiscount() throws IOException {
    OffersPolicy policy = OffersProgram.fromJson(resource("offers/offers-example.json")).policy();
    PricingOutcome priced = policy.price(Cart.fromJson(FIRST_ORDER_CART));
    RefundOutcome outcome = policy.refund(priced, RefundState.none(),
        ReturnEvent.fromJson("{\"returnId\": \"r-1\", \"lines\": [{\"lineId\": \"1\", \"quantity\": 2}]}"));
    assertThat(outcome.lostOffers()).containsExactly("full-300-minus-50");
    assertThat(outcome.deductedMinor()).isPositive();
    assertThat(outcome.refundMinor()).isPositive().isLessThan(2 * 8_000);
  }

  @Test
  void theSeedLayersPriceAHighFrequencyRepeatBuyerOnDouble11() throws IOException {
    OffersPolicy policy = OffersProgram.fromJson(resource("offers/seed-layers.json")).policy();
    PricingOutcome outcome = policy.price(Cart.fromJson("""
        {"orderId": "o-1111", "userId": "u-9", "at": "2026-11-11T20:00:00+08:00", "userTags": ["high-frequency"],
         "firstOrder": false,
         "lines": [{"lineId": "1", "sku": "rice-5kg", "category": "grocery", "unitPriceMinor": 4990, "quantity": 1},
                   {"lineId": "2", "sku": "wok", "category": "kitchen", "unitPriceMinor": 30000, "quantity": 1}]}"""));
    assertThat(outcome.applied()).extracting(Redemption::offerId).containsExactly("old-user-special-price",
        "double-11-coupon", "spend-300-save-50", "frequent-buyer-small-gift");
    assertThat(outcome.discountMinor()).isEqualTo(1_000 + 3_000 + 5_000);
    assertThat(reasons(outcome)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "first-order-big-gift-pack", Reason.NOT_IN_AUDIENCE, "new-user-no-threshold", Reason.NOT_IN_AUDIENCE));
  }

  @Test
  void theExamplesModuleShipsTheSameDocuments() throws IOException {
    for (String name : new String[] {"offers-example.json", "seed-layers.json"}) {
      Path copy = Path.of("..", "examples", "src", "main", "resources", "dev", "userops", "examples", "offers", name);
      assertThat(Files.readString(copy).strip()).as(name).isEqualTo(resource("offers/" + name));
    }
  }

  @Test
  void goldenFormatsReadBackAndWriteBackByteForByte() throws IOException {
    OffersProgram program = OffersProgram.fromJson(resource("offers/offers-example.json"));
    assertThat(Goldens.assertRoundTrips("offers-program-v1.json", OffersProgram::fromJson, OffersProgram::toJson))
        .isEqualTo(program);

    PricingOutcome priced = program.policy().price(Cart.fromJson(FIRST_ORDER_CART));
    assertThat(Goldens.assertRoundTrips("offers-priced-v1.json", PricingOutcome::fromJson, PricingOutcome::toJson))
        .isEqualTo(priced);

    RefundState state = program.policy().refund(priced, RefundState.none(),
        ReturnEvent.fromJson("{\"returnId\": \"r-1\", \"lines\": [{\"lineId\": \"3\", \"quantity\": 1}]}")).state();
    assertThat(Goldens.assertRoundTrips("offers-refund-state-v1.json", RefundState::fromJson, RefundState::toJson))
        .isEqualTo(state);
  }

}
