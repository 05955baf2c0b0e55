package dev.userops.examples.report;

import dev.userops.retention.clv.BgNbd;
import dev.userops.retention.clv.ClvHorizon;
import dev.userops.retention.clv.ClvSummary;
import dev.userops.retention.clv.Fit;
import dev.userops.retention.clv.GammaGamma;
import dev.userops.retention.clv.PurchaseCurve;
import dev.userops.retention.value.LtvResult;
import dev.userops.retention.value.Ratio;
import dev.userops.segmentation.rfm.RfmFeatures;
import dev.userops.segmentation.rfm.RfmSegments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's value section: what users have been worth (the monthly cohort LTV triangle) and
 * what they are predicted to be worth (BG/NBD and Gamma-Gamma fitted to every buyer's history up to
 * the last complete day, with a 12-month CLV discounted 1% a month), by RFM segment. Money in minor
 * units.
 *
 * @param ltvPerUser pooled cumulative net revenue per cohort buyer at month k = 0 … 12 after the
 *     cohort's month, over the cohorts whose cell k is complete; {@code null} where none is
 * @param cohorts each monthly cohort's curve, for the chart
 * @param prediction the fitted models and the predicted value by segment
 */
public record ValueFigures(List<Double> ltvPerUser, List<Cohort> cohorts, Prediction prediction) {
  /** Months of the LTV triangle and of the CLV horizon. */
  public static final int MONTHS = 12;
  /** The CLV's discount rate per month: about 12.7% a year. */
  public static final double MONTHLY_DISCOUNT_RATE = 0.01;

  /**
   * One cohort's LTV curve.
   *
   * @param start the first day of the cohort's month
   * @param users first buyers in the month
   * @param revenuePerUser cumulative net revenue per buyer at month k; {@code null} while month k
   *     is not complete
   */
  public record Cohort(String start, long users, List<Double> revenuePerUser) {}

  /**
   * The predicted value, or why there is none.
   *
   * @param unavailable why no model was fitted (e.g. too few repeat buyers); {@code null} if fitted
   * @param model the purchase model's name and parameters, with its log-likelihood
   * @param spend the spend model's name and parameters, with its log-likelihood
   * @param customers buyers predicted for
   * @param totalClvMinor the sum of their CLV
   * @param bySegment per RFM segment, in the segment table's order; segments without buyers left out
   * @param clvDeciles the CLV of the customer at each tenth of the ranking, from the 10th percentile
   *     to the largest
   * @param weekly repeat purchases per week from the first customer's first purchase day to the last
   *     complete day: actual against BG/NBD's expectation for customers entering at their first
   *     purchase (the tracking chart of Fader, Hardie and Lee 2005)
   */
  public record Prediction(
      String unavailable,
      Map<String, Object> model,
      Map<String, Object> spend,
      long customers,
      double totalClvMinor,
      List<SegmentValue> bySegment,
      List<Double> clvDeciles,
      List<PurchaseCurve.Period> weekly) {}

  /**
   * The predicted value of one RFM segment.
   *
   * @param segment the segment's name
   * @param customers its buyers
   * @param meanPAlive their mean probability of being alive at the as-of
   * @param meanClvMinor their mean CLV over the horizon
   * @param totalClvMinor their summed CLV
   */
  public record SegmentValue(
      String segment, long customers, double meanPAlive, double meanClvMinor, double totalClvMinor) {}

  /**
   * The section from the report's accumulators.
   *
   * @param ltv the monthly LTV triangle with {@link #MONTHS} intervals
   * @param summary every buyer's calibration summary up to the last complete day, or {@code null}
   *     if there is no such day after 1970
   * @param features the RFM features of the same buyers
   * @param segments their segments
   */
  static ValueFigures compute(LtvResult ltv, ClvSummary summary, RfmFeatures features, RfmSegments segments) {
    List<Double> pooled = values(ltv.all().mean().revenuePerUser());
    List<Cohort> cohorts = new ArrayList<>();
    for (LtvResult.Cohort cohort : ltv.all().cohorts()) {
      if (cohort.users() > 0) {
        cohorts.add(new Cohort(cohort.start().toString(), cohort.users(), values(cohort.revenuePerUser())));
      }
    }
    return new ValueFigures(pooled, cohorts, predict(summary, features, segments));
  }

  private static List<Double> values(List<Ratio> ratios) {
    List<Double> values = new ArrayList<>(ratios.size());
    for (Ratio ratio : ratios) {
      values.add(ratio == null ? null : ratio.value());
    }
    return values;
  }

  private static Prediction predict(ClvSummary summary, RfmFeatures features, RfmSegments segments) {
    if (summary == null || summary.customers() == 0) {
      return unavailable("no buyer before the last complete day");
    }
    int n = summary.customers();
    ClvColumns c = ClvColumns.of(summary);
    Fit<BgNbd> purchases;
    Fit<GammaGamma> spend;
    try {
      purchases = BgNbd.fit(c.repeatBuyers());
      spend = GammaGamma.fit(c.x(), c.zbarMinor());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // A handful of buyers, or none who came back: a report still has its other sections.
      return unavailable(e.getMessage());
    }
    double[] averageSpend = c.averageSpend(spend.model());
    ClvHorizon horizon = ClvHorizon.months(summary.unitDays(), MONTHS, MONTHLY_DISCOUNT_RATE);
    double[] clv = purchases.model().clv(c.x(), c.tx(), c.T(), averageSpend, horizon);
    Map<String, double[]> bySegment = new LinkedHashMap<>();
    for (RfmSegments.SegmentSize size : segments.sizes()) {
      bySegment.put(size.name(), new double[3]);
    }
    for (int i = 0; i < features.size(); i++) {
      int row = summary.indexOf(features.userId(i));
      if (row >= 0) {
        double[] sums = bySegment.get(segments.segment(i));
        sums[0]++;
        sums[1] += purchases.model().probabilityAlive(c.x()[row], c.tx()[row], c.T()[row]);
        sums[2] += clv[row];
      }
    }
    List<SegmentValue> segmentValues = new ArrayList<>();
    bySegment.forEach((name, sums) -> {
      if (sums[0] > 0) {
        segmentValues.add(new SegmentValue(name, (long) sums[0], sums[1] / sums[0], sums[2] / sums[0], sums[2]));
      }
    });
    double[] sorted = clv.clone();
    Arrays.sort(sorted);
    List<Double> deciles = new ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      deciles.add(sorted[Math.max(0, (int) Math.ceil(d * n / 10.0) - 1)]);
    }
    PurchaseCurve weekly = PurchaseCurve.of(purchases.model(), c.firstPurchase(), 1,
        summary.repeatPurchasesPerPeriod());
    return new Prediction(null, parameters(purchases), parameters(spend), n, Arrays.stream(clv).sum(), segmentValues,
        deciles, weekly.periods());
  }

  private static Map<String, Object> parameters(Fit<?> fit) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("name", fit.model() instanceof GammaGamma gg ? gg.name() : ((BgNbd) fit.model()).name());
    for (Fit.Estimate estimate : fit.estimates()) {
      parameters.put(estimate.name(), estimate.value());
    }
    parameters.put("logLikelihood", fit.logLikelihood());
    return parameters;
  }

  private static Prediction unavailable(String why) {
    return new Prediction(why, null, null, 0, 0, List.of(), List.of(), List.of());
  }
}
