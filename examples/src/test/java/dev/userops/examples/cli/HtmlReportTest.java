package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.userops.examples.report.AsOfRule;
import dev.userops.examples.report.OrdersPerUser;
import dev.userops.examples.report.ReportFigures;
import dev.userops.examples.report.UserBaseReport;
import dev.userops.examples.report.ValueFigures;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.repurchase.RepurchaseResult.CurvePoint;
import dev.userops.segmentation.rfm.RfmSegments.SegmentSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * report.html as {@code userops report} writes it, parsed, against the figures computed straight
 * through {@link UserBaseReport}: what is drawn is what was computed.
 */
class HtmlReportTest {
  /** A file name HTML must escape. */
  private static final String ODD_NAME = "orders <&\">.csv";
  /**
   * Hand-worked, as of 2026-04-01 UTC. January cohort {a, b}: a back in February (month 1, 50%),
   * nobody in March (month 2: a complete 0%). February {c}: month 1 (March) 0%, month 2 (April)
   * not over. March {d}: nothing complete.
   */
  private static final String HAND_MADE = """
      user_id,order_id,occurred_at,amount,status
      a,o1,2026-01-05T10:00:00Z,10.00,paid
      a,o2,2026-02-10T10:00:00Z,20.00,paid
      b,o3,2026-01-06T10:00:00Z,5.50,paid
      c,o4,2026-02-03T10:00:00Z,8.00,paid
      d,o5,2026-03-15T10:00:00Z,12.25,paid
      """;
  private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?([^)'\"]*)");

  @TempDir static Path dir;
  private static Rendered bundled;
  private static Rendered handMade;

  /** The command's report.html and the figures it should show. */
  record Rendered(String name, String html, Document document, ReportFigures figures) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void render() throws IOException {
    // The bundled run dates itself (1998-07-01); the figures are computed with it given.
    bundled = rendered("bundled", List.of(), List.of("--as-of", "1998-07-01"));
    Path orders = Files.writeString(dir.resolve(ODD_NAME), HAND_MADE);
    List<String> input = List.of("--orders", orders.toString(), "--as-of", "2026-04-01");
    handMade = rendered("hand-made", input, input);
  }

  static Stream<Rendered> reports() {
    return Stream.of(bundled, handMade);
  }

  private static Rendered rendered(String name, List<String> commandArgs, List<String> inputArgs)
      throws IOException {
    Path out = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("report", "--out", out.toString()));
    args.addAll(commandArgs);
    Run run = run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    String html = Files.readString(out.resolve(ReportCommand.HTML_FILE));
    Parser parser = Parser.htmlParser().setTrackErrors(10);
    Document document = Jsoup.parse(html, "", parser);
    assertThat(parser.getErrors()).as(name).isEmpty();
    return new Rendered(name, html, document, figures(inputArgs.toArray(String[]::new)));
  }

  /** The figures of {@code userops report} without events, through the report's calculation alone. */
  private static ReportFigures figures(String... inputArgs) throws IOException {
    InputOptions input = new InputOptions();
    CommandLine.populateCommand(new Object() {
      @CommandLine.Mixin InputOptions options = input;
    }, inputArgs);
    UserBaseReport report = new UserBaseReport(input.zone(), input.asOf(), input.badRecords(), false);
    InputOptions.ReadResult read = input.read(report::addOrder);
    return report.figures(new ReportFigures.Source(input.source(), null, read.records(), AsOfRule.given(input.asOf()),
        input.badRecords(), input.fractionDigits()), read.diagnostics());
  }

  private static Element one(Element root, String query) {
    Elements found = root.select(query);
    assertThat(found).as(query).hasSize(1);
    return found.first();
  }

  private static double number(Element element, String attribute) {
    assertThat(element.hasAttr(attribute)).as(attribute + " of " + element).isTrue();
    return Double.parseDouble(element.attr(attribute));
  }

