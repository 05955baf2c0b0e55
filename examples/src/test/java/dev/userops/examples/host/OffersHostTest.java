package dev.userops.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.offers.Cart;
import dev.userops.incentives.offers.OffersPolicy;
import dev.userops.incentives.offers.OffersProgram;
import dev.userops.incentives.offers.PricingOutcome;
import dev.userops.incentives.offers.RefundOutcome;
import dev.userops.incentives.offers.ReturnEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class OffersHostTest {
  /** One coupon left in the whole shop, worth 500, that a cancel gives back; and a budgeted 10% off. */
  private static final OffersPolicy POLICY = OffersProgram.fromJson("""
      {"version": 1, "zone": "Asia/Shanghai", "offers": [
        {"id": "last-coupon", "kind": "FIXED", "discountMinor": 500, "globalLimit": 1,
         "releaseRestoresUse": true},
        {"id": "ten-percent", "kind": "PERCENT", "percent": 10, "budgetMinor": 100000}]}""").policy();
  private static final Instant AT = Instant.parse("2026-06-18T04:00:00Z");

  private JdbcConnectionPool database;
  private OffersHost host;

  @BeforeEach
  void openDatabase() throws Exception {
    database = JdbcConnectionPool.create("jdbc:h2:mem:offers" + System.nanoTime() + ";LOCK_TIMEOUT=30000", "sa", "");
    host = new OffersHost(database, POLICY);
    host.createTables();
  }

  @AfterEach
  void closeDatabase() {
    database.dispose();
  }

  private static Cart cart(String orderId, String userId) {
    return Cart.of(orderId, userId, AT, List.of(new Cart.Line("1", "tea", "tea", 2000, 1)));
  }

  private static boolean used(PricingOutcome priced, String offerId) {
    return priced.applied().stream().anyMatch(r -> r.offerId().equals(offerId));
  }

  @RepeatedTest(5)
  void twoUsersRacingForTheLastUseOfAGlobalLimitGiveExactlyOneSuccess() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<PricingOutcome>> placed = new ArrayList<>();
      for (String user : List.of("alice", "bob")) {
        placed.add(threads.submit(() -> {
          start.await();
          return host.place(cart("order-" + user, user));
        }));
      }
      start.countDown();
      List<PricingOutcome> outcomes = new ArrayList<>();
      for (Future<PricingOutcome> f : placed) {
        outcomes.add(f.get());
      }
      assertThat(outcomes.stream().filter(p -> used(p, "last-coupon"))).hasSize(1);
      PricingOutcome loser = outcomes.stream().filter(p -> !used(p, "last-coupon")).findFirst().orElseThrow();
      assertThat(loser.rejected()).contains(new PricingOutcome.Rejection("last-coupon",
          PricingOutcome.Reason.GLOBAL_LIMIT));
    } finally {
      threads.shutdownNow();
    }
    assertThat(host.usage("last-coupon", "alice").global()).isEqualTo(1);
  }

  @Test
  void aRedeliveredOrderRedeemsNothingTwice() throws Exception {
    PricingOutcome first = host.place(cart("o-1", "alice"));
    PricingOutcome again = host.place(cart("o-1", "alice"));

    assertThat(again).isEqualTo(first);
    assertThat(used(first, "last-coupon")).isTrue();
    Cart.Usage coupon = host.usage("last-coupon", "alice");
    assertThat(coupon.user()).isEqualTo(1);
    assertThat(coupon.global()).isEqualTo(1);
    // 10% of what the coupon left: 2000 - 500 = 1500, so 150 of the budget.
    assertThat(host.usage("ten-percent", "alice").budgetUsedMinor()).isEqualTo(150);
  }

  @Test
  void aCancelReleasesTheUsageExactlyOnceAndTheCouponServesTheNextOrder() throws Exception {
    host.place(cart("o-1", "alice"));

    RefundOutcome cancel = host.refund("o-1", ReturnEvent.cancel("c-1"));
    RefundOutcome redelivered = host.refund("o-1", ReturnEvent.cancel("c-1"));
    RefundOutcome secondCancel = host.refund("o-1", ReturnEvent.cancel("c-2"));

    assertThat(cancel.status()).isEqualTo(OutcomeStatus.APPLIED);
    assertThat(cancel.refundMinor()).isEqualTo(2000 - 500 - 150);
    assertThat(cancel.releases()).extracting(RefundOutcome.Release::offerId)
        .containsExactlyInAnyOrder("last-coupon", "ten-percent");
    assertThat(redelivered.status()).isEqualTo(OutcomeStatus.DUPLICATE);
    assertThat(secondCancel.status()).isEqualTo(OutcomeStatus.REJECTED);
    Cart.Usage coupon = host.usage("last-coupon", "alice");
    assertThat(coupon.global()).isZero();
    assertThat(coupon.user()).isZero();
    assertThat(coupon.budgetUsedMinor()).isZero();
    assertThat(host.usage("ten-percent", "alice").budgetUsedMinor()).isZero();

    assertThat(used(host.place(cart("o-2", "bob")), "last-coupon")).isTrue();
  }
}
