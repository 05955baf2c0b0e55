package dev.userops.examples.sim;

import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.referral.ReferralEffect;
import dev.userops.incentives.referral.ReferralEffect.Role;
import dev.userops.incentives.referral.ReferralEvent;
import dev.userops.incentives.referral.ReferralEvent.Attribution;
import dev.userops.incentives.referral.ReferralEvent.Cancellation;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.referral.ReferralEvent.Invite;
import dev.userops.incentives.referral.ReferralEvent.Payment;
import dev.userops.incentives.referral.ReferralEvent.Refund;
import dev.userops.incentives.referral.ReferralOutcome;
import dev.userops.incentives.referral.ReferralPolicy;
import dev.userops.incentives.referral.ReferralReason;
import dev.userops.incentives.referral.ReferralState;
import dev.userops.incentives.referral.ReferralState.Member;
import dev.userops.incentives.referral.ReferralState.Referral;
import dev.userops.incentives.referral.ReferralState.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays referral events through a {@link ReferralPolicy} as a host with one row per user would:
 * in time order (ties: the order added), each event applied to the rows of the users it names
 * (looking codes up in a code index, as a host's unique index of codes), and before each event, an
 * evaluation at its time of the referrals due by then with their inviters. A buyer's first paid
 * event is their first order; later ones are not. Ends with an evaluation at {@code asOf}.
 */
public final class ReferralSimulation {
  private final ReferralPolicy policy;
  private final List<ReferralEvent> events = new ArrayList<>();
  private final Map<Long, Member> rows = new HashMap<>();
  private final Map<String, Long> codeOwners = new HashMap<>();
  /** Rows in review by due instant, then user: what a host's index on {@code dueAtMillis} finds. */
  private final TreeSet<long[]> due =
      new TreeSet<>(Comparator.<long[]>comparingLong(d -> d[0]).thenComparingLong(d -> d[1]));
  private final Tally tally = new Tally();

  public ReferralSimulation(ReferralPolicy policy) {
    this.policy = policy;
  }

  /** Adds an event; a {@link Payment}'s {@code firstOrder} is decided by {@link #run}. */
  public void add(ReferralEvent event) {
    events.add(event);
  }

  /** What the report shows. */
  public record Result(Map<Long, Member> rows, Tally tally) {
    /** Referrals by status. */
    public Map<Status, Long> referrals() {
      Map<Status, Long> counts = new EnumMap<>(Status.class);
      for (Status status : Status.values()) {
        counts.put(status, 0L);
      }
      rows.values().stream().map(Member::referral).filter(r -> r != null)
          .forEach(r -> counts.merge(r.status(), 1L, Long::sum));
      return counts;
    }
  }

  /** Counts of outcomes and effects. */
  public static final class Tally {
    public final Map<Role, Long> granted = new EnumMap<>(Role.class);
    public final Map<Role, Long> clawedBack = new EnumMap<>(Role.class);
    public final Map<String, Long> couponsGranted = new TreeMap<>();
    public final Map<ReferralReason, Long> rejected = new EnumMap<>(ReferralReason.class);
    public long pointsGranted;
    public long pointsClawedBack;
    public long duplicates;

    Tally() {
      for (Role role : Role.values()) {
        granted.put(role, 0L);
        clawedBack.put(role, 0L);
      }
    }

    void count(ReferralOutcome outcome) {
      if (outcome.status() == OutcomeStatus.DUPLICATE) {
        duplicates++;
      } else if (outcome.reason() != null) {
        // Refused events and referrals that ended (or were revoked) for a reason alike.
        rejected.merge(outcome.reason(), 1L, Long::sum);
      }
      for (ReferralEffect effect : outcome.effects()) {
        long points = effect.reward().points() == null ? 0 : effect.reward().points();
        switch (effect.action()) {
          case GRANT -> {
            granted.merge(effect.role(), 1L, Long::sum);
            pointsGranted += points;
            if (effect.reward().offerId() != null) {
              couponsGranted.merge(effect.reward().offerId(), 1L, Long::sum);
            }
          }
          case CLAWBACK -> {
            clawedBack.merge(effect.role(), 1L, Long::sum);
            pointsClawedBack += points;
          }
          case WITHHOLD -> rejected.merge(effect.reason(), 1L, Long::sum);
        }
      }
    }
  }

  public Result run(Instant asOf) {
    List<ReferralEvent> sorted = new ArrayList<>(events);
    // List.sort is stable: ties keep the order added.
    sorted.sort(Comparator.comparing(ReferralEvent::occurredAt));
    Set<Long> buyers = new HashSet<>();
    for (ReferralEvent event : sorted) {
      evaluateDue(event.occurredAt());
      if (event instanceof Payment payment && !buyers.add(payment.userId())) {
        event = new Payment(payment.userId(), payment.orderId(), payment.occurredAt(), payment.amountMinor(), false,
            payment.tags(), payment.fingerprints());
      }
      apply(event, named(event));
    }
    evaluateDue(asOf);
    return new Result(rows, tally);
  }

  /** The users whose rows {@code event} needs: those it names, the code's owner, the buyer's inviter. */
  private Set<Long> named(ReferralEvent event) {
    Set<Long> users = new LinkedHashSet<>();
    if (event instanceof Invite invite) {
      users.add(invite.inviterId());
      addIfKnown(users, codeOwners.get(invite.code()));
    } else if (event instanceof Attribution attribution) {
      users.add(attribution.inviteeId());
      addIfKnown(users, codeOwners.get(attribution.code()));
    } else if (event instanceof Payment payment) {
      addBuyer(users, payment.userId());
    } else if (event instanceof Refund refund) {
      addBuyer(users, refund.userId());
    } else if (event instanceof Cancellation cancellation) {
      addBuyer(users, cancellation.userId());
    }
    return users;
  }

  private static void addIfKnown(Set<Long> users, Long user) {
    if (user != null) {
      users.add(user);
    }
  }

  private void addBuyer(Set<Long> users, long buyer) {
    users.add(buyer);
    Member row = rows.get(buyer);
    if (row != null && row.referral() != null) {
      users.add(row.referral().inviterId());
    }
  }

  /** Grants what is due by {@code at}: the due rows and their inviters, in one evaluation. */
  private void evaluateDue(Instant at) {
    Set<Long> users = new LinkedHashSet<>();
    long atMillis = at.toEpochMilli();
    while (!due.isEmpty() && due.first()[0] <= atMillis) {
      long user = due.pollFirst()[1];
      users.add(user);
      users.add(rows.get(user).referral().inviterId());
    }
    if (!users.isEmpty()) {
      apply(new Evaluation(at), users);
    }
  }

  private void apply(ReferralEvent event, Set<Long> users) {
    List<Member> loaded = new ArrayList<>(users.size());
    for (long user : users) {
      Member row = rows.get(user);
      if (row != null) {
        loaded.add(row);
      }
    }
    ReferralOutcome outcome = policy.apply(ReferralState.of(loaded), event);
    tally.count(outcome);
    if (!outcome.applied()) {
      return;
    }
    for (Member member : outcome.state().members()) {
      Member before = rows.put(member.userId(), member);
      Referral old = before == null ? null : before.referral();
      if (old != null && old.status() == Status.IN_REVIEW) {
        due.remove(new long[] {old.dueAtMillis(), member.userId()});
      }
      if (member.referral() != null && member.referral().status() == Status.IN_REVIEW) {
        due.add(new long[] {member.referral().dueAtMillis(), member.userId()});
      }
    }
    if (event instanceof Invite invite) {
      codeOwners.put(invite.code(), invite.inviterId());
    }
  }
}
