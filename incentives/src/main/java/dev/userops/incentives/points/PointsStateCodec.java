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
 * version 2), big-endian: clockMillis, debt, shortfall, paidOrders; the orders as a count then per
 * order orderId, atMillis, totalMinor, points and a byte: 0, never refunded (refundedMinor and
 * clawedBack are 0), or 1 followed by refundedMinor, clawedBack; the pending lots and the lots, each
 * as a count then per lot a byte of flags, its order id, its key, earnedAtMillis, releaseAtMillis,
 * expiresAtMillis, points, leaving out what the flags say; the seen ids as a count then source,
 * atMillis; the cap uses as a count then rule, period, used, atMillis; the totals earned, redeemed,
 * expired, clawedBack. Strings are length-prefixed UTF-8, counts and indexes 4-byte ints, the rest
 * 8-byte longs. A lot's flags add up:
 *
 * <ul>
 *   <li>1: it names its order; without it, no order id is written.
 *   <li>4 (with 1): that order is remembered, and the index of the order in the orders is written
 *       in place of its id.
 *   <li>16 (with 4): it was earned when that order was paid; earnedAtMillis is not written.
 *   <li>2 (with 1): its key is {@code order:<orderId>/<rule>}, written as the rule alone; without
 *       it, the whole key is written.
 *   <li>8 (with 2): that rule is the one of the order-keyed lot before it in the list, not written.
 *   <li>32: it was released when earned; releaseAtMillis is not written.
 * </ul>
 *
 * <p>Version 1 (still read) wrote clockMillis, the lots (each its whole key, its order id as a
 * byte 0 for none or 1 followed by the string, then its four longs), debt, shortfall, paidOrders,
 * the orders with both refund fields, then the rest as version 2. A lot an order earned repeated
 * that order's id three times (key, order id, the order itself): 6,066 bytes for 50 such lots and
 * their 50 orders, which version 2 writes in 2,994, with 50 strings fewer to read and about 1,250
 * fewer characters to write: issue 11's round trip took 5.1–6.2 µs against version 1's 7.1–9.6 in
 * the same session ({@code benchmarks/README.md}).
 *
 * <p>A host writes the state after every event, so {@link Out} writes the bytes {@link
 * BinaryForm.Writer} would into one array of the form's size: the general writer's growing buffer,
 * final copy and one encoded array per string made 16.9 KB of garbage for the 6 KB form of 50 lots
 * (issue 11). Reading stays with {@link BinaryForm.Reader}: the state's strings and records are
 * most of its cost, and a reader on the array itself measured within noise of it.
 */
final class PointsStateCodec {
  static final String FAMILY = "PNTS";
  static final int VERSION = 2;
  /** The fewest bytes one list item takes (a seen id: string length and one long), to bound counts. */
  private static final int MIN_ITEM_BYTES = 12;
  /** Version 2's flags of a lot: it names its order. */
  private static final int HAS_ORDER = 1;
  /** Its key is {@code order:<orderId>/<rule>}, written as the rule alone. */
  private static final int ORDER_KEY = 2;
  /** Its order id is a remembered order's, written as that order's index. */
  private static final int MEMO_ORDER = 4;
  /** Its rule is the one of the list's order-keyed lot before it, not written again. */
  private static final int SAME_RULE = 8;
  /** Its earnedAtMillis is its remembered order's atMillis, not written. */
  private static final int EARNED_AT_ORDER = 16;
  /** Its releaseAtMillis is its earnedAtMillis, not written. */
  private static final int RELEASED_AT_EARNING = 32;
  private static final byte[] ORDER = PointsPolicy.ORDER.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEADER = BinaryForm.writer(FAMILY, VERSION, 0).toByteArray();
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private PointsStateCodec() {}