  @ParameterizedTest
  @MethodSource("reports")
  void isSelfContained(Rendered report) {
    Document document = report.document();
    assertThat(document.select("script, link, img, iframe, object, embed, audio, video, source, base")).isEmpty();
    for (Element element : document.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        // An SVG namespace is a name, never fetched.
        if (attribute.getKey().equals("xmlns") || attribute.getKey().startsWith("xmlns:")) {
          continue;
        }
        assertNothingFetched(attribute.getKey() + " of <" + element.tagName() + ">", attribute.getValue());
      }
    }
    Elements styles = document.select("style");
    assertThat(styles).isNotEmpty();
    for (Element style : styles) {
      assertThat(style.data()).doesNotContain("@import").doesNotContain("@font-face");
      assertNothingFetched("<style>", style.data());
    }
  }

  private static void assertNothingFetched(String where, String value) {
    String text = value.toLowerCase(Locale.ROOT);
    assertThat(text).as(where).doesNotContain("http:").doesNotContain("https:").doesNotContain("//");
    Matcher url = URL.matcher(text);
    while (url.find()) {
      assertThat(url.group(1)).as(where).startsWith("#");
    }
  }

  @ParameterizedTest
  @MethodSource("reports")
  void retentionHeatmapDrawsEveryComputedCell(Rendered report) {
    RetentionMatrix matrix = report.figures().retention();
    Element heatmap = one(report.document(), "svg.heatmap");
    int columns = matrix.columns().size();
    assertThat(matrix.cohorts()).isNotEmpty();
    for (RetentionMatrix.Cohort cohort : matrix.cohorts()) {
      String start = cohort.start().toString();
      Element size = one(heatmap, "g.cell[data-cohort=" + start + "][data-column=0]");
      assertThat(size.attr("data-count")).isEqualTo(Long.toString(cohort.size()));
      for (int j = 1; j <= columns; j++) {
        assertCell(heatmap, start, j, cohort.counts().get(j), cohort.rates().get(j));
      }
    }
    RetentionMatrix.Mean mean = matrix.mean();
    for (int j = 1; j <= columns; j++) {
      assertCell(heatmap, "mean", j, mean.rates().get(j) == null ? null : mean.counts().get(j), mean.rates().get(j));
    }
    assertThat(heatmap.select("g.cell")).hasSize(matrix.cohorts().size() * (columns + 1) + columns);
  }

  private static void assertCell(Element heatmap, String cohort, int column, Long count, Double rate) {
    Element cell = one(heatmap, "g.cell[data-cohort=" + cohort + "][data-column=" + column + "]");
    Element rect = one(cell, "rect");
    if (count == null) {
      assertThat(cell.classNames()).as(cell.toString()).contains("immature").doesNotContain("mature");
      assertThat(rect.attr("fill")).isEqualTo("url(#immature)");
      assertThat(cell.hasAttr("data-count") || cell.hasAttr("data-rate")).as(cell.toString()).isFalse();
      assertThat(cell.select("text")).as(cell.toString()).isEmpty();
    } else {
      assertThat(cell.classNames()).as(cell.toString()).contains("mature").doesNotContain("immature");
      assertThat(rect.attr("fill")).as(cell.toString()).matches("#[0-9a-f]{6}");
      assertThat(cell.attr("data-count")).isEqualTo(count.toString());
      assertThat(number(cell, "data-rate")).isEqualTo(rate);
      assertThat(one(cell, "text").text()).isEqualTo(String.format(Locale.ROOT, "%.1f", 100 * rate));
    }
  }

  @Test
  void aCompleteZeroCellIsAColourAndAnIncompleteCellIsHatched() {
    Element heatmap = one(handMade.document(), "svg.heatmap");
    assertThat(heatmap.select("g.cell[data-column=0]").eachAttr("data-cohort")).containsExactly("2026-01-01", "2026-02-01", "2026-03-01");

    Element half = one(heatmap, "g.cell[data-cohort=2026-01-01][data-column=1]");
    assertThat(half.attr("data-count")).isEqualTo("1");
    assertThat(one(half, "text").text()).isEqualTo("50.0");
    Element zero = one(heatmap, "g.cell[data-cohort=2026-01-01][data-column=2]");
    assertThat(zero.hasClass("mature")).isTrue();
    assertThat(zero.attr("data-count")).isEqualTo("0");
    assertThat(number(zero, "data-rate")).isZero();
    assertThat(one(zero, "text").text()).isEqualTo("0.0");
    assertThat(one(zero, "rect").attr("fill")).startsWith("#");
    Element open = one(heatmap, "g.cell[data-cohort=2026-02-01][data-column=2]");
    assertThat(open.hasClass("immature")).isTrue();
    assertThat(one(open, "rect").attr("fill")).isEqualTo("url(#immature)");
    // The hatch the cells point at is defined in the same SVG.
    assertThat(heatmap.select("defs pattern#immature")).hasSize(1);
  }

  @Test
  void aCompleteCellOfACohortWithoutBuyersIsNotCalledIncomplete() throws IOException {
    // Nobody's first order is in February; its month 1, March, is over at 2026-06-01.
    Path orders = Files.writeString(dir.resolve("gap.csv"), """
        user_id,order_id,occurred_at,amount,status
        a,o1,2026-01-05T10:00:00Z,10.00,paid
        b,o2,2026-03-05T10:00:00Z,10.00,paid
        """);
    List<String> input = List.of("--orders", orders.toString(), "--as-of", "2026-06-01");
    Rendered gap = rendered("gap", input, input);
    assertThat(gap.figures().retention().cohorts().get(1).counts().get(1)).isZero();

    Element cell = one(gap.document(), "svg.heatmap g.cell[data-cohort=2026-02-01][data-column=1]");
    assertThat(cell.classNames()).as(cell.toString()).doesNotContain("immature");
    assertThat(cell.text()).doesNotContain("not yet complete");
  }

  @ParameterizedTest
  @MethodSource("reports")
  void segmentChartHasABarPairPerSegmentInProportion(Rendered report) {
    List<SegmentSize> segments = report.figures().segments();
    long users = segments.stream().mapToLong(SegmentSize::users).sum();
    long revenue = segments.stream().mapToLong(SegmentSize::revenueMinor).sum();
    Elements groups = report.document().select("svg.bars g.segment");
    assertThat(groups).hasSize(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      SegmentSize segment = segments.get(i);
      Element group = groups.get(i);
      assertThat(group.attr("data-segment")).isEqualTo(segment.name());
      assertThat(group.attr("data-users")).isEqualTo(Long.toString(segment.users()));
      assertThat(group.attr("data-revenue-minor")).isEqualTo(Long.toString(segment.revenueMinor()));
      assertThat(number(one(group, "rect.bar.users"), "width"))
          .isCloseTo(360.0 * segment.users() / users, within(0.01));
      assertThat(number(one(group, "rect.bar.revenue"), "width"))
          .isCloseTo(360.0 * segment.revenueMinor() / revenue, within(0.01));
    }
  }

  @ParameterizedTest
  @MethodSource("reports")
  void ltvCurvesAreTheComputedCurvesUpToTheirLastCompleteMonth(Rendered report) {
    ValueFigures value = report.figures().value();
    Element chart = one(report.document(), "svg.ltv");
    assertCurve(one(chart, "polyline.pooled"), value.ltvPerUser());
    assertThat(chart.select("polyline.cohort")).hasSize(
        (int) value.cohorts().stream().filter(c -> c.revenuePerUser().get(0) != null).count());
    for (ValueFigures.Cohort cohort : value.cohorts()) {
      if (cohort.revenuePerUser().get(0) != null) {
        assertCurve(one(chart, "polyline.cohort[data-cohort=" + cohort.start() + "]"), cohort.revenuePerUser());
      }
    }
  }

  private static void assertCurve(Element line, List<Double> values) {
    String[] drawn = line.attr("data-revenue-per-user").split(" ");
    int complete = values.indexOf(null) < 0 ? values.size() : values.indexOf(null);
    assertThat(drawn).hasSize(complete);
    for (int k = 0; k < complete; k++) {
      assertThat(Double.parseDouble(drawn[k])).isCloseTo(values.get(k), within(1e-4));
    }
  }

  @Test
  void theBundledReportPredictsClvBySegmentAndTheHandMadeOneSaysWhyItCannot() {
    ValueFigures.Prediction prediction = bundled.figures().value().prediction();
    assertThat(prediction.unavailable()).isNull();
    Elements rows = bundled.document().select("#value tr[data-segment]");
    assertThat(rows).hasSize(prediction.bySegment().size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).attr("data-segment")).isEqualTo(prediction.bySegment().get(i).segment());
      assertThat(Long.parseLong(rows.get(i).attr("data-clv-minor")))
          .isEqualTo(Math.round(prediction.bySegment().get(i).totalClvMinor()));
    }
    assertThat(prediction.bySegment().stream().mapToLong(ValueFigures.SegmentValue::customers).sum())
        .isEqualTo(prediction.customers());
    // The tracking chart: CDNOW's 78 weeks from 1997-01-01, every repeat purchase day up to as-of.
    Element tracking = one(bundled.document(), "svg.tracking");
    List<Double> actual = prediction.weekly().stream().map(w -> (double) w.actualPurchases()).toList();
    assertThat(actual).hasSize(78);
    assertCurve(one(tracking, "polyline.actual"), actual);
    assertCurve(one(tracking, "polyline.predicted"),
        prediction.weekly().stream().map(w -> w.predictedPurchases()).toList());
    // Only a has two purchase days: Gamma-Gamma needs two repeat buyers.
    assertThat(handMade.figures().value().prediction().unavailable()).contains("at least 2 customers");
    assertThat(one(handMade.document(), "#clv-unavailable").text()).contains("at least 2 customers");
  }

  @ParameterizedTest
  @MethodSource("reports")
  void repurchaseCurveDrawsTheMaturePointsOnly(Rendered report) {
    Element chart = one(report.document(), "svg.curve-chart");
    Map<Integer, long[]> pooled = new LinkedHashMap<>();
    int drawn = 0;
    for (CurvePoint point : report.figures().repurchase().curve()) {
      Elements circles = chart.select("g.curve.cohort[data-cohort=" + point.cohortStart() + "] circle[data-days="
          + point.days() + "]");
      long[] sums = pooled.computeIfAbsent(point.days(), d -> new long[2]);
      sums[0] += point.mature();
      sums[1] += point.repurchasers();
      if (point.mature() == 0) {
        assertThat(circles).as(point.toString()).isEmpty();
        continue;
      }
      drawn++;
      assertThat(circles).as(point.toString()).hasSize(1);
      assertPoint(circles.first(), point.mature(), point.repurchasers());
    }
    assertThat(chart.select("g.curve.cohort circle")).hasSize(drawn);
    Element all = one(chart, "g.curve.pooled");
    pooled.forEach((days, sums) -> {
      Elements circle = all.select("circle[data-days=" + days + "]");
      if (sums[0] == 0) {
        assertThat(circle).isEmpty();
      } else {
        assertPoint(one(all, "circle[data-days=" + days + "]"), sums[0], sums[1]);
      }
    });
  }

  private static void assertPoint(Element circle, long mature, long repurchasers) {
    assertThat(circle.attr("data-mature")).isEqualTo(Long.toString(mature));
    assertThat(circle.attr("data-repurchasers")).isEqualTo(Long.toString(repurchasers));
    assertThat(number(circle, "data-rate")).isEqualTo((double) repurchasers / mature);
  }

  @Test
  void theHandMadeCurveHasImmaturePointsLeftOut() {
    // As of 2026-04-01 no first buyer has had 365 days.
    assertThat(handMade.figures().repurchase().curve()).anySatisfy(p -> assertThat(p.mature()).isZero());
    assertThat(handMade.document().select("svg.curve-chart circle[data-days=365]")).isEmpty();
    assertThat(handMade.document().select("svg.curve-chart circle[data-days=7]")).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("reports")
  void ordersPerUserBarsAreTheSummaryBuckets(Rendered report) {
    List<OrdersPerUser.Bucket> buckets = OrdersPerUser.of(report.figures().summary());
    Elements bars = report.document().select("svg.columns g.bucket");
    assertThat(bars).hasSize(buckets.size());
    long most = buckets.stream().mapToLong(OrdersPerUser.Bucket::users).max().orElseThrow();
    double tallest = bars.stream().mapToDouble(bar -> number(one(bar, "rect"), "height")).max().orElseThrow();
    for (int i = 0; i < buckets.size(); i++) {
      Element bar = bars.get(i);
      assertThat(bar.attr("data-bucket")).isEqualTo(buckets.get(i).label());
      assertThat(bar.attr("data-users")).isEqualTo(Long.toString(buckets.get(i).users()));
      assertThat(number(one(bar, "rect"), "height")).isCloseTo(tallest * buckets.get(i).users() / most, within(0.01));
    }
  }

  @ParameterizedTest
  @MethodSource("reports")
  void keyFiguresAreTheSummarys(Rendered report) {
    Document document = report.document();
    assertThat(document.select(".kpi[data-kpi=users]").attr("data-value"))
        .isEqualTo(Long.toString(report.figures().summary().users()));
    assertThat(document.select(".kpi[data-kpi=orders]").attr("data-value"))
        .isEqualTo(Long.toString(report.figures().summary().orders()));
    assertThat(document.select(".kpi[data-kpi=revenue]").attr("data-value"))
        .isEqualTo(Long.toString(report.figures().summary().revenueMinor()));
  }

  @ParameterizedTest
  @MethodSource("reports")
  void definitionsStateZoneAsOfAndTheValidOrderRule(Rendered report) {
    Map<String, String> definitions = new LinkedHashMap<>();
    for (Element term : report.document().select("section#definitions dt")) {
      definitions.put(term.text(), term.nextElementSibling().text());
    }
    assertThat(definitions.get("zone")).contains(report.figures().zone().getId());
    assertThat(definitions.get("as of")).contains(report.figures().asOf().toString());
    assertThat(definitions.get("valid order")).contains("paid", "amount ≥ 0", "at or before as-of")
        .containsIgnoringCase("cancelled and refunded orders are not");
  }

  @Test
  void theSourceNameIsEscaped() {
    String escaped = "orders &lt;&amp;&quot;&gt;.csv";
    assertThat(handMade.html()).doesNotContain(ODD_NAME).contains(escaped);
    assertThat(handMade.document().title()).endsWith(ODD_NAME);
    assertThat(handMade.document().select("header .meta").text()).contains(ODD_NAME);
    assertThat(handMade.document().select("section#definitions").text()).contains(ODD_NAME);
  }
}
