package dev.userops.core;

import java.time.Instant;
import java.util.EnumMap;

/**
 * Applies a {@link BadRecordPolicy} inside a bulk calculation: {@link #report} throws under {@link
 * BadRecordPolicy#REJECT} and counts under {@link BadRecordPolicy#SKIP_AND_COUNT}. Mutable and
 * mergeable, so accumulators keep one and merge it with their partitions'. Not thread-safe.
 */
public final class BadRecords {
  private static final BadRecordReason[] REASONS = BadRecordReason.values();

  private final BadRecordPolicy policy;
  private final long[] counts = new long[REASONS.length];

  /** An empty tally applying {@code policy}. */
  public BadRecords(BadRecordPolicy policy) {
    this.policy = Checks.requireNonNull(policy, "policy");
  }

  /** The policy applied. */
  public BadRecordPolicy policy() {
    return policy;
  }

  /**
   * Reports that record {@code recordIndex} is bad for {@code reason}.
   *
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
   * @return whether the order may be used
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
   * @return whether the record may be used
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

  /** Adds {@code other}'s counts to this tally. */
  public void merge(BadRecords other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.addExact(counts[i], other.counts[i]);
    }
  }

  /** A snapshot of the counts. */
  public Diagnostics diagnostics() {
    EnumMap<BadRecordReason, Long> skipped = new EnumMap<>(BadRecordReason.class);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        skipped.put(REASONS[i], counts[i]);
      }
    }
    return new Diagnostics(skipped);
  }

  /** Writes the counts by reason name, so that adding a reason keeps old forms readable. */
  public void writeTo(BinaryForm.Writer writer) {
    Diagnostics diagnostics = diagnostics();
    writer.putInt(diagnostics.skipped().size());
    diagnostics.skipped().forEach((reason, count) -> writer.putString(reason.name()).putLong(count));
  }

  /** Adds the counts written by {@link #writeTo} to this tally. */
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
