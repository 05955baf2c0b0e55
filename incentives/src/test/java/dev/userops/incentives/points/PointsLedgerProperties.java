package dev.userops.incentives.points;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Granularity;
import dev.userops.core.testing.PolicyLaws;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.Cap;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.OrderLine;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.points.PointsProgram.BehaviourRule;
import dev.userops.incentives.points.PointsProgram.Expiry;
import dev.userops.incentives.points.PointsProgram.OrderRule;
import dev.userops.incentives.points.PointsProgram.Overdraft;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The ledger invariants of the issue, over random programs and event sequences. */
class PointsLedgerProperties {
  private static final long DAY = 86_400_000L;
  private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  @Property(tries = 300)
  void theLedgerBalancesAndReplaysAreNoOps(@ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int length) {
    SplittableRandom random = new SplittableRandom(seed);
    PointsPolicy policy = randomProgram(random).policy(ZoneId.of(random.nextBoolean() ? "America/New_York" : "Asia/Shanghai"));
    List<PointsEvent> events = randomEvents(random, length);

    List<PointsOutcome> outcomes = PolicyLaws.of(policy.newState(), policy::apply, PointsOutcome::state,
            (PointsOutcome outcome) -> outcome.entries().stream().map(LedgerEntry::key).toList(),
            // Through both stored forms: JSON, then bytes.
            (PointsState state) -> PointsState.fromBytes(PointsState.fromJson(state.toJson()).toBytes()))
        .check(events, seed);
    long available = 0;
    long pending = 0;
    for (PointsOutcome outcome : outcomes) {
      for (LedgerEntry entry : outcome.entries()) {
        available += entry.available();
        pending += entry.pending();
      }
      PointsState state = outcome.state();
      assertThat(PointsState.fromBytes(state.toBytes())).isEqualTo(state);
      assertThat(state.available()).isEqualTo(available);
      assertThat(state.pending()).isEqualTo(pending);
      assertThat(state.lots()).allSatisfy(lot -> assertThat(lot.points()).isPositive());
      assertThat(state.pendingLots()).allSatisfy(lot -> assertThat(lot.points()).isPositive());
      assertThat(state.lots()).isSortedAccordingTo(java.util.Comparator.comparingLong(PointsState.Lot::expiresAtMillis));
      assertThat(state.debt()).isNotNegative();
    }
  }

  private static PointsProgram randomProgram(SplittableRandom random) {
    Cap cap = random.nextBoolean() ? null : Cap.calendar(1 + random.nextInt(200), Granularity.values()[random.nextInt(3)]);
    OrderRule base = new OrderRule("base", random.nextInt(3), 1 + random.nextInt(3), 100, random.nextInt(3) * 10_00L,
        List.of("shipping"), Map.of("books", 200), Map.of("sku-1", 50), cap, random.nextInt(4) == 0);
    OrderRule promo = new OrderRule("promo", random.nextInt(3), 1, 100, 0, null, null, null,
        Cap.calendar(50, Granularity.WEEK), false);
    BehaviourRule review = new BehaviourRule("review", 0, "REVIEW", 5 + random.nextInt(20),
        random.nextBoolean() ? Cap.calendar(30, Granularity.DAY) : null, false);
    BehaviourRule first = new BehaviourRule("first", 0, PointsPolicy.FIRST_ORDER, 50, null, false);
    Expiry expiry = switch (random.nextInt(4)) {
      case 0 -> Expiry.never();
      case 1 -> Expiry.rollingDays(5 + random.nextInt(60));
      case 2 -> Expiry.endOfYear(random.nextInt(2));
      default -> Expiry.endOfPeriod(Granularity.values()[random.nextInt(3)], random.nextInt(2));
    };
    return new PointsProgram(PointsProgram.FORMAT_VERSION, List.of(base, promo), List.of(review, first), random.nextInt(3) * 7, expiry,
        Overdraft.values()[random.nextInt(2)], 30 + random.nextInt(300), Map.of("gold", 150));
  }

  private static List<PointsEvent> randomEvents(SplittableRandom random, int length) {
    List<PointsEvent> events = new ArrayList<>();
    List<String> orders = new ArrayList<>();
    long t = START;
    for (int i = 0; i < length; i++) {
      // Mostly forward in time, sometimes back (late delivery).
      t += random.nextInt(10) == 0 ? -random.nextLong(20 * DAY) : random.nextLong(3 * DAY);
      Instant at = Instant.ofEpochMilli(t);
      String level = random.nextBoolean() ? "gold" : null;
      switch (random.nextInt(7)) {
        case 0, 1 -> {
          String id = "o" + i;
          orders.add(id);
          List<OrderLine> lines = new ArrayList<>();
          for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
            lines.add(new OrderLine(random.nextBoolean() ? "sku-1" : "sku-2",
                List.of("books", "toys", "shipping").get(random.nextInt(3)), random.nextLong(200_00)));
          }
          events.add(new OrderPaid(id, at, lines, level));
        }
        case 2 -> events.add(new BehaviourDone("b" + i, at, "REVIEW", level));
        case 3 -> events.add(new PointsEvent.OrderRefund("f" + i,
            orders.isEmpty() || random.nextInt(8) == 0 ? "unknown" : orders.get(random.nextInt(orders.size())),
            at, 1 + random.nextLong(150_00)));
        case 4 -> events.add(new PointsEvent.Redemption("r" + i, at, 1 + random.nextLong(300)));
        case 5 -> events.add(new PointsEvent.Adjustment("a" + i, at, random.nextBoolean() ? 1 + random.nextLong(50) : -1 - random.nextLong(50), "ops"));
        default -> events.add(new Evaluation(at));
      }
    }
    return events;
  }
}
