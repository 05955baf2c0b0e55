package dev.userops.segmentation.rfm;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.List;

/**
 * How features become scores {@code 1 .. scores}, higher being better on every axis: recency
 * scores are reversed (the most recent buyers score highest), frequency and monetary scores rise
 * with the value. JSON form: {@code {"method":"QUANTILE","scores":5}} or {@code
 * {"method":"FIXED_EDGES","scores":3,"recencyEdges":[30,90],"frequencyEdges":[2,5],
 * "monetaryEdges":[10000,50000]}}.
 *
 * @param method the scoring method
 * @param scores the highest score, in [1, 100]; {@code null} in JSON means 5; for {@link
 *     Method#FIXED_EDGES} it must be the number of edges plus one
 * @param recencyEdges for {@link Method#FIXED_EDGES}: ascending recency lower bounds in days
 * @param frequencyEdges for {@link Method#FIXED_EDGES}: ascending frequency lower bounds
 * @param monetaryEdges for {@link Method#FIXED_EDGES}: ascending monetary lower bounds in minor units
 * @param fractionDigits for {@link Method#R_COMPATIBLE}: digits of the minor unit (2 for cents), in
 *     [0, 18]; monetary cut points are computed on the amounts in major units, as R sees them, so
 *     the scores do not depend on the minor-unit scale. {@code null} means 0 (amounts are given in
 *     the units R saw); must be null or 0 for the other methods, whose scores are scale-invariant
 */
