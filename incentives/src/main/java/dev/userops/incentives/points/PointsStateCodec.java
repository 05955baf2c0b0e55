package dev.userops.incentives.points;

import dev.userops.core.internal.BinaryForm;
import dev.userops.core.internal.Checks;
import dev.userops.incentives.points.PointsState.CapUse;
import dev.userops.incentives.points.PointsState.Lot;
import dev.userops.incentives.points.PointsState.OrderMemo;
import dev.userops.incentives.points.PointsState.Seen;
import dev.userops.incentives.points.PointsState.Totals;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 *
 * <p>A host writes the state after every event, so {@link Out} writes the bytes {@link
 * BinaryForm.Writer} would into one array of the form's size: the general writer's growing buffer,
 * final copy and one encoded array per string made 16.9 KB of garbage for the 6 KB form of 50 lots
 * (issue 11). Reading stays with {@link BinaryForm.Reader}: the state's strings and records are
 * most of its cost, and a reader on the array itself measured within noise of it.
 */
final class PointsStateCodec {
  static final String FAMILY = "PNTS";
  static final int VERSION = 1;
  /** The fewest bytes one list item takes (a seen id: string length and one long), to bound counts. */
  private static final int MIN_ITEM_BYTES = 12;
  private static final byte[] ORDER = PointsPolicy.ORDER.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEADER = BinaryForm.writer(FAMILY, VERSION, 0).toByteArray();
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private PointsStateCodec() {}

  static byte[] write(PointsState state) {
    Out out = new Out(size(state));
    out.putLong(state.clockMillis());
    putLots(out, rows(state.pendingLots()));
    putLots(out, rows(state.lots()));
    out.putLong(state.debt()).putLong(state.shortfall()).putLong(state.paidOrders());
    List<OrderMemo> orders = state.orders();
    out.putInt(orders.size());
    for (int i = 0; i < orders.size(); i++) {
      OrderMemo memo = orders.get(i);
      out.putString(memo.orderId()).putLong(memo.atMillis()).putLong(memo.totalMinor()).putLong(memo.points())
          .putLong(memo.refundedMinor()).putLong(memo.clawedBack());
    }
    List<Seen> seen = state.seen();
    out.putInt(seen.size());
    for (int i = 0; i < seen.size(); i++) {
      out.putString(seen.get(i).source()).putLong(seen.get(i).atMillis());
    }
    List<CapUse> caps = state.caps();
    out.putInt(caps.size());
    for (int i = 0; i < caps.size(); i++) {
      CapUse use = caps.get(i);
      out.putString(use.rule()).putLong(use.period()).putLong(use.used()).putLong(use.atMillis());
    }
    Totals totals = state.totals();
    out.putLong(totals.earned()).putLong(totals.redeemed()).putLong(totals.expired()).putLong(totals.clawedBack());
    return out.bytes();
  }

  /** The size of the form when every string is ASCII; {@link Out} grows past it for other text. */
  private static int size(PointsState state) {
    long size = HEADER.length + 8 + 4 + 4 + 24 + 4 + 4 + 4 + 32;
    size += lotsSize(rows(state.pendingLots())) + lotsSize(rows(state.lots()));
    List<OrderMemo> orders = state.orders();
    for (int i = 0; i < orders.size(); i++) {
      size += 4 + orders.get(i).orderId().length() + 40;
    }
    List<Seen> seen = state.seen();
    for (int i = 0; i < seen.size(); i++) {
      size += 4 + seen.get(i).source().length() + 8;
    }
    List<CapUse> caps = state.caps();
    for (int i = 0; i < caps.size(); i++) {
      size += 4 + caps.get(i).rule().length() + 24;
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("binary form exceeds " + (Integer.MAX_VALUE - 8) + " bytes");
    }
    return (int) size;
  }

  private static ChunkedList<LotRow> rows(List<Lot> lots) {
    return ((LotRow.Lots) lots).rows;
  }

  private static long lotsSize(ChunkedList<LotRow> lots) {
    long size = 0;
    for (int i = 0; i < lots.size(); i++) {
      LotRow lot = lots.get(i);
      size += 4 + lot.prefix.length() + lot.id.length() + (lot.rule == null ? 0 : 1 + lot.rule.length()) + 1
          + (lot.orderId == null ? 0 : 4 + lot.orderId.length()) + 32;
    }
    return size;
  }

  private static void putLots(Out out, ChunkedList<LotRow> lots) {
    out.putInt(lots.size());
    for (int i = 0; i < lots.size(); i++) {
      LotRow lot = lots.get(i);
      out.putKey(lot.prefix, lot.id, lot.rule);
      if (lot.orderId == null) {
        out.putByte(0);
      } else {
        out.putByte(1).putString(lot.orderId);
      }
      out.putLong(lot.earnedAtMillis).putLong(lot.releaseAtMillis).putLong(lot.expiresAtMillis).putLong(lot.points);
    }
  }

  static PointsState read(byte[] bytes) {
    BinaryForm.Reader in = BinaryForm.reader(bytes, FAMILY, VERSION);
    int bound = bytes.length / MIN_ITEM_BYTES;
    long clock = in.getLong("clockMillis");
    ChunkedList<LotRow> pending = getLots(in, bytes, "pendingLots", bound);
    ChunkedList<LotRow> lots = getLots(in, bytes, "lots", bound);
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
    return new PointsState(PointsState.FORMAT_VERSION, clock, new LotRow.Lots(pending), new LotRow.Lots(lots), debt,
        shortfall, paidOrders,
        orders.build(), seen.build(), caps.build(), totals);
  }

