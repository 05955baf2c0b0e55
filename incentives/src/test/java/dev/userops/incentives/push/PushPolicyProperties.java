package dev.userops.incentives.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.incentives.push.Decision.Verdict;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Invariants over random message sequences, clocks (gaps of 0 to 12 hours, sometimes backwards),
 * zones (with DST at 02:00, at midnight, by 30 minutes, none) and zone and consent changes. The
 * checks recompute every window with java.time from the list of messages sent, sharing no code
 * with the policy.
 */
class PushPolicyProperties {
  private static final List<ZoneId> ZONES = List.of("UTC", "America/New_York", "Europe/Berlin",
      "Australia/Lord_Howe", "Asia/Kolkata", "America/Havana", "Pacific/Chatham", "Asia/Shanghai")
      .stream().map(ZoneId::of).toList();
  private static final List<String> CHANNELS = List.of("push", "email", "sms");
  private static final List<String> CLASSES = List.of("marketing", "marketing", "marketing", "transactional", "flash");
  private static final PushProgram PROGRAM = PushProgram.fromJson("""
      {"version": 1, "channels": [{"id": "push"}, {"id": "email"}, {"id": "sms", "consent": "OPT_OUT"}],
       "classes": [{"name": "flash", "priority": 5, "quietHours": "DROP"}],
       "caps": [{"channel": "push", "max": 2, "window": "P1D", "mode": "CALENDAR"},
                {"channel": "push", "max": 1, "window": "PT3H", "mode": "ROLLING"},
                {"max": 4, "window": "P2D", "mode": "ROLLING"},
                {"channel": "email", "max": 5, "window": "P1M", "mode": "CALENDAR"},
                {"max": 6, "window": "P1W", "mode": "CALENDAR",
                 "adaptive": {"perActiveDay": 0.25, "min": 1, "max": 5, "minHistoryDays": 7}}],
       "quietHours": {"start": "22:00", "end": "07:30"},
       "campaignCoolDown": "PT12H", "dedupeWindow": "PT6H"}
      """);
  private static final PushPolicy POLICY = PROGRAM.policy();

  /** A message sent, with the zone and consent the user had then. */
  record Sent(long millis, int channel, String messageClass, ZoneId zone, int adaptiveLimit) {}

  record Run(List<Decision> decisions, List<Sent> sent, List<Long> deferredFrom, List<Decision> deferrals,
      List<ZoneId> deferralZones, PushState state) {}

  private static Run run(long seed, UnaryOperator<PushState> persist) {
    SplittableRandom random = new SplittableRandom(seed);
    ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
    PushState state = POLICY.newState(zone);
    long now = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() + random.nextLong(365L * 86_400_000);
    Map<Integer, Boolean> consent = new HashMap<>();
    TreeSet<Long> activeDays = new TreeSet<>();
    List<Decision> decisions = new ArrayList<>();
    List<Sent> sent = new ArrayList<>();
    List<Long> deferredFrom = new ArrayList<>();
    List<Decision> deferrals = new ArrayList<>();
    List<ZoneId> deferralZones = new ArrayList<>();
    for (int step = 0; step < 300; step++) {
      double gap = random.nextDouble();
      now += gap < 0.1 ? 0 : gap < 0.5 ? random.nextLong(1, 60) * 60_000 : gap < 0.95
          ? random.nextLong(1, 12 * 60) * 60_000 : -random.nextLong(1, 120) * 60_000;
      double action = random.nextDouble();
      state = persist.apply(state);
      if (action < 0.04) {
        zone = ZONES.get(random.nextInt(ZONES.size()));
        state = POLICY.withZone(state, zone);
      } else if (action < 0.1) {
        int channel = random.nextInt(CHANNELS.size());
        boolean yes = random.nextDouble() < 0.8;
        consent.put(channel, yes);
        state = POLICY.withConsent(state, CHANNELS.get(channel), yes);
      } else if (action < 0.3) {
        activeDays.add(Instant.ofEpochMilli(now).atZone(zone).toLocalDate().toEpochDay());
        state = POLICY.recordActivity(state, Instant.ofEpochMilli(now));
      } else {
        int channel = random.nextInt(CHANNELS.size());
        String messageClass = CLASSES.get(random.nextInt(CLASSES.size()));
        String campaign = random.nextInt(3) == 0 ? null : "c" + random.nextInt(3);
        String key = random.nextInt(2) == 0 ? null : "k" + random.nextInt(5);
        Message message = new Message(CHANNELS.get(channel), messageClass, campaign, key);
        PushOutcome outcome = POLICY.apply(state, message, Instant.ofEpochMilli(now));
        Decision decision = outcome.decision();
        decisions.add(decision);
        if (decision.verdict() == Verdict.SEND) {
          boolean consented = consent.getOrDefault(channel, channel == 2);
          assertThat(consented).as("consent for %s", message).isTrue();
          sent.add(new Sent(now, channel, messageClass, zone, adaptiveLimit(activeDays, now, zone)));
          state = outcome.state();
        } else if (decision.verdict() == Verdict.DEFER) {
          deferredFrom.add(now);
          deferrals.add(decision);
          deferralZones.add(zone);
        }
      }
    }
    return new Run(decisions, sent, deferredFrom, deferrals, deferralZones, persist.apply(state));
  }

  /** The adaptive weekly cap from the active days, recomputed with java.time. */
  private static int adaptiveLimit(TreeSet<Long> activeDays, long now, ZoneId zone) {
    long today = Instant.ofEpochMilli(now).atZone(zone).toLocalDate().toEpochDay();
    if (activeDays.isEmpty() || today - activeDays.first() + 1 < 7) {
      return 6;
    }
    int days = activeDays.subSet(today - 27, true, today, true).size();
    return Math.max(1, Math.min(5, (int) Math.floor(0.25 * days)));
  }