public record RfmScoring(
    Method method,
    Integer scores,
    List<Long> recencyEdges,
    List<Long> frequencyEdges,
    List<Long> monetaryEdges,
    Integer fractionDigits) {
  /** Format version of the JSON form, written as its {@code version} field (absent: 1). */
  private static final int JSON_VERSION = 1;

  /** The default highest score. */
  public static final int DEFAULT_SCORES = 5;

  /** Scoring methods. */
  public enum Method {
    /**
     * Rank-based: a user's score is {@code 1 + floor(scores × worse / users)}, where {@code worse}
     * counts users with a strictly worse value (a larger recency, a smaller frequency or monetary
     * value). Equal values get equal scores whatever the input order, and each score holds about
     * {@code users / scores} users when values are distinct.
     */
    QUANTILE,
    /**
     * Fixed bins {@code [edge[k-1], edge[k])}: frequency and monetary score {@code 1 + (edges <=
     * value)}, recency scores {@code scores - (edges <= days)}, so days below the first edge score
     * highest.
     */
    FIXED_EDGES,
    /**
     * The R package {@code rfm} 0.3.0 ({@code rfm_table_order}): cut points are R's default (type
     * 7) sample quantiles at {@code 1/scores .. (scores-1)/scores}, each plus one unit of the
     * feature (a day, an order, a minor unit), bins {@code [lower, upper)}; recency reversed. With
     * ties some scores may stay unused. To reproduce R's scores for amounts R saw in major units,
     * give amounts in those units.
     */
    R_COMPATIBLE
  }

  /**
   * Validates the method's parameters; the message names the field and the value.
   *
   * @param method the scoring method
   * @param scores the highest score, in [1, 100], or {@code null} for 5
   * @param recencyEdges {@code scores - 1} strictly ascending day bounds for {@link
   *     Method#FIXED_EDGES}; null otherwise
   * @param frequencyEdges {@code scores - 1} strictly ascending bounds for {@link
   *     Method#FIXED_EDGES}; null otherwise
   * @param monetaryEdges {@code scores - 1} strictly ascending bounds in minor units for {@link
   *     Method#FIXED_EDGES}; null otherwise
   * @param fractionDigits digits of the minor unit for {@link Method#R_COMPATIBLE}, in [0, 18], or
   *     {@code null} for 0
   * @throws NullPointerException if {@code method}, or for {@link Method#FIXED_EDGES} an edge list
   *     or edge, is null
   * @throws IllegalArgumentException if {@code scores} or {@code fractionDigits} is out of range,
   *     edges or fraction digits are given to another method, or an edge list has the wrong size or
   *     order
   */
  public RfmScoring {
    Checks.requireNonNull(method, "method");
    fractionDigits = fractionDigits == null ? 0 : fractionDigits;
    Checks.requireInRange(fractionDigits, 0, 18, "fractionDigits");
    Checks.checkArgument(
        fractionDigits == 0 || method == Method.R_COMPATIBLE,
        "fractionDigits is only for R_COMPATIBLE, got method %s with fractionDigits %s", method, fractionDigits);
    scores = scores == null ? DEFAULT_SCORES : scores;
    Checks.requireInRange(scores, 1, 100, "scores");
    if (method == Method.FIXED_EDGES) {
      recencyEdges = edges(recencyEdges, "recencyEdges", scores);
      frequencyEdges = edges(frequencyEdges, "frequencyEdges", scores);
      monetaryEdges = edges(monetaryEdges, "monetaryEdges", scores);
    } else {
      Checks.checkArgument(
          recencyEdges == null && frequencyEdges == null && monetaryEdges == null,
          "edges are only for FIXED_EDGES, got method %s with edges", method);
    }
  }

  private static List<Long> edges(List<Long> edges, String name, int scores) {
    Checks.requireNonNull(edges, name);
    Checks.checkArgument(
        edges.size() == scores - 1, "%s must hold scores - 1 = %s edges, got %s", name, scores - 1, edges);
    for (int i = 0; i < edges.size(); i++) {
      Checks.requireNonNull(edges.get(i), name + "[" + i + "]");
      Checks.checkArgument(
          i == 0 || edges.get(i) > edges.get(i - 1), "%s must be strictly ascending, got %s", name, edges);
    }
    return List.copyOf(edges);
  }

  /**
   * Quantile scores {@code 1 .. scores}.
   *
   * @param scores the highest score, in [1, 100]
   * @return the scoring
   * @throws IllegalArgumentException if {@code scores} is out of range
   */
  public static RfmScoring quantiles(int scores) {
    return new RfmScoring(Method.QUANTILE, scores, null, null, null, null);
  }

  /**
   * R {@code rfm} 0.3.0 scores {@code 1 .. scores} for amounts in the units R saw.
   *
   * @param scores the highest score, in [1, 100]; R's default is 5
   * @return the scoring, as {@code rCompatible(scores, 0)}
   * @throws IllegalArgumentException if {@code scores} is out of range
   */
  public static RfmScoring rCompatible(int scores) {
    return rCompatible(scores, 0);
  }

  /**
   * R {@code rfm} 0.3.0 scores {@code 1 .. scores} for amounts in minor units with {@code
   * fractionDigits} digits: the monetary cut points are R's, computed on the amounts in major units.
   *
   * @param scores the highest score, in [1, 100]; R's default is 5
   * @param fractionDigits digits of the minor unit, e.g. 2 for cents, in [0, 18]
   * @return the scoring
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static RfmScoring rCompatible(int scores, int fractionDigits) {
    return new RfmScoring(Method.R_COMPATIBLE, scores, null, null, null, fractionDigits);
  }

  /**
   * Fixed-edge scores {@code 1 .. edges + 1}; all three lists hold the same number of edges.
   *
   * @param recencyEdges strictly ascending recency bounds in calendar days
   * @param frequencyEdges strictly ascending frequency bounds
   * @param monetaryEdges strictly ascending monetary bounds in minor units
   * @return the scoring; empty lists give one score, 1, for everybody
   * @throws NullPointerException if a list or an edge is null
   * @throws IllegalArgumentException if the lists differ in size, are not strictly ascending or
   *     hold more than 99 edges
   */
  public static RfmScoring fixedEdges(List<Long> recencyEdges, List<Long> frequencyEdges, List<Long> monetaryEdges) {
    Checks.requireNonNull(recencyEdges, "recencyEdges");
    return new RfmScoring(
        Method.FIXED_EDGES, recencyEdges.size() + 1, recencyEdges, frequencyEdges, monetaryEdges, null);
  }

  /**
   * Reads a scoring from its JSON form.
   *
   * @param json the JSON form; {@code method} is required
   * @return the scoring
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static RfmScoring fromJson(String json) {
    return Json.readVersioned(json, RfmScoring.class, JSON_VERSION);
  }

  /**
   * This scoring's JSON form.
   *
   * @return compact JSON, read back by {@link #fromJson}
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * Scores every user of {@code features}; row {@code i} of the result is user {@code i}. Quantile
   * and R-compatible cut points depend on the whole population, so score all users at once.
   *
   * @param features the users' features
   * @return scores in {@code [1, scores]} per axis; empty for empty features
   * @throws NullPointerException if {@code features} is null
   */
  public RfmScores score(RfmFeatures features) {
    return new RfmScores(
        scores,
        axis(features.recencyColumn(), true, recencyEdges, 0),
        axis(features.frequencyColumn(), false, frequencyEdges, 0),
        axis(features.monetaryColumn(), false, monetaryEdges, fractionDigits));
  }

  private byte[] axis(long[] values, boolean reversed, List<Long> edges, int digits) {
    return switch (method) {
      case QUANTILE -> Bins.quantileScores(values, scores, reversed);
      case FIXED_EDGES -> Bins.cutScores(
          Bins.majorUnits(values, 0), edges.stream().mapToDouble(Long::doubleValue).toArray(), reversed);
      case R_COMPATIBLE -> {
        double[] major = Bins.majorUnits(values, digits);
        yield Bins.cutScores(major, Bins.rCutPoints(major, scores), reversed);
      }
    };
  }

  @Override
  public String toString() {
    return toJson();
  }
}
