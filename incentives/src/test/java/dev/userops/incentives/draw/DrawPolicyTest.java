package dev.userops.incentives.draw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.testing.PolicyLaws;
import dev.userops.incentives.Goldens;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.draw.DrawOutcome.Award;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrawPolicyTest {
  static final DrawKey KEY = DrawKey.fromHex("000102030405060708090a0b0c0d0e0f");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final DrawPolicy POLICY = DrawProgram.fromJson(DrawProgramTest.EXAMPLE).policy(SHANGHAI, KEY);
  private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z"); // 10:00 in Shanghai

  static DrawEvent order(String id, Instant at, long amountMinor) {
    return new DrawEvent(id, at, amountMinor, Set.of());
  }

  /** The first event id from {@code from} on whose draw, with all in stock, awards {@code prize}. */
  static String eventDrawing(DrawPolicy policy, String prize, Collection<String> outOfStock, long amountMinor) {
    for (int i = 0; ; i++) {
      String id = "e" + i;
      if (prize.equals(policy.audit(order(id, T0, amountMinor), outOfStock).awarded())) {
        return id;
      }
    }
  }

  /** An event with the stock it is drawn against: the policy laws' event. */
  record Delivery(DrawEvent event, Set<String> outOfStock) {}

  @Test
  void theLawsHoldOverAMixOfEligibleIneligibleCappedAndLateEvents() {
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Instant at = T0.plus(Duration.ofHours(i * 5L % 97));
      long amount = i % 7 == 0 ? 1000 : 5000 + i * 1000L; // below the minimum, or above
      Set<String> tags = i % 11 == 5 ? Set.of("employee") : Set.of("vip");
      deliveries.add(new Delivery(new DrawEvent("o" + i, at, amount, tags), i % 3 == 0 ? Set.of("phone") : Set.of()));
    }
    deliveries.add(new Delivery(order("late", T0.minus(Duration.ofDays(40)), 9000), Set.of()));
    List<DrawOutcome> outcomes = PolicyLaws.<DrawState, Delivery, DrawOutcome>of(POLICY.newState(),
        (state, d) -> POLICY.apply(state, d.event(), d.outOfStock()), DrawOutcome::state,
        o -> o.effects().stream().map(Award::key).toList(), s -> DrawState.fromJson(s.toJson()))
        .check(deliveries, 16);

    assertThat(outcomes).extracting(DrawOutcome::status).contains(OutcomeStatus.APPLIED, OutcomeStatus.REJECTED);
    assertThat(outcomes.get(0).reason()).isEqualTo("amount 1000 is below the minimum spend 5000");
    assertThat(outcomes.get(5).reason()).isEqualTo("the user carries an excluded tag of [employee]");
    assertThat(outcomes.get(40).reason()).startsWith("event at 2026-01-20T02:00:00Z is more than 31 days before the newest draw");
    assertThat(outcomes).extracting(DrawOutcome::reason).contains("the cap of 3 draws per DAY is reached");
    for (DrawOutcome outcome : outcomes) {
      for (Award award : outcome.effects()) {
        assertThat(award.prize()).isNotEqualTo(award.outOfStock().contains("phone") ? "phone" : null);
      }
    }
  }

  @Test
  void aReplayIsADuplicateAndTheAuditReDerivesTheAward() {
    DrawEvent event = DrawEvent.of(OrderPaid.of("o-7", T0, 12_000, null), Set.of());
    DrawOutcome first = POLICY.apply(POLICY.newState(), event, List.of());
    DrawOutcome again = POLICY.apply(first.state(), event, List.of());

    assertThat(first.status()).isEqualTo(OutcomeStatus.APPLIED);
    assertThat(again.status()).isEqualTo(OutcomeStatus.DUPLICATE);
    assertThat(again.reason()).isEqualTo("event o-7 was drawn before");
    assertThat(again.effects()).isEmpty();
    assertThat(again.state()).isSameAs(first.state());
    // The same event on a fresh state (another host, a restore) draws the same ticket and prize.
    assertThat(POLICY.apply(POLICY.newState(), event, List.of())).isEqualTo(first);

    Award award = first.effects().get(0);
    DrawAudit audit = POLICY.audit(event, award.outOfStock());
    assertThat(award.key()).isEqualTo("draw:spring-2026:o-7");
    assertThat(audit.ticket()).isEqualTo(award.ticket());
    assertThat(audit.awarded()).isEqualTo(award.prize());
    DrawAudit.Slot slot = audit.slots().stream().filter(s -> s.from() <= audit.point() && audit.point() < s.to())
        .findFirst().orElseThrow();
    assertThat(slot.awards()).isEqualTo(award.prize());
    assertThat(audit.total()).isEqualTo(1000);
    assertThat(audit.slots()).extracting(DrawAudit.Slot::to).containsExactly(1L, 51L, 351L, 1000L);
  }

  @Test
  void theTicketIsSipHashOfTheDrawIdAZeroByteAndTheEventId() {
    DrawAudit audit = POLICY.audit(order("o-7", T0, 6000), List.of());
    byte[] message = "spring-2026\0o-7".getBytes(StandardCharsets.UTF_8);
    long u = com.google.common.hash.Hashing.sipHash24(KEY.k0, KEY.k1).hashBytes(message).asLong();
    assertThat(audit.ticket()).isEqualTo(String.format("%016x", u));
    assertThat(audit.point()).isEqualTo(new java.math.BigInteger(Long.toUnsignedString(u))
        .multiply(java.math.BigInteger.valueOf(1000)).shiftRight(64).longValueExact());
  }

  @Test
  void anOutOfStockPrizesSlotAwardsTheConsolationOrIsSharedProportionally() {
    String phoneEvent = eventDrawing(POLICY, "phone", List.of(), 6000);
    DrawOutcome out = POLICY.apply(POLICY.newState(), order(phoneEvent, T0, 6000), List.of("phone"));
    assertThat(out.effects().get(0).prize()).isEqualTo("coupon-2");
    assertThat(out.effects().get(0).consolation()).isTrue();
    assertThat(out.effects().get(0).outOfStock()).containsExactly("phone");
    // In place: every other event keeps its result when the phone runs out.
    for (int i = 0; i < 2000; i++) {
      DrawEvent event = order("k" + i, T0, 6000);
      String before = POLICY.audit(event, List.of()).awarded();
      String after = POLICY.audit(event, List.of("phone")).awarded();
      assertThat(after).isEqualTo("phone".equals(before) ? "coupon-2" : before);
    }

    DrawPolicy proportional = POLICY.program().withOutOfStock(DrawProgram.OutOfStock.PROPORTIONAL).policy(SHANGHAI, KEY);
    DrawAudit audit = proportional.audit(order(phoneEvent, T0, 6000), List.of("phone", "voucher-50"));
    assertThat(audit.total()).isEqualTo(949);
    assertThat(audit.slots()).extracting(DrawAudit.Slot::outcome).containsExactly("voucher-10", null);
    assertThat(audit.awarded()).isIn("voucher-10", "coupon-2");
  }

  @Test
  void theGuaranteeRaisesAResultToTheLowestPrizeInStockAtLeastTheGuaranteedOne() {
    String missEvent = eventDrawing(POLICY, "coupon-2", List.of(), 6000);
    Award raised = POLICY.apply(POLICY.newState(), order(missEvent, T0, 30_000), List.of()).effects().get(0);
    assertThat(raised.prize()).isEqualTo("voucher-10");
    assertThat(raised.guaranteed()).isTrue();
    assertThat(raised.ticket()).isEqualTo(POLICY.audit(order(missEvent, T0, 6000), List.of()).ticket());

    DrawProgram limited = DrawProgram.fromJson(DrawProgramTest.EXAMPLE.replace("\"voucher-10\", \"probability\": 0.30,",
        "\"voucher-10\", \"probability\": 0.30, \"inventory\": 0,"));
    DrawPolicy policy = limited.policy(SHANGHAI, KEY);
    Award up = policy.apply(policy.newState(), order(missEvent, T0, 30_000), List.of("voucher-10")).effects().get(0);
    assertThat(up.prize()).isEqualTo("voucher-50");
    DrawOutcome none = policy.apply(policy.newState(), order(missEvent, T0, 30_000), List.of("voucher-10", "voucher-50", "phone"));
    assertThat(none.status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(none.reason()).isEqualTo("guaranteed draw: no prize at least voucher-10 is in stock");
    assertThat(none.state()).isEqualTo(policy.newState());
  }

  @Test
  void thePrimitivePathDecidesAsApply() {
    DrawRequest request = DrawRequest.create().tags(POLICY.tagMask(Set.of("employee")));
    DrawState state = POLICY.newState();
    for (int i = 0; i < 500; i++) {
      long amount = 3000 + i * 97L;
      Set<String> stock = i % 4 == 0 ? Set.of("phone", "voucher-50") : Set.of();
      Set<String> tags = i % 9 == 0 ? Set.of("employee") : Set.of();
      DrawEvent event = new DrawEvent("p" + i % 450, T0.plus(Duration.ofMinutes(i * 37L)), amount, tags);
      long code = POLICY.draw(state, request.eventId(new StringBuilder(event.eventId())).atMillis(event.occurredAt().toEpochMilli())
          .amountMinor(amount).tags(POLICY.tagMask(tags)).outOfStock(POLICY.stockMask(stock)));
      DrawOutcome outcome = POLICY.apply(state, event, stock);
      assertThat(DrawPolicy.status(code)).isEqualTo(outcome.status());
      assertThat(POLICY.awarded(code)).isEqualTo(outcome.effects().isEmpty() ? null : outcome.effects().get(0).prize());
      if (DrawPolicy.prizeIndex(code) >= 0) {
        assertThat(POLICY.program().prizes().get(DrawPolicy.prizeIndex(code)).id()).isEqualTo(POLICY.awarded(code));
      }
      state = outcome.state();
    }
    // Draws within a day and the cap: at most 3 per local day, 31 days + 1 day kept.
    assertThat(state.draws().size()).isLessThanOrEqualTo(3 * 34);
  }

  @Test
  void theGoldenStateStillReads() throws IOException {
    DrawState state = Goldens.assertRoundTrips("draw-state-v1.json", DrawState::fromJson, DrawState::toJson);
    assertThat(POLICY.apply(state, order("o-1", Instant.parse("2026-03-01T04:00:00Z"), 9000), List.of()).status())
        .isEqualTo(OutcomeStatus.DUPLICATE);
    assertThat(POLICY.apply(state, order("o-4", Instant.parse("2026-03-01T15:00:00Z"), 9000), List.of()).reason())
        .isEqualTo("the cap of 3 draws per DAY is reached");
  }
}
