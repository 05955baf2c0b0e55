package dev.userops.incentives.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;
import dev.userops.incentives.Cap;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.points.PointsEvent;
import dev.userops.incentives.referral.ReferralEffect.Action;
import dev.userops.incentives.referral.ReferralEffect.Role;
import dev.userops.incentives.referral.ReferralEvent.Attribution;
import dev.userops.incentives.referral.ReferralEvent.Cancellation;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.referral.ReferralEvent.Invite;
import dev.userops.incentives.referral.ReferralEvent.Payment;
import dev.userops.incentives.referral.ReferralEvent.Refund;
import dev.userops.incentives.referral.ReferralProgram.Reward;
import dev.userops.incentives.referral.ReferralState.Member;
import dev.userops.incentives.referral.ReferralState.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferralPolicyTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant T0 = Instant.parse("2024-05-01T02:00:00Z"); // 10:00 in Shanghai
  private static final long INVITER = 1;
  private static final long INVITEE = 2;
  private static final ReferralProgram PROGRAM = ReferralProgram.of("spring", SHANGHAI, Reward.points(500),
      Reward.coupon("WELCOME10")).withQualifying(5_000, null).withReviewDays(7);

  /** Applies events in order, each to the state the one before returned. */
  static final class Run {
    final ReferralPolicy policy;
    ReferralState state;
    final List<ReferralOutcome> outcomes = new ArrayList<>();

    Run(ReferralProgram program) {
      policy = program.policy();
      state = policy.newState();
    }

    ReferralOutcome apply(ReferralEvent event) {
      ReferralOutcome outcome = policy.apply(state, event);
      state = outcome.state();
      outcomes.add(outcome);
      return outcome;
    }

    /** The effects of every event so far, in order. */
    List<ReferralEffect> effects() {
      return outcomes.stream().flatMap(o -> o.effects().stream()).toList();
    }

    /** Inviter 1 issues code C1; user 2 uses it. */
    Run referred() {
      apply(new Invite(INVITER, "C1", T0, List.of("device:a")));
      apply(new Attribution(INVITEE, "C1", T0.plusSeconds(60), List.of("device:b")));
      return this;
    }
  }

  private static Instant shanghai(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @Test
  void aQualifyingFirstOrderPaysBothOnceItsReviewEnds() {
    Run run = new Run(PROGRAM).referred();
    // Paid 2024-05-01 10:02 local: the review covers the rest of May 1 and 7 whole days, to May 9 00:00.
    assertThat(run.apply(Payment.first(INVITEE, "o1", T0.plusSeconds(120), 5_000)).status()).isEqualTo(OutcomeStatus.APPLIED);
    Instant due = shanghai("2024-05-09T00:00");
    assertThat(run.policy.reviewEnd(T0)).isEqualTo(due);
    assertThat(run.state.member(INVITEE).referral().status()).isEqualTo(Status.IN_REVIEW);
    assertThat(run.state.member(INVITEE).referral().dueAtMillis()).isEqualTo(due.toEpochMilli());

    assertThat(run.apply(new Evaluation(due.minusMillis(1))).effects()).isEmpty();
    ReferralOutcome paid = run.apply(new Evaluation(due.plus(Duration.ofDays(3))));
    assertThat(paid.effects()).extracting(ReferralEffect::key)
        .containsExactly("spring:grant:2/inviter", "spring:grant:2/invitee");
    ReferralEffect inviter = paid.effects().get(0);
    assertThat(inviter.userId()).isEqualTo(INVITER);
    assertThat(inviter.atMillis()).as("granted at the due instant, not the evaluation's").isEqualTo(due.toEpochMilli());
    assertThat(inviter.pointsEvent())
        .isEqualTo(new PointsEvent.Adjustment("spring:grant:2/inviter", due, 500, "referral grant for invitee 2"));
    ReferralEffect invitee = paid.effects().get(1);
    assertThat(invitee.userId()).isEqualTo(INVITEE);
    assertThat(invitee.reward().offerId()).isEqualTo("WELCOME10");
    assertThat(invitee.pointsEvent()).as("a coupon is no points event").isNull();
    assertThat(run.state.member(INVITEE).referral().status()).isEqualTo(Status.REWARDED);
    assertThat(run.state.member(INVITER).inviterRewards()).isEqualTo(1);

    assertThat(run.apply(new Evaluation(due.plus(Duration.ofDays(4)))).effects()).as("nothing due twice").isEmpty();
    assertThat(run.apply(Payment.first(INVITEE, "o1", T0.plusSeconds(120), 5_000)).status())
        .isEqualTo(OutcomeStatus.DUPLICATE);
    assertThat(run.apply(Payment.first(INVITEE, "o2", due, 9_000)).reason()).isEqualTo(ReferralReason.NOT_FIRST_ORDER);
  }

  @Test
  void theFirstCodeWins() {
    Run run = new Run(PROGRAM).referred();
    run.apply(new Invite(3, "C3", T0, List.of()));
    assertThat(run.apply(new Attribution(INVITEE, "C1", T0.plusSeconds(90), List.of())).status())
        .isEqualTo(OutcomeStatus.DUPLICATE);
    ReferralOutcome second = run.apply(new Attribution(INVITEE, "C3", T0.plusSeconds(90), List.of()));
    assertThat(second.status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(second.reason()).isEqualTo(ReferralReason.ALREADY_REFERRED);
    assertThat(run.state.member(INVITEE).referral().inviterId()).isEqualTo(INVITER);
    assertThat(run.apply(new Attribution(4, "nope", T0, List.of())).reason()).isEqualTo(ReferralReason.UNKNOWN_CODE);
    assertThat(run.apply(new Invite(3, "C1", T0, List.of())).reason()).isEqualTo(ReferralReason.CODE_TAKEN);
    assertThat(run.apply(new Invite(INVITER, "C1", T0, List.of())).status()).isEqualTo(OutcomeStatus.DUPLICATE);
  }

  @Test
  void selfReferralsAreCaughtByIdFingerprintOrMutualCodes() {
    Run run = new Run(PROGRAM);
    run.apply(new Invite(INVITER, "C1", T0, List.of("device:a", "card:x")));
    assertThat(run.apply(new Attribution(INVITER, "C1", T0, List.of())).reason()).isEqualTo(ReferralReason.SELF_REFERRAL);
    ReferralOutcome device = run.apply(new Attribution(INVITEE, "C1", T0, List.of("device:a")));
    assertThat(device.reason()).isEqualTo(ReferralReason.SELF_REFERRAL);
    assertThat(device.detail()).contains("device:a");
    assertThat(run.state.member(INVITEE)).as("a rejected attribution leaves no trace").isNull();

    run.apply(new Attribution(INVITEE, "C1", T0, List.of("device:b")));
    run.apply(new Invite(INVITEE, "C2", T0, List.of()));
    assertThat(run.apply(new Attribution(INVITER, "C2", T0, List.of())).detail()).contains("refer each other");

    ReferralOutcome card = run.apply(new Payment(INVITEE, "o1", T0.plusSeconds(60), 9_000, true, Set.of(), List.of("card:x")));
    assertThat(card.status()).isEqualTo(OutcomeStatus.APPLIED);
    assertThat(card.reason()).isEqualTo(ReferralReason.SELF_REFERRAL);
    assertThat(run.state.member(INVITEE).referral().status()).isEqualTo(Status.ENDED);
    assertThat(run.apply(new Evaluation(T0.plus(Duration.ofDays(30)))).effects()).isEmpty();
  }

  @Test
  void onlyTheFirstOrderCountsAndItMustQualify() {
    ReferralProgram tagged = PROGRAM.withQualifying(5_000, "app");
    assertThat(new Run(tagged).referred().apply(Payment.first(INVITEE, "o1", T0.plusSeconds(120), 4_999)).reason())
        .isEqualTo(ReferralReason.BELOW_MINIMUM);
    assertThat(new Run(tagged).referred().apply(Payment.first(INVITEE, "o1", T0.plusSeconds(120), 5_000)).reason())
        .isEqualTo(ReferralReason.MISSING_TAG);
    assertThat(new Run(tagged).referred()
        .apply(new Payment(INVITEE, "o1", T0.plusSeconds(120), 5_000, true, Set.of("app"), null)).reason()).isNull();
    assertThat(new Run(tagged).referred()
        .apply(new Payment(INVITEE, "o1", T0.plusSeconds(120), 9_000, false, Set.of("app"), null)).reason())
        .isEqualTo(ReferralReason.NOT_FIRST_ORDER);
    ReferralOutcome before = new Run(tagged).referred().apply(
        new Payment(INVITEE, "o0", T0.minusSeconds(1), 9_000, true, Set.of("app"), null));
    assertThat(before.reason()).isEqualTo(ReferralReason.NOT_FIRST_ORDER);
    assertThat(before.detail()).contains("before the attribution");

    Run run = new Run(tagged).referred();
    run.apply(Payment.first(INVITEE, "o1", T0.plusSeconds(120), 100));
    ReferralOutcome second = run.apply(new Payment(INVITEE, "o2", T0.plusSeconds(200), 9_000, false, Set.of("app"), null));
    assertThat(second.status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(second.reason()).isEqualTo(ReferralReason.NOT_FIRST_ORDER);
    assertThat(new Run(tagged).apply(Payment.first(7, "o1", T0, 9_000)).reason()).isEqualTo(ReferralReason.NOT_REFERRED);
  }

  @Test
  void aRefundOrCancelInReviewEndsTheReferralWithoutPay() {
    Run run = new Run(PROGRAM).referred();
    run.apply(Payment.first(INVITEE, "o1", T0.plusSeconds(120), 8_000));
    ReferralOutcome partial = run.apply(new Refund("r1", INVITEE, "o1", T0.plus(Duration.ofDays(1)), 3_000));
    assertThat(partial.reason()).as("5,000 left still qualifies").isNull();
    assertThat(run.state.member(INVITEE).referral().status()).isEqualTo(Status.IN_REVIEW);
    assertThat(run.apply(new Refund("r1", INVITEE, "o1", T0.plus(Duration.ofDays(1)), 3_000)).status())
        .isEqualTo(OutcomeStatus.DUPLICATE);
    ReferralOutcome below = run.apply(new Refund("r2", INVITEE, "o1", T0.plus(Duration.ofDays(2)), 1));
    assertThat(below.reason()).isEqualTo(ReferralReason.REFUNDED_IN_REVIEW);
    assertThat(run.apply(new Cancellation(INVITEE, "o1", T0.plus(Duration.ofDays(2)))).status())
        .isEqualTo(OutcomeStatus.DUPLICATE);
    assertThat(run.apply(new Evaluation(T0.plus(Duration.ofDays(60)))).effects()).isEmpty();
    assertThat(run.apply(new Refund("r9", INVITEE, "o7", T0, 1)).reason()).isEqualTo(ReferralReason.UNKNOWN_ORDER);

    Run cancelled = new Run(PROGRAM).referred();
    cancelled.apply(Payment.first(INVITEE, "o1", T0.plusSeconds(120), 8_000));
    Instant due = cancelled.policy.reviewEnd(T0.plusSeconds(120));
    assertThat(cancelled.apply(new Cancellation(INVITEE, "o1", due.minusMillis(1))).reason())
        .isEqualTo(ReferralReason.REFUNDED_IN_REVIEW);
  }

  @Test
  void aRefundAtTheEndOfReviewComesAfterItAndClawsBack() {
    Run run = new Run(PROGRAM).referred();
    run.apply(Payment.first(INVITEE, "o1", T0.plusSeconds(120), 8_000));
    Instant due = run.policy.reviewEnd(T0.plusSeconds(120));
    // No evaluation ran: the refund's own time passes the due instant, so the rewards are granted, then revoked.
    ReferralOutcome refund = run.apply(new Cancellation(INVITEE, "o1", due));
    assertThat(refund.reason()).isEqualTo(ReferralReason.REVOKED);
    assertThat(refund.effects()).extracting(ReferralEffect::key).containsExactly("spring:grant:2/inviter",
        "spring:grant:2/invitee", "spring:clawback:2/inviter", "spring:clawback:2/invitee");
    assertThat(refund.effects().get(2).pointsEvent().points()).isEqualTo(-500);
    assertThat(run.state.member(INVITEE).referral().inviterRewarded()).isFalse();
    assertThat(run.apply(new Refund("r1", INVITEE, "o1", due.plusSeconds(1), 10)).status())
        .isEqualTo(OutcomeStatus.DUPLICATE);

    Run kept = new Run(PROGRAM.withClawback(false)).referred();
    kept.apply(Payment.first(INVITEE, "o1", T0.plusSeconds(120), 8_000));
    kept.apply(new Evaluation(due));
    ReferralOutcome noClawback = kept.apply(new Cancellation(INVITEE, "o1", due.plusSeconds(1)));
    assertThat(noClawback.effects()).isEmpty();
    assertThat(kept.state.member(INVITEE).referral().status()).isEqualTo(Status.REWARDED);
  }

  @Test
  void theInviterCapWithholdsTheInvitersPartOnly() {
    // At most 2 inviter rewards per local month in Shanghai, 3 ever.
    ReferralProgram capped = PROGRAM.withReviewDays(0).withInviterLimits(List.of(Cap.calendar(2, Granularity.MONTH)), 3L);
    Run run = new Run(capped);
    run.apply(new Invite(INVITER, "C1", T0, List.of()));
    // Orders paid on May 30, 30, 31 (local) are due at the next local midnight: May 31, 31 and June 1.
    Instant[] paid = {shanghai("2024-05-30T12:00"), shanghai("2024-05-30T13:00"), shanghai("2024-05-31T23:30"),
        shanghai("2024-06-02T12:00"), shanghai("2024-06-03T12:00")};
    for (int i = 0; i < paid.length; i++) {
      run.apply(new Attribution(10 + i, "C1", T0, List.of()));
      run.apply(Payment.first(10 + i, "o" + i, paid[i], 9_000));
    }
    run.apply(new Evaluation(shanghai("2024-07-01T00:00")));
    List<ReferralEffect> effects = run.effects();
    assertThat(effects.stream().filter(e -> e.role() == Role.INVITER).map(ReferralEffect::action))
        .containsExactly(Action.GRANT, Action.GRANT, Action.GRANT, Action.WITHHOLD, Action.WITHHOLD);
    assertThat(effects.stream().filter(e -> e.role() == Role.INVITEE).map(ReferralEffect::action))
        .as("the invitee's part is never capped").containsOnly(Action.GRANT).hasSize(5);
    assertThat(effects.stream().filter(e -> e.action() == Action.WITHHOLD).map(ReferralEffect::key))
        .containsExactly("spring:withhold:13/inviter", "spring:withhold:14/inviter");
    assertThat(run.state.member(13).referral().reason()).isEqualTo(ReferralReason.INVITER_CAP);
    assertThat(run.state.member(INVITER).inviterRewards()).isEqualTo(3);
    // Two on May 31, the cap of May; one on June 1; June 3 and 4 pass the month's cap but not the lifetime max.
    assertThat(run.state.member(INVITER).rewardMillis()).hasSize(3);
  }

  @Test
  void calendarCapsCountLocalDaysAcrossDst() {
    // New York, 1 inviter reward per local day. 2024-11-03 is 25 hours long (clocks back at 02:00).
    ZoneId newYork = ZoneId.of("America/New_York");
    ReferralProgram daily = ReferralProgram.of("ny", newYork, Reward.points(100), null)
        .withInviterLimits(List.of(Cap.calendar(1, Granularity.DAY)), null);
    Run run = new Run(daily);
    run.apply(new Invite(INVITER, "C1", T0, List.of()));
    // Due at local midnight starting Nov 3, Nov 3 (again, same day) and Nov 4.
    Instant[] paid = {ZonedDateTime.parse("2024-11-02T09:00-04:00[America/New_York]").toInstant(),
        ZonedDateTime.parse("2024-11-02T23:59-04:00[America/New_York]").toInstant(),
        ZonedDateTime.parse("2024-11-03T23:00-05:00[America/New_York]").toInstant()};
    for (int i = 0; i < paid.length; i++) {
      run.apply(new Attribution(10 + i, "C1", T0, List.of()));
      run.apply(Payment.first(10 + i, "o" + i, paid[i], 1));
    }
    run.apply(new Evaluation(Instant.parse("2024-12-01T00:00:00Z")));
    List<ReferralEffect> effects = run.effects();
    assertThat(effects).extracting(ReferralEffect::action).containsExactly(Action.GRANT, Action.WITHHOLD, Action.GRANT);
    // Nov 3 began at 04:00Z (EDT) and Nov 4 at 05:00Z (EST): 25 hours apart.
    assertThat(effects.get(0).atMillis()).isEqualTo(Instant.parse("2024-11-03T04:00:00Z").toEpochMilli());
    assertThat(effects.get(2).atMillis()).isEqualTo(Instant.parse("2024-11-04T05:00:00Z").toEpochMilli());
  }

  @Test
  void reviewDaysAreLocalDaysSoDstShortensThemByAnHour() {
    ZoneId newYork = ZoneId.of("America/New_York");
    ReferralPolicy policy = ReferralProgram.of("ny", newYork, Reward.points(1), null).withReviewDays(1).policy();
    // Paid Saturday 2024-03-09 12:00 EST; Sunday is 23 hours long; due Monday 00:00 EDT.
    Instant paid = Instant.parse("2024-03-09T17:00:00Z");
    assertThat(policy.reviewEnd(paid)).isEqualTo(Instant.parse("2024-03-11T04:00:00Z"));
    assertThat(Duration.between(paid, policy.reviewEnd(paid))).isEqualTo(Duration.ofHours(35));
    // A zone that skips midnight (Santiago, clocks forward at 2024-09-08 00:00): the day starts at 01:00.
    ReferralPolicy santiago = ReferralProgram.of("cl", ZoneId.of("America/Santiago"), Reward.points(1), null).policy();
    assertThat(santiago.reviewEnd(Instant.parse("2024-09-07T15:00:00Z")))
        .isEqualTo(ZonedDateTime.parse("2024-09-08T01:00-03:00[America/Santiago]").toInstant());
  }

  @Test
  void rollingCapsAndTheInvitersClock() {
    ReferralProgram rolling = PROGRAM.withReviewDays(0).withInviterLimits(List.of(Cap.rolling(1, Duration.ofHours(36))), null);
    Run run = new Run(rolling);
    run.apply(new Invite(INVITER, "C1", T0, List.of()));
    run.apply(new Attribution(10, "C1", T0, List.of()));
    run.apply(Payment.first(10, "a", shanghai("2024-05-02T10:00"), 9_000));
    run.apply(new Evaluation(shanghai("2024-05-10T00:00")));
    // A first order delivered after the state saw May 10, due May 2, is rewarded at once, at the inviter's
    // latest reward (May 3 00:00) since that is later: 0 h after it, within the 36 h window.
    run.apply(new Attribution(11, "C1", T0, List.of()));
    ReferralOutcome late = run.apply(Payment.first(11, "b", shanghai("2024-05-01T10:00"), 9_000));
    assertThat(late.effects()).extracting(ReferralEffect::action).containsExactly(Action.WITHHOLD, Action.GRANT);
    assertThat(late.effects().get(0).atMillis()).isEqualTo(shanghai("2024-05-03T00:00").toEpochMilli());
    run.apply(new Attribution(12, "C1", T0, List.of()));
    ReferralOutcome later = run.apply(Payment.first(12, "c", shanghai("2024-05-04T11:00"), 9_000));
    assertThat(later.effects().get(0).action()).as("due May 5, 48 h after the first reward").isEqualTo(Action.GRANT);
    assertThat(later.effects().get(0).atMillis()).isEqualTo(shanghai("2024-05-05T00:00").toEpochMilli());
    assertThat(run.apply(new Evaluation(shanghai("2024-05-04T00:00"))).effects())
        .as("an earlier evaluation delivered again").isEmpty();
  }

  @Test
  void aStateWithoutTheInviterOfADueReferralIsAnError() {
    Run run = new Run(PROGRAM).referred();
    run.apply(Payment.first(INVITEE, "o1", T0.plusSeconds(120), 8_000));
    ReferralState inviteeOnly = ReferralState.of(List.of(run.state.member(INVITEE)));
    assertThatThrownBy(() -> run.policy.apply(inviteeOnly, new Evaluation(T0.plus(Duration.ofDays(30)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("state: holds no member of inviter 1 of invitee 2");
  }

  @Test
  void statesAndMembersRoundTripThroughVersionedJson() {
    Run run = new Run(PROGRAM).referred();
    run.apply(Payment.first(INVITEE, "o1", T0.plusSeconds(120), 8_000));
    run.apply(new Refund("r1", INVITEE, "o1", T0.plusSeconds(180), 10));
    assertThat(ReferralState.fromJson(run.state.toJson())).isEqualTo(run.state);
    Member invitee = run.state.member(INVITEE);
    assertThat(invitee.toJson()).startsWith("{\"version\":1,\"userId\":2,");
    assertThat(Member.fromJson(invitee.toJson())).isEqualTo(invitee);
    assertThatThrownBy(() -> Member.fromJson(invitee.toJson().replace("\"version\":1", "\"version\":2")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("version");
    assertThatThrownBy(() -> ReferralState.fromJson("{\"version\":1,\"members\":[{\"userId\":1,\"clockMillis\":0,\"codes\":[],"
        + "\"fingerprints\":[],\"rewardMillis\":[],\"inviterRewards\":0,\"extra\":1}]}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("members[0]").hasMessageContaining("\"extra\"");
  }

  @Test
  void programJsonRoundTripsAndNamesTheFieldItRejects() {
    String json = "{\"version\": 1, \"id\": \"spring\", \"zone\": \"Asia/Shanghai\", \"minimumAmountMinor\": 5000,"
        + " \"requiredTag\": \"app\", \"reviewDays\": 14, \"inviterReward\": {\"points\": 500},"
        + " \"inviteeReward\": {\"offerId\": \"WELCOME10\"}, \"inviterCaps\": [{\"max\": 5, \"window\": \"P1M\"},"
        + " {\"max\": 2, \"window\": \"P7D\", \"mode\": \"ROLLING\"}], \"inviterLifetimeMax\": 50}";
    ReferralProgram program = ReferralProgram.fromJson(json);
    assertThat(program.clawback()).isTrue();
    assertThat(program.inviterCaps()).containsExactly(Cap.calendar(5, Granularity.MONTH), new Cap(2, "P7D", dev.userops.core.WindowMode.ROLLING));
    assertThat(ReferralProgram.fromJson(program.toJson())).isEqualTo(program);

    assertThatThrownBy(() -> ReferralProgram.fromJson(json.replace("\"max\": 5,", "\"max\": 5, \"windw\": 1,")))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.path()).isEqualTo("inviterCaps[0].windw");
          assertThat(e.problem()).startsWith("unknown field \"windw\"");
        });
    assertThatThrownBy(() -> ReferralProgram.fromJson(json.replace("{\"points\": 500}", "{\"points\": 500, \"pts\": 1}")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.path()).isEqualTo("inviterReward.pts"));
    assertThatThrownBy(() -> ReferralProgram.fromJson(json.replace("\"P1M\"", "\"P2M\"")))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.path()).startsWith("inviterCaps[0]");
          assertThat(e.problem()).contains("expected P1D, P1W or P1M for a CALENDAR cap, got \"P2M\"");
        });
    assertThatThrownBy(() -> ReferralProgram.fromJson(json.replace("\"version\": 1", "\"version\": 2")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("version: expected 1, got 2");
    assertThatThrownBy(() -> ReferralProgram.fromJson(json.replace(", \"inviterLifetimeMax\": 50", ", \"clawbak\": false")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown field \"clawbak\"");
    assertThatThrownBy(() -> ReferralProgram.of("spring", SHANGHAI, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one reward");
    assertThatThrownBy(() -> new Reward(5L, "X")).isInstanceOf(IllegalArgumentException.class);
  }
}
