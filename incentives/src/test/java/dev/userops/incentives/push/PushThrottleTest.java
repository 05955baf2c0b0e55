package dev.userops.incentives.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.incentives.push.Decision.Outcome;
import dev.userops.incentives.push.Decision.Reason;
import dev.userops.incentives.push.PushPolicy.Adaptive;
import dev.userops.incentives.push.PushPolicy.Cap;
import dev.userops.core.WindowMode;
import dev.userops.incentives.push.PushPolicy.Channel;
import dev.userops.incentives.push.PushPolicy.Consent;
import dev.userops.incentives.push.PushPolicy.MessageClass;
import dev.userops.incentives.push.PushPolicy.QuietHours;
import dev.userops.incentives.push.PushPolicy.QuietHoursAction;
import dev.userops.incentives.push.PushPolicy.SendTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushThrottleTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Message PUSH = Message.of("push", PushPolicy.MARKETING);
  private static final Message EMAIL = Message.of("email", PushPolicy.MARKETING);

  private static PushPolicy policy(List<Cap> caps, QuietHours quiet, Duration coolDown) {
    return new PushPolicy(
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

  private static PushThrottle throttle(List<Cap> caps) {
    return PushThrottle.of(policy(caps, null, null));
  }

  private static PushState consenting(PushThrottle throttle, ZoneId zone) {
    return throttle.withConsent(throttle.newState(zone), "push", true);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static PushState sent(PushThrottle throttle, PushState state, Message message, String... instants) {
    for (String instant : instants) {
      assertThat(throttle.decide(state, message, at(instant)).outcome()).as(instant).isEqualTo(Outcome.SEND);
      state = throttle.record(state, new Delivery(message, at(instant)));
    }
    return state;
  }

  @Test
  void optInChannelsNeedAYesAndOptOutChannelsANo() {
    PushThrottle throttle = throttle(List.of());
    PushState state = throttle.newState(UTC);
    Instant now = at("2026-03-01T12:00:00Z");

    assertThat(throttle.decide(state, PUSH, now))
        .isEqualTo(new Decision(Outcome.DROP, Reason.NO_CONSENT, "channels[0].consent", null, null));
    assertThat(throttle.decide(state, Message.of("push", PushPolicy.TRANSACTIONAL), now).reason())
        .isEqualTo(Reason.NO_CONSENT);
    assertThat(throttle.decide(state, EMAIL, now).outcome()).isEqualTo(Outcome.SEND);

    PushState answered = throttle.withConsent(throttle.withConsent(state, "push", true), "email", false);
    assertThat(throttle.decide(answered, PUSH, now).outcome()).isEqualTo(Outcome.SEND);
    assertThat(throttle.decide(answered, EMAIL, now).rule()).isEqualTo("channels[1].consent");
    assertThat(answered.consent("push")).isTrue();
    assertThat(answered.consent("email")).isFalse();
    assertThat(answered.consent("sms")).isNull();
  }

  @Test
  void quietHoursHoldBothBoundaryMinutesAndDeferToTheFirstInstantAfter() {
    PushThrottle throttle = PushThrottle.of(policy(List.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)), null));
    PushState state = consenting(throttle, SHANGHAI); // UTC+8, no DST

    assertThat(throttle.decide(state, PUSH, at("2026-03-01T13:59:59.999Z")).outcome()).isEqualTo(Outcome.SEND);
    assertThat(throttle.decide(state, PUSH, at("2026-03-01T14:00:00Z"))) // 22:00 local
        .isEqualTo(new Decision(Outcome.DEFER, Reason.QUIET_HOURS, "quietHours", at("2026-03-02T00:01:00Z"), null));
    assertThat(throttle.decide(state, PUSH, at("2026-03-02T00:00:59.999Z")).until()) // 08:00:59.999
        .isEqualTo(at("2026-03-02T00:01:00Z"));
    assertThat(throttle.decide(state, PUSH, at("2026-03-02T00:01:00Z")).outcome()).isEqualTo(Outcome.SEND);
    assertThat(throttle.decide(state, Message.of("push", PushPolicy.TRANSACTIONAL), at("2026-03-01T15:00:00Z")).outcome())
        .isEqualTo(Outcome.SEND);
    assertThat(throttle.decide(state, Message.of("push", "flash"), at("2026-03-01T15:00:00Z")))
        .extracting(Decision::outcome, Decision::reason, Decision::rule)
        .containsExactly(Outcome.DROP, Reason.QUIET_HOURS, "classes[0].quietHours");
  }

  @Test
  void deferralLandsOnTheExactInstantAcrossDaylightSavingChanges() {
    ZoneId newYork = ZoneId.of("America/New_York");
    // 2026-03-08 02:00 EST -> 03:00 EDT: a window ending 02:29 ends at the jump (07:00Z), and
    // 08:00 local is EDT.
    PushThrottle gap = PushThrottle.of(policy(List.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 29)), null));
    assertThat(gap.decide(consenting(gap, newYork), PUSH, at("2026-03-08T04:00:00Z")).until())
        .isEqualTo(at("2026-03-08T07:00:00Z"));
    PushThrottle morning = PushThrottle.of(policy(List.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 59)), null));
    assertThat(morning.decide(consenting(morning, newYork), PUSH, at("2026-03-08T04:00:00Z")).until())
        .isEqualTo(at("2026-03-08T12:00:00Z"));
    // 2026-11-01 02:00 EDT -> 01:00 EST: 01:30 happens twice; the first is 05:30Z. The repeated
    // hour from 06:00Z is quiet again and ends at the second 01:30 (06:30Z).
    PushThrottle overlap = PushThrottle.of(policy(List.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(1, 29)), null));
    PushState state = consenting(overlap, newYork);
    assertThat(overlap.decide(state, PUSH, at("2026-11-01T03:00:00Z")).until()).isEqualTo(at("2026-11-01T05:30:00Z"));
    assertThat(overlap.decide(state, PUSH, at("2026-11-01T05:45:00Z")).outcome()).isEqualTo(Outcome.SEND);
    assertThat(overlap.decide(state, PUSH, at("2026-11-01T06:10:00Z")).until()).isEqualTo(at("2026-11-01T06:30:00Z"));
  }

  @Test
  void calendarCapsCountLocalDaysWeeksAndMonths() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    PushThrottle daily = throttle(List.of(Cap.calendar("push", 1, "P1D")));
    // 2026-03-29 is 23 hours long in Berlin: 00:00 CET (23:00Z the day before) to 00:00 CEST (22:00Z).
    PushState state = sent(daily, consenting(daily, berlin), PUSH, "2026-03-28T23:30:00Z");
    assertThat(daily.decide(state, PUSH, at("2026-03-29T21:59:59.999Z")))
        .isEqualTo(new Decision(Outcome.DROP, Reason.CAP_CHANNEL, "caps[0]", null, at("2026-03-29T22:00:00Z")));
    assertThat(daily.decide(state, PUSH, at("2026-03-29T22:00:00Z")).outcome()).isEqualTo(Outcome.SEND);

    PushThrottle weekly = throttle(List.of(Cap.calendar("push", 1, "P1W")));
    // Sunday 2026-03-01 23:00 in Shanghai; the Monday week starts 2026-03-02 00:00+08.
    state = sent(weekly, consenting(weekly, SHANGHAI), PUSH, "2026-03-01T15:00:00Z");
    assertThat(weekly.decide(state, PUSH, at("2026-03-01T15:59:00Z")).nextAllowed()).isEqualTo(at("2026-03-01T16:00:00Z"));
    assertThat(weekly.decide(state, PUSH, at("2026-03-01T16:00:00Z")).outcome()).isEqualTo(Outcome.SEND);

    PushThrottle monthly = throttle(List.of(Cap.calendar("push", 1, "P1M")));
    state = sent(monthly, consenting(monthly, SHANGHAI), PUSH, "2026-01-01T00:00:00Z");
    assertThat(monthly.decide(state, PUSH, at("2026-01-31T15:59:59Z")).nextAllowed()).isEqualTo(at("2026-01-31T16:00:00Z"));
    assertThat(monthly.decide(state, PUSH, at("2026-01-31T16:00:00Z")).outcome()).isEqualTo(Outcome.SEND);
  }

  @Test
  void theStrictestCapDecidesAndSaysWhenASendIsAllowedAgain() {
    PushThrottle throttle = throttle(List.of(
        Cap.calendar("push", 3, "P1D"), Cap.rolling("push", 1, "PT4H"), Cap.rolling(null, 2, "P1D")));
    PushState state = consenting(throttle, UTC);
    state = sent(throttle, state, PUSH, "2026-03-01T00:00:00Z", "2026-03-01T05:00:00Z");
    // Two today: the across-channels cap (2 per 24 h) blocks until 24 h after the first.
    Decision decision = throttle.decide(state, EMAIL, at("2026-03-01T06:00:00Z"));
    assertThat(decision).isEqualTo(
        new Decision(Outcome.DROP, Reason.CAP_ALL_CHANNELS, "caps[2]", null, at("2026-03-02T00:00:00Z")));
    // On push the rolling 4 h cap also blocks (until 09:00), but the 24 h cap allows later.
    assertThat(throttle.decide(state, PUSH, at("2026-03-01T06:00:00Z")).rule()).isEqualTo("caps[2]");

    PushThrottle perChannel = throttle(List.of(Cap.calendar("push", 3, "P1D"), Cap.rolling("push", 1, "PT4H")));
    state = sent(perChannel, consenting(perChannel, UTC), PUSH, "2026-03-01T00:00:00Z", "2026-03-01T05:00:00Z");
    assertThat(perChannel.decide(state, PUSH, at("2026-03-01T06:00:00Z")))
        .isEqualTo(new Decision(Outcome.DROP, Reason.CAP_CHANNEL, "caps[1]", null, at("2026-03-01T09:00:00Z")));
    state = sent(perChannel, state, PUSH, "2026-03-01T09:00:00Z");
    // Both caps block at 10:00: the rolling one until 13:00, the daily one until midnight.
    assertThat(perChannel.decide(state, PUSH, at("2026-03-01T10:00:00Z")))
        .extracting(Decision::rule, Decision::nextAllowed)
        .containsExactly("caps[0]", at("2026-03-02T00:00:00Z"));
    assertThat(perChannel.decide(state, EMAIL, at("2026-03-01T10:00:00Z")).outcome()).isEqualTo(Outcome.SEND);
  }

  @Test
  void aCapOfZeroNeverAllows() {
    PushThrottle throttle = throttle(List.of(Cap.rolling("push", 0, "PT1H")));
    assertThat(throttle.decide(consenting(throttle, UTC), PUSH, at("2026-03-01T00:00:00Z")))
        .isEqualTo(new Decision(Outcome.DROP, Reason.CAP_CHANNEL, "caps[0]", null, null));
  }

  @Test
  void transactionalMessagesAreExemptFromCapsAndDoNotCount() {
    PushThrottle throttle = throttle(List.of(Cap.rolling("push", 1, "P1D")));
    Message receipt = Message.of("push", PushPolicy.TRANSACTIONAL);
    PushState state = sent(throttle, consenting(throttle, UTC), receipt, "2026-03-01T00:00:00Z", "2026-03-01T00:01:00Z");
    assertThat(state.retainedDeliveries()).isZero();
    state = sent(throttle, state, PUSH, "2026-03-01T00:02:00Z");
    assertThat(throttle.decide(state, receipt, at("2026-03-01T00:03:00Z")).outcome()).isEqualTo(Outcome.SEND);
    assertThat(throttle.decide(state, PUSH, at("2026-03-01T00:03:00Z")).reason()).isEqualTo(Reason.CAP_CHANNEL);
  }

  @Test
  void campaignsCoolDownAndKeysAreDeliveredOnce() {
    PushThrottle throttle = PushThrottle.of(policy(List.of(), null, Duration.ofHours(24)));
    Message spring = new Message("push", PushPolicy.MARKETING, "spring", null);
    PushState state = sent(throttle, consenting(throttle, UTC), spring, "2026-03-01T10:00:00Z");
    assertThat(throttle.decide(state, spring, at("2026-03-01T20:00:00Z")))
        .isEqualTo(new Decision(Outcome.DROP, Reason.COOL_DOWN, "campaignCoolDown", null, at("2026-03-02T10:00:00Z")));
    assertThat(throttle.decide(state, new Message("push", PushPolicy.MARKETING, "summer", null), at("2026-03-01T20:00:00Z")).outcome())
        .isEqualTo(Outcome.SEND);
    assertThat(throttle.decide(state, spring, at("2026-03-02T10:00:00Z")).outcome()).isEqualTo(Outcome.SEND);

    Message receipt = new Message("push", PushPolicy.TRANSACTIONAL, null, "order-1");
    Delivery delivery = new Delivery(receipt, at("2026-03-01T10:00:00Z"));
    state = throttle.record(state, delivery);
    assertThat(throttle.record(state, delivery)).isSameAs(state);
    assertThat(throttle.decide(state, receipt, at("2026-03-02T09:59:59Z")))
        .isEqualTo(new Decision(Outcome.DROP, Reason.DUPLICATE, "dedupeWindow", null, null));
    assertThat(throttle.decide(state, receipt, at("2026-03-02T10:00:00Z")).outcome()).isEqualTo(Outcome.SEND);
  }

  @Test
  void adaptiveCapsFollowTheUsersActiveDays() {
    Cap weekly = new Cap(null, 3, "P1W", WindowMode.CALENDAR, new Adaptive(0.5, 1, 10, 28));
    PushThrottle throttle = throttle(List.of(weekly));
    Instant monday = at("2026-03-02T09:00:00Z"); // a Monday
    PushState daily = consenting(throttle, UTC);
    PushState monthly = daily;
    PushState newcomer = daily;
    for (int d = 1; d <= 60; d++) {
      daily = throttle.recordActivity(daily, monday.minus(Duration.ofDays(d)));
      if (d % 30 == 0) {
        monthly = throttle.recordActivity(monthly, monday.minus(Duration.ofDays(d)));
      }
      if (d <= 5) {
        newcomer = throttle.recordActivity(newcomer, monday.minus(Duration.ofDays(d)));
      }
    }
    // 27 active days in the 28 ending today (today not yet active): floor(13.5) clamped to 10.
    assertThat(PushThrottle.activeDaysIn28(daily, monday.getEpochSecond() / 86_400)).isEqualTo(27);
    assertThat(allowedThisWeek(throttle, daily, monday)).isEqualTo(10);
    // One active day in 28 (day -30 is outside): floor(0.5) = 0, clamped up to 1.
    assertThat(allowedThisWeek(throttle, monthly, monday)).isEqualTo(1);
    // Five days of history: the cap's default of 3.
    assertThat(allowedThisWeek(throttle, newcomer, monday)).isEqualTo(3);
  }

  private static int allowedThisWeek(PushThrottle throttle, PushState state, Instant from) {
    int sent = 0;
    for (int h = 0; h < 100; h++) {
      Instant now = from.plus(Duration.ofHours(h));
      if (throttle.decide(state, PUSH, now).outcome() == Outcome.SEND) {
        state = throttle.record(state, new Delivery(PUSH, now));
        sent++;
      }
    }
    return sent;
  }

  @Test
  void aClockBehindTheNewestDeliveryWaitsForIt() {
    PushThrottle throttle = throttle(List.of(Cap.rolling("push", 5, "P1D")));
    PushState state = sent(throttle, consenting(throttle, UTC), PUSH, "2026-03-01T10:00:00Z");
    assertThat(throttle.decide(state, PUSH, at("2026-03-01T09:00:00Z")))
        .isEqualTo(new Decision(Outcome.DROP, Reason.CLOCK_BEHIND, "caps", null, at("2026-03-01T10:00:00Z")));
    assertThat(throttle.decide(state, Message.of("push", PushPolicy.TRANSACTIONAL), at("2026-03-01T09:00:00Z")).outcome())
        .isEqualTo(Outcome.SEND);
  }

  @Test
  void deliveriesAreKeptOnlyAsLongAsTheLongestWindowNeedsThem() {
    PushThrottle throttle = throttle(List.of(Cap.rolling("push", 100, "PT6H"), Cap.rolling("sms", 100, "P2D")));
    PushState state = throttle.withConsent(consenting(throttle, UTC), "sms", true);
    Instant start = at("2026-03-01T00:00:00Z");
    for (int h = 0; h < 48; h++) {
      state = throttle.record(state, new Delivery(PUSH, start.plus(Duration.ofHours(h))));
      state = throttle.record(state, new Delivery(EMAIL, start.plus(Duration.ofHours(h))));
    }
    // Push: hours 42..47 (within 6 h of the newest); email: no cap counts it.
    assertThat(state.retainedDeliveries()).isEqualTo(6);
  }

  @Test
  void sendTimeIsTheUsersBusiestAllowedHour() {
    PushThrottle throttle = PushThrottle.of(policy(List.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)), null));
    PushState state = consenting(throttle, SHANGHAI);
    // Fallback 23:00 is quiet: moved to 08:01 local.
    assertThat(throttle.proposeSendTime(state, at("2026-03-10T03:00:00Z"))).isEqualTo(at("2026-03-11T00:01:00Z"));
    for (int d = 0; d < 10; d++) {
      state = throttle.recordActivity(state, at("2026-03-01T11:20:00Z").plus(Duration.ofDays(d))); // 19:20 local
      state = throttle.recordActivity(state, at("2026-03-01T15:20:00Z").plus(Duration.ofDays(d))); // 23:20, quiet
    }
    state = throttle.recordActivity(state, at("2026-03-01T02:00:00Z")); // 10:00 local, once
    // Hours of week: Tuesdays (03-03 and 03-10) hold the two most recent 19:00 visits of a weekday.
    assertThat(throttle.proposeSendTime(state, at("2026-03-11T01:00:00Z"))).isEqualTo(at("2026-03-17T11:00:00Z"));
    assertThat(throttle.proposeSendTime(state, at("2026-03-17T01:00:00Z"))).isEqualTo(at("2026-03-17T11:00:00Z"));
    assertThat(throttle.proposeSendTime(state, at("2026-03-17T11:30:00Z"))).isEqualTo(at("2026-03-17T11:30:00Z"));
  }

  @Test
  void unknownIdsAndForeignStatesAreRejectedByName() {
    PushThrottle throttle = throttle(List.of());
    PushState state = throttle.newState(UTC);
    assertThatThrownBy(() -> throttle.decide(state, Message.of("fax", "marketing"), Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channel: unknown channel \"fax\" (known: push, email, sms)");
    assertThatThrownBy(() -> throttle.decide(state, Message.of("push", "promo"), Instant.EPOCH))
        .hasMessageContaining("unknown class \"promo\"");
    PushThrottle other = PushThrottle.of(PushPolicy.of(List.of("sms"), List.of()));
    assertThatThrownBy(() -> other.decide(state, Message.of("sms", "marketing"), Instant.EPOCH))
        .hasMessageContaining("made for channels [push, email, sms], this policy has [sms]");
    assertThatThrownBy(() -> throttle.decide(state, PUSH, Instant.ofEpochMilli(-1)))
        .hasMessageContaining("now must be in [0, 17592186044414] epoch millis, got -1");
  }
}
