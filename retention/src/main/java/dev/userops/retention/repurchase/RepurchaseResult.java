package dev.userops.retention.repurchase;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.retention.internal.ResultRows;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What a repurchase accumulator found. Rates are exact ratios of the counts, computed on request;
 * an unknown rate (no mature user, period not yet elapsed) is empty, never 0.
 *
 * @param windowDays N of N-day repurchase
 * @param cohort the granularity of {@link #cohorts()}
 * @param nextPeriod the granularity of {@link #nextPeriods()}
 * @param cohorts first-order cohorts that have at least one first buyer, by start ascending
 * @param curve the repurchase curve: one point per cohort of {@code cohorts} and checkpoint of
 *     the spec's {@link RepurchaseSpec#curveDays()}, by cohort start, then days ascending; empty
 *     without checkpoints
 * @param nextPeriods periods from the first with a buyer up to the one containing {@code asOf}, at
 *     most {@value RepurchaseAccumulator#TRACKED_PERIODS} periods back from it, ascending
 * @param timeToSecondOrder days from first order to repurchase over all buyers who repurchased
 * @param buyers distinct users with a valid order
 * @param buyersWith2Plus buyers with at least 2 valid orders (same-day orders included)
 * @param buyersWith3Plus buyers with at least 3 valid orders
 * @param orders valid orders counted
 * @param diagnostics records skipped, by reason
 */
@JsonIgnoreProperties(value = "pooled", allowGetters = true)
public record RepurchaseResult(
    int windowDays,
    Granularity cohort,
    Granularity nextPeriod,
    List<Cohort> cohorts,
    List<CurvePoint> curve,
    List<NextPeriod> nextPeriods,
    TimeToSecondOrder timeToSecondOrder,
    long buyers,
    long buyersWith2Plus,
    long buyersWith3Plus,
    long orders,
    Diagnostics diagnostics) {

  /**
   * Copies the lists into unmodifiable ones. Counts are not cross-checked; accumulators produce
   * consistent ones.
   *
   * @param windowDays N of N-day repurchase
   * @param cohort the granularity of cohorts
   * @param nextPeriod the granularity of next periods
   * @param cohorts first-order cohorts, by start ascending
   * @param curve the repurchase curve points, by cohort start, then days
   * @param nextPeriods next-period figures, ascending
   * @param timeToSecondOrder days from first order to repurchase
   * @param buyers distinct users with a valid order
   * @param buyersWith2Plus buyers with at least 2 valid orders
   * @param buyersWith3Plus buyers with at least 3 valid orders
   * @param orders valid orders counted
   * @param diagnostics records skipped, by reason
   * @throws NullPointerException if an object argument or a list element is null
   */
  public RepurchaseResult {
    Checks.requireNonNull(cohort, "cohort");
    Checks.requireNonNull(nextPeriod, "nextPeriod");
    cohorts = List.copyOf(cohorts);
    curve = List.copyOf(curve);
    nextPeriods = List.copyOf(nextPeriods);
    Checks.requireNonNull(timeToSecondOrder, "timeToSecondOrder");
    Checks.requireNonNull(diagnostics, "diagnostics");
  }

  /**
   * This result as JSON, the form {@code userops repurchase --json} prints: the fields above plus
   * each rate ({@code null} where nothing is mature) and {@code pooled}.
   *
   * @return compact JSON
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * Reads a result as {@link #toJson()} writes it, e.g. one a partition of users computed; the
   * rates and {@code pooled} in the JSON are ignored, as they follow from the counts.
   *
   * @param json the result's JSON
   * @return the result, equal to the one written
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the field for malformed or incomplete JSON
   */
  public static RepurchaseResult fromJson(String json) {
    return Json.read(json, RepurchaseResult.class);
  }

  /**
   * The result of this result's users and {@code other}'s together, when no user is in both: made
   * under one spec over disjoint sets of users (for example one per partition of users), the counts
   * of cohorts, curve points and next periods of the same start add (a cohort or period in one only
   * is kept as it is), the time-to-second-order distributions and diagnostics add, and the
   * quantiles and rates follow from the sums. This equals one accumulator given every user's
   * orders. A user in both would count twice, with their orders split between the two.
   *
   * @param other a result of other users, made with the same spec
   * @return the result of both sets of users
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the results show different specs: window, granularities,
   *     curve checkpoints, or a next period mature in one only
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  public RepurchaseResult plus(RepurchaseResult other) {
    Checks.requireNonNull(other, "other");
    Checks.checkArgument(windowDays == other.windowDays && cohort == other.cohort && nextPeriod == other.nextPeriod,
        "results of different specs: %s-day window, %s cohorts, %s next periods vs %s-day, %s, %s", windowDays,
        cohort, nextPeriod, other.windowDays, other.cohort, other.nextPeriod);
    if (!cohorts.isEmpty() && !other.cohorts.isEmpty()) {
      List<Integer> days = checkpoints();
      List<Integer> otherDays = other.checkpoints();
      Checks.checkArgument(days.equals(otherDays), "results of different specs: curve checkpoints %s vs %s", days,
          otherDays);
    }
    return new RepurchaseResult(windowDays, cohort, nextPeriod,
        ResultRows.union(cohorts, other.cohorts, Cohort::start, Comparator.naturalOrder(),
            (a, b) -> new Cohort(a.start, Math.addExact(a.firstBuyers, b.firstBuyers), Math.addExact(a.mature, b.mature),
                Math.addExact(a.repurchasers, b.repurchasers))),
        ResultRows.union(curve, other.curve, point -> point,
            Comparator.comparing(CurvePoint::cohortStart).thenComparingInt(CurvePoint::days),
            (a, b) -> new CurvePoint(a.cohortStart, a.days, Math.addExact(a.mature, b.mature),
                Math.addExact(a.repurchasers, b.repurchasers))),
        ResultRows.union(nextPeriods, other.nextPeriods, NextPeriod::start, Comparator.naturalOrder(), (a, b) -> {
          Checks.checkArgument(a.mature == b.mature,
              "results of different specs: period %s is mature in only one", a.start);
          return new NextPeriod(a.start, Math.addExact(a.buyers, b.buyers),
              Math.addExact(a.repeatBuyers, b.repeatBuyers), a.mature);
        }),
        timeToSecondOrder.plus(other.timeToSecondOrder),
        Math.addExact(buyers, other.buyers),
        Math.addExact(buyersWith2Plus, other.buyersWith2Plus),
        Math.addExact(buyersWith3Plus, other.buyersWith3Plus),
        Math.addExact(orders, other.orders),
        diagnostics.plus(other.diagnostics));
  }

  /** The curve's checkpoints: every cohort has a point at each. */
  private List<Integer> checkpoints() {
    LocalDate first = cohorts.get(0).start;
    return curve.stream().filter(p -> p.cohortStart.equals(first)).map(CurvePoint::days).toList();
  }

  /**
   * The pooled N-day rate over all cohorts: Σ repurchasers / Σ mature first buyers.
   *
   * @return the summed counts; its rate is empty when no first buyer is mature
   */
  @JsonProperty("pooled")
  public Rate pooled() {
    long eligible = 0;
    long repurchasers = 0;
    for (Cohort c : cohorts) {
      eligible += c.mature();
      repurchasers += c.repurchasers();
    }
    return new Rate(eligible, repurchasers);
  }

  /**
   * The simple mean of the cohorts' N-day rates, over cohorts with a mature user; empty if none.
   *
   * @return the mean rate in [0, 1], each cohort weighing the same, or empty
   */
  public OptionalDouble simpleMeanRate() {
    return cohorts.stream()
        .map(Cohort::rate)
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .average();
  }

  /**
   * The share of buyers with 2 or more valid orders.
   *
   * @return {@code buyersWith2Plus / buyers} in [0, 1]; empty without buyers
   */
  public OptionalDouble shareWith2Plus() {
    return ratio(buyersWith2Plus, buyers);
  }

  /**
   * The share of buyers with 3 or more valid orders.
   *
   * @return {@code buyersWith3Plus / buyers} in [0, 1]; empty without buyers
   */
  public OptionalDouble shareWith3Plus() {
    return ratio(buyersWith3Plus, buyers);
  }

  static OptionalDouble ratio(long part, long whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
  }

  /**
   * One first-order cohort. A first buyer is mature when local day {@code d0 + windowDays} has
   * fully elapsed at {@code asOf}; only mature buyers are in the rate.
   *
   * @param start the cohort's first local date
   * @param firstBuyers users whose first valid order falls in the cohort
   * @param mature those of them that are mature: the rate's denominator
   * @param repurchasers mature first buyers with a repurchase within the window
   */
  @JsonIgnoreProperties(value = "rate", allowGetters = true)
  public record Cohort(LocalDate start, long firstBuyers, long mature, long repurchasers) {
    /**
     * Checks {@code 0 <= repurchasers <= mature <= firstBuyers}.
     *
     * @param start the cohort's first local date
     * @param firstBuyers users whose first valid order falls in the cohort
     * @param mature those of them that are mature
     * @param repurchasers mature first buyers with a repurchase within the window
     * @throws NullPointerException if {@code start} is null
     * @throws IllegalArgumentException if the counts are out of order
     */
    public Cohort {
      Checks.requireNonNull(start, "start");
      Checks.checkArgument(
          0 <= repurchasers && repurchasers <= mature && mature <= firstBuyers,
          "cohort %s: expected 0 <= repurchasers <= mature <= firstBuyers, got %s, %s, %s",
          start,
          repurchasers,
          mature,
          firstBuyers);
    }

    /**
     * First buyers not yet mature, reported apart from the rate.
     *
     * @return {@code firstBuyers - mature}, {@code >= 0}
     */
    public long immature() {
      return firstBuyers - mature;
    }

    /**
     * The cohort's N-day repurchase rate.
     *
     * @return {@code repurchasers / mature} in [0, 1]; empty when no first buyer is mature
     */
    @JsonProperty("rate")
    public OptionalDouble rate() {
      return ratio(repurchasers, mature);
    }
  }

  /**
   * Repurchase within {@code days} of the first order, for one first-order cohort: the N-day figure
   * of {@link Cohort} with N = {@code days}. A first buyer with first order on local day d0 is
   * mature when day {@code d0 + days} has fully elapsed at {@code asOf}, and a repurchaser when
   * their repurchase falls on a local day up to {@code d0 + days} (inclusive). As {@code days}
   * grows, {@code mature} and {@code mature - repurchasers} can only fall.
   *
   * @param cohortStart the cohort's first local date, as {@link Cohort#start()}
   * @param days the checkpoint, in days since the first order
   * @param mature first buyers of the cohort mature for {@code days}: the rate's denominator
   * @param repurchasers those of them with a repurchase within {@code days}
   */
  @JsonIgnoreProperties(value = "rate", allowGetters = true)
  public record CurvePoint(LocalDate cohortStart, int days, long mature, long repurchasers) {
    /**
     * Checks {@code days >= 1} and {@code 0 <= repurchasers <= mature}.
     *
     * @param cohortStart the cohort's first local date
     * @param days the checkpoint in days, {@code >= 1}
     * @param mature first buyers mature for {@code days}
     * @param repurchasers those of them with a repurchase within {@code days}
     * @throws NullPointerException if {@code cohortStart} is null
     * @throws IllegalArgumentException if {@code days < 1} or the counts are out of order
     */
    public CurvePoint {
      Checks.requireNonNull(cohortStart, "cohortStart");
      Checks.requirePositive(days, "days");
      Checks.checkArgument(
          0 <= repurchasers && repurchasers <= mature,
          "cohort %s at %s days: expected 0 <= repurchasers <= mature, got %s, %s",
          cohortStart,
          days,
          repurchasers,
          mature);
    }

    /**
     * The share repurchased within {@code days}.
     *
     * @return {@code repurchasers / mature} in [0, 1]; empty when no first buyer is mature for
     *     {@code days}
     */
    @JsonProperty("rate")
    public OptionalDouble rate() {
      return ratio(repurchasers, mature);
    }
  }

  /**
   * Next-period repurchase of one period M.
   *
   * @param start the first local date of M
   * @param buyers users with a valid order in M
   * @param repeatBuyers those of them with a valid order in M + 1 too
   * @param mature whether M + 1 had fully elapsed at {@code asOf}
   */
  @JsonIgnoreProperties(value = "rate", allowGetters = true)
  public record NextPeriod(LocalDate start, long buyers, long repeatBuyers, boolean mature) {
    /**
     * Checks {@code 0 <= repeatBuyers <= buyers}.
     *
     * @param start the first local date of M
     * @param buyers users with a valid order in M
     * @param repeatBuyers those of them with a valid order in M + 1 too
     * @param mature whether M + 1 had fully elapsed at {@code asOf}
     * @throws NullPointerException if {@code start} is null
     * @throws IllegalArgumentException if the counts are out of order
     */
    public NextPeriod {
      Checks.requireNonNull(start, "start");
      Checks.checkArgument(
          0 <= repeatBuyers && repeatBuyers <= buyers,
          "period %s: expected 0 <= repeatBuyers <= buyers, got %s, %s",
          start,
          repeatBuyers,
          buyers);
    }

    /**
     * The next-period repurchase rate of M.
     *
     * @return {@code repeatBuyers / buyers} in [0, 1]; empty until M + 1 is mature, and without
     *     buyers
     */
    @JsonProperty("rate")
    public OptionalDouble rate() {
      return mature ? ratio(repeatBuyers, buyers) : OptionalDouble.empty();
    }
  }

  /**
   * A pooled rate.
   *
   * @param eligible the denominator
   * @param repurchasers the numerator
   */
  public record Rate(long eligible, long repurchasers) {
    /**
     * The pooled rate.
     *
     * @return {@code repurchasers / eligible}; empty when nobody is eligible
     */
    @JsonProperty("rate")
    public OptionalDouble rate() {
      return ratio(repurchasers, eligible);
    }
  }

  /**
   * Days from a buyer's first valid order to their repurchase (the next valid order on a later
   * local day, or the same day when the spec counts same-day orders), whether or not it fell in the
   * N-day window or the buyer is mature. Quantiles are nearest-rank: the smallest number of days
   * within which at least that share of these buyers repurchased. They are computed from the
   * distribution, which is kept so that results of disjoint users add exactly ({@link #plus}).
   *
   * @param repeatBuyersByDays how many buyers repurchased exactly k days after their first order,
   *     keyed by k ({@code >= 0}), ascending; only days with a repeat buyer
   */
  @JsonPropertyOrder({"repeatBuyers", "medianDays", "p90Days", "repeatBuyersByDays"})
  // Written for readers of the JSON, and recomputed from the distribution when read back.
  @JsonIgnoreProperties(value = {"repeatBuyers", "medianDays", "p90Days"}, allowGetters = true)
  public record TimeToSecondOrder(Map<Integer, Long> repeatBuyersByDays) {
    /**
     * Copies the distribution into an unmodifiable map sorted by days.
     *
     * @param repeatBuyersByDays repeat buyers by days from first order to repurchase
     * @throws NullPointerException if the map, a key or a value is null
     * @throws IllegalArgumentException if a key is negative or a value is not positive
     */
    public TimeToSecondOrder {
      Checks.requireNonNull(repeatBuyersByDays, "repeatBuyersByDays");
      repeatBuyersByDays = Collections.unmodifiableMap(new TreeMap<>(repeatBuyersByDays));
      repeatBuyersByDays.forEach((days, buyers) -> Checks.checkArgument(days >= 0 && buyers > 0,
          "repeatBuyersByDays: expected days >= 0 with buyers > 0, got %s days with %s", days, buyers));
    }

    /**
     * Buyers who repurchased.
     *
     * @return the sum of the distribution's counts
     */
    @JsonProperty("repeatBuyers")
    public long repeatBuyers() {
      long n = 0;
      for (long buyers : repeatBuyersByDays.values()) {
        n = Math.addExact(n, buyers);
      }
      return n;
    }

    /**
     * The 50th percentile.
     *
     * @return days, nearest-rank; {@code null} without repeat buyers
     */
    @JsonProperty("medianDays")
    public Integer medianDays() {
      return nearestRank(50);
    }

    /**
     * The 90th percentile.
     *
     * @return days, nearest-rank; {@code null} without repeat buyers
     */
    @JsonProperty("p90Days")
    public Integer p90Days() {
      return nearestRank(90);
    }

    /** The smallest days with at least {@code ceil(n * percent / 100)} repeat buyers at or below it. */
    private Integer nearestRank(int percent) {
      long rank = (repeatBuyers() * percent + 99) / 100;
      long seen = 0;
      for (Map.Entry<Integer, Long> entry : repeatBuyersByDays.entrySet()) {
        seen += entry.getValue();
        if (seen >= rank) {
          return entry.getKey();
        }
      }
      return null;
    }

    TimeToSecondOrder plus(TimeToSecondOrder other) {
      Map<Integer, Long> sum = new TreeMap<>(repeatBuyersByDays);
      other.repeatBuyersByDays.forEach((days, buyers) -> sum.merge(days, buyers, Math::addExact));
      return new TimeToSecondOrder(sum);
    }
  }
}
