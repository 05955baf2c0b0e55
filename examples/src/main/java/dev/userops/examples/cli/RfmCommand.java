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
import dev.userops.examples.report.Reports;
import dev.userops.segmentation.rfm.RfmFeatures;
import dev.userops.segmentation.rfm.RfmScores;
import dev.userops.segmentation.rfm.RfmScoring;
import dev.userops.segmentation.rfm.RfmSegments;
import dev.userops.segmentation.rfm.RfmSpec;
import dev.userops.segmentation.rfm.SegmentTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code userops rfm}: per-user recency (calendar days in {@code --zone}), frequency (valid orders)
 * and monetary value (net spend), scored 1..5 and mapped to named segments, with users and revenue
 * per segment. Here {@code --as-of DATE} means the start of that day in {@code --zone}, as the R
 * package's {@code analysis_date} does: orders on that date are after it.
 */
@Command(
    name = "rfm",
    description = "RFM scores and segments per user. --as-of is required; a date means the start of"
        + " that day in --zone. Without --orders or --cdnow, runs on the bundled CDNOW data.")
final class RfmCommand extends InputCommand {
  /** The {@code --scoring} values. */
  enum Scoring {
    QUANTILE,
    R_COMPATIBLE
  }

  /** The {@code --segments} values. */
  enum Segments {
    VIGNETTE,
    GRID
  }

  @Option(names = "--scoring", paramLabel = "quantile|r-compatible", defaultValue = "quantile",
      description = "quantile: by rank, ties share a score; r-compatible: the R package rfm 0.3.0"
          + " (cut points are quantiles plus one minor unit, so use --fraction-digits 0 for amounts R"
          + " saw in whole units). Default: ${DEFAULT-VALUE}.")
  Scoring scoring;

  @Option(names = "--segments", paramLabel = "vignette|grid", defaultValue = "vignette",
      description = "vignette: the R package's ten segments; grid: the 11-segment recency x"
          + " frequency grid. Default: ${DEFAULT-VALUE}.")
  Segments segments;

  @Override
  public Integer call() throws IOException {
    RfmScoring rfmScoring = switch (scoring) {
      case QUANTILE -> RfmScoring.quantiles(RfmScoring.DEFAULT_SCORES);
      case R_COMPATIBLE -> RfmScoring.rCompatible(RfmScoring.DEFAULT_SCORES, input.fractionDigits());
    };
    SegmentTable table = switch (segments) {
      case VIGNETTE -> SegmentTable.vignette();
      case GRID -> SegmentTable.rfGrid();
    };
    Instant asOf = input.requireAsOf("recency is measured at it");
    RfmSpec rfmSpec = fromOptions("--as-of", () -> new RfmSpec(input.zone(), asOf, null, null, input.badRecords()));
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, input.badRecords(), asOf);
    InputOptions.ReadResult read = input.read(valid::addOrder);
    RfmFeatures features = rfmSpec.newAccumulator().addAll(valid).result();
    RfmScores scores = rfmScoring.score(features);
    RfmSegments segmented = table.segment(features, scores);
    Diagnostics diagnostics = read.diagnostics().plus(valid.diagnostics()).plus(features.diagnostics());
    return output.print(
        () -> json(asOf, read, features, scores, segmented, diagnostics),
        out -> printTable(out, asOf, segmented, features.size(), read.records(), diagnostics));
  }

  private String json(
      Instant asOf,
      InputOptions.ReadResult read,
      RfmFeatures features,
      RfmScores scores,
      RfmSegments segmented,
      Diagnostics diagnostics) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("asOf", asOf.toString());
    document.put("zone", input.zone().getId());
    document.put("records", read.records());
    UserIdDictionary userIds = read.users();
    ArrayNode users = document.putArray("users");
    for (int i = 0; i < features.size(); i++) {
      users.addObject()
          .put("userId", userIds.userId(features.userId(i)))
          .put("recencyDays", features.recencyDays(i))
          .put("frequency", features.frequency(i))
          .put("monetaryMinor", features.monetaryMinor(i))
          .put("r", scores.r(i))
          .put("f", scores.f(i))
          .put("m", scores.m(i))
          .put("segment", segmented.segment(i));
    }
    document.set("segments", mapper.valueToTree(segmented.sizes()));
    document.set("diagnostics", mapper.valueToTree(diagnostics));
    return Json.writePretty(document);
  }

  private void printTable(PrintWriter out, Instant asOf, RfmSegments segmented, int users, long records,
      Diagnostics diagnostics) {
    long revenue = segmented.sizes().stream().mapToLong(RfmSegments.SegmentSize::revenueMinor).sum();
    out.println("RFM segments");
    out.printf("  %-24s %s%n", "source", input.source());
    out.printf("  %-24s %s%n", "zone", input.zone().getId());
    out.printf("  %-24s %s%n", "as of", asOf);
    out.printf("  %-24s %s, %s segments%n", "scoring", UserOpsCommand.choiceName(scoring),
        UserOpsCommand.choiceName(segments));
    out.printf("  %-24s %s%n", "records read", Reports.count(records));
    out.printf("  %-24s %s%n", "users with orders", Reports.count(users));
    out.println();
    out.printf("  %-24s %10s %8s %18s %8s%n", "segment", "users", "share", "revenue", "share");
    for (RfmSegments.SegmentSize size : segmented.sizes()) {
      out.printf("  %-24s %10s %8s %18s %8s%n", size.name(), Reports.count(size.users()),
          Reports.percent(size.users(), users), Reports.money(size.revenueMinor(), input.fractionDigits()),
          Reports.percent(size.revenueMinor(), revenue));
    }
    Reports.printSkipped(out, diagnostics);
  }
}
