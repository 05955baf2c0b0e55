package dev.userops.incentives.referral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.testing.PolicyLaws;
import dev.userops.incentives.Cap;
import dev.userops.incentives.OutcomeStatus;
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
import dev.userops.incentives.referral.ReferralState.Referral;
import dev.userops.incentives.referral.ReferralState.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Referral laws over random programs and event histories of a few users who invite each other,
 * share fingerprints, pay, refund and cancel, in zones with DST.
 */
class ReferralProperties {
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"),
      ZoneId.of("Asia/Shanghai"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Santiago"));
  private static final long HOUR = 3_600_000L;
  private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
  private static final int USERS = 8;

  static ReferralProgram program(SplittableRandom random) {
    List<Cap> caps = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      caps.add(random.nextBoolean()
          ? Cap.calendar(random.nextInt(5) == 0 ? 0 : random.nextInt(1, 4), Granularity.values()[random.nextInt(3)])
          : Cap.rolling(random.nextInt(1, 4), Duration.ofHours(random.nextInt(1, 24 * 20))));
    }
    Reward inviter = random.nextInt(4) == 0 ? null : Reward.points(random.nextInt(1, 1000));
    Reward invitee = inviter != null && random.nextBoolean() ? null : Reward.coupon("WELCOME");
    return ReferralProgram.of("p", ZONES.get(random.nextInt(ZONES.size())), inviter, invitee)
        .withQualifying(random.nextInt(3) * 1_000L, random.nextInt(4) == 0 ? "app" : null)
        .withReviewDays(random.nextInt(6))
        .withInviterLimits(caps, random.nextInt(3) == 0 ? (long) random.nextInt(5) : null)
        .withClawback(random.nextInt(4) != 0);
  }

  /**
   * A history in time order: users 0..7, of whom 0..2 usually issue codes {@code "c0".."c2"} first
   * (anyone may issue their code later), others use them, pay, refund and cancel.
   */
  static List<ReferralEvent> history(SplittableRandom random, int size) {
    List<ReferralEvent> events = new ArrayList<>();
    long t = START.toEpochMilli();
    List<Long> buyers = new ArrayList<>();
    List<String> orders = new ArrayList<>();
    for (long inviter = 0; inviter < 3; inviter++) {
      if (random.nextInt(4) != 0) {
        events.add(new Invite(inviter, "c" + inviter, Instant.ofEpochMilli(t), fingerprints(random)));
      }
    }
    for (int i = 0; i < size; i++) {
      t += random.nextLong(12 * HOUR);
      Instant at = Instant.ofEpochMilli(t);
      long user = random.nextInt(USERS);
      switch (random.nextInt(10)) {
        case 0 -> events.add(new Invite(user, "c" + user, at, fingerprints(random)));
        case 1, 2 -> events.add(new Attribution(invitee(random), "c" + random.nextInt(random.nextInt(4) == 0 ? USERS : 3),
            at, fingerprints(random)));
        case 3, 4, 5 -> {
          user = invitee(random);
          buyers.add(user);
          orders.add("o" + i);
          events.add(new Payment(user, "o" + i, at, random.nextInt(4) * 800L, random.nextInt(6) != 0,
              random.nextBoolean() ? Set.of("app") : Set.of(), fingerprints(random)));
        }
        case 6, 7 -> {
          if (!orders.isEmpty()) {
            int order = orders.size() - 1 - random.nextInt(Math.min(3, orders.size()));
            events.add(random.nextBoolean()
                ? new Refund("r" + i, buyers.get(order), orders.get(order), at, random.nextInt(1, 2_000))
                : new Cancellation(buyers.get(order), orders.get(order), at));
          }
        }
        default -> events.add(new Evaluation(at));
      }
    }
    return events;
  }

  /** Mostly users 3..7, who hold no code at first. */
  private static long invitee(SplittableRandom random) {
    return random.nextInt(5) == 0 ? random.nextInt(USERS) : 3 + random.nextInt(USERS - 3);
  }

