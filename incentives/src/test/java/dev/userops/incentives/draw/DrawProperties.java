package dev.userops.incentives.draw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.incentives.Cap;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.draw.DrawState.Draw;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DrawProperties {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
  private static final List<String> PRIZES = List.of("gold", "silver", "bronze", "sticker");

  /**
   * One generated event: an hour offset in 40 days (across the March DST change), an amount, a
   * stock and an id; the same id at the same hour is a replay.
   */
  record Step(int hour, long amountMinor, Set<String> outOfStock, int id) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Set<String>> stock = Arbitraries.of(PRIZES.subList(0, 3)).set().ofMaxSize(3);
    return Combinators.combine(Arbitraries.integers().between(0, 40 * 24), Arbitraries.longs().between(0, 20_000),
            stock, Arbitraries.integers().between(0, 3))
        .as(Step::new).list().ofMaxSize(80);
  }

  private static DrawPolicy policy(int max, Granularity per, boolean proportional) {
    DrawProgram program = DrawProgram.of("prop", 10, List.of(
            DrawProgram.Prize.weighted("gold", 1, 1L, 10_000),
            DrawProgram.Prize.weighted("silver", 5, 5L, 1_000),
            DrawProgram.Prize.weighted("bronze", 20, 20L, 100),
            DrawProgram.Prize.weighted("sticker", 30, null, 10)))
        .withMissWeight(44)
        .withConsolation(new DrawProgram.Consolation("coupon", 1))
        .withOutOfStock(proportional ? DrawProgram.OutOfStock.PROPORTIONAL : DrawProgram.OutOfStock.CONSOLATION)
        .withEligibility(DrawProgram.Eligibility.of(1_000, Cap.calendar(max, per)))
        .withGuarantee(new DrawProgram.Guarantee(10_000, "silver"));
    return program.policy(ZONE, DrawKey.of(0x5eedL, 0xd1ceL));
  }

  @Property
  void theGuaranteeHoldsForEveryEligibleEventAndTheCapInEveryPeriod(@ForAll("steps") List<Step> steps,
      @ForAll @IntRange(min = 0, max = 4) int max, @ForAll Granularity per, @ForAll boolean proportional) {
    DrawPolicy policy = policy(max, per, proportional);
    CalendarIndex calendar = CalendarIndex.of(ZONE);
    DrawState state = policy.newState();
    Map<Long, Integer> perPeriod = new HashMap<>();
    Set<String> drawn = new HashSet<>();
    long newest = Long.MIN_VALUE;
    for (Step step : steps) {
      long at = START + step.hour() * 3_600_000L;
      // Equal ids are replays: the same event with the same instant.
      DrawEvent event = new DrawEvent("e" + step.id() + "@" + step.hour(), Instant.ofEpochMilli(at), step.amountMinor(), null);
      DrawOutcome outcome = policy.apply(state, event, step.outOfStock());
      if (outcome.applied()) {
        assertThat(drawn.add(event.eventId())).isTrue();
        newest = Math.max(newest, at);
        int count = perPeriod.merge(calendar.index(per, at), 1, Integer::sum);
        assertThat(count).as("draws in one %s", per).isLessThanOrEqualTo(max);
        if (step.amountMinor() >= 10_000) {
          // At least silver: silver or gold, and never one out of stock.
          assertThat(outcome.effects()).hasSize(1);
          assertThat(outcome.effects().get(0).prize()).isIn("gold", "silver").isNotIn(step.outOfStock());
        }
        for (var award : outcome.effects()) {
          assertThat(award.prize()).isNotIn(step.outOfStock());
        }
      } else if (outcome.status() == OutcomeStatus.DUPLICATE) {
        assertThat(drawn).contains(event.eventId());
      } else {
        assertThat(outcome.reason()).isNotBlank();
        boolean guaranteeUnmet = step.amountMinor() >= 10_000 && step.outOfStock().containsAll(Set.of("gold", "silver"));
        boolean capped = perPeriod.getOrDefault(calendar.index(per, at), 0) >= max;
        boolean late = at < newest - 10 * 86_400_000L;
        assertThat(late || step.amountMinor() < 1_000 || capped || guaranteeUnmet).as(outcome.reason()).isTrue();
      }
      state = outcome.state();
    }
  }

  @Property
  void theCapCountsEveryEventOrder(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 72) Integer> hours) {
    DrawPolicy policy = policy(2, Granularity.DAY, false);
    CalendarIndex calendar = CalendarIndex.of(ZONE);
    DrawState state = policy.newState();
    for (int i = 0; i < hours.size(); i++) {
      long at = START + hours.get(i) * 3_600_000L;
      state = policy.apply(state, new DrawEvent("h" + i, Instant.ofEpochMilli(at), 5_000, null), Set.of()).state();
    }
    Map<Long, Integer> perDay = new HashMap<>();
    for (Draw draw : state.draws()) {
      perDay.merge(calendar.dayIndex(draw.atMillis()), 1, Integer::sum);
    }
    assertThat(perDay.values()).allMatch(count -> count <= 2);
    // Nothing forgotten within 3 days: every local day holds min(2, events of that day).
    Map<Long, Integer> offered = new HashMap<>();
    for (int hour : hours) {
      offered.merge(calendar.dayIndex(START + hour * 3_600_000L), 1, Integer::sum);
    }
    offered.forEach((day, count) -> assertThat(perDay.getOrDefault(day, 0)).isEqualTo(Math.min(2, count)));
    List<Long> times = new ArrayList<>();
    state.draws().forEach(d -> times.add(d.atMillis()));
    assertThat(times).isSorted();
  }
}
