package dev.userops.examples.sim;

import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.membership.MembershipAccumulator;
import dev.userops.incentives.membership.MembershipEvent;
import dev.userops.incentives.membership.MembershipOutcome;
import dev.userops.incentives.membership.MembershipOutcome.Effect;
import dev.userops.incentives.membership.MembershipPolicy;
import dev.userops.incentives.membership.MembershipResult;
import dev.userops.incentives.membership.MembershipSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays every user's membership events, in time order (file order among equal times), through a
 * membership policy; sums what the effects charged and gave back, and feeds each user's final state
 * to a {@link MembershipAccumulator} for the population figures.
 */
public final class MembershipSimulation {
  private final MembershipPolicy policy;
  private final List<Pending> events = new ArrayList<>();

  private record Pending(int user, long at, int seq, long line, String kind, MembershipEvent event) {}

  /**
   * An event the policy did not apply.
   *
   * @param user the dense user id
   * @param line the event's line in the file
   * @param event the event's {@code event} value
   * @param status duplicate or rejected
   * @param reason the policy's reason
   */
  public record NotApplied(int user, long line, String event, OutcomeStatus status, String reason) {}

  /**
   * Money in minor units, as the effects say.
   *
   * @param chargedMinor charged for periods granted
   * @param refundedMinor refunds due (refunds and upgrade credits above the new price)
   * @param refunds refunds due, counted
   * @param chargedBackMinor lost to chargebacks
   * @param chargebacks chargebacks counted
   */
  public record Money(long chargedMinor, long refundedMinor, long refunds, long chargedBackMinor, long chargebacks) {
    /** Charged less refunded and charged back. */
    public long netMinor() {
      return chargedMinor - refundedMinor - chargedBackMinor;
    }
  }

  /**
   * Everything the report shows.
   *
   * @param applied per event kind (its {@code event} value), events applied
   * @param notApplied events not applied, in user and time order
   * @param money what the effects charged and gave back
   * @param population the population figures at the spec's {@code asOf}
   */
  public record Result(Map<String, Long> applied, List<NotApplied> notApplied, Money money,
      MembershipResult population) {}

  public MembershipSimulation(MembershipPolicy policy) {
    this.policy = policy;
  }

  /** Adds an event of dense user {@code user} read at {@code line} as an event of {@code kind}. */
  public void add(int user, long line, String kind, MembershipEvent event) {
    events.add(new Pending(user, event.occurredAt().toEpochMilli(), events.size(), line, kind, event));
  }

  public Result run(MembershipSpec spec) {
    events.sort(Comparator.comparingInt(Pending::user).thenComparingLong(Pending::at).thenComparingInt(Pending::seq));
    MembershipAccumulator population = spec.newAccumulator();
    Map<String, Long> applied = new TreeMap<>();
    List<NotApplied> notApplied = new ArrayList<>();
    long[] money = new long[5];
    int i = 0;
    while (i < events.size()) {
      int user = events.get(i).user();
      var state = policy.newState();
      for (; i < events.size() && events.get(i).user() == user; i++) {
        Pending pending = events.get(i);
        MembershipOutcome outcome = policy.apply(state, pending.event());
        String kind = pending.kind();
        if (outcome.status() == OutcomeStatus.APPLIED) {
          applied.merge(kind, 1L, Long::sum);
          outcome.effects().forEach(effect -> tally(effect, money));
        } else {
          notApplied.add(new NotApplied(user, pending.line(), kind, outcome.status(), outcome.reason()));
        }
        state = outcome.state();
      }
      population.add(user, state);
    }
    return new Result(applied, notApplied, new Money(money[0], money[1], money[2], money[3], money[4]),
        population.result());
  }

  private static void tally(Effect effect, long[] money) {
    switch (effect.kind()) {
      case PERIOD_GRANTED -> money[0] += effect.amountMinor();
      case REFUND_DUE -> {
        money[1] += effect.amountMinor();
        money[2]++;
      }
      case CHARGED_BACK -> {
        money[3] += effect.amountMinor();
        money[4]++;
      }
      default -> {
        // Benefits, grace and auto-renew changes carry no money.
      }
    }
  }
}
