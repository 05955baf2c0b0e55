package dev.userops.segmentation.rfm;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Named RFM segments as data: a user belongs to the first rule whose score ranges all contain the
 * user's scores, else to {@value #OTHERS}. JSON form: {@code {"rules":[{"name":"Champions",
 * "recency":{"min":5,"max":5},"frequency":{"min":4,"max":5}}]}}, a missing range matching any
 * score.
 *
 * @param rules the rules in the order they are tried; names are distinct and not {@value #OTHERS}
 */
public record SegmentTable(List<Rule> rules) {
  /** Format version of the JSON form, written as its {@code version} field (absent: 1). */
  private static final int JSON_VERSION = 1;

  /** The segment of users no rule matches. */
  public static final String OTHERS = "Others";

  private static final SegmentTable VIGNETTE = load("vignette-segments.json");
  private static final SegmentTable RF_GRID = load("rf-grid-segments.json");

  /**
   * Copies the rules and checks that names are distinct.
   *
   * @param rules the rules in the order they are tried; an empty list puts everyone in {@value
   *     #OTHERS}
   * @throws NullPointerException if {@code rules} or a rule is null
   * @throws IllegalArgumentException if a name repeats or is {@value #OTHERS}
   */
  public SegmentTable {
    rules = List.copyOf(Checks.requireNonNull(rules, "rules"));
    Set<String> names = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = Checks.requireNonNull(rules.get(i), "rules[" + i + "]");
      Checks.checkArgument(!OTHERS.equals(rule.name()), "rules[%s].name must not be %s", i, OTHERS);
      Checks.checkArgument(names.add(rule.name()), "rules[%s].name must be distinct, got \"%s\" twice", i, rule.name());
    }
  }

  /**
   * One segment: inclusive score ranges per axis.
   *
   * @param name the segment's name
   * @param recency recency scores of the segment; {@code null} for any
   * @param frequency frequency scores of the segment; {@code null} for any
   * @param monetary monetary scores of the segment; {@code null} for any
   */
  public record Rule(String name, Range recency, Range frequency, Range monetary) {
    /**
     * Requires a non-blank name.
     *
     * @param name the segment's name, case-sensitive
     * @param recency recency scores of the segment, or {@code null} for any
     * @param frequency frequency scores of the segment, or {@code null} for any
     * @param monetary monetary scores of the segment, or {@code null} for any
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Rule {
      Checks.requireNonBlank(name, "name");
    }

    boolean matches(int r, int f, int m) {
      return contains(recency, r) && contains(frequency, f) && contains(monetary, m);
    }

    private static boolean contains(Range range, int score) {
      return range == null || (score >= range.min() && score <= range.max());
    }
  }

  /**
   * Scores {@code min .. max}, both inclusive.
   *
   * @param min the lowest score, {@code >= 1}
   * @param max the highest score, {@code >= min}
   */
  public record Range(int min, int max) {
    /**
     * Requires {@code 1 <= min <= max}. A {@code max} above the scoring's highest score is allowed
     * and simply never reached.
     *
     * @param min the lowest score, inclusive
     * @param max the highest score, inclusive
     * @throws IllegalArgumentException if {@code min < 1} or {@code max < min}
     */
    public Range {
      Checks.checkArgument(min >= 1, "min must be >= 1, got %s", min);
      Checks.checkArgument(max >= min, "max must be >= min %s, got %s", min, max);
    }
  }

  /**
   * The ten segments of the R package {@code rfm} 0.3.0 vignette, for scores 1..5: Champions,
   * Potential Loyalist, Loyal Customers, Promising, New Customers, Can't Lose Them, At Risk, Need
   * Attention, About To Sleep, Lost (in this order of precedence).
   *
   * @return the shared table; users it does not cover are {@value #OTHERS}
   */
  public static SegmentTable vignette() {
    return VIGNETTE;
  }

  /**
   * The common 11-segment grid over recency and frequency scores 1..5 (monetary ignored), every
   * cell covered: Champions (R 5, F 4–5), Loyal Customers (R 3–4, F 4–5), Potential Loyalists (R
   * 4–5, F 2–3), New Customers (R 5, F 1), Promising (R 4, F 1), Need Attention (R 3, F 3), About
   * To Sleep (R 3, F 1–2), At Risk (R 1–2, F 3–4), Can't Lose Them (R 1–2, F 5), Hibernating (R 2,
   * F 1–2), Lost (R 1, F 1–2).
   *
   * @return the shared table; for scores 1..5 nobody is {@value #OTHERS}
   */
  public static SegmentTable rfGrid() {
    return RF_GRID;
  }

  /**
   * Reads a table from its JSON form.
   *
   * @param json the JSON form; {@code rules} is required
   * @return the table
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static SegmentTable fromJson(String json) {
    return Json.readVersioned(json, SegmentTable.class, JSON_VERSION);
  }

  /**
   * This table's JSON form.
   *
   * @return compact JSON, read back by {@link #fromJson}
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  private static SegmentTable load(String resource) {
    try (InputStream in = SegmentTable.class.getResourceAsStream(resource)) {
      Checks.checkState(in != null, "resource missing: %s", resource);
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The segment of scores {@code (r, f, m)}: the first matching rule's name, else {@value #OTHERS}.
   *
   * @param r the recency score
   * @param f the frequency score
   * @param m the monetary score
   * @return the segment's name; scores out of every range give {@value #OTHERS}
   */
  public String segmentOf(int r, int f, int m) {
    for (Rule rule : rules) {
      if (rule.matches(r, f, m)) {
        return rule.name();
      }
    }
    return OTHERS;
  }

  /**
   * The segment of every scored user, and users and revenue per segment.
   *
   * @param features the users' features; revenue is their net spend
   * @param scores the same users' scores, row for row
   * @return the segments
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code scores} has another number of users
   * @throws ArithmeticException if a segment's revenue overflows a {@code long}
   */
  public RfmSegments segment(RfmFeatures features, RfmScores scores) {
    Checks.checkArgument(
        features.size() == scores.size(), "scores must be of the same %s users as features, got %s",
        features.size(), scores.size());
    int others = rules.size();
    int[] segmentOfUser = new int[features.size()];
    long[] users = new long[others + 1];
    long[] revenue = new long[others + 1];
    for (int i = 0; i < features.size(); i++) {
      int segment = others;
      for (int k = 0; k < others; k++) {
        if (rules.get(k).matches(scores.r(i), scores.f(i), scores.m(i))) {
          segment = k;
          break;
        }
      }
      segmentOfUser[i] = segment;
      users[segment]++;
      revenue[segment] = Math.addExact(revenue[segment], features.spendMinor(i));
    }
    return new RfmSegments(this, segmentOfUser, users, revenue);
  }
}
