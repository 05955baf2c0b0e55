package dev.userops.incentives.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.Granularity;
import dev.userops.incentives.Cap;
import dev.userops.incentives.push.Decision.Reason;
import dev.userops.incentives.push.Decision.Verdict;
import dev.userops.incentives.push.PushProgram.Adaptive;
import dev.userops.incentives.push.PushProgram.Channel;
import dev.userops.incentives.push.PushProgram.ChannelCap;
import dev.userops.incentives.push.PushProgram.Consent;
import dev.userops.incentives.push.PushProgram.MessageClass;
import dev.userops.incentives.push.PushProgram.QuietHours;
import dev.userops.incentives.push.PushProgram.QuietHoursAction;
import dev.userops.incentives.push.PushProgram.SendTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushPolicyTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Message PUSH = Message.of("push", PushProgram.MARKETING);
  private static final Message EMAIL = Message.of("email", PushProgram.MARKETING);

  private static PushProgram program(List<ChannelCap> caps, QuietHours quiet, Duration coolDown) {
    return new PushProgram(
        1,
        List.of(new Channel("push", null), new Channel("email", Consent.OPT_OUT), new Channel("sms", null)),
        List.of(new MessageClass("flash", 20, null, QuietHoursAction.DROP)),
        caps,
        quiet,
        coolDown,
        null,
        new SendTime(null, LocalTime.of(23, 0)),
        null);
  }

  private static PushPolicy capped(List<ChannelCap> caps) {
    return program(caps, null, null).policy();
  }

  private static PushState consenting(PushPolicy policy, ZoneId zone) {
    return policy.withConsent(policy.newState(zone), "push", true);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static PushState sent(PushPolicy policy, PushState state, Message message, String... instants) {
    for (String instant : instants) {
      PushOutcome outcome = policy.apply(state, message, at(instant));
      assertThat(outcome.decision().verdict()).as(instant).isEqualTo(Verdict.SEND);
      state = outcome.state();
    }
    return state;
  }

  @Test
  void optInChannelsNeedAYesAndOptOutChannelsANo() {
    PushPolicy policy = capped(List.of());
    PushState state = policy.newState(UTC);
    Instant now = at("2026-03-01T12:00:00Z");

    assertThat(policy.decide(state, PUSH, now))
        .isEqualTo(new Decision(Verdict.DROP, Reason.NO_CONSENT, "channels[0].consent", null, null));
    assertThat(policy.decide(state, Message.of("push", PushProgram.TRANSACTIONAL), now).reason())
        .isEqualTo(Reason.NO_CONSENT);
    assertThat(policy.decide(state, EMAIL, now).verdict()).isEqualTo(Verdict.SEND);

    PushState answered = policy.withConsent(policy.withConsent(state, "push", true), "email", false);
    assertThat(policy.decide(answered, PUSH, now).verdict()).isEqualTo(Verdict.SEND);
    assertThat(policy.decide(answered, EMAIL, now).rule()).isEqualTo("channels[1].consent");
    assertThat(answered.consent("push")).isTrue();
    assertThat(answered.consent("email")).isFalse();
    assertThat(answered.consent("sms")).isNull();
  }

  @Test
  void quietHoursHoldBothBoundaryMinutesAndDeferToTheFirstInstantAfter() {
    PushPolicy policy = program(List.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)), null).policy();
    PushState state = consenting(policy, SHANGHAI); // UTC+8, no DST

    assertThat(policy.decide(state, PUSH, at("2026-03-01T13:59:59.999Z")).verdict()).isEqualTo(Verdict.SEND);
    assertThat(policy.decide(state, PUSH, at("2026-03-01T14:00:00Z"))) // 22:00 local
        .isEqualTo(new Decision(Verdict.DEFER, Reason.QUIET_HOURS, "quietHours", at("2026-03-02T00:01:00Z"), null));
    assertThat(policy.decide(state, PUSH, at("2026-03-02T00:00:59.999Z")).until()) // 08:00:59.999
        .isEqualTo(at("2026-03-02T00:01:00Z"));
    assertThat(policy.decide(state, PUSH, at("2026-03-02T00:01:00Z")).verdict()).isEqualTo(Verdict.SEND);
    assertThat(policy.decide(state, Message.of("push", PushProgram.TRANSACTIONAL), at("2026-03-01T15:00:00Z")).verdict())
        .isEqualTo(Verdict.SEND);
    assertThat(policy.decide(state, Message.of("push", "flash"), at("2026-03-01T15:00:00Z")))
        .extracting(Decision::verdict, Decision::reason, Decision::rule)
        .containsExactly(Verdict.DROP, Reason.QUIET_HOURS, "classes[0].quietHours");
  }

  @Test
  void deferralLandsOnTheExactInstantAcrossDaylightSavingChanges() {
    ZoneId newYork = ZoneId.of("America/New_York");
    // 2026-03-08 02:00 EST -> 03:00 EDT: a window ending 02:29 ends at the jump (07:00Z), and
    // 08:00 local is EDT.
    PushPolicy gap = program(List.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 29)), null).policy();
    assertThat(gap.decide(consenting(gap, newYork), PUSH, at("2026-03-08T04:00:00Z")).until())
        .isEqualTo(at("2026-03-08T07:00:00Z"));
    PushPolicy morning = program(List.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 59)), null).policy();
    assertThat(morning.decide(consenting(morning, newYork), PUSH, at("2026-03-08T04:00:00Z")).until())
        .isEqualTo(at("2026-03-08T12:00:00Z"));
    // 2026-11-01 02:00 EDT -> 01:00 EST: 01:30 happens twice; the first is 05:30Z. The repeated
    // hour from 06:00Z is quiet again and ends at the second 01:30 (06:30Z).
    PushPolicy overlap = program(List.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(1, 29)), null).policy();
    PushState state = consenting(overlap, newYork);
    assertThat(overlap.decide(state, PUSH, at("2026-11-01T03:00:00Z")).until()).isEqualTo(at("2026-11-01T05:30:00Z"));
    assertThat(overlap.decide(state, PUSH, at("2026-11-01T05:45:00Z")).verdict()).isEqualTo(Verdict.SEND);
    assertThat(overlap.decide(state, PUSH, at("2026-11-01T06:10:00Z")).until()).isEqualTo(at("2026-11-01T06:30:00Z"));
  }

  @Test
  void calendarCapsCountLocalDaysWeeksAndMonths() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    PushPolicy daily = capped(List.of(ChannelCap.of("push", Cap.calendar(1, Granularity.DAY))));
    // 2026-03-29 is 23 hours long in Berlin: 00:00 CET (23:00Z the day before) to 00:00 CEST (22:00Z).
    PushState state = sent(daily, consenting(daily, berlin), PUSH, "2026-03-28T23:30:00Z");
    assertThat(daily.decide(state, PUSH, at("2026-03-29T21:59:59.999Z")))
        .isEqualTo(new Decision(Verdict.DROP, Reason.CAP_CHANNEL, "caps[0]", null, at("2026-03-29T22:00:00Z")));
    assertThat(daily.decide(state, PUSH, at("2026-03-29T22:00:00Z")).verdict()).isEqualTo(Verdict.SEND);

    PushPolicy weekly = capped(List.of(ChannelCap.of("push", Cap.calendar(1, Granularity.WEEK))));
    // Sunday 2026-03-01 23:00 in Shanghai; the Monday week starts 2026-03-02 00:00+08.
    state = sent(weekly, consenting(weekly, SHANGHAI), PUSH, "2026-03-01T15:00:00Z");
    assertThat(weekly.decide(state, PUSH, at("2026-03-01T15:59:00Z")).nextAllowed()).isEqualTo(at("2026-03-01T16:00:00Z"));
    assertThat(weekly.decide(state, PUSH, at("2026-03-01T16:00:00Z")).verdict()).isEqualTo(Verdict.SEND);

    PushPolicy monthly = capped(List.of(ChannelCap.of("push", Cap.calendar(1, Granularity.MONTH))));
    state = sent(monthly, consenting(monthly, SHANGHAI), PUSH, "2026-01-01T00:00:00Z");
    assertThat(monthly.decide(state, PUSH, at("2026-01-31T15:59:59Z")).nextAllowed()).isEqualTo(at("2026-01-31T16:00:00Z"));
    assertThat(monthly.decide(state, PUSH, at("2026-01-31T16:00:00Z")).verdict()).isEqualTo(Verdict.SEND);
  }

  @Test
  void theStrictestCapDecidesAndSaysWhenASendIsAllowedAgain() {
    PushPolicy policy = capped(List.of(
        ChannelCap.of("push", Cap.calendar(3, Granularity.DAY)), ChannelCap.of("push", Cap.rolling(1, Duration.parse("PT4H"))), ChannelCap.of(null, Cap.rolling(2, Duration.parse("P1D")))));
    PushState state = consenting(policy, UTC);
    state = sent(policy, state, PUSH, "2026-03-01T00:00:00Z", "2026-03-01T05:00:00Z");
    // Two today: the across-channels cap (2 per 24 h) blocks until 24 h after the first.
    Decision decision = policy.decide(state, EMAIL, at("2026-03-01T06:00:00Z"));
    assertThat(decision).isEqualTo(
        new Decision(Verdict.DROP, Reason.CAP_ALL_CHANNELS, "caps[2]", null, at("2026-03-02T00:00:00Z")));
    // On push the rolling 4 h cap also blocks (until 09:00), but the 24 h cap allows later.
    assertThat(policy.decide(state, PUSH, at("2026-03-01T06:00:00Z")).rule()).isEqualTo("caps[2]");

    PushPolicy perChannel = capped(List.of(ChannelCap.of("push", Cap.calendar(3, Granularity.DAY)), ChannelCap.of("push", Cap.rolling(1, Duration.parse("PT4H")))));
    state = sent(perChannel, consenting(perChannel, UTC), PUSH, "2026-03-01T00:00:00Z", "2026-03-01T05:00:00Z");
    assertThat(perChannel.decide(state, PUSH, at("2026-03-01T06:00:00Z")))
        .isEqualTo(new Decision(Verdict.DROP, Reason.CAP_CHANNEL, "caps[1]", null, at("2026-03-01T09:00:00Z")));
    state = sent(perChannel, state, PUSH, "2026-03-01T09:00:00Z");
    // Both caps block at 10:00: the rolling one until 13:00, the daily one until midnight.
    assertThat(perChannel.decide(state, PUSH, at("2026-03-01T10:00:00Z")))
        .extracting(Decision::rule, Decision::nextAllowed)
        .containsExactly("caps[0]", at("2026-03-02T00:00:00Z"));
    assertThat(perChannel.decide(state, EMAIL, at("2026-03-01T10:00:00Z")).verdict()).isEqualTo(Verdict.SEND);
  }

  @Test
  void aCapOfZeroNeverAllows() {
    PushPolicy policy = capped(List.of(ChannelCap.of("push", Cap.rolling(0, Duration.parse("PT1H")))));
    assertThat(policy.decide(consenting(policy, UTC), PUSH, at("2026-03-01T00:00:00Z")))
        .isEqualTo(new Decision(Verdict.DROP, Reason.CAP_CHANNEL, "caps[0]", null, null));
  }

  @Test
  void transactionalMessagesAreExemptFromCapsAndDoNotCount() {
    PushPolicy policy = capped(List.of(ChannelCap.of("push", Cap.rolling(1, Duration.parse("P1D")))));
    Message receipt = Message.of("push", PushProgram.TRANSACTIONAL);
    PushState state = sent(policy, consenting(policy, UTC), receipt, "2026-03-01T00:00:00Z", "2026-03-01T00:01:00Z");
    assertThat(state.retainedDeliveries()).isZero();
    state = sent(policy, state, PUSH, "2026-03-01T00:02:00Z");
    assertThat(policy.decide(state, receipt, at("2026-03-01T00:03:00Z")).verdict()).isEqualTo(Verdict.SEND);
    assertThat(policy.decide(state, PUSH, at("2026-03-01T00:03:00Z")).reason()).isEqualTo(Reason.CAP_CHANNEL);
  }

  @Test
  void campaignsCoolDownAndKeysAreDeliveredOnce() {
    PushPolicy policy = program(List.of(), null, Duration.ofHours(24)).policy();
    Message spring = new Message("push", PushProgram.MARKETING, "spring", null);
    PushState state = sent(policy, consenting(policy, UTC), spring, "2026-03-01T10:00:00Z");
    assertThat(policy.decide(state, spring, at("2026-03-01T20:00:00Z")))
        .isEqualTo(new Decision(Verdict.DROP, Reason.COOL_DOWN, "campaignCoolDown", null, at("2026-03-02T10:00:00Z")));
    assertThat(policy.decide(state, new Message("push", PushProgram.MARKETING, "summer", null), at("2026-03-01T20:00:00Z")).verdict())
        .isEqualTo(Verdict.SEND);
    assertThat(policy.decide(state, spring, at("2026-03-02T10:00:00Z")).verdict()).isEqualTo(Verdict.SEND);

    Message receipt = new Message("push", PushProgram.TRANSACTIONAL, null, "order-1");
    PushOutcome first = policy.apply(state, receipt, at("2026-03-01T10:00:00Z"));
    assertThat(first.sent()).isTrue();
    state = first.state();
    // The same keyed message again changes nothing.
    PushOutcome again = policy.apply(state, receipt, at("2026-03-01T10:00:00Z"));
    assertThat(again.decision().reason()).isEqualTo(Reason.DUPLICATE);
    assertThat(again.state()).isSameAs(state);
    assertThat(policy.decide(state, receipt, at("2026-03-02T09:59:59Z")))
        .isEqualTo(new Decision(Verdict.DROP, Reason.DUPLICATE, "dedupeWindow", null, null));
    assertThat(policy.decide(state, receipt, at("2026-03-02T10:00:00Z")).verdict()).isEqualTo(Verdict.SEND);
  }

  @Test
  void adaptiveCapsFollowTheUsersActiveDays() {
    ChannelCap weekly = new ChannelCap(null, Cap.calendar(3, Granularity.WEEK), new Adaptive(0.5, 1, 10, 28));
    PushPolicy policy = capped(List.of(weekly));
    Instant monday = at("2026-03-02T09:00:00Z"); // a Monday
    PushState daily = consenting(policy, UTC);
    PushState monthly = daily;
    PushState newcomer = daily;
    for (int d = 1; d <= 60; d++) {
      daily = policy.recordActivity(daily, monday.minus(Duration.ofDays(d)));
      if (d % 30 == 0) {
        monthly = policy.recordActivity(monthly, monday.minus(Duration.ofDays(d)));
      }
      if (d <= 5) {
        newcomer = policy.recordActivity(newcomer, monday.minus(Duration.ofDays(d)));
      }
    }
    // 27 active days in the 28 ending today (today not yet active): floor(13.5) clamped to 10.
    assertThat(CapTable.activeDaysIn28(daily, monday.getEpochSecond() / 86_400)).isEqualTo(27);
    assertThat(allowedThisWeek(policy, daily, monday)).isEqualTo(10);
    // One active day in 28 (day -30 is outside): floor(0.5) = 0, clamped up to 1.
    assertThat(allowedThisWeek(policy, monthly, monday)).isEqualTo(1);
    // Five days of history: the cap's default of 3.
    assertThat(allowedThisWeek(policy, newcomer, monday)).isEqualTo(3);
  }

  private static int allowedThisWeek(PushPolicy policy, PushState state, Instant from) {
    int sent = 0;
    for (int h = 0; h < 100; h++) {
      Instant now = from.plus(Duration.ofHours(h));
      PushOutcome outcome = policy.apply(state, PUSH, now);
      if (outcome.sent()) {
        state = outcome.state();
        sent++;
      }
    }
    return sent;
  }

  @Test
  void aClockBehindTheNewestDeliveryWaitsForIt() {
    PushPolicy policy = capped(List.of(ChannelCap.of("push", Cap.rolling(5, Duration.parse("P1D")))));
    PushState state = sent(policy, consenting(policy, UTC), PUSH, "2026-03-01T10:00:00Z");
    assertThat(policy.decide(state, PUSH, at("2026-03-01T09:00:00Z")))
        .isEqualTo(new Decision(Verdict.DROP, Reason.CLOCK_BEHIND, "caps", null, at("2026-03-01T10:00:00Z")));
    assertThat(policy.decide(state, Message.of("push", PushProgram.TRANSACTIONAL), at("2026-03-01T09:00:00Z")).verdict())
        .isEqualTo(Verdict.SEND);
  }

  @Test
  void deliveriesAreKeptOnlyAsLongAsTheLongestWindowNeedsThem() {
    PushPolicy policy = capped(List.of(ChannelCap.of("push", Cap.rolling(100, Duration.parse("PT6H"))), ChannelCap.of("sms", Cap.rolling(100, Duration.parse("P2D")))));
    PushState state = policy.withConsent(consenting(policy, UTC), "sms", true);
    Instant start = at("2026-03-01T00:00:00Z");
    for (int h = 0; h < 48; h++) {
      state = policy.record(state, PUSH, start.plus(Duration.ofHours(h)));
      state = policy.record(state, EMAIL, start.plus(Duration.ofHours(h)));
    }
    // Push: hours 42..47 (within 6 h of the newest); email: no cap counts it.
    assertThat(state.retainedDeliveries()).isEqualTo(6);
  }

  @Test
  void sendTimeIsTheUsersBusiestAllowedHour() {
    PushPolicy policy = program(List.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)), null).policy();
    PushState state = consenting(policy, SHANGHAI);
    // Fallback 23:00 is quiet: moved to 08:01 local.
    assertThat(policy.proposeSendTime(state, at("2026-03-10T03:00:00Z"))).isEqualTo(at("2026-03-11T00:01:00Z"));
    for (int d = 0; d < 10; d++) {
      state = policy.recordActivity(state, at("2026-03-01T11:20:00Z").plus(Duration.ofDays(d))); // 19:20 local
      state = policy.recordActivity(state, at("2026-03-01T15:20:00Z").plus(Duration.ofDays(d))); // 23:20, quiet
    }
    state = policy.recordActivity(state, at("2026-03-01T02:00:00Z")); // 10:00 local, once
    // Hours of week: Tuesdays (03-03 and 03-10) hold the two most recent 19:00 visits of a weekday.
    assertThat(policy.proposeSendTime(state, at("2026-03-11T01:00:00Z"))).isEqualTo(at("2026-03-17T11:00:00Z"));
    assertThat(policy.proposeSendTime(state, at("2026-03-17T01:00:00Z"))).isEqualTo(at("2026-03-17T11:00:00Z"));
    assertThat(policy.proposeSendTime(state, at("2026-03-17T11:30:00Z"))).isEqualTo(at("2026-03-17T11:30:00Z"));
  }

  @Test
  void unknownIdsAndInstantsOutOfRangeAreRejectedByName() {
    PushPolicy policy = capped(List.of());
    PushState state = policy.newState(UTC);
    assertThatThrownBy(() -> policy.decide(state, Message.of("fax", "marketing"), Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channel: unknown channel \"fax\" (known: push, email, sms)");
    assertThatThrownBy(() -> policy.decide(state, Message.of("push", "promo"), Instant.EPOCH))
        .hasMessageContaining("unknown class \"promo\"");
    assertThatThrownBy(() -> policy.decide(state, PUSH, Instant.ofEpochMilli(-1)))
        .hasMessageContaining("now must be in [0, 17592186044414] epoch millis, got -1");
  }

  @Test
  void aStateOfAnotherChannelLayoutIsLaidOutForThePolicy() {
    PushPolicy policy = capped(List.of(ChannelCap.of("sms", Cap.rolling(1, Duration.ofHours(1)))));
    PushPolicy smsFirst = PushProgram.of(List.of("sms", "push"), List.of()).policy();
    PushState state = policy.withConsent(policy.withConsent(policy.newState(UTC), "sms", true), "email", false);
    state = sent(policy, state, Message.of("sms", PushProgram.MARKETING), "2026-03-01T10:00:00Z");
    PushState there = smsFirst.withZone(state, UTC);
    assertThat(there.channels()).containsExactly("sms", "push");
    assertThat(there.consent("sms")).isTrue();
    assertThat(there.consent("push")).isNull();
    assertThat(there.retainedDeliveries()).isZero(); // no cap of smsFirst counts sms
    // And back: the answers follow the channel ids, a dropped channel's answer is gone.
    PushState back = policy.withZone(there, UTC);
    assertThat(back.consent("sms")).isTrue();
    assertThat(back.consent("email")).isNull();
    assertThat(policy.apply(back, Message.of("sms", PushProgram.MARKETING), at("2026-03-01T10:30:00Z")).sent()).isTrue();
    assertThat(policy.apply(state, Message.of("sms", PushProgram.MARKETING), at("2026-03-01T10:30:00Z")).decision().rule())
        .isEqualTo("caps[0]");
  }

  @Test
  void requestFieldsAreSetByNameSoCampaignAndKeyCannotSwap() {
    PushPolicy policy = PushProgram.of(List.of("push"), List.of()).policy();
    PushState state = sent(policy, policy.withConsent(policy.newState(UTC), "push", true),
        new Message("push", PushProgram.MARKETING, null, "order-1"), "2026-03-01T10:00:00Z");
    long order1 = PushPolicy.idHash("order-1");
    long now = at("2026-03-01T11:00:00Z").toEpochMilli();
    PushRequest request = PushRequest.create().channel(0).messageClass(policy.classIndex(PushProgram.MARKETING));
    // The key blocks as a key; the same hash as a campaign does not (no cool-down configured).
    assertThat(policy.decision(policy.decide(state, request.key(order1).atMillis(now))).reason())
        .isEqualTo(Reason.DUPLICATE);
    assertThat(PushPolicy.isSend(policy.decide(state, request.key(0).campaign(order1).atMillis(now)))).isTrue();
    assertThat(request).hasToString("PushRequest[channel=0, messageClass=1, campaign=" + Long.toHexString(order1)
        + ", key=0, atMillis=" + now + "]");
    assertThatThrownBy(() -> policy.decide(state, PushRequest.create().channel(0).messageClass(0)))
        .hasMessageContaining("now must be in [0, 17592186044414] epoch millis, got -1");
  }
}
