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

  /**
   * The highest score.
   *
   * @return the scoring's {@code scores}, in [1, 100]
   */
  public int scores() {
    return scores;
  }

  /**
   * Number of users.
   *
   * @return the row count, equal to the scored features' size
   */
  public int size() {
    return recency.length;
  }

  /**
   * User {@code i}'s recency score; the most recent buyers score highest.
   *
   * @param i a row, in {@code [0, size())}
   * @return the score, in {@code [1, scores()]}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public int r(int i) {
    return recency[i];
  }

  /**
   * User {@code i}'s frequency score; the most frequent buyers score highest.
   *
   * @param i a row, in {@code [0, size())}
   * @return the score, in {@code [1, scores()]}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public int f(int i) {
    return frequency[i];
  }

  /**
   * User {@code i}'s monetary score; the biggest spenders score highest.
   *
   * @param i a row, in {@code [0, size())}
   * @return the score, in {@code [1, scores()]}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public int m(int i) {
    return monetary[i];
  }

  /**
   * {@code 100 r + 10 f + m}, the R package's {@code rfm_score}; readable as digits up to 9 scores.
   *
   * @param i a row, in {@code [0, size())}
   * @return the combined score, e.g. 545; ambiguous as digits when {@code scores() > 9}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
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