  private static List<String> fingerprints(SplittableRandom random) {
    return random.nextInt(6) == 0 ? List.of("device:" + random.nextInt(6)) : List.of();
  }

  private static PolicyLaws<ReferralState, ReferralEvent, ReferralOutcome> laws(ReferralPolicy policy) {
    return PolicyLaws.of(policy.newState(), policy::apply, ReferralOutcome::state,
        (ReferralOutcome outcome) -> outcome.effects().stream().map(ReferralEffect::key).toList(),
        (ReferralState state) -> ReferralState.fromJson(state.toJson()));
  }

  private static List<ReferralEvent> redelivered(List<ReferralEvent> events, SplittableRandom random) {
    List<ReferralEvent> delivered = new ArrayList<>(events);
    for (int i = 0; i < events.size() / 5; i++) {
      delivered.add(random.nextInt(delivered.size() + 1), events.get(random.nextInt(events.size())));
    }
    // Late deliveries: a few events swap places.
    for (int i = 0; i + 1 < delivered.size(); i += 1 + random.nextInt(6)) {
      Collections.swap(delivered, i, i + 1);
    }
    return delivered;
  }

  @Property(tries = 300)
  void policyLawsHoldInAnyDeliveryOrderWithRedeliveries(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int size) {
    SplittableRandom random = new SplittableRandom(seed);
    ReferralPolicy policy = program(random).policy();
    List<ReferralEvent> delivered = redelivered(history(random, size), random);
    List<ReferralOutcome> outcomes = laws(policy).check(delivered, seed);
    for (ReferralOutcome outcome : outcomes) {
      if (outcome.status() != OutcomeStatus.APPLIED) {
        assertThat(outcome.effects()).isEmpty();
      }
    }
  }

  @Property(tries = 300)
  void replayingAnyPrefixOfAppliedEventsChangesNothing(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int size) {
    SplittableRandom random = new SplittableRandom(seed);
    Run run = Run.of(random, size);
    ReferralPolicy policy = run.policy();
    List<ReferralEvent> tookEffect = new ArrayList<>();
    for (int i = 0; i < run.events().size(); i++) {
      if (run.outcomes().get(i).status() != OutcomeStatus.REJECTED) {
        tookEffect.add(run.events().get(i));
      }
    }
    ReferralState state = run.finalState();
    int prefix = random.nextInt(tookEffect.size() + 1);
    for (ReferralEvent event : tookEffect.subList(0, prefix)) {
      ReferralOutcome again = policy.apply(state, event);
      assertThat(again.effects()).as("replay of %s", event).isEmpty();
      assertThat(again.state()).as("replay of %s", event).isEqualTo(state);
    }
  }

  @Property(tries = 300)
  void inviterRewardsNeverExceedTheCaps(@ForAll long seed, @ForAll @IntRange(min = 20, max = 150) int size) {
    SplittableRandom random = new SplittableRandom(seed);
    ReferralProgram program = program(random);
    Map<Long, List<Long>> granted = new TreeMap<>();
    boolean withheld = false;
    for (ReferralOutcome outcome : replay(program.policy(), redelivered(history(random, size), random))) {
      for (ReferralEffect effect : outcome.effects()) {
        withheld |= effect.action() == Action.WITHHOLD;
        if (effect.role() == Role.INVITER && effect.action() == Action.GRANT) {
          granted.computeIfAbsent(effect.userId(), u -> new ArrayList<>()).add(effect.atMillis());
        }
      }
    }
    Statistics.label("granted").collect(!granted.isEmpty());
    Statistics.label("withheld").collect(withheld);
    Statistics.label("granted").coverage(c -> c.check(true).percentage(p -> p > 15));
    Statistics.label("withheld").coverage(c -> c.check(true).percentage(p -> p > 2));
    CalendarIndex calendar = CalendarIndex.of(program.zone());
    for (List<Long> times : granted.values()) {
      if (program.inviterLifetimeMax() != null) {
        assertThat((long) times.size()).isLessThanOrEqualTo(program.inviterLifetimeMax());
      }
      for (Cap cap : program.inviterCaps()) {
        for (long t : times) {
          long inWindow = cap.mode() == WindowMode.ROLLING
              ? times.stream().filter(s -> s > t - cap.windowMillis() && s <= t).count()
              : times.stream().filter(s -> calendar.index(cap.granularity(), s) == calendar.index(cap.granularity(), t)).count();
          assertThat(inWindow).as("rewards in the %s window of %s", cap, Instant.ofEpochMilli(t)).isLessThanOrEqualTo(cap.max());
        }
      }
    }
  }

