package dev.userops.incentives.points;

import dev.userops.core.internal.BinaryForm;
import dev.userops.incentives.points.PointsState.CapUse;
import dev.userops.incentives.points.PointsState.Lot;
import dev.userops.incentives.points.PointsState.OrderMemo;
import dev.userops.incentives.points.PointsState.Seen;
import dev.userops.incentives.points.PointsState.Totals;
import java.util.List;

/**
 * The binary form of {@link PointsState}. After the {@link BinaryForm} header (family {@code PNTS},
 * version 1), big-endian: clockMillis; the pending lots and the lots, each as a count then per lot
 * key, orderId (a byte 0 for none, 1 followed by the string), earnedAtMillis, releaseAtMillis,
 * expiresAtMillis, points; debt, shortfall, paidOrders; the orders as a count then per order
 * orderId, atMillis, totalMinor, points, refundedMinor, clawedBack; the seen ids as a count then
 * source, atMillis; the cap uses as a count then rule, period, used, atMillis; the totals earned,
 * redeemed, expired, clawedBack. Strings are length-prefixed UTF-8, counts 4-byte ints, the rest
 * 8-byte longs.
 */
final class PointsStateCodec {
  static final String FAMILY = "PNTS";
  static final int VERSION = 1;
  /** The fewest bytes one list item takes (a seen id: string length and one long), to bound counts. */
  private static final int MIN_ITEM_BYTES = 12;

  private PointsStateCodec() {}

  static byte[] write(PointsState state) {
    BinaryForm.Writer out = BinaryForm.writer(FAMILY, VERSION, size(state));
    out.putLong(state.clockMillis());
    putLots(out, state.pendingLots());
    putLots(out, state.lots());
    out.putLong(state.debt()).putLong(state.shortfall()).putLong(state.paidOrders());
    out.putInt(state.orders().size());
    for (OrderMemo memo : state.orders()) {
      out.putString(memo.orderId()).putLong(memo.atMillis()).putLong(memo.totalMinor()).putLong(memo.points())
          .putLong(memo.refundedMinor()).putLong(memo.clawedBack());
    }
    out.putInt(state.seen().size());
    for (Seen seen : state.seen()) {
      out.putString(seen.source()).putLong(seen.atMillis());
    }
    out.putInt(state.caps().size());
    for (CapUse use : state.caps()) {
      out.putString(use.rule()).putLong(use.period()).putLong(use.used()).putLong(use.atMillis());
    }
    Totals totals = state.totals();
    out.putLong(totals.earned()).putLong(totals.redeemed()).putLong(totals.expired()).putLong(totals.clawedBack());
    return out.toByteArray();
  }

  /** The size of the form when every string is ASCII (else a little more): the writer's first buffer. */
  private static int size(PointsState state) {
    long size = 12 + 8 + 4 + 4 + 24 + 4 + 4 + 4 + 32;
    for (List<Lot> lots : List.of(state.pendingLots(), state.lots())) {
      for (Lot lot : lots) {
        size += 4 + lot.key().length() + 1 + (lot.orderId() == null ? 0 : 4 + lot.orderId().length()) + 32;
      }
    }
    for (OrderMemo memo : state.orders()) {
      size += 4 + memo.orderId().length() + 40;
    }
    for (Seen seen : state.seen()) {
      size += 4 + seen.source().length() + 8;
    }
    for (CapUse use : state.caps()) {
      size += 4 + use.rule().length() + 24;
    }
    return (int) Math.min(size, Integer.MAX_VALUE - 8);
  }

  private static void putLots(BinaryForm.Writer out, List<Lot> lots) {
    out.putInt(lots.size());
    for (Lot lot : lots) {
      out.putString(lot.key());
      if (lot.orderId() == null) {
        out.putByte(0);
      } else {
        out.putByte(1).putString(lot.orderId());
      }
      out.putLong(lot.earnedAtMillis()).putLong(lot.releaseAtMillis()).putLong(lot.expiresAtMillis())
          .putLong(lot.points());
    }
  }

  static PointsState read(byte[] bytes) {
    BinaryForm.Reader in = BinaryForm.reader(bytes, FAMILY, VERSION);
    int bound = bytes.length / MIN_ITEM_BYTES;
    long clock = in.getLong("clockMillis");
    ChunkedList<Lot> pending = getLots(in, "pendingLots", bound);
    ChunkedList<Lot> lots = getLots(in, "lots", bound);
    long debt = in.getLong("debt");
    long shortfall = in.getLong("shortfall");
    long paidOrders = in.getLong("paidOrders");
    ChunkedList.Builder<OrderMemo> orders = new ChunkedList.Builder<>(in.getInt("orders", 0, bound));
    for (int i = orders.size(); i > 0; i--) {
      orders.add(new OrderMemo(in.getString("orderId"), in.getLong("atMillis"), in.getLong("totalMinor"),
          in.getLong("points"), in.getLong("refundedMinor"), in.getLong("clawedBack")));
    }
    ChunkedList.Builder<Seen> seen = new ChunkedList.Builder<>(in.getInt("seen", 0, bound));
    for (int i = seen.size(); i > 0; i--) {
      seen.add(new Seen(in.getString("source"), in.getLong("atMillis")));
    }
    ChunkedList.Builder<CapUse> caps = new ChunkedList.Builder<>(in.getInt("caps", 0, bound));
    for (int i = caps.size(); i > 0; i--) {
      caps.add(new CapUse(in.getString("rule"), in.getLong("period"), in.getLong("used"), in.getLong("atMillis")));
    }
    Totals totals = new Totals(in.getLong("earned"), in.getLong("redeemed"), in.getLong("expired"),
        in.getLong("clawedBack"));
    in.finish();
    return new PointsState(PointsState.FORMAT_VERSION, clock, pending, lots, debt, shortfall, paidOrders,
        orders.build(), seen.build(), caps.build(), totals);
  }

  private static ChunkedList<Lot> getLots(BinaryForm.Reader in, String field, int bound) {
    ChunkedList.Builder<Lot> lots = new ChunkedList.Builder<>(in.getInt(field, 0, bound));
    for (int i = lots.size(); i > 0; i--) {
      String key = in.getString("key");
      int hasOrder = in.getByte("orderId");
      String orderId = switch (hasOrder) {
        case 0 -> null;
        case 1 -> in.getString("orderId");
        default -> throw new IllegalArgumentException(
            FAMILY + ": orderId flag of lot " + key + " must be 0 or 1, got " + hasOrder);
      };
      lots.add(new Lot(key, orderId, in.getLong("earnedAtMillis"), in.getLong("releaseAtMillis"),
          in.getLong("expiresAtMillis"), in.getLong("points")));
    }
    return lots.build();
  }
}