  @Property(tries = 300)
  void noCapIsEverExceededInAnyWindow(@ForAll long seed) {
    List<Sent> capped = run(seed, s -> s).sent().stream().filter(s -> !s.messageClass().equals("transactional")).toList();
    assertRolling(capped, 0, 1, 3 * 3_600_000L);
    assertRolling(capped, -1, 4, 2 * 86_400_000L);
    for (int i = 0; i < capped.size(); i++) {
      Sent last = capped.get(i);
      List<Sent> upToHere = capped.subList(0, i + 1);
      assertThat(samePeriod(upToHere, last, 0, Period.DAY)).as("push per day at %s", last).isLessThanOrEqualTo(2);
      assertThat(samePeriod(upToHere, last, 1, Period.MONTH)).as("email per month at %s", last).isLessThanOrEqualTo(5);
      assertThat(samePeriod(upToHere, last, -1, Period.WEEK)).as("adaptive per week at %s", last)
          .isLessThanOrEqualTo(last.adaptiveLimit());
    }
  }

  /** Every window [t, t + window) starting at a send holds at most max sends of the channel. */
  private static void assertRolling(List<Sent> sent, int channel, int max, long window) {
    for (Sent first : sent) {
      long inWindow = sent.stream()
          .filter(s -> channel < 0 || s.channel() == channel)
          .filter(s -> s.millis() >= first.millis() && s.millis() < first.millis() + window)
          .count();
      assertThat(inWindow).as("channel %s window %s from %s", channel, window, first).isLessThanOrEqualTo(max);
    }
  }

  enum Period { DAY, WEEK, MONTH }

  /** Sends of the channel in the local period of {@code last}, in the zone the user had at {@code last}. */
  private static long samePeriod(List<Sent> sent, Sent last, int channel, Period period) {
    if (channel >= 0 && last.channel() != channel) {
      return 0;
    }
    Object key = period(last.millis(), last.zone(), period);
    return sent.stream()
        .filter(s -> channel < 0 || s.channel() == channel)
        .filter(s -> period(s.millis(), last.zone(), period).equals(key))
        .count();
  }

  private static Object period(long millis, ZoneId zone, Period period) {
    LocalDate date = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    return switch (period) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> YearMonth.from(date);
    };
  }

  @Property(tries = 300)
  void quietHoursAreRespectedAndDeferralsEndExactlyWhenTheyDo(@ForAll long seed) {
    Run run = run(seed, s -> s);
    for (Sent s : run.sent()) {
      if (!s.messageClass().equals("transactional")) {
        assertThat(quiet(s.millis(), s.zone())).as("sent in quiet hours: %s", s).isFalse();
      }
    }
    for (int i = 0; i < run.deferrals().size(); i++) {
      long from = run.deferredFrom().get(i);
      long until = run.deferrals().get(i).until().toEpochMilli();
      ZoneId zone = run.deferralZones().get(i);
      assertThat(until).isGreaterThan(from);
      assertThat(quiet(from, zone)).isTrue();
      assertThat(quiet(until, zone)).as("deferred from %s to %s in %s", Instant.ofEpochMilli(from), run.deferrals().get(i).until(), zone).isFalse();
      assertThat(quiet(until - 1, zone)).as("deferred past the end from %s", Instant.ofEpochMilli(from)).isTrue();
    }
  }

  private static boolean quiet(long millis, ZoneId zone) {
    LocalTime time = Instant.ofEpochMilli(millis).atZone(zone).toLocalTime();
    return !time.isBefore(LocalTime.of(22, 0)) || time.isBefore(LocalTime.of(7, 31));
  }

  @Property(tries = 200)
  void decisionsAreIdenticalWhenTheStateIsPersistedBetweenEveryCall(@ForAll long seed) {
    Run plain = run(seed, s -> s);
    Run binary = run(seed, s -> PushState.fromBytes(s.toBytes()));
    Run json = run(seed, s -> PushState.fromJson(s.toJson()));
    assertThat(binary.decisions()).isEqualTo(plain.decisions());
    assertThat(json.decisions()).isEqualTo(plain.decisions());
    assertThat(binary.state()).isEqualTo(plain.state());
    assertThat(json.state()).isEqualTo(plain.state());
  }

  @Property(tries = 100)
  void primitiveAndObjectPathsDecideAndApplyAlike(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PushState state = POLICY.withConsent(POLICY.newState(ZONES.get(random.nextInt(ZONES.size()))), "push", true);
    long now = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    PushRequest request = PushRequest.create()
        .channel(POLICY.channelIndex("push"))
        .messageClass(POLICY.classIndex("marketing"))
        .campaign(PushPolicy.idHash("c"));
    for (int i = 0; i < 200; i++) {
      now += random.nextLong(1, 8 * 60) * 60_000;
      String key = random.nextInt(3) == 0 ? "k" + random.nextInt(2) : null;
      long packed = POLICY.decide(state, request.key(PushPolicy.idHash(key)).atMillis(now));
      PushOutcome outcome = POLICY.apply(state, new Message("push", "marketing", "c", key), Instant.ofEpochMilli(now));
      assertThat(POLICY.decision(packed)).isEqualTo(outcome.decision());
      assertThat(PushPolicy.isSend(packed)).isEqualTo(outcome.sent());
      assertThat(POLICY.apply(state, request)).isEqualTo(outcome);
      state = outcome.state();
    }
  }
}