  /**
   * Reads lots into rows. A key {@code order:<orderId>/<rule>} of a lot that names its order is
   * recognised in the bytes and kept as its parts, the order id shared and the rule shared with the
   * lot before when their bytes are equal: a read makes no key string for a lot an order earned.
   */
  private static ChunkedList<LotRow> getLots(BinaryForm.Reader in, byte[] bytes, String field, int bound) {
    ChunkedList.Builder<LotRow> lots = new ChunkedList.Builder<>(in.getInt(field, 0, bound));
    String rule = null;
    int ruleStart = 0;
    int ruleLength = 0;
    for (int i = lots.size(); i > 0; i--) {
      int keyLength = in.skipString("key");
      int keyStart = in.position() - keyLength;
      int hasOrder = in.getByte("orderId");
      String orderId = null;
      int idLength = 0;
      if (hasOrder == 1) {
        idLength = in.skipString("orderId");
        orderId = new String(bytes, in.position() - idLength, idLength, StandardCharsets.UTF_8);
      } else if (hasOrder != 0) {
        throw new IllegalArgumentException(FAMILY + ": orderId flag of lot "
            + new String(bytes, keyStart, keyLength, StandardCharsets.UTF_8) + " must be 0 or 1, got " + hasOrder);
      }
      int start = keyStart + ORDER.length + idLength + 1;
      LotRow lot;
      if (orderId != null && start <= keyStart + keyLength && same(ORDER, 0, bytes, keyStart, ORDER.length)
          && same(bytes, keyStart + ORDER.length, bytes, in.position() - idLength, idLength)
          && bytes[start - 1] == '/') {
        int length = keyStart + keyLength - start;
        if (rule == null || length != ruleLength || !same(bytes, start, bytes, ruleStart, length)) {
          rule = new String(bytes, start, length, StandardCharsets.UTF_8);
          ruleStart = start;
          ruleLength = length;
        }
        lot = new LotRow(PointsPolicy.ORDER, orderId, rule, orderId, in.getLong("earnedAtMillis"),
            in.getLong("releaseAtMillis"), in.getLong("expiresAtMillis"), in.getLong("points"));
      } else {
        String key = Checks.requireNonBlank(new String(bytes, keyStart, keyLength, StandardCharsets.UTF_8), "key");
        lot = new LotRow("", key, null, orderId, in.getLong("earnedAtMillis"), in.getLong("releaseAtMillis"),
            in.getLong("expiresAtMillis"), in.getLong("points"));
      }
      lots.add(lot);
    }
    return lots.build();
  }

  /**
   * Whether {@code length} bytes of {@code a} and {@code b} from the offsets are equal: a loop, as
   * ids are a few bytes long and the range form of {@code Arrays.equals} cost more than it saved.
   */
  private static boolean same(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
    for (int i = 0; i < length; i++) {
      if (a[aFrom + i] != b[bFrom + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes into one array sized for ASCII strings, which it returns as it is when they were: the
   * bytes of {@link BinaryForm.Writer}. The array always has room for the rest as sized, so only a
   * string with other characters (encoded as {@code String.getBytes(UTF_8)} does) checks and grows it.
   */
  private static final class Out {
    private byte[] bytes;
    private int at;

    Out(int size) {
      bytes = Arrays.copyOf(HEADER, size);
      at = HEADER.length;
    }

    Out putByte(int value) {
      bytes[at++] = (byte) value;
      return this;
    }

    Out putInt(int value) {
      INTS.set(bytes, at, value);
      at += 4;
      return this;
    }

    Out putLong(long value) {
      LONGS.set(bytes, at, value);
      at += 8;
      return this;
    }

    Out putString(String value) {
      int start = at;
      return ended(start, ascii(value, start + 4), value);
    }

    /** Writes the string {@code prefix + id}, then {@code "/" + rule} unless that is null, without making it. */
    Out putKey(String prefix, String id, String rule) {
      int start = at;
      int end = ascii(prefix, start + 4);
      end = end < 0 ? end : ascii(id, end);
      if (rule != null && end >= 0) {
        bytes[end] = '/';
        end = ascii(rule, end + 1);
      }
      return end >= 0 ? ended(start, end, null) : ended(start, end, rule == null ? prefix.concat(id) : prefix + id + "/" + rule);
    }

    /** Ends the string begun at {@code start}: its length if it was ASCII up to {@code end}, else {@code value} as UTF-8. */
    private Out ended(int start, int end, String value) {
      if (end < 0) {
        putUtf8(value, start);
      } else {
        INTS.set(bytes, start, end - start - 4);
        at = end;
      }
      return this;
    }

    /** Copies {@code value} to {@code from} if it is ASCII, returning where it ends; else -1. */
    private int ascii(String value, int from) {
      // Locals, not the fields, in the loop over the characters: most of the form is text.
      byte[] to = bytes;
      int length = value.length();
      for (int i = 0; i < length; i++) {
        char c = value.charAt(i);
        if (c >= 0x80) {
          return -1;
        }
        to[from + i] = (byte) c;
      }
      return from + length;
    }

    /** Writes {@code value} at {@code start} again as UTF-8, growing by the bytes beyond its length. */
    private void putUtf8(String value, int start) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      // Every character takes at least one byte, so the excess is never negative.
      long needed = (long) bytes.length + utf8.length - value.length();
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("binary form exceeds " + (Integer.MAX_VALUE - 8) + " bytes");
      }
      bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * bytes.length)));
      INTS.set(bytes, start, utf8.length);
      System.arraycopy(utf8, 0, bytes, start + 4, utf8.length);
      at = start + 4 + utf8.length;
    }

    byte[] bytes() {
      return at == bytes.length ? bytes : Arrays.copyOf(bytes, at);
    }
  }
}
