package dev.userops.segmentation.rfm;

import java.util.Arrays;

/**
 * Scores {@code 1 .. scores()} per user, row {@code i} being user {@code i} of the scored {@link
 * RfmFeatures}. Immutable.
 */
public final class RfmScores {
  private final int scores;
  private final byte[] recency;
  private final byte[] frequency;
  private final byte[] monetary;

  RfmScores(int scores, byte[] recency, byte[] frequency, byte[] monetary) {
    this.scores = scores;
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
  }

  /** The highest score. */
  public int scores() {
    return scores;
  }

  /** Number of users. */
  public int size() {
    return recency.length;
  }

  /** User {@code i}'s recency score; the most recent buyers score highest. */
  public int r(int i) {
    return recency[i];
  }

  /** User {@code i}'s frequency score. */
  public int f(int i) {
    return frequency[i];
  }

  /** User {@code i}'s monetary score. */
  public int m(int i) {
    return monetary[i];
  }

  /** {@code 100 r + 10 f + m}, the R package's {@code rfm_score}; readable as digits up to 9 scores. */
  public int rfmScore(int i) {
    return 100 * recency[i] + 10 * frequency[i] + monetary[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RfmScores other
        && scores == other.scores
        && Arrays.equals(recency, other.recency)
        && Arrays.equals(frequency, other.frequency)
        && Arrays.equals(monetary, other.monetary);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(recency) * 31 + Arrays.hashCode(monetary);
  }

  @Override
  public String toString() {
    return "RfmScores[scores=" + scores + ", users=" + size() + "]";
  }
}
