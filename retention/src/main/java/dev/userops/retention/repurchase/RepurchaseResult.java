package dev.userops.retention.repurchase;

import dev.userops.core.Checks;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
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
    List<NextPeriod> nextPeriods,
    TimeToSecondOrder timeToSecondOrder,
    long buyers,
    long buyersWith2Plus,
    long buyersWith3Plus,
    long orders,
    Diagnostics diagnostics) {

  /** Copies the lists into unmodifiable ones. */
  public RepurchaseResult {
    Checks.requireNonNull(cohort, "cohort");
    Checks.requireNonNull(nextPeriod, "nextPeriod");
    cohorts = List.copyOf(cohorts);
    nextPeriods = List.copyOf(nextPeriods);
    Checks.requireNonNull(timeToSecondOrder, "timeToSecondOrder");
    Checks.requireNonNull(diagnostics, "diagnostics");
  }

  /** The pooled N-day rate over all cohorts: Σ repurchasers / Σ mature first buyers. */
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
   */
  public OptionalDouble simpleMeanRate() {
    return cohorts.stream()
        .map(Cohort::rate)
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .average();
  }

  /** {@code buyersWith2Plus / buyers}; empty without buyers. */
  public OptionalDouble shareWith2Plus() {
    return ratio(buyersWith2Plus, buyers);
  }

  /** {@code buyersWith3Plus / buyers}; empty without buyers. */
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
    /** Checks {@code 0 <= repurchasers <= mature <= firstBuyers}. */
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

    /** First buyers not yet mature, reported apart from the rate. */
    public long immature() {
      return firstBuyers - mature;
    }

    /** {@code repurchasers / mature}; empty when no first buyer is mature. */
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
    /** Checks {@code 0 <= repeatBuyers <= buyers}. */
    public NextPeriod {
      Checks.requireNonNull(start, "start");
      Checks.checkArgument(
          0 <= repeatBuyers && repeatBuyers <= buyers,
          "period %s: expected 0 <= repeatBuyers <= buyers, got %s, %s",
          start,
          repeatBuyers,
          buyers);
    }

    /** {@code repeatBuyers / buyers}; empty until M + 1 is mature, and without buyers. */
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
    /** {@code repurchasers / eligible}; empty when nobody is eligible. */
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
    /** Checks that the quantiles are present exactly when there are repeat buyers. */
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
