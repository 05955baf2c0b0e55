package dev.userops.incentives.points;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Granularity;
import dev.userops.incentives.points.PointsEvent.OrderLine;
import dev.userops.incentives.points.PointsOutcome.Status;
import dev.userops.incentives.points.PointsProgram.BehaviourRule;
import dev.userops.incentives.points.PointsProgram.Cap;
import dev.userops.incentives.points.PointsProgram.Expiry;
import dev.userops.incentives.points.PointsProgram.ExpiryUnit;
import dev.userops.incentives.points.PointsProgram.OrderRule;
import dev.userops.incentives.points.PointsProgram.Overdraft;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    PointsState state = PointsState.empty();
    PointsState viaJson = PointsState.empty();
    List<PointsEvent> applied = new ArrayList<>();
    long available = 0;
    long pending = 0;
    Set<String> keys = new HashSet<>();
    for (PointsEvent event : events) {
      PointsOutcome outcome = policy.apply(state, event);
      PointsOutcome reloaded = policy.apply(PointsState.fromJson(viaJson.toJson()), event);
      assertThat(reloaded).isEqualTo(outcome);
      for (LedgerEntry entry : outcome.entries()) {
        assertThat(keys.add(entry.key())).as("unique key %s", entry.key()).isTrue();
        available += entry.available();
        pending += entry.pending();
      }
      state = outcome.state();
      viaJson = reloaded.state();
      assertThat(state.available()).isEqualTo(available);
      assertThat(state.pending()).isEqualTo(pending);
      assertThat(state.lots()).allSatisfy(lot -> assertThat(lot.points()).isPositive());
      assertThat(state.pendingLots()).allSatisfy(lot -> assertThat(lot.points()).isPositive());
      assertThat(state.lots()).isSortedAccordingTo(java.util.Comparator.comparingLong(PointsState.Lot::expiresAtMillis));
      assertThat(state.debt()).isNotNegative();
      if (outcome.status() == Status.APPLIED) {
        applied.add(event);
      }
      if (!applied.isEmpty()) {
        PointsEvent again = applied.get(random.nextInt(applied.size()));
        PointsOutcome replay = policy.apply(state, again);
        assertThat(replay.entries()).as("replay of %s", again).isEmpty();
        assertThat(replay.state()).isEqualTo(state);
      }
    }
  }

  private static PointsProgram randomProgram(SplittableRandom random) {
    Cap cap = random.nextBoolean() ? null : new Cap(Granularity.values()[random.nextInt(3)], 1 + random.nextInt(200));
    OrderRule base = new OrderRule("base", random.nextInt(3), 1 + random.nextInt(3), 100, random.nextInt(3) * 10_00L,
        List.of("shipping"), Map.of("books", 200), Map.of("sku-1", 50), cap, random.nextInt(4) == 0);
    OrderRule promo = new OrderRule("promo", random.nextInt(3), 1, 100, 0, null, null, null,
        new Cap(Granularity.WEEK, 50), false);
    BehaviourRule review = new BehaviourRule("review", 0, "REVIEW", 5 + random.nextInt(20),
        random.nextBoolean() ? new Cap(Granularity.DAY, 30) : null, false);
    BehaviourRule first = new BehaviourRule("first", 0, PointsPolicy.FIRST_ORDER, 50, null, false);
    Expiry expiry = switch (random.nextInt(3)) {
      case 0 -> Expiry.never();
      case 1 -> Expiry.rollingDays(5 + random.nextInt(60));
      default -> Expiry.endOfPeriod(ExpiryUnit.values()[random.nextInt(4)], random.nextInt(2));
    };
    return new PointsProgram(1, List.of(base, promo), List.of(review, first), random.nextInt(3) * 7, expiry,
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
          events.add(new PointsEvent.PaidOrder(id, at, lines, level));
        }
        case 2 -> events.add(new PointsEvent.BehaviourDone("b" + i, at, "REVIEW", level));
        case 3 -> events.add(new PointsEvent.OrderRefund("f" + i,
            orders.isEmpty() || random.nextInt(8) == 0 ? "unknown" : orders.get(random.nextInt(orders.size())),
            at, 1 + random.nextLong(150_00)));
        case 4 -> events.add(new PointsEvent.Redemption("r" + i, at, 1 + random.nextLong(300)));
        case 5 -> events.add(new PointsEvent.Adjustment("a" + i, at, random.nextBoolean() ? 1 + random.nextLong(50) : -1 - random.nextLong(50), "ops"));
        default -> events.add(new PointsEvent.Evaluation(at));
      }
    }
    return events;
  }
}
