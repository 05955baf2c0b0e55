package dev.userops.segmentation.rfm;

import dev.userops.core.Diagnostics;
import dev.userops.core.internal.Checks;
import java.util.Arrays;

/**
 * Per-user RFM features of every user with at least one valid order, in ascending user id order:
 * user {@code i} of {@code 0 .. size() - 1}. Immutable.
 */
public final class RfmFeatures {
  private final long[] userIds;
  private final long[] recencyDays;
  private final long[] frequency;
  private final long[] monetaryMinor;
  private final long[] spendMinor;
  private final Diagnostics diagnostics;

  RfmFeatures(
      long[] userIds,
      long[] recencyDays,
      long[] frequency,
      long[] monetaryMinor,
      long[] spendMinor,
      Diagnostics diagnostics) {
    Checks.requireEqualLengths("userIds, recencyDays, frequency, monetaryMinor and spendMinor", userIds.length,
        recencyDays.length, frequency.length, monetaryMinor.length, spendMinor.length);
    this.userIds = userIds;
    this.recencyDays = recencyDays;
    this.frequency = frequency;
    this.monetaryMinor = monetaryMinor;
    this.spendMinor = spendMinor;
    this.diagnostics = Checks.requireNonNull(diagnostics, "diagnostics");
  }

  /**
   * Features computed elsewhere (e.g. by a database), for scoring: row {@code i} of each array is
   * user {@code i}; monetary value is taken as the user's spend. The arrays are copied.
   *
   * @param userIds the users, distinct, in any order (rows keep this order)
   * @param recencyDays per user, calendar days since the last valid order, {@code >= 0}
   * @param frequency per user, valid orders or purchase days, {@code >= 0}
   * @param monetaryMinor per user, net spend in minor units, {@code >= 0}
   * @return features with no diagnostics; empty for empty arrays
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or user ids repeat, or a
   *     recency, frequency or monetary value is negative
   */
  public static RfmFeatures of(long[] userIds, long[] recencyDays, long[] frequency, long[] monetaryMinor) {
    long[] ids = userIds.clone();
    Checks.requireEqualLengths("userIds, recencyDays, frequency and monetaryMinor", ids.length, recencyDays.length,
        frequency.length, monetaryMinor.length);
    for (int i = 0; i < ids.length; i++) {
      Checks.requireNonNegative(recencyDays[i], "recencyDays[" + i + "]");
      Checks.requireNonNegative(frequency[i], "frequency[" + i + "]");
      Checks.requireNonNegative(monetaryMinor[i], "monetaryMinor[" + i + "]");
    }
    long[] sorted = ids.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      Checks.checkArgument(sorted[i] != sorted[i - 1], "userIds must be distinct, got %s twice", sorted[i]);
    }
    return new RfmFeatures(
        ids, recencyDays.clone(), frequency.clone(), monetaryMinor.clone(), monetaryMinor.clone(), Diagnostics.NONE);
  }

  /**
   * Number of users.
   *
   * @return the row count; 0 if no user had a valid order
   */
  public int size() {
    return userIds.length;
  }

  /**
   * The id of user {@code i}.
   *
   * @param i a row, in {@code [0, size())}
   * @return the user id
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public long userId(int i) {
    return userIds[i];
  }

  /**
   * Calendar days from user {@code i}'s last valid order to {@code asOf}.
   *
   * @param i a row, in {@code [0, size())}
   * @return days in the spec's zone, {@code >= 0}; 0 if the user ordered on {@code asOf}'s date
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public long recencyDays(int i) {
    return recencyDays[i];
  }

  /**
   * User {@code i}'s valid orders, or purchase days, as the spec says.
   *
   * @param i a row, in {@code [0, size())}
   * @return the frequency, {@code >= 1} when computed by {@link RfmAccumulator}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public long frequency(int i) {
    return frequency[i];
  }

  /**
   * User {@code i}'s net spend or mean order amount, as the spec says.
   *
   * @param i a row, in {@code [0, size())}
   * @return the monetary value in minor units, {@code >= 0}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public long monetaryMinor(int i) {
    return monetaryMinor[i];
  }

  /**
   * User {@code i}'s net spend, whatever the monetary measure; segment revenue sums it.
   *
   * @param i a row, in {@code [0, size())}
   * @return net spend in minor units, {@code >= 0}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public long spendMinor(int i) {
    return spendMinor[i];
  }

  /**
   * Records skipped, by reason.
   *
   * @return the accumulator's diagnostics; {@link Diagnostics#NONE} for {@link #of}
   */
  public Diagnostics diagnostics() {
    return diagnostics;
  }

  long[] recencyColumn() {
    return recencyDays;
  }

  long[] frequencyColumn() {
    return frequency;
  }

  long[] monetaryColumn() {
    return monetaryMinor;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RfmFeatures other
        && Arrays.equals(userIds, other.userIds)
        && Arrays.equals(recencyDays, other.recencyDays)
        && Arrays.equals(frequency, other.frequency)
        && Arrays.equals(monetaryMinor, other.monetaryMinor)
        && Arrays.equals(spendMinor, other.spendMinor)
        && diagnostics.equals(other.diagnostics);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(userIds) * 31 + Arrays.hashCode(monetaryMinor);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("RfmFeatures[users=").append(size());
    for (int i = 0; i < Math.min(size(), 5); i++) {
      s.append(", ").append(userIds[i]).append(":(").append(recencyDays[i]).append(',')
          .append(frequency[i]).append(',').append(monetaryMinor[i]).append(')');
    }
    return s.append(size() > 5 ? ", ...]" : "]").append(" diagnostics=").append(diagnostics).toString();
  }
}
