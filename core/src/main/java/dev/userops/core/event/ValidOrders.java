package dev.userops.core.event;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.IdTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The one definition of a valid order and its net amount, shared by every calculation that takes
 * orders with refunds: joins {@link Order}s and {@link Refund}s by order id under a {@link
 * RefundTreatment} and passes each purchase on as primitives, for the hot paths of accumulators.
 *
 * <p>Orders are screened as they are added (negative amount, before 1970, after {@code asOf},
 * duplicate order id). Refunds may arrive before or after their order; they are applied when {@link
 * #forEach} first runs, in {@code (occurredAt, refundId)} order so the outcome does not depend on
 * input order, and are bad records when their order is unknown, not paid, or already refunded in
 * full by earlier refunds (the refund that would exceed the amount is skipped whole). Refunds after
 * {@code asOf} have not happened yet as of {@code asOf} and are bad records too ({@link
 * BadRecordReason#AFTER_AS_OF}). A refund changes the order's amount, not its time.
 *
 * <p>Records are numbered from 0 across {@link #addOrder} and {@link #addRefund} calls for the
 * {@link BadRecordPolicy}; under {@code REJECT} a bad refund throws from {@link #forEach}.
 *
 * <p>Memory per order: four {@code long}s and a status byte in arrays grown by doubling (33 to 66
 * bytes), and the order id's UTF-8 plus 10 to 16 bytes; measured with 10-byte ids, 57 bytes at 1
 * million orders and 76 at 10 million. Refunds are held as given until {@link #forEach}. Mutable,
 * not thread-safe; use once.
 */
public final class ValidOrders {
  private static final OrderStatus[] STATUSES = OrderStatus.values();

  private final RefundTreatment treatment;
  private final BadRecords badRecords;
  private final long asOfMillis;
  /** Order ids; an id's index is its order's index in the arrays below. */
  private final IdTable orderIds = new IdTable();
  private final List<PendingRefund> refunds = new ArrayList<>();
  private long[] userIds = new long[16];
  private long[] epochMillis = new long[16];
  private long[] amountMinor = new long[16];
  private long[] refundedMinor = new long[16];
  /** {@link OrderStatus} ordinals. */
  private byte[] statuses = new byte[16];
  private int orders;
  private long records;
  private boolean refundsApplied;

  private record PendingRefund(long recordIndex, Refund refund) {}

  private ValidOrders(RefundTreatment treatment, BadRecordPolicy policy, Instant asOf) {
    this.treatment = Checks.requireNonNull(treatment, "treatment");
    this.badRecords = new BadRecords(Checks.requireNonNull(policy, "policy"));
    this.asOfMillis = asOf == null ? Long.MAX_VALUE : asOf.toEpochMilli();
  }

  /**
   * An empty join.
   *
   * @param treatment how refunds count against orders
   * @param policy what a bad order or refund does: throw, or be skipped and counted
   * @param asOf orders and refunds after this instant are bad records; {@code null} for no bound
   * @return a new, empty join
   * @throws NullPointerException if {@code treatment} or {@code policy} is null
   */
  public static ValidOrders create(RefundTreatment treatment, BadRecordPolicy policy, Instant asOf) {
    return new ValidOrders(treatment, policy, asOf);
  }

  /**
   * Adds an order.
   *
   * @param order the order, of any status; a bad one is skipped and counted under {@code
   *     SKIP_AND_COUNT}
   * @return whether the order was kept; kept orders are numbered from 0 in the order they were
   *     added, the index {@link #forEachIndexed} passes on
   * @throws NullPointerException if {@code order} is null
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   * @throws IllegalStateException after {@link #forEach} has run
   */
  public boolean addOrder(Order order) {
    Checks.requireNonNull(order, "order");
    Checks.checkState(!refundsApplied, "cannot add orders after forEach");
    long recordIndex = records++;
    if (!badRecords.acceptOrder(recordIndex, order.occurredAtMillis(), order.amountMinor(), asOfMillis)) {
      return false;
    }
    // A new id gets the next index, which is this order's; an older index is a duplicate.
    if (orderIds.indexOf(order.orderId()) < orders) {
      badRecords.report(recordIndex, BadRecordReason.DUPLICATE_ORDER_ID, "orderId " + order.orderId() + " seen before");
      return false;
    }
    if (orders == userIds.length) {
      grow();
    }
    userIds[orders] = order.userId();
    epochMillis[orders] = order.occurredAtMillis();
    amountMinor[orders] = order.amountMinor();
    statuses[orders] = (byte) order.status().ordinal();
    orders++;
    return true;
  }

  private void grow() {
    int capacity = Math.multiplyExact(userIds.length, 2);
    userIds = Arrays.copyOf(userIds, capacity);
    epochMillis = Arrays.copyOf(epochMillis, capacity);
    amountMinor = Arrays.copyOf(amountMinor, capacity);
    refundedMinor = Arrays.copyOf(refundedMinor, capacity);
    statuses = Arrays.copyOf(statuses, capacity);
  }

  private OrderStatus status(int index) {
    return STATUSES[statuses[index]];
  }

  /**
   * Adds a refund, applied when {@link #forEach} first runs. Ignored under {@link
   * RefundTreatment#GROSS} (but still screened).
   *
   * @param refund the refund; its order may be added before or after it
   * @throws NullPointerException if {@code refund} is null
   * @throws dev.userops.core.BadRecordException for a negative amount or a time before 1970 or
   *     after {@code asOf} under {@code REJECT}
   * @throws IllegalStateException after {@link #forEach} has run
   */
  public void addRefund(Refund refund) {
    Checks.requireNonNull(refund, "refund");
    Checks.checkState(!refundsApplied, "cannot add refunds after forEach");
    long recordIndex = records++;
    if (badRecords.acceptOrder(recordIndex, refund.occurredAt().toEpochMilli(), refund.amountMinor(), asOfMillis)) {
      refunds.add(new PendingRefund(recordIndex, refund));
    }
  }

  private void applyRefunds() {
    refunds.sort(
        Comparator.comparing((PendingRefund p) -> p.refund().occurredAt())
            .thenComparing(p -> p.refund().refundId()));
    for (PendingRefund pending : refunds) {
      Refund refund = pending.refund();
      int index = orderIds.find(refund.orderId());
      if (index < 0) {
        badRecords.report(pending.recordIndex(), BadRecordReason.REFUND_OF_UNKNOWN_ORDER,
            "refund " + refund.refundId() + " of orderId " + refund.orderId() + " not in the input");
      } else if (status(index) != OrderStatus.PAID) {
        badRecords.report(pending.recordIndex(), BadRecordReason.REFUND_OF_UNPAID_ORDER,
            "refund " + refund.refundId() + " of orderId " + refund.orderId() + " with status " + status(index));
      } else if (refund.amountMinor() > amountMinor[index] - refundedMinor[index]) {
        badRecords.report(pending.recordIndex(), BadRecordReason.REFUND_EXCEEDS_ORDER,
            "refund " + refund.refundId() + " of " + refund.amountMinor() + " exceeds the "
                + (amountMinor[index] - refundedMinor[index]) + " left of orderId " + refund.orderId());
      } else {
        refundedMinor[index] += refund.amountMinor();
      }
    }
    refunds.clear();
  }

  /**
   * Passes each valid order to {@code visitor} in the order orders were added: its user, time and
   * amount net of refunds under the treatment. Orders refunded in full are left out under {@link
   * RefundTreatment#NET}; a zero-amount order that was never refunded is a purchase. May be called
   * again; refunds are applied only once.
   *
   * @param visitor receives each valid order's user, epoch millis and net amount in minor units
   * @throws NullPointerException if {@code visitor} is null
   * @throws dev.userops.core.BadRecordException on the first run, for a refund of an unknown or
   *     unpaid order or one exceeding what is left of the order's amount, under {@code REJECT}
   */
  public void forEach(Visitor visitor) {
    Checks.requireNonNull(visitor, "visitor");
    forEachIndexed((index, userId, millis, amount) -> visitor.order(userId, millis, amount));
  }

  /**
   * Like {@link #forEach}, with each order's index among the orders kept by {@link #addOrder}: for
   * a caller that needs more of an order than its user, time and amount (its id, say) and keeps
   * that for the kept orders only.
   *
   * @param visitor receives each valid order's index, user, epoch millis and net amount
   * @throws NullPointerException if {@code visitor} is null
   * @throws dev.userops.core.BadRecordException as {@link #forEach} does
   */
  public void forEachIndexed(IndexedVisitor visitor) {
    Checks.requireNonNull(visitor, "visitor");
    if (!refundsApplied) {
      refundsApplied = true;
      applyRefunds();
    }
    for (int i = 0; i < orders; i++) {
      if (!treatment.counts(status(i))) {
        continue;
      }
      long amount = treatment == RefundTreatment.NET ? amountMinor[i] - refundedMinor[i] : amountMinor[i];
      if (treatment == RefundTreatment.NET && refundedMinor[i] > 0 && amount == 0) {
        continue;
      }
      visitor.order(i, userIds[i], epochMillis[i], amount);
    }
  }

  /**
   * Records skipped so far, by reason.
   *
   * @return a snapshot of the counts; complete once {@link #forEach} has run, empty under {@code
   *     REJECT}
   */
  public Diagnostics diagnostics() {
    return badRecords.diagnostics();
  }

  /** Receives valid orders as primitives. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * One valid order.
     *
     * @param userId the buyer
     * @param epochMillis when it was placed
     * @param amountMinor its amount net of refunds under the treatment, {@code >= 0}
     */
    void order(long userId, long epochMillis, long amountMinor);
  }

  /** Receives valid orders as primitives, with their index among the orders kept. */
  @FunctionalInterface
  public interface IndexedVisitor {
    /**
     * One valid order.
     *
     * @param index the order's position among the orders {@link #addOrder} kept, from 0
     * @param userId the buyer
     * @param epochMillis when it was placed
     * @param amountMinor its amount net of refunds under the treatment, {@code >= 0}
     */
    void order(int index, long userId, long epochMillis, long amountMinor);
  }
}