  static byte[] write(PointsState state) {
    Out out = new Out(size(state));
    out.putLong(state.clockMillis()).putLong(state.debt()).putLong(state.shortfall()).putLong(state.paidOrders());
    List<OrderMemo> orders = state.orders();
    out.putInt(orders.size());
    for (int i = 0; i < orders.size(); i++) {
      OrderMemo memo = orders.get(i);
      out.putString(memo.orderId()).putLong(memo.atMillis()).putLong(memo.totalMinor()).putLong(memo.points());
      if (refunded(memo)) {
        out.putByte(1).putLong(memo.refundedMinor()).putLong(memo.clawedBack());
      } else {
        out.putByte(0);
      }
    }
    putLots(out, rows(state.pendingLots()), orders);
    putLots(out, rows(state.lots()), orders);
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
    long size = HEADER.length + 32 + 4 + 4 + 4 + 4 + 4 + 32;
    List<OrderMemo> orders = state.orders();
    for (int i = 0; i < orders.size(); i++) {
      size += 4 + orders.get(i).orderId().length() + 25 + (refunded(orders.get(i)) ? 16 : 0);
    }
    size += lotsSize(rows(state.pendingLots()), orders) + lotsSize(rows(state.lots()), orders);
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

  private static boolean refunded(OrderMemo memo) {
    return memo.refundedMinor() != 0 || memo.clawedBack() != 0;
  }

  private static ChunkedList<LotRow> rows(List<Lot> lots) {
    return ((LotRow.Lots) lots).rows;
  }

  private static long lotsSize(ChunkedList<LotRow> lots, List<OrderMemo> orders) {
    LotForm form = new LotForm(orders);
    long size = 0;
    for (int i = 0; i < lots.size(); i++) {
      LotRow lot = lots.get(i);
      int flags = form.next(lot);
      size += 1 + 16 + ((flags & EARNED_AT_ORDER) == 0 ? 8 : 0) + ((flags & RELEASED_AT_EARNING) == 0 ? 8 : 0)
          + ((flags & MEMO_ORDER) != 0 ? 4 : (flags & HAS_ORDER) != 0 ? 4 + lot.orderId.length() : 0);
      if ((flags & ORDER_KEY) == 0) {
        size += 4 + lot.prefix.length() + lot.id.length() + (lot.rule == null ? 0 : 1 + lot.rule.length());
      } else if ((flags & SAME_RULE) == 0) {
        size += 4 + lot.rule.length();
      }
    }
    return size;
  }

  private static void putLots(Out out, ChunkedList<LotRow> lots, List<OrderMemo> orders) {
    LotForm form = new LotForm(orders);
    out.putInt(lots.size());
    for (int i = 0; i < lots.size(); i++) {
      LotRow lot = lots.get(i);
      int flags = form.next(lot);
      out.putByte(flags);
      if ((flags & MEMO_ORDER) != 0) {
        out.putInt(form.memo);
      } else if ((flags & HAS_ORDER) != 0) {
        out.putString(lot.orderId);
      }
      if ((flags & ORDER_KEY) == 0) {
        out.putKey(lot.prefix, lot.id, lot.rule);
      } else if ((flags & SAME_RULE) == 0) {
        out.putString(lot.rule);
      }
      if ((flags & EARNED_AT_ORDER) == 0) {
        out.putLong(lot.earnedAtMillis);
      }
      if ((flags & RELEASED_AT_EARNING) == 0) {
        out.putLong(lot.releaseAtMillis);
      }
      out.putLong(lot.expiresAtMillis).putLong(lot.points);
    }
  }

  /**
   * How version 2 writes the lots of one list, one after another: their flags, and for a lot whose
   * order is remembered that order's {@link #memo index}. Sizing and writing go through it alike.
   */
  private static final class LotForm {
    private final List<OrderMemo> orders;
    /** Where the next lot's order is looked for first: lots and remembered orders mostly follow each other. */
    private int hint;
    /** The rule of the last order-keyed lot, or null. */
    private String rule;
    /** The index of the remembered order of the last lot with {@link #MEMO_ORDER}. */
    int memo;

    LotForm(List<OrderMemo> orders) {
      this.orders = orders;
    }

    int next(LotRow lot) {
      int flags = lot.releaseAtMillis == lot.earnedAtMillis ? RELEASED_AT_EARNING : 0;
      if (lot.orderId == null) {
        return flags;
      }
      flags |= HAS_ORDER;
      memo = hint < orders.size() && orders.get(hint).orderId().equals(lot.orderId) ? hint : search(lot);
      if (memo >= 0) {
        flags |= orders.get(memo).atMillis() == lot.earnedAtMillis ? MEMO_ORDER | EARNED_AT_ORDER : MEMO_ORDER;
        hint = memo + 1;
      }
      if (lot.rule != null && lot.prefix.equals(PointsPolicy.ORDER) && lot.id.equals(lot.orderId)) {
        flags |= lot.rule.equals(rule) ? ORDER_KEY | SAME_RULE : ORDER_KEY;
        rule = lot.rule;
      }
      return flags;
    }

    /**
     * The index of the remembered order paid when {@code lot} was earned with its order id, or -1;
     * found by bisection, as orders are kept by time. Apart from {@link #next}, which the JIT then
     * inlines where it is used: a lot whose order is at the hint, the usual case, never comes here.
     */
    private int search(LotRow lot) {
      long at = lot.earnedAtMillis;
      int size = orders.size();
      if (size == 0 || at < orders.get(0).atMillis() || at > orders.get(size - 1).atMillis()) {
        return -1;
      }
      int low = 0;
      int high = size;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (orders.get(middle).atMillis() < at) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      for (int i = low; i < size && orders.get(i).atMillis() == at; i++) {
        if (orders.get(i).orderId().equals(lot.orderId)) {
          return i;
        }
      }
      return -1;
    }
  }

  static PointsState read(byte[] bytes) {
    BinaryForm.Reader in = BinaryForm.reader(bytes, FAMILY, VERSION);
    boolean first = in.version() == 1;
    int bound = bytes.length / MIN_ITEM_BYTES;
    long clock = in.getLong("clockMillis");
    ChunkedList<LotRow> pending = first ? getLotsV1(in, bytes, "pendingLots", bound) : null;
    ChunkedList<LotRow> lots = first ? getLotsV1(in, bytes, "lots", bound) : null;
    long debt = in.getLong("debt");
    long shortfall = in.getLong("shortfall");
    long paidOrders = in.getLong("paidOrders");
    ChunkedList.Builder<OrderMemo> memos = new ChunkedList.Builder<>(in.getInt("orders", 0, bound));
    for (int i = memos.size(); i > 0; i--) {
      String orderId = in.getString("orderId");
      long at = in.getLong("atMillis");
      long total = in.getLong("totalMinor");
      long points = in.getLong("points");
      int refunded = first ? 1 : in.getByte("refunded");
      if (refunded > 1) {
        throw new IllegalArgumentException(FAMILY + ": refunded flag of order " + orderId + " must be 0 or 1, got "
            + refunded);
      }
      memos.add(new OrderMemo(orderId, at, total, points, refunded == 1 ? in.getLong("refundedMinor") : 0,
          refunded == 1 ? in.getLong("clawedBack") : 0));
    }
    ChunkedList<OrderMemo> orders = memos.build();
    if (!first) {
      pending = getLots(in, orders, "pendingLots", bound);
      lots = getLots(in, orders, "lots", bound);
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
        shortfall, paidOrders, orders, seen.build(), caps.build(), totals);
  }

  /**
   * Reads the lots of version 2 into rows: an order-keyed lot's key as its parts, its order id the
   * remembered order's string when it names one by index, its rule the lot before's when flagged.
   */
  private static ChunkedList<LotRow> getLots(BinaryForm.Reader in, List<OrderMemo> orders, String field, int bound) {
    ChunkedList.Builder<LotRow> lots = new ChunkedList.Builder<>(in.getInt(field, 0, bound));
    String rule = null;
    for (int i = lots.size(); i > 0; i--) {
      int flags = in.getByte("lotFlags");
      if ((flags & ~63) != 0 || (flags & (ORDER_KEY | MEMO_ORDER)) != 0 && (flags & HAS_ORDER) == 0
          || (flags & SAME_RULE) != 0 && ((flags & ORDER_KEY) == 0 || rule == null)
          || (flags & EARNED_AT_ORDER) != 0 && (flags & MEMO_ORDER) == 0) {
        throw new IllegalArgumentException(FAMILY + ": lotFlags of " + field + " [" + (lots.size() - i) + "] invalid: "
            + flags);
      }
      OrderMemo memo = (flags & MEMO_ORDER) == 0 ? null : orders.get(in.getInt("orderIndex", 0, orders.size() - 1));
      String orderId = memo != null ? memo.orderId() : (flags & HAS_ORDER) != 0 ? in.getString("orderId") : null;
      String prefix = PointsPolicy.ORDER;
      String id = orderId;
      if ((flags & ORDER_KEY) != 0) {
        rule = (flags & SAME_RULE) != 0 ? rule : in.getString("rule");
      } else {
        prefix = "";
        id = Checks.requireNonBlank(in.getString("key"), "key");
      }
      long earned = (flags & EARNED_AT_ORDER) != 0 ? memo.atMillis() : in.getLong("earnedAtMillis");
      long release = (flags & RELEASED_AT_EARNING) != 0 ? earned : in.getLong("releaseAtMillis");
      lots.add(new LotRow(prefix, id, (flags & ORDER_KEY) != 0 ? rule : null, orderId, earned, release,
          in.getLong("expiresAtMillis"), in.getLong("points")));
    }
    return lots.build();
  }

  /**
   * Reads the lots of version 1 into rows. A key {@code order:<orderId>/<rule>} of a lot that names
   * its order is recognised in the bytes and kept as its parts, the order id shared and the rule
   * shared with the lot before when their bytes are equal: a read makes no key string for a lot an
   * order earned.
   */
  private static ChunkedList<LotRow> getLotsV1(BinaryForm.Reader in, byte[] bytes, String field, int bound) {
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
