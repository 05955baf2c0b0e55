package dev.userops.incentives.points;

import dev.userops.incentives.points.LedgerEntry.EntryType;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A ledger entry as {@link PointsPolicy#apply} makes it: its source and key in the parts they are
 * made of, so an event builds no string for an entry the host may not read; {@link #entry()} builds
 * the record. The source is {@code prefix + id}, then {@code "/" + sourceRule} when it is a lot
 * earned by a rule; the key is the type's prefix ({@code earn:} …) and the source, then {@code "/"
 * + keyTail} when there is one.
 */
final class EntryRow {
  private static final String[] KEY_PREFIXES = Arrays.stream(EntryType.values())
      .map(type -> type.name().toLowerCase(Locale.ROOT) + ":").toArray(String[]::new);

  private final EntryType type;
  private final String prefix;
  private final String id;
  private final String sourceRule;
  private final String keyTail;
  private final String rule;
  private final long atMillis;
  private final long available;
  private final long pending;
  private final String note;

  EntryRow(EntryType type, String prefix, String id, String sourceRule, String keyTail, String rule, long atMillis,
      long available, long pending, String note) {
    this.type = type;
    this.prefix = prefix;
    this.id = id;
    this.sourceRule = sourceRule;
    this.keyTail = keyTail;
    this.rule = rule;
    this.atMillis = atMillis;
    this.available = available;
    this.pending = pending;
    this.note = note;
  }

  /** An entry whose source is {@code lot}'s key: its release or expiry. */
  static EntryRow ofLot(EntryType type, LotRow lot, long atMillis, long available, long pending, String note) {
    return new EntryRow(type, lot.prefix, lot.id, lot.rule, null, null, atMillis, available, pending, note);
  }

  LedgerEntry entry() {
    String source = sourceRule == null ? prefix.concat(id) : prefix + id + "/" + sourceRule;
    String key = KEY_PREFIXES[type.ordinal()] + source;
    return new LedgerEntry(keyTail == null ? key : key + "/" + keyTail, type, source, rule, atMillis, available,
        pending, note);
  }

  /** The entries of one outcome: rows nobody writes after, as records made on each read. */
  static final class Entries extends AbstractList<LedgerEntry> implements RandomAccess {
    private final EntryRow[] rows;
    private final int size;

    /** The first {@code size} of {@code rows}, which the caller no longer writes. */
    Entries(EntryRow[] rows, int size) {
      this.rows = rows;
      this.size = size;
    }

    @Override
    public LedgerEntry get(int index) {
      return rows[Objects.checkIndex(index, size)].entry();
    }

    @Override
    public int size() {
      return size;
    }
  }
}
