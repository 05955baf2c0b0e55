package dev.userops.core.internal;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import java.time.Instant;
import java.util.EnumMap;

/**
 * Applies a {@link BadRecordPolicy} inside a bulk calculation: {@link #report} throws under {@link
 * BadRecordPolicy#REJECT} and counts under {@link BadRecordPolicy#SKIP_AND_COUNT}. It can also number
 * the records themselves ({@link #next()}), as accumulators do: then it is all the bookkeeping of
 * their bad records, merged and persisted in one piece. Mutable and mergeable, so accumulators keep
 * one and merge it with their partitions'. Not thread-safe.
 */
public final class BadRecords {
  private static final BadRecordReason[] REASONS = BadRecordReason.values();

  private final BadRecordPolicy policy;
  private final long[] counts = new long[REASONS.length];
  private long records;

  /**
   * An empty tally applying {@code policy}.
   *
   * @param policy whether a bad record throws or is counted
   * @throws NullPointerException if {@code policy} is null
   */
  public BadRecords(BadRecordPolicy policy) {
    this.policy = Checks.requireNonNull(policy, "policy");
  }

  /**
   * The policy applied.
   *
   * @return the policy given to the constructor
   */
  public BadRecordPolicy policy() {
    return policy;
  }

  /**
   * Numbers the next record.
   *
   * @return its 0-based index: the number of records numbered before it, here and in every tally
   *     merged into this one
   */
  public long next() {
    return records++;
  }

  /**
   * Numbers {@code count} records at once, e.g. a batch that passed a screen of the caller's own.
   *
   * @param count how many records, {@code >= 0}
   * @throws IllegalArgumentException if {@code count < 0}
   * @throws ArithmeticException if the number of records overflows {@code long}
   */
  public void advance(long count) {
    Checks.checkArgument(count >= 0, "records must be >= 0, got %s", count);
    records = Math.addExact(records, count);
  }

  /**
   * The number of records numbered.
   *
   * @return the records numbered by {@link #next()} and {@link #advance}, merged ones included
   */
  public long records() {
    return records;
  }

  /**
   * Reports that record {@code recordIndex} is bad for {@code reason}.
   *
   * @param recordIndex the 0-based index of the record in the caller's input order
   * @param reason why the record is bad; counted under {@link BadRecordPolicy#SKIP_AND_COUNT}
   * @param detail the explanation; only used under {@link BadRecordPolicy#REJECT}
   * @throws NullPointerException if {@code reason} is null
   * @throws BadRecordException under {@link BadRecordPolicy#REJECT}, with {@code detail} in its
   *     message; {@code detail} should name the field, the value and the rule
   */
  public void report(long recordIndex, BadRecordReason reason, String detail) {
    if (policy == BadRecordPolicy.REJECT) {
      throw new BadRecordException(recordIndex, reason, detail);
    }
    counts[reason.ordinal()]++;
  }

  /**
   * Screens one order record by the rules every calculation shares: the amount is {@code >= 0}, the
   * time is at or after 1970-01-01T00:00:00Z and at or before {@code asOfMillis}. Reports the first
   * rule broken.
   *
   * @param recordIndex the 0-based index of the record in the caller's input order
   * @param epochMillis when the order was placed, epoch milliseconds
   * @param amountMinor the order amount in minor units of the currency
   * @param asOfMillis the evaluation instant, epoch milliseconds; later records are bad
   * @return whether the order may be used; {@code false} means it was counted as skipped
   * @throws BadRecordException under {@link BadRecordPolicy#REJECT} if a rule is broken
   */
  public boolean acceptOrder(long recordIndex, long epochMillis, long amountMinor, long asOfMillis) {
    if (amountMinor < 0) {
      report(recordIndex, BadRecordReason.NEGATIVE_AMOUNT, "amountMinor must be >= 0, got " + amountMinor);
      return false;
    }
    return acceptTime(recordIndex, epochMillis, asOfMillis);
  }

