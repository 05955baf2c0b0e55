package dev.userops.incentives.points;

import dev.userops.incentives.points.PointsState.Lot;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A lot as states keep it: its key in the parts it is made of ({@code prefix + id}, then {@code
 * "/" + rule} when earned by a rule), so an earning and a binary read make no key string; {@link
 * #lot()} builds the record a host reads. A lot whose key is not of that shape (from JSON or a
 * host) keeps its whole key as {@link #id} with an empty prefix and no rule.
 */
final class LotRow {
  final String prefix;
  final String id;
  /** The earn rule ending the key, or {@code null}. */
  final String rule;
  final String orderId;
  final long earnedAtMillis;
  final long releaseAtMillis;
  final long expiresAtMillis;
  final long points;

  LotRow(String prefix, String id, String rule, String orderId, long earnedAtMillis, long releaseAtMillis,
      long expiresAtMillis, long points) {
    if (points <= 0) {
      // Not Checks.requirePositive: its name argument would build a string for every lot made.
      throw new IllegalArgumentException("points of lot " + prefix + id + " must be > 0, got " + points);
    }
    this.prefix = prefix;
    this.id = id;
    this.rule = rule;
    this.orderId = orderId;
    this.earnedAtMillis = earnedAtMillis;
    this.releaseAtMillis = releaseAtMillis;
    this.expiresAtMillis = expiresAtMillis;
    this.points = points;
  }

  /** The row of a lot record, its key kept whole. */
  static LotRow of(Lot lot) {
    return new LotRow("", lot.key(), null, lot.orderId(), lot.earnedAtMillis(), lot.releaseAtMillis(),
        lot.expiresAtMillis(), lot.points());
  }

  /** {@link Lot#key()}: {@code source/rule}, or the source alone. */
  String key() {
    return rule == null ? prefix.concat(id) : prefix + id + "/" + rule;
  }

  Lot lot() {
    return new Lot(key(), orderId, earnedAtMillis, releaseAtMillis, expiresAtMillis, points);
  }

  LotRow withPoints(long newPoints) {
    return new LotRow(prefix, id, rule, orderId, earnedAtMillis, releaseAtMillis, expiresAtMillis, newPoints);
  }

  /** Compares the keys, without building them when both lots come from one source (rules of one order). */
  int compareKey(LotRow other) {
    if (rule != null && other.rule != null && prefix.equals(other.prefix) && id.equals(other.id)) {
      return rule.compareTo(other.rule);
    }
    return key().compareTo(other.key());
  }

  /** A state's list of lots: its rows, as records made on each read (equal from one read to the next). */
  static final class Lots extends AbstractList<Lot> implements RandomAccess {
    static final Lots EMPTY = new Lots(ChunkedList.empty());

    final ChunkedList<LotRow> rows;

    Lots(ChunkedList<LotRow> rows) {
      this.rows = rows;
    }

    /** {@code lots} itself if it is such a list, else the rows of its records; rejects null items. */
    static Lots copyOf(List<Lot> lots) {
      if (lots instanceof Lots same) {
        return same;
      }
      ChunkedList.Builder<LotRow> rows = new ChunkedList.Builder<>(lots.size());
      for (Lot lot : lots) {
        rows.add(of(lot));
      }
      return new Lots(rows.build());
    }

    @Override
    public Lot get(int index) {
      return rows.get(index).lot();
    }

    @Override
    public int size() {
      return rows.size();
    }

    /** The points of all lots. */
    long points() {
      long sum = 0;
      for (int i = 0; i < rows.size(); i++) {
        sum += rows.get(i).points;
      }
      return sum;
    }
  }
}
