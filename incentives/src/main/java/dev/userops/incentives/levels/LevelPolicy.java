package dev.userops.incentives.levels;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Checks;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.levels.LevelOutcome.LevelChange;
import dev.userops.incentives.levels.LevelProgram.DowngradeKind;
import dev.userops.incentives.levels.LevelProgram.GrowthRule;
import dev.userops.incentives.levels.LevelState.MonthGrowth;
import dev.userops.incentives.levels.LevelState.Seen;
import dev.userops.incentives.levels.LevelState.Usage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link LevelProgram} with calendar months in one zone: growth value from orders and
 * behaviours, upgrades as soon as the qualifying growth (or a granted floor) reaches a threshold,
 * and downgrades by the program's downgrade policy. Pure; reads no clock; thread-safe.
 *
 * <p>The qualifying growth at an instant is the lifetime growth, or for a trailing window of n
 * months the growth of the instant's calendar month and the n - 1 months before it. A review at
 * the end of a review period (the first instant of a month whose index is a multiple of {@code
 * reviewMonths}, e.g. each 1 January for 12) looks at the window of the months before it; if the
 * user's level is above what that window and any floor give, a grace period starts, and at its end
 * the level drops to what the window then ending gives (or stays if growth recovered). A floor
 * holds the level up until it ends; what happens then follows the downgrade policy.
 */
public final class LevelPolicy {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final LevelProgram program;
  private final CalendarIndex calendar;
  private final long memoryMillis;

  LevelPolicy(LevelProgram program, ZoneId zone) {
    this.program = Checks.requireNonNull(program, "program");
    this.calendar = CalendarIndex.of(Checks.requireNonNull(zone, "zone"));
    this.memoryMillis = program.memoryDays() * MILLIS_PER_DAY;
  }

  /**
   * The program applied.
   *
   * @return the program this policy was made from
   */
  public LevelProgram program() {
    return program;
  }

