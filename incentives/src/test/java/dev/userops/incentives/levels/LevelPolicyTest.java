package dev.userops.incentives.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;
import dev.userops.core.testing.PolicyLaws;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.Cap;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.levels.LevelOutcome.LevelChange;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelPolicyTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final List<Level> LEVELS = List.of(
      new Level("member", 0, new Benefits(0, false, false)),
      new Level("silver", 100, new Benefits(50, false, false)),
      new Level("gold", 500, new Benefits(200, true, true)));

  private static LevelProgram ladder(int trailingMonths, Downgrade downgrade) {
    return new LevelProgram(LevelProgram.FORMAT_VERSION, 1, 100, List.of(new GrowthRule("photo", "REVIEW_WITH_PHOTOS", 10, Cap.calendar(15, Granularity.DAY)),
        new GrowthRule("liked", "LIKE_RECEIVED", 1, null)), LEVELS, new Qualification(trailingMonths), downgrade, 400);
  }

  /** Applies the events under the policy laws (state through JSON between events) and returns all changes. */
  private static List<LevelChange> changes(LevelProgram ladder, LevelState[] end, LevelEvent... events) {
    LevelPolicy policy = ladder.policy(SHANGHAI);
    List<LevelOutcome> outcomes = PolicyLaws.of(policy.newState(), policy::apply, LevelOutcome::state,
            (LevelOutcome outcome) -> outcome.changes().stream().map(LevelChange::key).toList(),
            (LevelState state) -> LevelState.fromJson(state.toJson()))
        .check(List.of(events), 1);
    List<LevelChange> changes = new ArrayList<>();
    outcomes.forEach(outcome -> changes.addAll(outcome.changes()));
    end[0] = outcomes.isEmpty() ? policy.newState() : outcomes.get(outcomes.size() - 1).state();
    return changes;
  }

  private static OrderPaid order(String id, String instant, long amountMinor) {
    return OrderPaid.of(id, Instant.parse(instant), amountMinor, null);
  }

  @Test
  void growthUpgradesAtOnceWithAReason() {
    LevelState[] end = new LevelState[1];
    List<LevelChange> changes = changes(ladder(0, new Downgrade(DowngradeKind.NEVER, 0, 0)), end,
        order("o-1", "2026-01-10T00:00:00Z", 99_99), order("o-2", "2026-01-11T00:00:00Z", 1_00));
    assertThat(changes).containsExactly(new LevelChange("level:order:o-2", "member", "silver",
        Instant.parse("2026-01-11T00:00:00Z").toEpochMilli(), "growth reached the threshold (qualifying growth 100, silver needs 100)"));
    assertThat(end[0].lifetimeGrowth()).isEqualTo(100);
  }

  @Test
  void behaviourGrowthIsCappedPerLocalDay() {
    LevelState[] end = new LevelState[1];
    changes(ladder(0, new Downgrade(DowngradeKind.NEVER, 0, 0)), end,
        new BehaviourDone("b1", Instant.parse("2026-01-10T01:00:00Z"), "REVIEW_WITH_PHOTOS", null),
        new BehaviourDone("b2", Instant.parse("2026-01-10T02:00:00Z"), "REVIEW_WITH_PHOTOS", null),
        new BehaviourDone("b3", Instant.parse("2026-01-10T16:00:00Z"), "REVIEW_WITH_PHOTOS", null), // next day in Shanghai
        new BehaviourDone("b4", Instant.parse("2026-01-10T16:01:00Z"), "LIKE_RECEIVED", null));
    assertThat(end[0].lifetimeGrowth()).isEqualTo(10 + 5 + 10 + 1);
  }

  @Test
  void immediateDowngradeFollowsTheTrailingWindow() {
    LevelState[] end = new LevelState[1];
    List<LevelChange> changes = changes(ladder(3, new Downgrade(DowngradeKind.IMMEDIATELY, 0, 0)), end,
        order("o-1", "2026-01-10T00:00:00Z", 600_00),
        new Evaluation(Instant.parse("2026-03-31T15:59:59Z")), // still March in Shanghai: January counts
        new Evaluation(Instant.parse("2026-03-31T16:00:00Z"))); // April: the window is Feb-Apr
    assertThat(changes).extracting(LevelChange::from, LevelChange::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("member", "gold"), org.assertj.core.groups.Tuple.tuple("gold", "member"));
  }

  @Test
  void neverDowngradeKeepsTheLevel() {
    LevelState[] end = new LevelState[1];
    changes(ladder(3, new Downgrade(DowngradeKind.NEVER, 0, 0)), end,
        order("o-1", "2026-01-10T00:00:00Z", 600_00), new Evaluation(Instant.parse("2027-01-01T00:00:00Z")));
    assertThat(end[0].level()).isEqualTo("gold");
  }

  @Test
  void reviewAtYearEndWithGraceLetsGrowthSaveTheLevel() {
    LevelProgram yearly = ladder(12, new Downgrade(DowngradeKind.END_OF_REVIEW_PERIOD, 12, 30));
    LevelState[] end = new LevelState[1];
    // Gold in Jan 2026; the review at 2027-01-01 (Shanghai) sees 2026's 600: kept. The review at
    // 2028-01-01 sees nothing in 2027: grace until 2028-01-31, then down to member.
    List<LevelChange> changes = changes(yearly, end, order("o-1", "2026-01-10T00:00:00Z", 600_00),
        new Evaluation(Instant.parse("2027-06-01T00:00:00Z")),
        new Evaluation(Instant.parse("2028-01-15T00:00:00Z")));
    assertThat(changes).hasSize(1);
    assertThat(end[0].graceUntilMillis()).isEqualTo(Instant.parse("2028-01-30T16:00:00Z").toEpochMilli());
    List<LevelChange> saved = changes(yearly, end, order("o-1", "2026-01-10T00:00:00Z", 600_00),
        new Evaluation(Instant.parse("2028-01-15T00:00:00Z")), order("o-2", "2028-01-20T00:00:00Z", 500_00),
        new Evaluation(Instant.parse("2028-03-01T00:00:00Z")));
    assertThat(saved).hasSize(1);
    assertThat(end[0].level()).isEqualTo("gold");
    List<LevelChange> lost = changes(yearly, end, order("o-1", "2026-01-10T00:00:00Z", 600_00),
        order("o-2", "2028-01-20T00:00:00Z", 150_00), new Evaluation(Instant.parse("2028-03-01T00:00:00Z")));
    assertThat(lost).extracting(LevelChange::key, LevelChange::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("level:order:o-1", "gold"),
            org.assertj.core.groups.Tuple.tuple("level:grace:2028-01-30T16:00:00Z", "silver"));
  }

  @Test
  void aGrantedFloorHoldsTheLevelUntilItEnds() {
    LevelState[] end = new LevelState[1];
    List<LevelChange> changes = changes(ladder(0, new Downgrade(DowngradeKind.IMMEDIATELY, 0, 0)), end,
        new LevelEvent.FloorGranted("g-1", Instant.parse("2026-01-01T00:00:00Z"), "gold", Instant.parse("2026-02-01T00:00:00Z")),
        new Evaluation(Instant.parse("2026-02-01T00:00:00Z")));
    assertThat(changes).extracting(LevelChange::to, LevelChange::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("gold", "floor gold granted (qualifying growth 0, gold needs 500)"),
        org.assertj.core.groups.Tuple.tuple("member", "growth below the threshold (qualifying growth 0, member needs 0)"));
    assertThat(ladder(0, new Downgrade(DowngradeKind.NEVER, 0, 0)).policy(SHANGHAI).apply(end[0],
        new LevelEvent.FloorGranted("g-2", Instant.parse("2026-02-02T00:00:00Z"), "platinum", null)).reason())
        .isEqualTo("unknown level platinum");
  }

  @Test
  void ladderJsonRoundTripsAndNamesBadFields() {
    LevelProgram ladder = ladder(12, new Downgrade(DowngradeKind.END_OF_REVIEW_PERIOD, 12, 30));
    assertThat(LevelProgram.fromJson(ladder.toJson())).isEqualTo(ladder);
    String bad = ladder.toJson().replace("\"reviewMonths\":12", "\"reviewMonths\":5");
    assertThatThrownBy(() -> LevelProgram.fromJson(bad)).isInstanceOf(ConfigException.class)
        .hasMessage("downgrade: reviewMonths must be 1, 2, 3, 4, 6 or 12, got 5");
  }

  @Test
  void rollingGrowthCapsAreRejectedAndANewUserStartsAtTheFirstLevel() {
    assertThatThrownBy(() -> new GrowthRule("photo", "REVIEW_WITH_PHOTOS", 10, Cap.rolling(15, java.time.Duration.ofDays(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cap.mode of rule photo: only CALENDAR caps (window P1D, P1W or P1M) are supported, got ROLLING over PT24H");
    LevelState fresh = ladder(0, new Downgrade(DowngradeKind.NEVER, 0, 0)).policy(SHANGHAI).newState();
    assertThat(fresh.level()).isEqualTo("member");
    assertThat(fresh.lifetimeGrowth()).isZero();
  }
}