  /**
   * Screens the time of any record (an activity, a behaviour) by the rules every calculation
   * shares: at or after 1970-01-01T00:00:00Z and at or before {@code asOfMillis}.
   *
   * @param recordIndex the 0-based index of the record in the caller's input order
   * @param epochMillis when the record occurred, epoch milliseconds
   * @param asOfMillis the evaluation instant, epoch milliseconds; later records are bad
   * @return whether the record may be used; {@code false} means it was counted as skipped
   * @throws BadRecordException under {@link BadRecordPolicy#REJECT} if a rule is broken
   */
  public boolean acceptTime(long recordIndex, long epochMillis, long asOfMillis) {
    if (epochMillis < 0) {
      report(recordIndex, BadRecordReason.BEFORE_1970,
          "occurredAt must be >= 1970-01-01T00:00:00Z, got " + Instant.ofEpochMilli(epochMillis));
      return false;
    }
    if (epochMillis > asOfMillis) {
      report(recordIndex, BadRecordReason.AFTER_AS_OF,
          "occurredAt must be <= asOf " + Instant.ofEpochMilli(asOfMillis) + ", got "
              + Instant.ofEpochMilli(epochMillis));
      return false;
    }
    return true;
  }

  /**
   * Adds {@code other}'s records and counts to this tally; the policies are not compared.
   *
   * @param other the tally of another partition; left unchanged
   * @throws NullPointerException if {@code other} is null
   * @throws ArithmeticException if a count overflows {@code long}
   */
  public void merge(BadRecords other) {
    records = Math.addExact(records, other.records);
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.addExact(counts[i], other.counts[i]);
    }
  }

  /**
   * A snapshot of the counts.
   *
   * @return the counts by reason, reasons never reported absent; equal to {@link
   *     Diagnostics#NONE} when nothing was skipped
   */
  public Diagnostics diagnostics() {
    EnumMap<BadRecordReason, Long> skipped = new EnumMap<>(BadRecordReason.class);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        skipped.put(REASONS[i], counts[i]);
      }
    }
    return new Diagnostics(skipped);
  }

  /**
   * Writes the number of records, then the counts as {@link #writeTo} does.
   *
   * @param writer the binary form being written; appended at its position
   */
  public void writeWithRecordsTo(BinaryForm.Writer writer) {
    writer.putLong(records);
    writeTo(writer);
  }

  /**
   * Reads what {@link #writeWithRecordsTo} wrote into this new tally.
   *
   * @param reader the binary form being read, positioned where {@link #writeWithRecordsTo} wrote
   * @throws IllegalArgumentException as {@link #readFrom}, or if the number of records is negative
   */
  public void readWithRecordsFrom(BinaryForm.Reader reader) {
    advance(reader.getLong("records"));
    readFrom(reader);
  }

  /**
   * Writes the counts by reason name, so that adding a reason keeps old forms readable. Forms that
   * write the number of records before fields of their own write it apart ({@link #records()}).
   *
   * @param writer the binary form being written; the counts are appended at its position
   */
  public void writeTo(BinaryForm.Writer writer) {
    Diagnostics diagnostics = diagnostics();
    writer.putInt(diagnostics.skipped().size());
    diagnostics.skipped().forEach((reason, count) -> writer.putString(reason.name()).putLong(count));
  }

  /**
   * Adds the counts written by {@link #writeTo} to this tally.
   *
   * @param reader the binary form being read, positioned where {@link #writeTo} wrote
   * @throws IllegalArgumentException if the bytes are truncated, name an unknown reason or hold a
   *     count {@code <= 0}
   * @throws ArithmeticException if a count overflows {@code long}
   */
  public void readFrom(BinaryForm.Reader reader) {
    int reasons = reader.getInt("diagnostics.size", 0, REASONS.length);
    for (int i = 0; i < reasons; i++) {
      String name = reader.getString("diagnostics.reason");
      BadRecordReason reason;
      try {
        reason = BadRecordReason.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("expected a bad-record reason, got \"" + name + "\"", e);
      }
      long count = reader.getLong("diagnostics.count");
      Checks.checkArgument(count > 0, "diagnostics.%s must be > 0, got %s", reason, count);
      counts[reason.ordinal()] = Math.addExact(counts[reason.ordinal()], count);
    }
  }
}
