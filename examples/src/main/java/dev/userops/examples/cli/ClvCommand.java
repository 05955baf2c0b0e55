package dev.userops.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.UserOpsJson;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.internal.Json;
import dev.userops.examples.report.ClvColumns;
import dev.userops.examples.report.Reports;
import dev.userops.retention.clv.BgNbd;
import dev.userops.retention.clv.ClvHorizon;
import dev.userops.retention.clv.ClvSummary;
import dev.userops.retention.clv.ClvSummarySpec;
import dev.userops.retention.clv.Fit;
import dev.userops.retention.clv.GammaGamma;
import dev.userops.retention.clv.HoldoutEvaluation;
import dev.userops.retention.clv.MbgNbd;
import dev.userops.retention.clv.ParetoNbd;
import dev.userops.retention.clv.PurchaseCurve;
import dev.userops.retention.clv.PurchaseModel;
import dev.userops.retention.clv.RepeatBuyers;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code userops clv}: predicted customer value. Valid orders (paid, net of partial refunds, one
 * purchase per local day) become each customer's calibration summary ({@link ClvSummary}); a
 * purchase model (BG/NBD by default) and the Gamma-Gamma spend model are fitted to it by maximum
 * likelihood; each customer gets P(alive), expected purchases, expected spend per purchase and a
 * discounted CLV. With {@code --holdout-end}, the predictions for the holdout are compared with the
 * purchases made in it.
 *
 * <p>Times in the JSON are in weeks ({@code timeUnit}); the CLV horizon is in months of {@link
 * ClvHorizon#DAYS_PER_MONTH} days, converted to weeks, never 30 "days" of weekly data.
 */
@Command(
    name = "clv",
    description = "Predicted customer value (BG/NBD or Pareto/NBD with Gamma-Gamma spend): P(alive),"
        + " expected purchases and discounted CLV per customer, with the holdout check. Without --orders"
        + " or --cdnow, runs on the bundled CDNOW data.")
final class ClvCommand extends InputCommand {
  /** Frequency buckets of the holdout check: x = 0 … 6 and 7 or more, as Fader, Hardie and Lee. */
  private static final int LAST_BUCKET = 7;
  private static final int TOP_USERS = 10;

  /** The {@code --model} values. */
  enum Model {
    BG_NBD,
    MBG_NBD,
    PARETO_NBD
  }

  @Option(names = "--calibration-end", paramLabel = "DATE", required = true,
      description = "Last local day of the calibration period, inclusive; the models are fitted to the orders up"
          + " to it.")
  LocalDate calibrationEnd;

  @Option(names = "--holdout-end", paramLabel = "DATE",
      description = "Last local day of the holdout period, inclusive: its purchases are compared with the"
          + " prediction, and expectedPurchases covers it.")
  LocalDate holdoutEnd;

  @Option(names = "--model", paramLabel = "bg-nbd|mbg-nbd|pareto-nbd", defaultValue = "bg-nbd",
      description = "The purchase model (default: ${DEFAULT-VALUE}).")
  Model model;

  @Option(names = "--horizon", paramLabel = "MONTHS", defaultValue = "12",
      description = "CLV horizon in months of 30.44 days; also the period of expectedPurchases without"
          + " --holdout-end (default: ${DEFAULT-VALUE}).")
  int horizonMonths;

  @Option(names = "--discount-rate", paramLabel = "R", defaultValue = "0.01",
      description = "Discount rate per month of the CLV, e.g. 0.01 (about 12.7% a year; default: ${DEFAULT-VALUE}).")
  double discountRate;

  @Override
  public Integer call() throws IOException {
    ClvSummarySpec summarySpec = fromOptions(null, () -> ClvSummarySpec.of(input.zone(), calibrationEnd)
        .withHoldoutEnd(holdoutEnd)
        .withBadRecords(input.badRecords()));
    ClvHorizon horizon = fromOptions("--horizon",
        () -> ClvHorizon.months(summarySpec.unitDays(), horizonMonths, discountRate));
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, input.badRecords(), input.asOf());
    InputOptions.ReadResult read = input.read(valid::addOrder);
    ClvSummary summary = summarySpec.newAccumulator().addAll(valid).result();
    if (summary.customers() == 0) {
      throw new ParameterException(spec.commandLine(),
          "--calibration-end: no customer has a valid order on or before " + calibrationEnd);
    }
    Prediction prediction = fromOptions(null, () -> Prediction.of(summary, model, horizon));
    Diagnostics diagnostics = read.diagnostics().plus(valid.diagnostics()).plus(summary.diagnostics());
    return output.print(
        () -> json(read, summary, prediction, diagnostics),
        out -> print(out, read, summary, prediction, diagnostics));
  }

  /** What the models say about the summary's customers, element {@code i} for customer {@code i}. */
  private record Prediction(
      Fit<? extends PurchaseModel> fit,
      Fit<GammaGamma> spend,
      HoldoutEvaluation holdout,
      PurchaseCurve weekly,
      double horizonLength,
      double[] pAlive,
      double[] expectedPurchases,
      double[] averageSpend,
      double[] clv) {

    static Prediction of(ClvSummary summary, Model name, ClvHorizon horizon) {
      ClvColumns c = ClvColumns.of(summary);
      RepeatBuyers buyers = c.repeatBuyers();
      Fit<? extends PurchaseModel> fit = switch (name) {
        case BG_NBD -> BgNbd.fit(buyers);
        case MBG_NBD -> MbgNbd.fit(buyers);
        case PARETO_NBD -> ParetoNbd.fit(buyers);
      };
      PurchaseModel model = fit.model();
      Fit<GammaGamma> spend = GammaGamma.fit(c.x(), c.zbarMinor());
      double[] averageSpend = c.averageSpend(spend.model());
      double[] pAlive = new double[summary.customers()];
      for (int i = 0; i < pAlive.length; i++) {
        pAlive[i] = model.probabilityAlive(c.x()[i], c.tx()[i], c.T()[i]);
      }
      boolean withHoldout = summary.holdoutEnd() != null;
      double length = withHoldout ? summary.holdoutLength() : horizon.periods() * horizon.periodLength();
      HoldoutEvaluation holdout = withHoldout
          ? HoldoutEvaluation.of(model, c.x(), c.tx(), c.T(), c.holdoutPurchases(), length, LAST_BUCKET)
          : null;
      PurchaseCurve weekly = PurchaseCurve.of(model, c.firstPurchase(), 1, summary.repeatPurchasesPerPeriod());
      return new Prediction(fit, spend, holdout, weekly, length, pAlive,
          model.expectedPurchases(length, c.x(), c.tx(), c.T()), averageSpend,
          model.clv(c.x(), c.tx(), c.T(), averageSpend, horizon));
    }
  }

  private String json(InputOptions.ReadResult read, ClvSummary summary, Prediction prediction,
      Diagnostics diagnostics) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("calibrationEnd", calibrationEnd.toString());
    document.put("holdoutEnd", holdoutEnd == null ? null : holdoutEnd.toString());
    document.put("zone", input.zone().getId());
    document.put("timeUnit", "WEEK");
    document.put("records", read.records());
    document.put("customers", summary.customers());
    document.put("buyersAfterCalibration", summary.buyersAfterCalibration());
    document.set("model", fitJson(mapper, prediction.fit()));
    document.set("spend", fitJson(mapper, prediction.spend()));
    ObjectNode clv = document.putObject("clv");
    clv.put("horizonMonths", horizonMonths);
    clv.put("daysPerMonth", ClvHorizon.DAYS_PER_MONTH);
    clv.put("discountRatePerMonth", discountRate);
    clv.put("expectedPurchasesWeeks", prediction.horizonLength());
    clv.put("totalMinor", Math.round(Arrays.stream(prediction.clv()).sum()));
    if (prediction.holdout() != null) {
      HoldoutEvaluation holdout = prediction.holdout();
      ObjectNode node = document.putObject("holdout");
      node.put("weeks", holdout.holdoutLength());
      node.put("actualPurchases", holdout.actualPurchases());
      node.put("predictedPurchases", holdout.predictedPurchases());
      node.set("byFrequency", mapper.valueToTree(holdout.byFrequency()));
    }
    ObjectNode weekly = document.putObject("weekly");
    weekly.put("origin", summary.origin().toString());
    weekly.set("periods", mapper.valueToTree(prediction.weekly().periods()));
    UserIdDictionary userIds = read.users();
    ArrayNode users = document.putArray("users");
    for (int i = 0; i < summary.customers(); i++) {
      users.addObject()
          .put("userId", userIds.userId((int) summary.userId(i)))
          .put("x", summary.x(i))
          .put("tx", summary.tx(i))
          .put("T", summary.T(i))
          .put("zbarMinor", summary.zbarMinor(i))
          .put("holdoutPurchases", summary.holdoutPurchases(i))
          .put("pAlive", prediction.pAlive()[i])
          .put("expectedPurchases", prediction.expectedPurchases()[i])
          .put("expectedAverageSpendMinor", prediction.averageSpend()[i])
          .put("clvMinor", prediction.clv()[i]);
    }
    document.set("diagnostics", mapper.valueToTree(diagnostics));
    return Json.writePretty(document);
  }

  /** The model's name and parameters, then the log-likelihood, standard errors and 95% intervals. */
  private static ObjectNode fitJson(ObjectMapper mapper, Fit<?> fit) {
    ObjectNode node = mapper.valueToTree(fit.model());
    node.put("logLikelihood", fit.logLikelihood());
    node.put("customers", fit.customers());
    ObjectNode errors = node.putObject("standardErrors");
    ObjectNode intervals = node.putObject("intervals95");
    for (Fit.Estimate estimate : fit.estimates()) {
      if (estimate.standardError().isPresent()) {
        errors.put(estimate.name(), estimate.standardError().getAsDouble());
        intervals.putArray(estimate.name())
            .add(estimate.lower95().getAsDouble())
            .add(estimate.upper95().getAsDouble());
      } else {
        errors.putNull(estimate.name());
        intervals.putNull(estimate.name());
      }
    }
    return node;
  }

  private void print(PrintWriter out, InputOptions.ReadResult read, ClvSummary summary, Prediction prediction,
      Diagnostics diagnostics) {
    out.println("Customer value");
    out.printf("  %-24s %s%n", "source", input.source());
    out.printf("  %-24s %s%n", "zone", input.zone().getId());
    out.printf("  %-24s %s%n", "calibration end", calibrationEnd);
    out.printf("  %-24s %s%n", "holdout end", holdoutEnd == null ? "-" : holdoutEnd);
    out.printf("  %-24s %s%n", "records read", Reports.count(read.records()));
    out.printf("  %-24s %s%n", "customers", Reports.count(summary.customers()));
    out.println();
    printFit(out, prediction.fit());
    printFit(out, prediction.spend());
    HoldoutEvaluation holdout = prediction.holdout();
    if (holdout != null) {
      out.printf("Holdout: %.1f weeks, repeat purchases by calibration frequency x%n", holdout.holdoutLength());
      out.printf("  %-8s %10s %12s %12s%n", "x", "customers", "actual", "predicted");
      for (HoldoutEvaluation.Bucket bucket : holdout.byFrequency()) {
        out.printf("  %-8s %10s %12s %12.1f%n", bucket.x() + (bucket.andAbove() ? "+" : ""),
            Reports.count(bucket.customers()), Reports.count(bucket.actualPurchases()), bucket.predictedPurchases());
      }
      out.printf("  %-8s %10s %12s %12.1f%n", "total", Reports.count(holdout.customers()),
          Reports.count(holdout.actualPurchases()), holdout.predictedPurchases());
      out.println();
    }
    double[] clv = prediction.clv();
    out.printf("CLV over %d months, discounted %s per month (minor units)%n", horizonMonths, discountRate);
    out.printf("  %-24s %14.0f%n", "total", Arrays.stream(clv).sum());
    out.printf("  %-24s %14.1f%n", "mean per customer", Arrays.stream(clv).average().orElse(0));
    out.printf("  top %d customers%n", TOP_USERS);
    out.printf("  %-12s %6s %8s %8s %10s %12s%n", "user", "x", "T", "P(alive)", "E[Y]", "CLV");
    UserIdDictionary ids = read.users();
    IntStream.range(0, clv.length).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -clv[i]).thenComparingInt(i -> i))
        .limit(TOP_USERS)
        .forEach(i -> out.printf("  %-12s %6d %8.2f %8.3f %10.2f %12.0f%n", ids.userId((int) summary.userId(i)),
            summary.x(i), summary.T(i), prediction.pAlive()[i], prediction.expectedPurchases()[i], clv[i]));
    Reports.printSkipped(out, diagnostics);
  }

  private static void printFit(PrintWriter out, Fit<?> fit) {
    out.printf("%s, log-likelihood %.2f over %s customers%n", nameOf(fit.model()), fit.logLikelihood(),
        Reports.count(fit.customers()));
    out.printf("  %-10s %12s %12s %24s%n", "parameter", "estimate", "std. error", "95% interval");
    for (Fit.Estimate e : fit.estimates()) {
      out.printf("  %-10s %12.4f %12s %24s%n", e.name(), e.value(),
          e.standardError().isPresent() ? String.format("%.4f", e.standardError().getAsDouble()) : "-",
          e.lower95().isPresent()
              ? String.format("[%.4f, %.4f]", e.lower95().getAsDouble(), e.upper95().getAsDouble())
              : "-");
    }
    out.println();
  }

  private static String nameOf(Object model) {
    return model instanceof PurchaseModel purchases ? purchases.name() : ((GammaGamma) model).name();
  }
}
