package dev.userops.examples.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserOpsJson;
import dev.userops.core.internal.Json;
import dev.userops.core.summary.OrderSummary;
import dev.userops.retention.active.ActiveUsers;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.repurchase.RepurchaseResult;
import dev.userops.segmentation.dimensions.LifecycleRules;
import dev.userops.segmentation.dimensions.LifecycleStage;
import dev.userops.segmentation.dimensions.ValueTiers;
import dev.userops.segmentation.rfm.RfmSegments.SegmentSize;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code userops report} shows, computed once and rendered three ways (terminal, HTML,
 * JSON), so the three cannot disagree.
 *
 * @param source where the data came from and how it was read
 * @param zone the zone of every local date
 * @param asOf nothing after it counts; a period is complete once its last millisecond is at or
 *     before it
 * @param summary users, valid orders, revenue and orders per user
 * @param segments RFM segments (quantile scores 1..5, the R package's ten segments)
 * @param retention monthly first-order cohorts, return = another valid order in month k; leading
 *     empty cohorts and trailing columns no cohort has completed are dropped
 * @param repurchase 30-day and next-month repurchase with the curve by cohort
 * @param lifecycle users by lifecycle stage at {@code asOf}
 * @param valueTier the Pareto tier of top spenders
 * @param value cohort LTV and predicted CLV by RFM segment
 * @param active daily active users over the 30 days up to the last complete day; {@code null}
 *     without an events file
 * @param diagnostics bad records skipped by the reader and the report's one screen, by reason
 */
public record ReportFigures(
    Source source,
    ZoneId zone,
    Instant asOf,
    OrderSummary summary,
    List<SegmentSize> segments,
    RetentionMatrix retention,
    RepurchaseResult repurchase,
    Lifecycle lifecycle,
    ValueTiers.Tier valueTier,
    ValueFigures value,
    ActiveUsers active,
    Diagnostics diagnostics) {

  /**
   * How the data was read.
   *
   * @param orders the order input's name
   * @param events the events file's name; {@code null} without one
   * @param records data rows read, bad ones included
   * @param asOfRule the as-of and the rule that chose it
   * @param badRecords the bad-record policy
   * @param fractionDigits fraction digits of the input's currency, for money in major units
   */
  public record Source(String orders, String events, long records, AsOfRule asOfRule, BadRecordPolicy badRecords,
      int fractionDigits) {}

  /**
   * Users by lifecycle stage.
   *
   * @param basis what counts as activity
   * @param rules the thresholds
   * @param users users per stage, every stage present, in declaration order
   */
  public record Lifecycle(String basis, LifecycleRules rules, Map<LifecycleStage, Long> users) {}


  /**
   * The machine-readable report: the settings, then each section in the JSON form of the subcommand
   * that computes it on its own ({@code summary}, {@code rfm}'s segments, {@code retention}, {@code
   * repurchase}, {@code active}'s days), plus the repurchase curve, lifecycle and value tier.
   */
  public String toJson() {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("source", source.orders());
    document.put("events", source.events());
    document.put("zone", zone.getId());
    document.put("asOf", asOf.toString());
    document.put("asOfRule", source.asOfRule().rule());
    document.put("badRecords", source.badRecords().name());
    document.put("records", source.records());
    // Sections see screened orders only; the report's bad records are the top-level diagnostics.
    document.set("summary", Reports.section(summary));
    ObjectNode rfm = document.putObject("rfm");
    rfm.put("scoring", "quantile");
    rfm.put("segmentTable", "vignette");
    rfm.set("segments", mapper.valueToTree(segments));
    document.set("retention", Reports.section(retention));
    document.set("repurchase", Reports.section(repurchase));
    ObjectNode stages = document.putObject("lifecycle");
    stages.put("basis", lifecycle.basis());
    stages.set("rules", mapper.valueToTree(lifecycle.rules()));
    stages.set("users", mapper.valueToTree(lifecycle.users()));
    document.set("valueTier", mapper.valueToTree(valueTier));
    document.set("value", mapper.valueToTree(value));
    if (active != null) {
      document.set("activeUsers", mapper.valueToTree(active.days()));
    }
    document.set("diagnostics", mapper.valueToTree(diagnostics));
    return Json.writePretty(document);
  }
}
