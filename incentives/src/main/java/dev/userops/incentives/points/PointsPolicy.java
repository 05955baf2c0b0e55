package dev.userops.incentives.points;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Checks;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.Cap;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.OrderLine;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.points.LedgerEntry.EntryType;
import dev.userops.incentives.points.PointsProgram.BehaviourRule;
import dev.userops.incentives.points.PointsProgram.Expiry;
import dev.userops.incentives.points.PointsProgram.OrderRule;
import dev.userops.incentives.points.PointsState.CapUse;
import dev.userops.incentives.points.PointsState.Lot;
import dev.userops.incentives.points.PointsState.OrderMemo;
import dev.userops.incentives.points.PointsState.Seen;
import dev.userops.incentives.points.PointsState.Totals;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A {@link PointsProgram} applied with calendar periods in one zone: {@code apply(state, event)}
 * returns the new state and the ledger entries, reads no clock and does no I/O. Immutable and
 * thread-safe; build one per zone (it holds the zone's {@link CalendarIndex}) and reuse it.
 *
 * <p>Every event first advances the state to {@code max(clock, occurredAt)}: pending lots whose
 * lock ended are released, then lots whose expiry is at or before that instant expire. A repeated
 * event id is a {@link OutcomeStatus#DUPLICATE} and changes nothing; an event older than the newest
 * applied minus {@link PointsProgram#memoryDays} is {@link OutcomeStatus#REJECTED} as late. A rejected
 * event (late, unknown order, over-refund, insufficient balance) leaves the state as it was.
 *
 * <p>Claw-back of a refund: the order's points times the refunded share of its total (cumulative
 * over partial refunds, rounded down; a full refund takes all) minus what was taken before. A refund
 * of more than the order's not yet refunded amount (more than was paid, or a second full refund
 * under another refund id) is {@link OutcomeStatus#REJECTED} with the amounts in the reason, and
 * takes nothing: the host's refund data is wrong, and a silent partial claw-back would hide it. It
 * takes from the order's own pending lots first, then from available lots soonest expiring first;
 * the rest follows {@link PointsProgram.Overdraft}.
 *
 * <p>Cost ({@code PointsApplyBenchmark}, the benchmarks' 2-core machine): an earn event on a state
 * with 50 open lots and 50 remembered orders takes about 0.3 µs and allocates 648 bytes (664 at 5
 * lots, 760 at 300): the new state shares its lists with the old one, and the new lot and ledger
 * entry keep their keys in parts (see {@link PointsOutcome}, {@link PointsState}). The rest is the
 * records the outcome must return (state, totals, order memo), the lists' new versions and the
 * application's working copy.
 */
public final class PointsPolicy {
  /** The behaviour name the policy triggers on a user's first paid order that earns points. */
  public static final String FIRST_ORDER = "FIRST_ORDER";

  private static final long MILLIS_PER_DAY = 86_400_000L;
  static final String ORDER = "order:";
  private static final String BEHAVIOUR = "behaviour:";
  private static final String REFUND = "refund:";
  private static final String REDEMPTION = "redemption:";
  private static final String ADJUSTMENT = "adjustment:";

  private final PointsProgram program;
  private final CalendarIndex calendar;
  private final List<OrderRule> orderRules;
  private final List<BehaviourRule> behaviourRules;
  private final long lockMillis;
  private final long memoryMillis;

  PointsPolicy(PointsProgram program, ZoneId zone) {
    this.program = Checks.requireNonNull(program, "program");
    this.calendar = CalendarIndex.of(Checks.requireNonNull(zone, "zone"));
    this.orderRules = program.orderRulesByPriority();
    this.behaviourRules = program.behaviourRulesByPriority();
    this.lockMillis = program.lockDays() * MILLIS_PER_DAY;
    this.memoryMillis = program.memoryDays() * MILLIS_PER_DAY;
  }

  /**
   * The program applied.
   *
   * @return the program this policy was made from
   */
  public PointsProgram program() {
    return program;
  }

  /**
   * The zone of calendar periods (caps, end-of-period expiry).
   *
   * @return the zone given to {@link PointsProgram#policy}
   */
  public ZoneId zone() {
    return calendar.zone();
  }

  /**
   * The state of a user who has never earned anything.
   *
   * @return the shared empty state: no lots, no debt, no history
   */
  public PointsState newState() {
    return PointsState.EMPTY;
  }

  /**
   * Applies {@code event} to {@code state}.
   *
   * @param state the user's state as last persisted; {@link #newState()} for a new user
   * @param event the event
   * @return the new state with its ledger entries, or the input state with no entries for a
   *     duplicate or a rejection (late, unknown order, over-refund, insufficient balance) and the
   *     reason
   * @throws NullPointerException if an argument is null
   * @throws ArithmeticException if points overflow a {@code long}
   */
  public PointsOutcome apply(PointsState state, PointsEvent event) {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(event, "event");
    long at = event.atMillis();
    if (!(event instanceof Evaluation)
        && state.clockMillis() != Long.MIN_VALUE
        && at < state.clockMillis() - memoryMillis) {
      return new PointsOutcome(state, List.of(), OutcomeStatus.REJECTED,
          "late: occurredAt " + at + " is more than memoryDays before the latest event " + state.clockMillis());
    }
    // The source (e.g. order:o-1) is kept as its prefix and the event's id: entries and lots build
    // the string only when read.
    String prefix = sourcePrefix(event);
    String id = prefix == null ? null : eventId(event);
    if (prefix != null && isKnown(state, event, prefix, id)) {
      return new PointsOutcome(state, List.of(), OutcomeStatus.DUPLICATE, "already applied: " + prefix + id);
    }
    Work work = new Work(state, Math.max(state.clockMillis(), at));
    work.advance();
    String rejection = null;
    if (event instanceof OrderPaid order) {
      rejection = work.earnOrder(id, order);
    } else if (event instanceof BehaviourDone behaviour) {
      rejection = work.earnBehaviour(prefix, id, behaviour.behaviour(), at, behaviour.level());
    } else if (event instanceof PointsEvent.OrderRefund refund) {
      rejection = work.clawBack(id, refund);
    } else if (event instanceof PointsEvent.Redemption redemption) {
      rejection = work.redeem(id, redemption);
    } else if (event instanceof PointsEvent.Adjustment adjustment) {
      rejection = work.adjust(id, adjustment);
    }
    if (rejection != null) {
      return new PointsOutcome(state, List.of(), OutcomeStatus.REJECTED, rejection);
    }
    if (prefix != null && !(event instanceof OrderPaid)) {
      work.remember(new Seen(prefix + id, at));
    }
    if (at < work.now) {
      // A late event's lot may already be due for release or expiry.
      work.advance();
    }
    work.forget();
    return new PointsOutcome(work.state(), work.entries(), OutcomeStatus.APPLIED, null);
  }

  /** The ledger source of {@code event} without its id, e.g. {@code order:}; {@code null} for an evaluation. */
  private static String sourcePrefix(PointsEvent event) {
    if (event instanceof OrderPaid) {
      return ORDER;
    } else if (event instanceof BehaviourDone) {
      return BEHAVIOUR;
    } else if (event instanceof PointsEvent.OrderRefund) {
      return REFUND;
    } else if (event instanceof PointsEvent.Redemption) {
      return REDEMPTION;
    } else if (event instanceof PointsEvent.Adjustment) {
      return ADJUSTMENT;
    }
    return null;
  }

  private static String eventId(PointsEvent event) {
    if (event instanceof OrderPaid order) {
      return order.orderId();
    } else if (event instanceof BehaviourDone behaviour) {
      return behaviour.eventId();
    } else if (event instanceof PointsEvent.OrderRefund refund) {
      return refund.refundId();
    } else if (event instanceof PointsEvent.Redemption redemption) {
      return redemption.redemptionId();
    }
    return ((PointsEvent.Adjustment) event).adjustmentId();
  }

  private static boolean isKnown(PointsState state, PointsEvent event, String prefix, String id) {
    // Index loops: the iterators of a for-each were an allocation of every event (issue 11's profile).
    if (event instanceof OrderPaid) {
      List<OrderMemo> orders = state.orders();
      for (int i = 0; i < orders.size(); i++) {
        if (orders.get(i).orderId().equals(id)) {
          return true;
        }
      }
      return false;
    }
    List<Seen> seen = state.seen();
    for (int i = 0; i < seen.size(); i++) {
      String source = seen.get(i).source();
      if (source.length() == prefix.length() + id.length() && source.startsWith(prefix)
          && source.startsWith(id, prefix.length())) {
        return true;
      }
    }
    return false;
  }

  /** Expiry instant of a lot earned at {@code earnedAt}. */
  long expiresAt(long earnedAt) {
    Expiry expiry = program.expiry();
    return switch (expiry.kind()) {
      case NEVER -> Long.MAX_VALUE;
      case ROLLING_DAYS -> Math.addExact(earnedAt, expiry.days() * MILLIS_PER_DAY);
      case END_OF_PERIOD -> calendar.periodStartEpochMillis(
          expiry.unit(), calendar.index(expiry.unit(), earnedAt) + expiry.periods() + 1);
      // Month indexes count from January 1970, so twelve of them align with calendar years.
      case END_OF_YEAR -> calendar.periodStartEpochMillis(
          Granularity.MONTH, (Math.floorDiv(calendar.monthIndex(earnedAt), 12) + expiry.periods() + 1) * 12);
    };
  }

  /** {@code floor(a * b / c)} for non-negative operands, exact beyond 64-bit products. */
  static long mulDiv(long a, long b, long c) {
    long high = Math.multiplyHigh(a, b);
    long product = a * b;
    if (high == 0 && product >= 0) {
      return product / c;
    }
    return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
  }

  /**
   * The working copy of one application. Its lists are the state's own chunked lists, replaced by
   * new versions as the event changes them: a new version shares all but the chunk it touched, so
   * an earn event copies a few references rather than every lot and remembered order.
   */
  private final class Work {
    final long now;
    final PointsState state;
    ChunkedList<LotRow> pending;
    ChunkedList<LotRow> lots;
    EntryRow[] entries;
    int entryCount;
    long debt;
    long shortfall;
    long paidOrders;
    ChunkedList<OrderMemo> orders;
    ChunkedList<Seen> seen;
    ChunkedList<CapUse> caps;
    long earned;
    long redeemed;
    long expired;
    long clawedBack;

    Work(PointsState state, long now) {
      this.now = now;
      this.state = state;
      // The state's constructor made every list chunked, so these are the lists themselves.
      this.pending = ((LotRow.Lots) state.pendingLots()).rows;
      this.lots = ((LotRow.Lots) state.lots()).rows;
      this.debt = state.debt();
      this.shortfall = state.shortfall();
      this.paidOrders = state.paidOrders();
      this.orders = ChunkedList.copyOf(state.orders());
      this.seen = ChunkedList.copyOf(state.seen());
      this.caps = ChunkedList.copyOf(state.caps());
      Totals totals = state.totals();
      this.earned = totals.earned();
      this.redeemed = totals.redeemed();
      this.expired = totals.expired();
      this.clawedBack = totals.clawedBack();
    }

    PointsState state() {
      Totals totals = state.totals();
      Totals changed = earned == totals.earned() && redeemed == totals.redeemed() && expired == totals.expired()
          && clawedBack == totals.clawedBack() ? totals : new Totals(earned, redeemed, expired, clawedBack);
      return new PointsState(PointsState.FORMAT_VERSION, now, lots(pending, state.pendingLots()), lots(lots, state.lots()),
          debt, shortfall, paidOrders, orders, seen, caps, changed);
    }

    /** The state's list of {@code rows}: {@code old} itself when they did not change. */
    private List<Lot> lots(ChunkedList<LotRow> rows, List<Lot> old) {
      return ((LotRow.Lots) old).rows == rows ? old : new LotRow.Lots(rows);
    }

    void entry(EntryRow entry) {
      if (entries == null) {
        entries = new EntryRow[2];
      } else if (entryCount == entries.length) {
        entries = Arrays.copyOf(entries, entryCount * 2);
      }
      entries[entryCount++] = entry;
    }

    List<LedgerEntry> entries() {
      return entryCount == 0 ? List.of() : new EntryRow.Entries(entries, entryCount);
    }

    /**
     * Releases the pending lots due at {@code now} (soonest first), then expires the pending and
     * spendable lots due. Both lists are sorted, so the common case looks at their heads only.
     */
    void advance() {
      while (!pending.isEmpty() && pending.get(0).releaseAtMillis <= now) {
        LotRow lot = pending.get(0);
        pending = pending.withoutFirst(1);
        long repaid = Math.min(debt, lot.points);
        debt -= repaid;
        entry(EntryRow.ofLot(EntryType.RELEASE, lot, lot.releaseAtMillis, lot.points, -lot.points,
            repaid > 0 ? "repaid debt " + repaid : null));
        if (repaid < lot.points) {
          lots = insert(lots, lot.withPoints(lot.points - repaid), false);
        }
      }
      for (int i = 0; i < pending.size(); i++) {
        LotRow lot = pending.get(i);
        if (lot.expiresAtMillis <= now) {
          expire(lot, true);
          pending = pending.removed(i--);
        }
      }
      int due = 0;
      while (due < lots.size() && lots.get(due).expiresAtMillis <= now) {
        expire(lots.get(due++), false);
      }
      lots = lots.withoutFirst(due);
    }

    private void expire(LotRow lot, boolean isPending) {
      entry(EntryRow.ofLot(EntryType.EXPIRE, lot, lot.expiresAtMillis, isPending ? 0 : -lot.points,
          isPending ? -lot.points : 0, null));
      expired = Math.addExact(expired, lot.points);
    }

    /** Forgets orders, event ids and cap periods older than the memory. */
    void forget() {
      long horizon = now - memoryMillis;
      orders = forgetSorted(orders, horizon, OrderMemo::atMillis);
      seen = forgetSorted(seen, horizon, Seen::atMillis);
      caps = forgetCaps(caps, horizon);
    }

    void remember(Seen event) {
      seen = appendByTime(seen, event, Seen::atMillis);
    }

    String earnOrder(String orderId, OrderPaid order) {
      long at = order.atMillis();
      int level = program.levelPercent(order.level());
      long total = 0;
      for (int i = 0; i < orderRules.size(); i++) {
        OrderRule rule = orderRules.get(i);
        long points = cap(rule.id(), rule.cap(), at, orderPoints(rule, order, level));
        if (points > 0) {
          boolean pending = lockMillis > 0;
          add(ORDER, orderId, rule.id(), orderId, at, pending ? at + lockMillis : at, pending, points, EntryType.EARN);
          total += points;
          if (rule.stop()) {
            break;
          }
        }
      }
      orders = appendByTime(orders, new OrderMemo(orderId, at, order.totalMinor(), total, 0, 0), OrderMemo::atMillis);
      if (total > 0) {
        if (paidOrders == 0) {
          earnBehaviour(ORDER, orderId, FIRST_ORDER, at, order.level());
        }
        paidOrders++;
      }
      return null;
    }

    private long orderPoints(OrderRule rule, OrderPaid order, int levelPercent) {
      long eligible = 0;
      long weighted = 0;
      List<OrderLine> lines = order.lines();
      for (int i = 0; i < lines.size(); i++) {
        OrderLine line = lines.get(i);
        if (!rule.excludes(line)) {
          eligible = Math.addExact(eligible, line.amountMinor());
          weighted = Math.addExact(weighted, Math.multiplyExact(line.amountMinor(), (long) rule.percentOf(line)));
        }
      }
      if (eligible == 0 || eligible < rule.minOrderMinor()) {
        return 0;
      }
      long perUnit = Math.multiplyExact((long) levelPercent, rule.pointsPerUnit());
      return mulDiv(weighted, perUnit, Math.multiplyExact(rule.unitMinor(), 10_000L));
    }

    String earnBehaviour(String prefix, String id, String behaviour, long at, String level) {
      int levelPercent = program.levelPercent(level);
      for (int i = 0; i < behaviourRules.size(); i++) {
        BehaviourRule rule = behaviourRules.get(i);
        if (!rule.behaviour().equals(behaviour)) {
          continue;
        }
        long points = cap(rule.id(), rule.cap(), at, mulDiv(rule.points(), levelPercent, 100));
        if (points > 0) {
          add(prefix, id, rule.id(), null, at, at, false, points, EntryType.EARN);
          if (rule.stop()) {
            break;
          }
        }
      }
      return null;
    }

    /** {@code points} truncated to what the cap leaves in {@code at}'s period, recording the use. */
    private long cap(String rule, Cap cap, long at, long points) {
      if (cap == null || points == 0) {
        return points;
      }
      long period = calendar.index(cap.granularity(), at);
      int found = -1;
      for (int i = 0; i < caps.size(); i++) {
        if (caps.get(i).rule().equals(rule) && caps.get(i).period() == period) {
          found = i;
        }
      }
      long used = found < 0 ? 0 : caps.get(found).used();
      long granted = Math.min(points, Math.max(0, cap.max() - used));
      if (granted > 0) {
        CapUse use = new CapUse(rule, period, used + granted, found < 0 ? at : Math.max(at, caps.get(found).atMillis()));
        caps = found < 0 ? caps.appended(use) : caps.with(found, use);
      }
      return granted;
    }

    /**
     * Adds a lot of {@code points} from the source {@code prefix + id} (its key ending in {@code
     * "/" + rule} unless that is null), repaying debt first if it is spendable at once.
     */
    private void add(String prefix, String id, String rule, String orderId, long at, long releaseAt, boolean pending,
        long points, EntryType type) {
      earned = Math.addExact(earned, points);
      long kept = points;
      if (pending) {
        entry(new EntryRow(EntryType.PEND, prefix, id, null, rule, rule, at, 0, points, null));
      } else {
        long repaid = Math.min(debt, points);
        debt -= repaid;
        kept = points - repaid;
        entry(new EntryRow(type, prefix, id, null, rule, rule, at, points, 0, repaid > 0 ? "repaid debt " + repaid : null));
      }
      if (kept > 0) {
        LotRow lot = new LotRow(prefix, id, rule, orderId, at, releaseAt, expiresAt(at), kept);
        if (pending) {
          this.pending = insert(this.pending, lot, true);
        } else {
          lots = insert(lots, lot, false);
        }
      }
    }

    String clawBack(String refundId, PointsEvent.OrderRefund refund) {
      int index = -1;
      for (int i = 0; i < orders.size(); i++) {
        if (orders.get(i).orderId().equals(refund.orderId())) {
          index = i;
        }
      }
      if (index < 0) {
        return "unknown order " + refund.orderId() + " (never paid here, or forgotten after memoryDays)";
      }
      OrderMemo memo = orders.get(index);
      long open = memo.totalMinor() - memo.refundedMinor();
      if (refund.amountMinor() > open) {
        return "over-refund: " + refund.amountMinor() + " refunded against order " + memo.orderId() + ", of which "
            + open + " of " + memo.totalMinor() + " is not yet refunded";
      }
      long refunded = memo.refundedMinor() + refund.amountMinor();
      long target = refunded == memo.totalMinor() ? memo.points() : mulDiv(memo.points(), refunded, memo.totalMinor());
      long amount = target - memo.clawedBack();
      orders = orders.with(index,
          new OrderMemo(memo.orderId(), memo.atMillis(), memo.totalMinor(), memo.points(), refunded, target));
      if (amount > 0) {
        take(REFUND, refundId, EntryType.CLAW_BACK, refund.atMillis(), amount, memo.orderId(), null);
      }
      return null;
    }

    String redeem(String redemptionId, PointsEvent.Redemption redemption) {
      long available = -debt;
      for (int i = 0; i < lots.size(); i++) {
        available += lots.get(i).points;
      }
      if (redemption.points() > available) {
        return "insufficient balance: requested " + redemption.points() + ", available " + available;
      }
      takeFrom(false, redemption.points(), null);
      redeemed = Math.addExact(redeemed, redemption.points());
      entry(new EntryRow(EntryType.REDEEM, REDEMPTION, redemptionId, null, null, null, redemption.atMillis(),
          -redemption.points(), 0, null));
      return null;
    }

    String adjust(String adjustmentId, PointsEvent.Adjustment adjustment) {
      if (adjustment.points() > 0) {
        add(ADJUSTMENT, adjustmentId, null, null, adjustment.atMillis(), adjustment.atMillis(), false,
            adjustment.points(), EntryType.ADJUST);
      } else {
        take(ADJUSTMENT, adjustmentId, EntryType.ADJUST, adjustment.atMillis(), -adjustment.points(), null,
            adjustment.reason());
      }
      return null;
    }

    /**
     * Takes {@code amount}: from {@code orderId}'s pending lots, then available lots, then as debt
     * or shortfall.
     */
    private void take(String prefix, String id, EntryType type, long at, long amount, String orderId, String note) {
      long fromPending = orderId == null ? 0 : takeFrom(true, amount, orderId);
      long fromAvailable = takeFrom(false, amount - fromPending, null);
      long missing = amount - fromPending - fromAvailable;
      long availableDelta = -fromAvailable;
      String text = note;
      if (missing > 0 && program.overdraft() == PointsProgram.Overdraft.NEGATIVE_BALANCE) {
        debt = Math.addExact(debt, missing);
        availableDelta -= missing;
      } else if (missing > 0) {
        shortfall = Math.addExact(shortfall, missing);
        text = (note == null ? "" : note + "; ") + "shortfall " + missing;
      }
      clawedBack = Math.addExact(clawedBack, fromPending - availableDelta);
      entry(new EntryRow(type, prefix, id, null, orderId, null, at, availableDelta, -fromPending, text));
    }

    /**
     * Takes up to {@code amount} from the pending or the available lots in order (only {@code
     * orderId}'s unless it is null); returns what it took.
     */
    private long takeFrom(boolean fromPending, long amount, String orderId) {
      ChunkedList<LotRow> from = fromPending ? pending : lots;
      long taken = 0;
      for (int i = 0; i < from.size() && taken < amount; i++) {
        LotRow lot = from.get(i);
        if (orderId == null || orderId.equals(lot.orderId)) {
          long part = Math.min(lot.points, amount - taken);
          taken += part;
          from = part == lot.points ? from.removed(i--) : from.with(i, lot.withPoints(lot.points - part));
        }
      }
      if (fromPending) {
        pending = from;
      } else {
        lots = from;
      }
      return taken;
    }
  }

  /** {@code list} (oldest first) without the items older than {@code horizon}. */
  private static <T> ChunkedList<T> forgetSorted(ChunkedList<T> list, long horizon, ToLongFunction<T> at) {
    int old = 0;
    while (old < list.size() && at.applyAsLong(list.get(old)) < horizon) {
      old++;
    }
    return list.withoutFirst(old);
  }

  /** {@code list} (oldest first) with {@code item} inserted after the items not later than it. */
  private static <T> ChunkedList<T> appendByTime(ChunkedList<T> list, T item, ToLongFunction<T> at) {
    int i = list.size();
    long time = at.applyAsLong(item);
    while (i > 0 && at.applyAsLong(list.get(i - 1)) > time) {
      i--;
    }
    return list.inserted(i, item);
  }

  /** {@code caps} without the periods last used before {@code horizon}. */
  private static ChunkedList<CapUse> forgetCaps(ChunkedList<CapUse> caps, long horizon) {
    int kept = 0;
    for (int i = 0; i < caps.size(); i++) {
      if (caps.get(i).atMillis() >= horizon) {
        kept++;
      }
    }
    if (kept == caps.size()) {
      return caps;
    }
    ChunkedList.Builder<CapUse> builder = new ChunkedList.Builder<>(kept);
    for (int i = 0; i < caps.size(); i++) {
      if (caps.get(i).atMillis() >= horizon) {
        builder.add(caps.get(i));
      }
    }
    return builder.build();
  }

  /** {@code lots} with {@code lot} inserted in order: pending lots by release, spendable lots by expiry. */
  private static ChunkedList<LotRow> insert(ChunkedList<LotRow> lots, LotRow lot, boolean byRelease) {
    int i = lots.size();
    while (i > 0 && before(lot, lots.get(i - 1), byRelease)) {
      i--;
    }
    return lots.inserted(i, lot);
  }

  private static boolean before(LotRow a, LotRow b, boolean byRelease) {
    if (byRelease && a.releaseAtMillis != b.releaseAtMillis) {
      return a.releaseAtMillis < b.releaseAtMillis;
    }
    if (a.expiresAtMillis != b.expiresAtMillis) {
      return a.expiresAtMillis < b.expiresAtMillis;
    }
    if (a.earnedAtMillis != b.earnedAtMillis) {
      return a.earnedAtMillis < b.earnedAtMillis;
    }
    return a.compareKey(b) < 0;
  }
}