  @Property(tries = 300)
  void anOrderVoidedInReviewNeverPays(@ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int size) {
    Run run = Run.of(new SplittableRandom(seed), size);
    Set<Long> paid = new HashSet<>();
    Set<Long> voidedInReview = new HashSet<>();
    for (int i = 0; i < run.events().size(); i++) {
      ReferralOutcome outcome = run.outcomes().get(i);
      outcome.effects().stream().filter(e -> e.action() == Action.GRANT).forEach(e -> paid.add(e.inviteeId()));
      if (outcome.reason() == ReferralReason.REFUNDED_IN_REVIEW) {
        voidedInReview.add(buyer(run.events().get(i)));
      }
    }
    ReferralState state = run.finalState();
    Statistics.label("voided in review").collect(!voidedInReview.isEmpty());
    Statistics.label("voided in review").coverage(c -> c.check(true).percentage(p -> p > 5));
    // Every cancellation of a first order before its review ended voided it.
    for (ReferralEvent event : run.events()) {
      if (event instanceof Cancellation cancel) {
        Member member = state.member(cancel.userId());
        Referral referral = member == null ? null : member.referral();
        if (referral != null && cancel.orderId().equals(referral.orderId()) && referral.dueAtMillis() > 0
            && cancel.occurredAt().toEpochMilli() < referral.dueAtMillis()) {
          assertThat(voidedInReview).contains(cancel.userId());
        }
      }
    }
    for (long invitee : voidedInReview) {
      assertThat(paid).as("invitees paid although their order was voided in review").doesNotContain(invitee);
    }
    run.policy().apply(state, new Evaluation(Instant.parse("2030-01-01T00:00:00Z"))).effects()
        .forEach(effect -> assertThat(voidedInReview).doesNotContain(effect.inviteeId()));
  }

  /** The buyer of a refund or cancellation. */
  private static long buyer(ReferralEvent event) {
    return event instanceof Refund refund ? refund.userId() : ((Cancellation) event).userId();
  }

  @Property(tries = 200)
  void aHostStoringOneRowPerUserGetsTheResultOfOneState(@ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int size) {
    SplittableRandom random = new SplittableRandom(seed);
    ReferralPolicy policy = program(random).policy();
    List<ReferralEvent> events = history(random, size);
    ReferralState whole = policy.newState();
    List<String> wholeKeys = new ArrayList<>();
    HostRows host = new HostRows(policy);
    List<ReferralEvent> ended = new ArrayList<>(events);
    // A rejected event grants nothing in one state, while the host grants what is due before every event.
    ended.add(new Evaluation(events.isEmpty() ? START : events.get(events.size() - 1).occurredAt()));
    for (ReferralEvent event : ended) {
      ReferralOutcome outcome = policy.apply(whole, event);
      whole = outcome.state();
      outcome.effects().forEach(e -> wholeKeys.add(e.key() + "@" + e.atMillis()));
      host.apply(event);
    }
    assertThat(host.keys).containsExactlyInAnyOrderElementsOf(wholeKeys);
    // Clocks differ by design: a row's clock is the latest instant applied to a state holding it.
    assertThat(withoutClocks(ReferralState.of(host.rows.values()))).isEqualTo(withoutClocks(whole));
  }

