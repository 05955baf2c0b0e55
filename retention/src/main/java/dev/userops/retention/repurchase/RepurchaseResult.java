package dev.userops.retention.repurchase;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

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
   * within which at least that share of these buyers repurchased.
   *
   * @param repeatBuyers buyers who repurchased
   * @param medianDays the 50th percentile in days, {@code null} without repeat buyers
   * @param p90Days the 90th percentile in days, {@code null} without repeat buyers
   */
  public record TimeToSecondOrder(long repeatBuyers, Integer medianDays, Integer p90Days) {
    /**
     * Checks that the quantiles are present exactly when there are repeat buyers.
     *
     * @param repeatBuyers buyers who repurchased
     * @param medianDays the 50th percentile in days, {@code null} without repeat buyers
     * @param p90Days the 90th percentile in days, {@code null} without repeat buyers
     * @throws IllegalArgumentException if the quantiles' presence does not match {@code
     *     repeatBuyers > 0}
     */
    public TimeToSecondOrder {
      Checks.checkArgument(
          (repeatBuyers > 0) == (medianDays != null && p90Days != null),
          "expected quantiles exactly when repeatBuyers > 0, got %s, %s, %s",
          repeatBuyers,
          medianDays,
          p90Days);
    }
  }
}
