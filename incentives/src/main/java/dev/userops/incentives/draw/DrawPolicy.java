package dev.userops.incentives.draw;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.draw.DrawOutcome.Award;
import dev.userops.incentives.draw.DrawProgram.Eligibility;
import dev.userops.incentives.draw.DrawState.Draw;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@link DrawProgram} applied with one host key and one zone: {@code apply(state, event,
 * outOfStock)} draws for an eligible event and returns the new state and the award. Pure: the
 * result is a function of the program, the key, the state, the event and the stock passed in; no
 * clock, no {@code Random}, no I/O. Immutable and thread-safe.
 *
 * <p><b>The draw.</b> {@code u} = SipHash-2-4 under the key of the bytes {@code UTF-8(drawId) ‖
 * 0x00 ‖ UTF-8(eventId)} (the draw id holds no U+0000, so the split is unambiguous), as an unsigned
 * 64-bit number; the outcome is the slot of {@code floor(u · total / 2^64)}, see {@link DrawAudit}.
 * Anyone with the key re-derives a result with any SipHash implementation, or with {@link #audit}.
 * The same event always draws the same slot; only the stock and the guarantee change what the slot
 * awards.
 *
 * <p><b>Rules, in order.</b> An event id the state holds is a {@link OutcomeStatus#DUPLICATE} (a
 * replay awards nothing again). An event older than the newest draw minus {@link
 * DrawProgram#memoryDays} is rejected as late: the state no longer holds what it would need. Then
 * the minimum spend, the required and excluded tags and the per-user cap (draws in the event's
 * local day, week or month in this policy's zone, counted whatever order events arrive in) reject
 * an event that fails them; it does not count. Otherwise the draw takes place and counts, whatever
 * it awards: a prize, the consolation prize, or nothing. A guaranteed draw with no prize at least
 * the guaranteed one in stock is rejected ({@link DrawProgram.Guarantee}).
 *
 * <p><b>Stock.</b> The policy only reads which prizes are out of stock; the host keeps the counts
 * and takes a unit of the awarded prize in the same transaction as the state, e.g. {@code UPDATE …
 * SET left = left - 1 WHERE left > 0}. If that finds no unit (another user took the last), the
 * host applies the event again to the state it had, with the prize out of stock: the same ticket
 * then awards what the program's {@link DrawProgram.OutOfStock} rule says.
 *
 * <p>{@link #draw(DrawState, DrawRequest)} is the allocation-free form: the result packed in a
 * {@code long}, without the new state.
 */
public final class DrawPolicy {
  private static final int OUTCOME_BITS = 6;
  private static final long OUTCOME_MASK = (1L << OUTCOME_BITS) - 1;
  /** The outcome code of the miss; prizes are 0 to 62. */
  private static final int MISS = (int) OUTCOME_MASK;
  private static final long RAISED = 1L << OUTCOME_BITS;
  private static final int STATUS_SHIFT = OUTCOME_BITS + 1;
  private static final int REASON_SHIFT = STATUS_SHIFT + 2;
  private static final OutcomeStatus[] STATUSES = OutcomeStatus.values();
  /** An outcome of {@link #outcome}: the guarantee has no prize in stock. */
  private static final int UNAVAILABLE = -1;
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final HexFormat HEX = HexFormat.of();

  /** Why an event did not draw; its ordinal + 1 is packed. */
  private enum Reason { DUPLICATE, LATE, SPEND, REQUIRED_TAG, EXCLUDED_TAG, CAP, GUARANTEE }

  private final DrawProgram program;
  private final CalendarIndex calendar;
  /** The hasher after the key and {@code UTF-8(drawId) ‖ 0x00}: every draw continues from here. */
  private final SipHash prefix;
  private final int prizes;
  private final String[] ids;
  private final long[] values;
  /** Per prize then the miss: the integer weights. */
  private final long[] weights;
  private final long fullTotal;
  private final boolean proportional;
  private final long finiteMask;
  private final String missAward;
  private final long missValue;
  private final long minSpend;
  private final List<String> tags;
  private final long requiredMask;
  private final long excludedMask;
  private final Granularity capUnit;
  private final long capMax;
  private final long memoryMillis;
  /** Memory plus the longest limit period: how far back draws are kept. */
  private final long keepMillis;
  private final int guaranteeIndex;
  private final long guaranteeMin;

  DrawPolicy(DrawProgram program, ZoneId zone, DrawKey key) {
    this.program = Checks.requireNonNull(program, "program");
    this.calendar = CalendarIndex.of(Checks.requireNonNull(zone, "zone"));
    Checks.requireNonNull(key, "key");
    this.prefix = new SipHash().start(key.k0, key.k1).putUtf8(program.drawId()).putByte(0);
    this.prizes = program.prizes().size();
    this.ids = new String[prizes];
    this.values = new long[prizes];
    long finite = 0;
    for (int i = 0; i < prizes; i++) {
      DrawProgram.Prize prize = program.prizes().get(i);
      ids[i] = prize.id();
      values[i] = prize.valueMinor();
      finite |= prize.inventory() == null ? 0 : 1L << i;
    }
    this.finiteMask = finite;
    this.weights = program.scaledWeights();
    long total = 0;
    for (long weight : weights) {
      total += weight;
    }
    this.fullTotal = total;
    this.proportional = program.outOfStock() == DrawProgram.OutOfStock.PROPORTIONAL;
    this.missAward = program.consolation() == null ? null : program.consolation().id();
    this.missValue = program.consolation() == null ? 0 : program.consolation().valueMinor();
    Eligibility eligibility = program.eligibility();
    this.minSpend = eligibility.minSpendMinor();
    this.tags = eligibility.tags();
    this.requiredMask = eligibility.requiredTags().isEmpty() ? 0 : -1L >>> (64 - eligibility.requiredTags().size());
    this.excludedMask = eligibility.excludedTags().isEmpty() ? 0
        : (-1L >>> (64 - eligibility.excludedTags().size())) << eligibility.requiredTags().size();
    this.capUnit = eligibility.cap() == null ? null : eligibility.cap().granularity();
    this.capMax = eligibility.cap() == null ? Long.MAX_VALUE : eligibility.cap().max();
    this.memoryMillis = program.memoryDays() * MILLIS_PER_DAY;
    // A local period is at most this long, DST and zone changes included.
    long longestPeriod = capUnit == null ? 0 : switch (capUnit) {
      case DAY -> 2;
      case WEEK -> 8;
      case MONTH -> 32;
    };
    this.keepMillis = memoryMillis + longestPeriod * MILLIS_PER_DAY;
    this.guaranteeIndex = program.guarantee() == null ? -1 : program.prizeIndex(program.guarantee().atLeast());
    this.guaranteeMin = program.guarantee() == null ? 0 : program.guarantee().minSpendMinor();
  }

  /**
   * The program applied.
   *
   * @return the program this policy was made from
   */
  public DrawProgram program() {
    return program;
  }

  /**
   * The state of a user who has never drawn.
   *
   * @return the shared empty state
   */
  public DrawState newState() {
    return DrawState.EMPTY;
  }

  // ---------------------------------------------------------------- apply

  /**
   * Applies {@code event} to {@code state} with {@code outOfStock} prizes out of stock.
   *
   * @param state the user's state as last persisted; {@link #newState()} for a new user
   * @param event the event
   * @param outOfStock ids of prizes with an inventory and no unit left; empty when all are in stock
   * @return applied with the new state (the draw counted) and the award if something was won, or a
   *     duplicate or rejection with the input state, a reason and no award
   * @throws NullPointerException if an argument or an id is null
   * @throws IllegalArgumentException if an id of {@code outOfStock} is not a prize with an inventory
   */
  public DrawOutcome apply(DrawState state, DrawEvent event, Collection<String> outOfStock) {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(event, "event");
    long stock = stockMask(outOfStock);
    long at = event.occurredAt().toEpochMilli();
    long code = draw(state, event.eventId(), at, event.amountMinor(), tagMask(event.tags()), stock, new SipHash());
    OutcomeStatus status = status(code);
    if (status != OutcomeStatus.APPLIED) {
      return new DrawOutcome(state, status, reason(code, state, event), List.of());
    }
    String awarded = awarded(code);
    DrawState next = remember(state, new Draw(event.eventId(), at, awarded));
    if (awarded == null) {
      return new DrawOutcome(next, status, null, List.of());
    }
    int outcome = (int) (code & OUTCOME_MASK);
    Award award = new Award("draw:" + program.drawId() + ":" + event.eventId(), awarded,
        outcome == MISS ? missValue : values[outcome], outcome == MISS, (code & RAISED) != 0,
        ticket(hash(event.eventId(), new SipHash())), idsOf(stock));
    return new DrawOutcome(next, status, null, List.of(award));
  }

  /**
   * The allocation-free draw: what {@link #apply} would decide, packed in a {@code long}, without
   * the new state. Decode it with {@link #status(long)}, {@link #prizeIndex(long)} and {@link
   * #awarded(long)}.
   *
   * @param state the user's state
   * @param request the event, every field set
   * @return the packed result
   * @throws NullPointerException if an argument or the request's event id is null
   * @throws IllegalArgumentException if the request's time or amount is unset, or its stock mask
   *     names a prize without inventory
   */
  public long draw(DrawState state, DrawRequest request) {
    Checks.requireNonNull(state, "state");
    return draw(state, request.eventId(), request.atMillis(), request.amountMinor(), request.tags(),
        request.outOfStock(), request.hasher);
  }

  private long draw(DrawState state, CharSequence eventId, long at, long amount, long tagMask, long stock,
      SipHash hasher) {
    if (eventId == null) {
      throw new NullPointerException("eventId must not be null");
    }
    if (at == Long.MIN_VALUE || amount < 0) {
      throw new IllegalArgumentException("atMillis and amountMinor must be set, got " + at + " and " + amount);
    }
    if ((stock & ~finiteMask) != 0) {
      throw new IllegalArgumentException("outOfStock names prizes without inventory: " + idsOf(stock & ~finiteMask));
    }
    List<Draw> draws = state.draws();
    for (int i = draws.size() - 1; i >= 0; i--) {
      if (draws.get(i).eventId().contentEquals(eventId)) {
        return packRejection(OutcomeStatus.DUPLICATE, Reason.DUPLICATE);
      }
    }
    if (!draws.isEmpty() && at < state.newestMillis() - memoryMillis) {
      return packRejection(OutcomeStatus.REJECTED, Reason.LATE);
    }
    if (amount < minSpend) {
      return packRejection(OutcomeStatus.REJECTED, Reason.SPEND);
    }
    if ((tagMask & requiredMask) != requiredMask) {
      return packRejection(OutcomeStatus.REJECTED, Reason.REQUIRED_TAG);
    }
    if ((tagMask & excludedMask) != 0) {
      return packRejection(OutcomeStatus.REJECTED, Reason.EXCLUDED_TAG);
    }
    if (capUnit != null && countInPeriod(draws, at) >= capMax) {
      return packRejection(OutcomeStatus.REJECTED, Reason.CAP);
    }
    int outcome = outcome(hash(eventId, hasher), stock, guaranteeIndex >= 0 && amount >= guaranteeMin);
    return outcome == UNAVAILABLE ? packRejection(OutcomeStatus.REJECTED, Reason.GUARANTEE) : outcome;
  }

  private long countInPeriod(List<Draw> draws, long at) {
    long period = calendar.index(capUnit, at);
    long count = 0;
    for (int i = 0; i < draws.size(); i++) {
      if (calendar.index(capUnit, draws.get(i).atMillis()) == period) {
        count++;
      }
    }
    return count;
  }

  private static long packRejection(OutcomeStatus status, Reason reason) {
    return MISS | (long) status.ordinal() << STATUS_SHIFT | (long) (reason.ordinal() + 1) << REASON_SHIFT;
  }

  long hash(CharSequence eventId, SipHash hasher) {
    return hasher.startFrom(prefix).putUtf8(eventId).finish();
  }

  /**
   * The outcome of ticket {@code u}: a prize index or {@link #MISS}, with {@link #RAISED} if the
   * guarantee raised it, or {@link #UNAVAILABLE}.
   */
  int outcome(long u, long stock, boolean guaranteed) {
    return raised(proportional ? drawnProportional(u, stock) : drawnInPlace(u, stock), stock, guaranteed);
  }

  /** {@code drawn} after the guarantee: itself, the lowest prize in stock at least the guaranteed one, or none. */
  private int raised(int drawn, long stock, boolean guaranteed) {
    if (!guaranteed || drawn <= guaranteeIndex) {
      return drawn;
    }
    for (int i = guaranteeIndex; i >= 0; i--) {
      if ((stock >>> i & 1) == 0) {
        return i | (int) RAISED;
      }
    }
    return UNAVAILABLE;
  }

  /** {@link DrawProgram.OutOfStock#CONSOLATION}: fixed slots; an out-of-stock prize's slot misses. */
  private int drawnInPlace(long u, long stock) {
    long point = scale(u, fullTotal);
    long end = 0;
    for (int i = 0; i < prizes; i++) {
      end += weights[i];
      if (point < end) {
        return (stock >>> i & 1) == 0 ? i : MISS;
      }
    }
    return MISS;
  }

  /** {@link DrawProgram.OutOfStock#PROPORTIONAL}: the slots of prizes in stock and the miss. */
  private int drawnProportional(long u, long stock) {
    long total = totalInStock(stock);
    if (total == 0) {
      return MISS;
    }
    long point = scale(u, total);
    long end = 0;
    for (int i = 0; i < prizes; i++) {
      if ((stock >>> i & 1) == 0) {
        end += weights[i];
        if (point < end) {
          return i;
        }
      }
    }
    return MISS;
  }

  private long totalInStock(long stock) {
    if (!proportional) {
      return fullTotal;
    }
    long total = weights[prizes];
    for (int i = 0; i < prizes; i++) {
      total += (stock >>> i & 1) == 0 ? weights[i] : 0;
    }
    return total;
  }

  /** {@code floor(u · total / 2^64)} for unsigned {@code u} and {@code total >= 0}: the exact high half. */
  static long scale(long u, long total) {
    return Math.multiplyHigh(u, total) + (u >> 63 & total);
  }

  // ---------------------------------------------------------------- decoding

  /**
   * The status of a packed result.
   *
   * @param code a result of {@link #draw(DrawState, DrawRequest)}
   * @return applied, duplicate or rejected
   */
  public static OutcomeStatus status(long code) {
    return STATUSES[(int) (code >>> STATUS_SHIFT) & 3];
  }

  /**
   * The prize of a packed result.
   *
   * @param code a result of {@link #draw(DrawState, DrawRequest)}
   * @return the prize's index in the program, or {@code -1} for a miss (the consolation prize or
   *     nothing) and for results not applied
   */
  public static int prizeIndex(long code) {
    int outcome = (int) (code & OUTCOME_MASK);
    return status(code) != OutcomeStatus.APPLIED || outcome == MISS ? -1 : outcome;
  }

  /**
   * Whether the guarantee raised the drawn result of a packed result.
   *
   * @param code a result of {@link #draw(DrawState, DrawRequest)}
   * @return {@code true} if the prize is the guarantee's, not the slot's
   */
  public static boolean guaranteed(long code) {
    return (code & RAISED) != 0;
  }

  /**
   * What a packed result awards.
   *
   * @param code a result of this policy's {@link #draw(DrawState, DrawRequest)}
   * @return the prize or consolation id, or {@code null} for nothing and for results not applied
   */
  public String awarded(long code) {
    if (status(code) != OutcomeStatus.APPLIED) {
      return null;
    }
    int outcome = (int) (code & OUTCOME_MASK);
    return outcome == MISS ? missAward : ids[outcome];
  }

  private String reason(long code, DrawState state, DrawEvent event) {
    Reason reason = Reason.values()[(int) (code >>> REASON_SHIFT) - 1];
    return switch (reason) {
      case DUPLICATE -> "event " + event.eventId() + " was drawn before";
      case LATE -> "event at " + event.occurredAt() + " is more than " + program.memoryDays()
          + " days before the newest draw at " + Instant.ofEpochMilli(state.newestMillis());
      case SPEND -> "amount " + event.amountMinor() + " is below the minimum spend " + minSpend;
      case REQUIRED_TAG -> "the user lacks a required tag of " + program.eligibility().requiredTags();
      case EXCLUDED_TAG -> "the user carries an excluded tag of " + program.eligibility().excludedTags();
      case CAP -> "the cap of " + capMax + " draws per " + capUnit + " is reached";
      case GUARANTEE -> "guaranteed draw: no prize at least " + program.guarantee().atLeast() + " is in stock";
    };
  }

  // ---------------------------------------------------------------- state

  /** {@code state} with {@code draw} inserted in time order, draws older than the keep window dropped. */
  private DrawState remember(DrawState state, Draw draw) {
    List<Draw> draws = state.draws();
    long newest = Math.max(state.newestMillis(), draw.atMillis());
    List<Draw> next = new ArrayList<>(draws.size() + 1);
    boolean inserted = false;
    for (Draw d : draws) {
      if (!inserted && d.atMillis() > draw.atMillis()) {
        next.add(draw);
        inserted = true;
      }
      next.add(d);
    }
    if (!inserted) {
      next.add(draw);
    }
    next.removeIf(d -> d.atMillis() < newest - keepMillis);
    return new DrawState(DrawState.FORMAT_VERSION, next);
  }

  // ---------------------------------------------------------------- masks and audit

  /**
   * The tag mask of a user's tags for {@link DrawRequest#tags(long)}.
   *
   * @param userTags the user's tags; those the program does not name are ignored
   * @return bit {@code i} set for the program's tag {@code i} (required tags, then excluded ones)
   * @throws NullPointerException if {@code userTags} is null
   */
  public long tagMask(Collection<String> userTags) {
    Checks.requireNonNull(userTags, "tags");
    long mask = 0;
    for (int i = 0; i < tags.size(); i++) {
      mask |= userTags.contains(tags.get(i)) ? 1L << i : 0;
    }
    return mask;
  }

  /**
   * The stock mask of out-of-stock prizes for {@link DrawRequest#outOfStock(long)}.
   *
   * @param outOfStock ids of prizes with an inventory and no unit left
   * @return bit {@code i} set for prize {@code i}
   * @throws NullPointerException if the collection or an id is null
   * @throws IllegalArgumentException if an id is not a prize, or a prize without inventory
   */
  public long stockMask(Collection<String> outOfStock) {
    Checks.requireNonNull(outOfStock, "outOfStock");
    long mask = 0;
    for (String id : outOfStock) {
      int i = program.prizeIndex(id);
      Checks.checkArgument((finiteMask >>> i & 1) != 0,
          "outOfStock: prize \"%s\" has no inventory, so it cannot run out", id);
      mask |= 1L << i;
    }
    return mask;
  }

  private List<String> idsOf(long mask) {
    List<String> out = new ArrayList<>(Long.bitCount(mask));
    for (int i = 0; i < prizes; i++) {
      if ((mask >>> i & 1) != 0) {
        out.add(ids[i]);
      }
    }
    return out;
  }

  private static String ticket(long u) {
    return HEX.toHexDigits(u);
  }

  /**
   * Re-derives the draw of {@code event} with {@code outOfStock} prizes out of stock, as if the
   * event were eligible and under the cap: the ticket, the slots, the point and what it awards. An
   * award's {@link Award#outOfStock()} is the stock it was drawn with. The point is computed twice,
   * by the draw's 64-bit arithmetic and by {@link BigInteger}, and must agree.
   *
   * @param event the event
   * @param outOfStock ids of prizes out of stock when it was drawn
   * @return the derivation
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #stockMask}
   */
  public DrawAudit audit(DrawEvent event, Collection<String> outOfStock) {
    Checks.requireNonNull(event, "event");
    long stock = stockMask(outOfStock);
    long u = hash(event.eventId(), new SipHash());
    boolean guaranteed = guaranteeIndex >= 0 && event.amountMinor() >= guaranteeMin;
    long total = totalInStock(stock);
    List<DrawAudit.Slot> slots = new ArrayList<>(prizes + 1);
    long end = 0;
    for (int i = 0; i < prizes; i++) {
      boolean inStock = (stock >>> i & 1) == 0;
      if (inStock || !proportional) {
        slots.add(new DrawAudit.Slot(ids[i], end, end + weights[i], awardOf(inStock ? i : MISS, stock, guaranteed)));
        end += weights[i];
      }
    }
    // With every prize out of stock and no miss weight, the miss is certain: one point of weight.
    long shownTotal = Math.max(total, 1);
    slots.add(new DrawAudit.Slot(null, end, shownTotal, awardOf(MISS, stock, guaranteed)));
    long point = scale(u, total);
    BigInteger exact = new BigInteger(Long.toUnsignedString(u)).multiply(BigInteger.valueOf(total)).shiftRight(64);
    Checks.checkState(exact.longValueExact() == point, "point: 64-bit %s differs from exact %s", point, exact);
    int outcome = outcome(u, stock, guaranteed);
    return new DrawAudit(program.drawId(), event.eventId(), ticket(u), shownTotal, point, slots,
        outcome == UNAVAILABLE ? OutcomeStatus.REJECTED : OutcomeStatus.APPLIED,
        outcome == UNAVAILABLE ? null : awarded(outcome), (outcome & RAISED) != 0 && outcome != UNAVAILABLE);
  }

  /** What a slot drawing {@code drawn} awards after the guarantee. */
  private String awardOf(int drawn, long stock, boolean guaranteed) {
    int outcome = raised(drawn, stock, guaranteed);
    return outcome == UNAVAILABLE ? null : awarded(outcome);
  }
}