  private static List<Member> withoutClocks(ReferralState state) {
    return state.members().stream().map(m -> new Member(m.userId(), 0, m.codes(), m.fingerprints(), m.rewardMillis(),
        m.inviterRewards(), m.referral())).toList();
  }

  /**
   * A host with one JSON row per user: before each event it grants what is due by then (loading the
   * due invitees and their inviters), then applies the event to the rows it names.
   */
  static final class HostRows {
    final ReferralPolicy policy;
    final Map<Long, Member> rows = new HashMap<>();
    final Map<String, Long> codeOwners = new HashMap<>();
    final List<String> keys = new ArrayList<>();

    HostRows(ReferralPolicy policy) {
      this.policy = policy;
    }

    void apply(ReferralEvent event) {
      long at = event.occurredAt().toEpochMilli();
      List<Long> due = rows.values().stream()
          .filter(m -> m.referral() != null && m.referral().status() == Status.IN_REVIEW && m.referral().dueAtMillis() <= at)
          .map(Member::userId).toList();
      if (!due.isEmpty()) {
        Set<Long> users = new HashSet<>(due);
        due.forEach(u -> users.add(rows.get(u).referral().inviterId()));
        run(users, new Evaluation(event.occurredAt()));
      }
      Set<Long> users = new HashSet<>();
      if (event instanceof Invite invite) {
        users.add(invite.inviterId());
        Long owner = codeOwners.get(invite.code());
        if (owner != null) {
          users.add(owner);
        }
      } else if (event instanceof Attribution attribution) {
        users.add(attribution.inviteeId());
        Long owner = codeOwners.get(attribution.code());
        if (owner != null) {
          users.add(owner);
        }
      } else if (event instanceof Payment payment) {
        withInviter(users, payment.userId());
      } else if (event instanceof Refund refund) {
        withInviter(users, refund.userId());
      } else if (event instanceof Cancellation cancellation) {
        withInviter(users, cancellation.userId());
      }
      ReferralOutcome outcome = run(users, event);
      if (event instanceof Invite invite && outcome.applied()) {
        codeOwners.put(invite.code(), invite.inviterId());
      }
    }

    private void withInviter(Set<Long> users, long buyer) {
      users.add(buyer);
      Member member = rows.get(buyer);
      if (member != null && member.referral() != null) {
        users.add(member.referral().inviterId());
      }
    }

    private ReferralOutcome run(Set<Long> users, ReferralEvent event) {
      List<Member> loaded = new ArrayList<>();
      for (long user : users) {
        Member row = rows.get(user);
        if (row != null) {
          loaded.add(Member.fromJson(row.toJson()));
        }
      }
      ReferralOutcome outcome = policy.apply(ReferralState.of(loaded), event);
      outcome.state().members().forEach(m -> rows.put(m.userId(), m));
      outcome.effects().forEach(e -> keys.add(e.key() + "@" + e.atMillis()));
      return outcome;
    }
  }

  /** A random program's policy, a random history and the outcomes of the history applied in order. */
  private record Run(ReferralPolicy policy, List<ReferralEvent> events, List<ReferralOutcome> outcomes) {
    static Run of(SplittableRandom random, int size) {
      ReferralPolicy policy = program(random).policy();
      List<ReferralEvent> events = history(random, size);
      return new Run(policy, events, replay(policy, events));
    }

    /** The state after the whole history. */
    ReferralState finalState() {
      return outcomes.isEmpty() ? policy.newState() : outcomes.get(outcomes.size() - 1).state();
    }
  }

  /** The outcomes of {@code events} applied in order, each to the state the one before returned. */
  private static List<ReferralOutcome> replay(ReferralPolicy policy, List<ReferralEvent> events) {
    ReferralState state = policy.newState();
    List<ReferralOutcome> outcomes = new ArrayList<>();
    for (ReferralEvent event : events) {
      ReferralOutcome outcome = policy.apply(state, event);
      outcomes.add(outcome);
      state = outcome.state();
    }
    return outcomes;
  }
}