  /**
   * The state of a new user: at the program's first level, with no growth, floor or history.
   *
   * @return a new state
   */
  public LevelState newState() {
    return new LevelState(LevelState.FORMAT_VERSION, Long.MIN_VALUE, 0, List.of(), List.of(), List.of(),
        program.levels().get(0).id(), null, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * Applies {@code event} to {@code state}.
   *
   * @param state the user's state as last persisted; {@link #newState()} for a new user
   * @param event the event; one seen before (same source id) is a duplicate, one more than {@code
   *     memoryDays} older than the latest is rejected as late, a floor of an unknown level is
   *     rejected
   * @return the new state with the growth earned and level changes, or the input state with the
   *     status and reason
   * @throws NullPointerException if an argument is null
   * @throws ArithmeticException if growth overflows a {@code long}
   */
  public LevelOutcome apply(LevelState state, LevelEvent event) {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(event, "event");
    long at = event.atMillis();
    String source = source(event);
    if (source != null) {
      if (state.clockMillis() != Long.MIN_VALUE && at < state.clockMillis() - memoryMillis) {
        return new LevelOutcome(state, OutcomeStatus.REJECTED, "late: occurredAt " + at
            + " is more than memoryDays before the latest event " + state.clockMillis(), 0, List.of());
      }
      if (state.seen().stream().anyMatch(s -> s.source().equals(source))) {
        return new LevelOutcome(state, OutcomeStatus.DUPLICATE, "already applied: " + source, 0, List.of());
      }
    }
    if (event instanceof LevelEvent.FloorGranted grant && program.indexOf(grant.level()) < 0) {
      return new LevelOutcome(state, OutcomeStatus.REJECTED, "unknown level " + grant.level(), 0, List.of());
    }
    Work work = new Work(state, Math.max(state.clockMillis(), at));
    work.advance();
    long growth = 0;
    if (event instanceof OrderPaid order) {
      growth = work.grow(at, Math.multiplyExact(order.totalMinor(), program.growthPerUnit()) / program.unitMinor());
    } else if (event instanceof BehaviourDone behaviour) {
      for (GrowthRule rule : program.rules()) {
        if (rule.behaviour().equals(behaviour.behaviour())) {
          growth += work.grow(at, work.capped(rule, at));
        }
      }
    } else if (event instanceof LevelEvent.FloorGranted grant) {
      work.floor = grant.level();
      work.floorUntil = grant.until() == null ? Long.MAX_VALUE : grant.until().toEpochMilli();
    }
    if (source != null) {
      work.seen.add(new Seen(source, at));
    }
    work.settle(work.now, source == null ? "evaluation:" + work.now : source, event instanceof LevelEvent.FloorGranted
        ? "floor " + work.floor + " granted" : null);
    work.forget();
    return new LevelOutcome(work.state(), OutcomeStatus.APPLIED, null, growth, work.changes);
  }

  private static String source(LevelEvent event) {
    if (event instanceof OrderPaid order) {
      return "order:" + order.orderId();
    } else if (event instanceof BehaviourDone behaviour) {
      return "behaviour:" + behaviour.eventId();
    } else if (event instanceof LevelEvent.FloorGranted grant) {
      return "floor:" + grant.grantId();
    }
    return null;
  }

  private final class Work {
    final long now;
    long clock;
    long lifetime;
    final List<MonthGrowth> months;
    final List<Usage> caps;
    final List<Seen> seen;
    int level;
    String floor;
    long floorUntil;
    long graceUntil;
    final List<LevelChange> changes = new ArrayList<>(1);

    Work(LevelState state, long now) {
      this.now = now;
      this.clock = state.clockMillis() == Long.MIN_VALUE ? now : state.clockMillis();
      this.lifetime = state.lifetimeGrowth();
      this.months = new ArrayList<>(state.months());
      this.caps = new ArrayList<>(state.caps());
      this.seen = new ArrayList<>(state.seen());
      this.level = Math.max(0, program.indexOf(state.level()));
      this.floor = state.floor();
      this.floorUntil = state.floorUntilMillis();
      this.graceUntil = state.graceUntilMillis();
    }

    LevelState state() {
      return new LevelState(LevelState.FORMAT_VERSION, now, lifetime, months, caps, seen,
          program.levels().get(level).id(), floor, floorUntil, graceUntil);
    }

    /** Runs the reviews and grace ends due in {@code (clock, now]}, in time order. */
    void advance() {
      if (program.downgrade().kind() != DowngradeKind.END_OF_REVIEW_PERIOD) {
        return;
      }
      int reviewMonths = program.downgrade().reviewMonths();
      long t = clock;
      while (true) {
        long nextMonth = (Math.floorDiv(calendar.monthIndex(t), reviewMonths) + 1) * reviewMonths;
        long review = calendar.periodStartEpochMillis(Granularity.MONTH, nextMonth);
        long next = Math.min(review, graceUntil);
        if (next > now) {
          return;
        }
        if (next == graceUntil) {
          graceUntil = Long.MAX_VALUE;
          int target = target(qualifying(calendar.monthIndex(next)), next);
          if (target < level) {
            change(target, next, "grace:" + Instant.ofEpochMilli(next), "grace ended with growth below the threshold");
          }
        } else {
          int target = target(qualifying(nextMonth - 1), review);
          if (target < level) {
            long graceMillis = program.downgrade().graceDays() * MILLIS_PER_DAY;
            if (graceMillis == 0) {
              change(target, review, "review:" + Instant.ofEpochMilli(review), "review found growth below the threshold");
            } else {
              graceUntil = review + graceMillis;
            }
          }
        }
        t = next;
      }
    }

    /** Upgrades to what the growth and floor give at {@code at}; downgrades only if immediate. */
    void settle(long at, String source, String floorReason) {
      int target = target(qualifying(calendar.monthIndex(at)), at);
      if (target > level) {
        graceUntil = Long.MAX_VALUE;
        change(target, at, source, floorReason != null ? floorReason : "growth reached the threshold");
      } else if (target < level && program.downgrade().kind() == DowngradeKind.IMMEDIATELY) {
        change(target, at, source, "growth below the threshold");
      }
    }

    private void change(int to, long at, String source, String why) {
      long growth = qualifying(calendar.monthIndex(at));
      changes.add(new LevelChange("level:" + source, program.levels().get(level).id(), program.levels().get(to).id(), at,
          why + " (qualifying growth " + growth + ", " + program.levels().get(to).id() + " needs "
              + program.levels().get(to).threshold() + ")"));
      level = to;
    }

    /** The level the growth and any floor active at {@code at} give. */
    private int target(long growth, long at) {
      int earned = program.levelFor(growth);
      return floor != null && at < floorUntil ? Math.max(earned, program.indexOf(floor)) : earned;
    }

    /** Qualifying growth of the window ending with month {@code lastMonth}, inclusive. */
    long qualifying(long lastMonth) {
      int window = program.qualification().trailingMonths();
      if (window == 0) {
        return lifetime;
      }
      long sum = 0;
      for (MonthGrowth month : months) {
        if (month.month() <= lastMonth && month.month() > lastMonth - window) {
          sum += month.growth();
        }
      }
      return sum;
    }

    long grow(long at, long growth) {
      if (growth == 0) {
        return 0;
      }
      lifetime = Math.addExact(lifetime, growth);
      long month = calendar.monthIndex(at);
      for (int i = 0; i < months.size(); i++) {
        if (months.get(i).month() == month) {
          months.set(i, new MonthGrowth(month, Math.addExact(months.get(i).growth(), growth)));
          return growth;
        }
      }
      months.add(new MonthGrowth(month, growth));
      months.sort((a, b) -> Long.compare(a.month(), b.month()));
      return growth;
    }

    long capped(GrowthRule rule, long at) {
      if (rule.cap() == null) {
        return rule.growth();
      }
      long period = calendar.index(rule.cap().granularity(), at);
      for (int i = 0; i < caps.size(); i++) {
        Usage use = caps.get(i);
        if (use.rule().equals(rule.id()) && use.period() == period) {
          long granted = Math.min(rule.growth(), Math.max(0, rule.cap().max() - use.used()));
          caps.set(i, new Usage(rule.id(), period, use.used() + granted));
          return granted;
        }
      }
      long granted = Math.min(rule.growth(), rule.cap().max());
      caps.add(new Usage(rule.id(), period, granted));
      return granted;
    }

    /** Forgets event ids past the memory, months no window can see and caps of older periods. */
    void forget() {
      long horizon = now - memoryMillis;
      seen.removeIf(s -> s.atMillis() < horizon);
      long oldestMonth = calendar.monthIndex(horizon) - program.qualification().trailingMonths();
      months.removeIf(m -> m.month() < oldestMonth);
      caps.removeIf(c -> {
        GrowthRule rule = program.rules().stream().filter(r -> r.id().equals(c.rule())).findFirst().orElse(null);
        return rule == null || rule.cap() == null || c.period() < calendar.index(rule.cap().granularity(), horizon);
      });
    }
  }
}
