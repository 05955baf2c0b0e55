package dev.userops.incentives.levels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Granularity;
import dev.userops.core.testing.PolicyLaws;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.Cap;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.levels.LevelProgram.Benefits;
import dev.userops.incentives.levels.LevelProgram.Downgrade;
import dev.userops.incentives.levels.LevelProgram.DowngradeKind;
import dev.userops.incentives.levels.LevelProgram.GrowthRule;
import dev.userops.incentives.levels.LevelProgram.Level;
import dev.userops.incentives.levels.LevelProgram.Qualification;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Level invariants over random ladders and event sequences. */
class LevelProperties {
  private static final long DAY = 86_400_000L;

  @Property(tries = 200)
  void replaysAreNoOpsJsonChangesNothingAndLevelsFollowThePolicy(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int length) {
    SplittableRandom random = new SplittableRandom(seed);
    DowngradeKind kind = DowngradeKind.values()[random.nextInt(3)];
    Downgrade downgrade = kind == DowngradeKind.END_OF_REVIEW_PERIOD
        ? new Downgrade(kind, List.of(1, 3, 6, 12).get(random.nextInt(4)), random.nextInt(40)) : new Downgrade(kind, 0, 0);
    LevelProgram ladder = new LevelProgram(LevelProgram.FORMAT_VERSION, 1, 100,
        List.of(new GrowthRule("review", "REVIEW", 20, random.nextBoolean() ? Cap.calendar(30, Granularity.WEEK) : null)),
        List.of(new Level("a", 0, new Benefits(0, false, false)), new Level("b", 100, new Benefits(0, false, false)),
            new Level("c", 400, new Benefits(0, true, true))),
        new Qualification(random.nextInt(3) * 6), downgrade, 400);
    LevelPolicy policy = ladder.policy(ZoneId.of(random.nextBoolean() ? "Asia/Shanghai" : "America/New_York"));

    List<LevelEvent> events = new ArrayList<>();
    long t = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < length; i++) {
      t += random.nextLong(20 * DAY);
      Instant at = Instant.ofEpochMilli(t);
      events.add(switch (random.nextInt(4)) {
        case 0 -> OrderPaid.of("o" + i, at, random.nextLong(300_00), null);
        case 1 -> new BehaviourDone("b" + i, at, "REVIEW", null);
        case 2 -> new LevelEvent.FloorGranted("g" + i, at, List.of("a", "b", "c").get(random.nextInt(3)),
            random.nextBoolean() ? null : at.plusMillis(random.nextLong(90 * DAY)));
        default -> new Evaluation(at);
      });
    }
    List<LevelOutcome> outcomes = PolicyLaws.of(policy.newState(), policy::apply, LevelOutcome::state,
            (LevelOutcome outcome) -> outcome.changes().stream().map(LevelOutcome.LevelChange::key).toList(),
            (LevelState state) -> LevelState.fromJson(state.toJson()))
        .check(events, seed);
    LevelState state = policy.newState();
    for (LevelOutcome outcome : outcomes) {
      String level = state.level();
      for (LevelOutcome.LevelChange change : outcome.changes()) {
        assertThat(change.from()).isEqualTo(level);
        assertThat(change.to()).isNotEqualTo(level);
        if (kind == DowngradeKind.NEVER) {
          assertThat(ladder.indexOf(change.to())).isGreaterThan(ladder.indexOf(change.from()));
        }
        level = change.to();
      }
      assertThat(outcome.state().level()).isEqualTo(level);
      assertThat(outcome.state().lifetimeGrowth()).isEqualTo(state.lifetimeGrowth() + outcome.growth());
      state = outcome.state();
    }
  }
}
