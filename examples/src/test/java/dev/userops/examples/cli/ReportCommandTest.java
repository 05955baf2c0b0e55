package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.examples.input.Events;
import dev.userops.examples.report.AsOfRule;
import dev.userops.examples.report.TerminalReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code userops report} end to end: terminal, report.json and report.html of one run. */
class ReportCommandTest {
  private static final String HEADER = "user_id,order_id,occurred_at,amount,status\n";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The bundled-data run without arguments, shared: the CDNOW file takes the longest to read. */
  @TempDir static Path bundledDir;
  private static Run bundled;
  private static JsonNode bundledJson;

  @TempDir Path dir;

  @BeforeAll
  static void runOnBundledData() throws IOException {
    bundled = run("report", "--out", bundledDir.toString());
    assertThat(bundled.exitCode()).as(bundled.err()).isZero();
    bundledJson = MAPPER.readTree(bundledDir.resolve(ReportCommand.JSON_FILE).toFile());
  }

  /** A run of {@code userops report --out <new dir> args...}, and the directory. */
  private record Report(Run run, Path out) {
    JsonNode json() throws IOException {
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).isEmpty();
      return MAPPER.readTree(out.resolve(ReportCommand.JSON_FILE).toFile());
    }

    Document html() throws IOException {
      Parser parser = Parser.htmlParser().setTrackErrors(10);
      Document document = Jsoup.parse(Files.readString(out.resolve(ReportCommand.HTML_FILE)), "", parser);
      assertThat(parser.getErrors()).isEmpty();
      return document;
    }
  }

  private Report report(String... args) throws IOException {
    Path out = Files.createTempDirectory(dir, "out");
    List<String> all = new ArrayList<>(List.of("report", "--out", out.toString()));
    all.addAll(List.of(args));
    return new Report(run(all.toArray(String[]::new)), out);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /**
   * Every stdout line fits 100 columns, with the test's temporary directories cut from the file
   * names it shows: those are the user's to choose.
   */
  private void assertFitsTheTerminal(Run run) {
    assertThat(run.out().lines().map(line -> line.replace(dir + File.separator, "")
            .replace(bundledDir + File.separator, "")))
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(TerminalReport.WIDTH));
  }

  private static long sum(JsonNode array, String field) {
    long sum = 0;
    for (JsonNode item : array) {
      sum += item.get(field).asLong();
    }
    return sum;
  }

  private static Map<String, Long> skipped(JsonNode report) {
    Map<String, Long> skipped = new TreeMap<>();
    report.at("/diagnostics/skipped").properties().forEach(e -> skipped.put(e.getKey(), e.getValue().asLong()));
    return skipped;
  }

  @Test
  void bundledDataWithoutArgumentsShowsThePublishedFiguresAndWritesBothFiles() {
    // 23,570 customers, 69,659 transactions, $2,500,315.63: Fader, Hardie & Lee (2005).
    assertThat(bundled.out())
        .containsPattern("users with orders +23,570 ")
        .containsPattern("valid orders +69,659\n")
        .containsPattern("revenue +2,500,315\\.63 ")
        .contains("RFM segments", "Monthly cohorts", "Repurchase by month", "Lifecycle at as-of", "Value tier")
        .doesNotContain("Active users");
    assertThat(bundledJson.at("/summary/users").asLong()).isEqualTo(23_570);
    assertThat(bundledJson.at("/summary/orders").asLong()).isEqualTo(69_659);
    assertThat(bundledJson.at("/summary/revenueMinor").asLong()).isEqualTo(250_031_563);
    assertThat(bundledDir.resolve(ReportCommand.HTML_FILE)).isNotEmptyFile();
    assertFitsTheTerminal(bundled);
    // Surefire's stderr is a pipe, not a terminal: no progress indicator.
    assertThat(bundled.err()).isEmpty();
  }

  @Test
  void asOfDefaultsToTheStartOfTheDayAfterTheLastRecord() throws IOException {
    assertThat(bundledJson.get("asOf").asText()).isEqualTo("1998-07-01T00:00:00Z");
    assertThat(bundledJson.get("asOfRule").asText()).isEqualTo(AsOfRule.LAST_RECORD);
    assertThat(bundled.out()).contains("as of 1998-07-01T00:00:00Z (the day after the last record)");

    JsonNode given = report("--as-of", "1998-07-01").json();
    assertThat(given.get("asOfRule").asText()).isEqualTo(AsOfRule.FLAG);
    ObjectNode defaulted = bundledJson.deepCopy();
    defaulted.remove("asOfRule");
    ((ObjectNode) given).remove("asOfRule");
    assertThat(given).isEqualTo(defaulted);

    // The last CDNOW date, 1998-06-30, as a Shanghai day ends at 16:00 UTC.
    Report shanghai = report("--zone", "Asia/Shanghai");
    assertThat(shanghai.json().get("asOf").asText()).isEqualTo("1998-06-30T16:00:00Z");
    assertFitsTheTerminal(shanghai.run());
  }

  @Test
  void reportJsonIsComposedOfTheSubcommandsJson() throws IOException {
    String[] asOf = {"--as-of", "1998-07-01", "--json"};

    // Sections are the subcommands' documents without their diagnostics, which the report holds
    // once, at the top.
    assertThat(bundledJson.get("repurchase"))
        .isEqualTo(withoutDiagnostics(json(run(concat(List.of("repurchase"), asOf)))));
    assertThat(bundledJson.at("/rfm/segments")).isEqualTo(json(run(concat(List.of("rfm"), asOf))).get("segments"));
    JsonNode summary = json(run(concat(List.of("summary"), asOf)));
    bundledJson.get("summary").properties().forEach(field ->
        assertThat(field.getValue()).as(field.getKey()).isEqualTo(summary.get(field.getKey())));

    // The report keeps the cohorts that have buyers and the columns some cohort has completed:
    // the same range and width asked of the retention command give the same matrix.
    JsonNode retention = bundledJson.get("retention");
    JsonNode cohorts = retention.get("cohorts");
    assertThat(cohorts).hasSize(3);
    JsonNode command = json(run(concat(List.of("retention", "--granularity", "MONTH",
        "--intervals", Integer.toString(cohorts.get(0).get("counts").size() - 1),
        "--from", cohorts.get(0).get("start").asText(),
        "--to", cohorts.get(cohorts.size() - 1).get("start").asText()), asOf)));
    assertThat(retention).isEqualTo(withoutDiagnostics(command));
    // 1997-01 is complete through month 17 (1998-06) at 1998-07-01.
    assertThat(cohorts.get(0).get("counts")).hasSize(18);
  }

  /** A command's document without what the report holds once, at the top: records and diagnostics. */
  private static JsonNode withoutDiagnostics(JsonNode document) {
    ObjectNode copy = document.deepCopy();
    copy.remove(List.of("records", "diagnostics"));
    return copy;
  }

  private static String[] concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }

  /** Lines 5 to 9 are bad or not valid orders; lines 2 to 4 are the only valid ones (35.50). */
  private static final String WITH_BAD_RECORDS = HEADER
      + "alice,o1,2026-01-05T10:00:00Z,10.00,paid\n"
      + "alice,o2,2026-02-10T10:00:00Z,20.00,paid\n"
      + "bob,o3,2026-01-06T10:00:00Z,5.50,paid\n"
      + "bob,o4,2026-01-07T10:00:00Z,-3.00,paid\n"
      + "carol,o5,2026-04-02T10:00:00Z,7.00,paid\n"
      + "alice,o1,2026-03-01T10:00:00Z,99.00,paid\n"
      + "dave,o6,2026-02-03T10:00:00Z,8.00,cancelled\n"
      + "erin,o7,2026-03-15T10:00:00Z,9.00,refunded\n";

  @Test
  void badRecordsAreSkippedOnceEachAndLeftOutOfEveryFigure() throws IOException {
    Path orders = file("orders.csv", WITH_BAD_RECORDS);

    Report report = report("--orders", orders.toString(), "--as-of", "2026-04-01");
    JsonNode json = report.json();

    assertThat(skipped(json)).containsExactlyEntriesOf(
        new TreeMap<>(Map.of("AFTER_AS_OF", 1L, "DUPLICATE_ORDER_ID", 1L, "NEGATIVE_AMOUNT", 1L)));
    assertThat(json.get("records").asLong()).isEqualTo(8);
    JsonNode summary = json.get("summary");
    assertThat(summary.get("users").asLong()).isEqualTo(2);
    assertThat(summary.get("orders").asLong()).isEqualTo(3);
    assertThat(summary.get("revenueMinor").asLong()).isEqualTo(35_50);
    assertThat(summary.get("cancelledOrders").asLong()).isEqualTo(1);
    assertThat(summary.get("refundedOrders").asLong()).isEqualTo(1);
    assertThat(summary.get("lastOrder").asText()).isEqualTo("2026-02-10");
    assertThat(sum(json.at("/rfm/segments"), "users")).isEqualTo(2);
    assertThat(sum(json.at("/rfm/segments"), "revenueMinor")).isEqualTo(35_50);
    assertThat(sum(json.at("/retention/cohorts"), "size")).isEqualTo(2);
    assertThat(sum(json.at("/repurchase/cohorts"), "firstBuyers")).isEqualTo(2);
    assertThat(json.at("/valueTier/buyers").asLong()).isEqualTo(2);
    assertThat(json.at("/valueTier/revenueMinor").asLong()).isEqualTo(35_50);
    long stages = 0;
    for (JsonNode users : json.at("/lifecycle/users")) {
      stages += users.asLong();
    }
    assertThat(stages).isEqualTo(2);
    assertThat(report.run().out())
        .containsPattern("NEGATIVE_AMOUNT +1\n")
        .containsPattern("AFTER_AS_OF +1\n")
        .containsPattern("DUPLICATE_ORDER_ID +1\n");

    // Without --as-of the input is read twice (first to date the report): still counted once.
    JsonNode defaulted = report("--orders", orders.toString()).json();
    assertThat(defaulted.get("asOf").asText()).isEqualTo("2026-04-03T00:00:00Z");
    assertThat(skipped(defaulted)).containsExactlyEntriesOf(
        new TreeMap<>(Map.of("DUPLICATE_ORDER_ID", 1L, "NEGATIVE_AMOUNT", 1L)));
    assertThat(defaulted.at("/summary/orders").asLong()).isEqualTo(4);
  }

  @Test
  void underRejectTheFirstBadRecordStopsTheReportWithOneLineNamingFileAndLine() throws IOException {
    Path orders = file("orders.csv", WITH_BAD_RECORDS);
    Path duplicate = file("duplicate.csv", HEADER
        + "alice,o1,2026-01-05T10:00:00Z,10.00,paid\n"
        + "alice,o1,2026-01-06T10:00:00Z,10.00,paid\n");
    Path late = file("late.csv", HEADER + "carol,o5,2026-04-02T10:00:00Z,7.00,paid\n");

    Map<Path, String> expected = Map.of(
        orders, orders + ":5: amount: NEGATIVE_AMOUNT: ",
        duplicate, duplicate + ":3: order_id: DUPLICATE_ORDER_ID: ",
        late, late + ":2: occurred_at: AFTER_AS_OF: ");
    for (Map.Entry<Path, String> file : expected.entrySet()) {
      Report report = report("--orders", file.getKey().toString(), "--as-of", "2026-04-01",
          "--bad-records", "reject");
      assertThat(report.run().exitCode()).as(report.run().err()).isEqualTo(UserOpsCommand.EXIT_BAD_INPUT);
      assertThat(report.run().err().lines()).singleElement().asString().startsWith("userops: " + file.getValue());
      assertThat(report.out().resolve(ReportCommand.HTML_FILE)).doesNotExist();
    }
  }

  @Test
  void eventsAddActiveUsersAndCountForTheLifecycle() throws IOException {
    Path orders = file("orders.csv", HEADER
        + "alice,o1,2026-01-05T10:00:00Z,10.00,paid\n"
        + "alice,o2,2026-02-10T10:00:00Z,20.00,paid\n"
        + "bob,o3,2026-01-06T10:00:00Z,5.50,paid\n"
        + "dave,o4,2026-03-20T10:00:00Z,12.00,paid\n");
    Path events = file("events.csv", """
        user_id,occurred_at,event
        dave,2026-03-25T12:00:00Z,launch
        alice,2026-03-30T09:00:00Z,launch
        alice,2026-03-30T18:00:00Z,view
        bob,2026-03-30T12:00:00Z,launch
        carol,2026-03-31T08:00:00Z,launch
        """);

    JsonNode ordersOnly = report("--orders", orders.toString(), "--as-of", "2026-04-01").json();
    assertThat(ordersOnly.at("/lifecycle/basis").asText()).isEqualTo("valid orders");
    assertThat(ordersOnly.has("activeUsers")).isFalse();
    // At 04-01: alice last 02-10 and bob last 01-06 are silent (30..89 days), dave active.
    assertThat(ordersOnly.at("/lifecycle/users").toString())
        .isEqualTo("{\"NEW\":0,\"ACTIVE\":1,\"SILENT\":2,\"LOST\":0,\"RETURNING\":0}");

    Report report = report("--orders", orders.toString(), "--events", events.toString());
    JsonNode json = report.json();
    // carol's event on 03-31 is the last record.
    assertThat(json.get("asOf").asText()).isEqualTo("2026-04-01T00:00:00Z");
    assertThat(json.get("events").asText()).isEqualTo(events.toString());
    assertThat(json.get("records").asLong()).isEqualTo(9);
    assertThat(json.at("/lifecycle/basis").asText()).isEqualTo("valid orders and events");
    // carol first seen 1 day ago: new; alice and bob back after 48 and 83 days: returning; dave
    // (03-20, 03-25) active. Events make no orders: the summary still has 3 users.
    assertThat(json.at("/lifecycle/users").toString())
        .isEqualTo("{\"NEW\":1,\"ACTIVE\":1,\"SILENT\":0,\"LOST\":0,\"RETURNING\":2}");
    assertThat(json.at("/summary/users").asLong()).isEqualTo(3);

    // 30 days up to 03-31, the last complete day. By hand: 03-25 dave; 03-30 alice, bob; 03-31 carol.
    JsonNode days = json.get("activeUsers");
    assertThat(days).hasSize(30);
    assertThat(days.get(0).get("date").asText()).isEqualTo("2026-03-02");
    Map<String, Long> dau = new TreeMap<>();
    for (JsonNode day : days) {
      if (day.get("dau").asLong() > 0) {
        dau.put(day.get("date").asText(), day.get("dau").asLong());
      }
    }
    assertThat(dau).containsExactlyEntriesOf(
        new TreeMap<>(Map.of("2026-03-25", 1L, "2026-03-30", 2L, "2026-03-31", 1L)));
    JsonNode last = days.get(29);
    assertThat(last.get("wau").asLong()).isEqualTo(4);
    assertThat(last.get("mau").asLong()).isEqualTo(4);

    assertThat(report.run().out())
        .contains("Lifecycle at as-of (activity: valid orders and events)")
        .contains("Active users on 2026-03-31")
        .containsPattern("DAU 1 +WAU \\(7 days\\) 4 +MAU \\(30 days\\) 4 +DAU/MAU 25\\.0%");
    assertFitsTheTerminal(report.run());

    Document html = report.html();
    assertThat(html.select("section#active tr[data-day]")).hasSize(30);
    for (JsonNode day : days) {
      assertThat(html.select("section#active tr[data-day=" + day.get("date").asText() + "]").attr("data-dau"))
          .isEqualTo(day.get("dau").asText());
    }
    assertThat(html.select("#lifecycle tr[data-stage=NEW]").attr("data-users")).isEqualTo("1");
    assertThat(html.select("#lifecycle tr[data-stage=RETURNING]").attr("data-users")).isEqualTo("2");
    assertThat(html.select("#definitions").text()).contains("valid orders and events");
  }

  /**
   * The input is read in byte ranges on several threads; the report must be the very same bytes
   * as one sequential read, with duplicates whose first copy is in another range, users first seen
   * in a later range, quoted line breaks near the cuts, and bad rows of every kind.
   */
  @Test
  void theReportDoesNotDependOnTheNumberOfThreads() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    SplittableRandom random = new SplittableRandom(12);
    String[] bad = {"u1,x1,2024-02-30,1.00,paid", "u2,x2,2025-01-01,1e3,paid", "u3,x3,2025-01-01,1.00",
        "u4,x4,2025-01-01,-5.00,paid", "u5,x5,1969-12-31,1.00,paid", "u6,x6,2031-01-01,1.00,paid",
        "\"u\n7\",x7,2025-01-01,1.00,paid", "u\u00e9,x8,2025-01-01,1.00,shipped", " ,x9,2025-01-01,1.00,paid"};
    for (int row = 0; row < 30_000; row++) {
      if (row % 997 == 0) {
        csv.append(bad[row / 997 % bad.length]).append('\n');
      }
      // Every 50th order id repeats one from anywhere before, with other values.
      int order = row % 50 == 49 ? random.nextInt(row) : row;
      csv.append('u').append(random.nextInt(4_000)).append(",o").append(order).append(',')
          .append(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(730))).append('T')
          .append(String.format("%02d:%02d:00Z", random.nextInt(24), random.nextInt(60))).append(',')
          .append(random.nextInt(20_000) / 100.0).append(',')
          .append(random.nextInt(10) == 0 ? "cancelled" : "paid").append('\n');
    }
    Path orders = file("orders.csv", csv.toString());
    Report one = report("--orders", orders.toString(), "--as-of", "2025-01-01", "--threads", "1");
    assertThat(one.run().exitCode()).as(one.run().err()).isZero();
    assertThat(one.json().at("/diagnostics/skipped/DUPLICATE_ORDER_ID").asLong()).isGreaterThan(500);
    for (String threads : List.of("2", "3", "8")) {
      Report many = report("--orders", orders.toString(), "--as-of", "2025-01-01", "--threads", threads);
      assertThat(many.run().exitCode()).as(many.run().err()).isZero();
      assertThat(many.out().resolve(ReportCommand.JSON_FILE)).hasSameBinaryContentAs(one.out().resolve(ReportCommand.JSON_FILE));
      assertThat(many.out().resolve(ReportCommand.HTML_FILE)).hasSameBinaryContentAs(one.out().resolve(ReportCommand.HTML_FILE));
      assertThat(many.run().out()).isEqualTo(one.run().out().replace(one.out().toString(), many.out().toString()));
    }
  }

  @Test
  void anAsOfTheReportCannotSpanIsAUsageErrorNotACrash() throws IOException {
    Path orders = file("orders.csv", HEADER + "a,o1,2026-01-05T10:00:00Z,10.00,paid\n");
    Report early = report("--orders", orders.toString(), "--as-of", "1969-12-31");
    assertThat(early.run().exitCode()).as(early.run().err()).isEqualTo(UserOpsCommand.EXIT_BAD_INPUT);
    assertThat(early.run().err()).startsWith("userops: --as-of: expected an instant from 1970");
  }

  @Test
  void aMistypedYearCannotMoveTheDefaultAsOfPastTomorrow() throws IOException {
    // A mistyped year in the data used to move the default as-of 11,000 months after 1970.
    Path typo = file("typo.csv", HEADER + "a,o1,2026-01-05T10:00:00Z,10.00,paid\n"
        + "b,o2,2926-01-05T10:00:00Z,10.00,paid\n");
    Path out = dir.resolve("typo-report");
    Run run = Run.runAt(Clock.fixed(Instant.parse("2026-03-10T14:00:00Z"), ZoneOffset.UTC),
        "report", "--orders", typo.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.resolve(ReportCommand.JSON_FILE).toFile());
    assertThat(json.get("asOf").asText()).isEqualTo("2026-01-06T00:00:00Z");
    assertThat(json.get("asOfRule").asText()).isEqualTo(AsOfRule.LAST_RECORD);
    assertThat(json.at("/summary/orders").asLong()).isEqualTo(1);
    assertThat(json.at("/diagnostics/skipped/AFTER_AS_OF").asLong()).isEqualTo(1);
    assertThat(json.at("/retention/cohorts")).hasSize(1);
  }

  @Test
  void emptyInputReportsZeros() throws IOException {
    Path orders = file("orders.csv", HEADER);

    // With no record to date it by, the default as-of is the latest it can be: tomorrow.
    Report undated = report("--orders", orders.toString());
    assertThat(undated.run().exitCode()).as(undated.run().err()).isZero();
    assertThat(undated.json().get("asOfRule").asText()).isEqualTo(AsOfRule.CLOCK);

    Report report = report("--orders", orders.toString(), "--as-of", "2026-04-01");
    JsonNode json = report.json();
    assertThat(json.at("/summary/users").asLong()).isZero();
    assertThat(json.at("/summary/orders").asLong()).isZero();
    assertThat(json.at("/summary/revenueMinor").asLong()).isZero();
    assertThat(json.get("records").asLong()).isZero();
    assertThat(sum(json.at("/rfm/segments"), "users")).isZero();
    assertThat(json.at("/retention/cohorts")).isEmpty();
    assertThat(json.at("/repurchase/cohorts")).isEmpty();
    assertThat(json.at("/repurchase/pooled/eligible").asLong()).isZero();
    assertThat(json.at("/repurchase/curve")).isEmpty();
    json.at("/lifecycle/users").forEach(users -> assertThat(users.asLong()).isZero());
    assertThat(json.at("/valueTier/buyers").asLong()).isZero();
    assertThat(skipped(json)).isEmpty();
    assertFitsTheTerminal(report.run());
    assertThat(report.run().out()).containsPattern("users with orders +0 ");

    Document html = report.html();
    assertThat(html.select(".kpi[data-kpi]")).isNotEmpty()
        .allSatisfy(kpi -> assertThat(kpi.attr("data-value")).isEqualTo("0"));
    assertThat(html.select("svg.heatmap g.cell.mature, svg.heatmap g.cell.immature").not("[data-cohort=mean]")).isEmpty();
    assertThat(html.select("section#repurchase").text()).contains("No first buyers");
    assertThat(html.outerHtml()).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void theZoneDecidesTheCohortMonthOfAnOrderNearMidnight() throws IOException {
    // u1's first order is on Jan 31 in UTC and Feb 1 in Shanghai (UTC+8); u2's second on Feb 28
    // in UTC and Mar 1 in Shanghai. asOf is one instant for both, after March in both zones.
    Path orders = file("orders.csv", HEADER
        + "u1,o1,2026-01-31T17:00:00Z,10.00,paid\n"
        + "u2,o2,2026-01-15T10:00:00Z,10.00,paid\n"
        + "u2,o3,2026-02-28T20:00:00Z,10.00,paid\n");
    String[] args = {"--orders", orders.toString(), "--as-of", "2026-04-01T00:00:00Z"};

    JsonNode utc = report(args).json().get("retention");
    JsonNode shanghai = report(concat(List.of(args), "--zone", "Asia/Shanghai")).json().get("retention");

    // UTC: January {u1, u2}; u2 back in February (month 1), nobody in March (month 2).
    assertThat(utc.get("cohorts").toString()).isEqualTo(
        "[{\"start\":\"2026-01-01\",\"size\":2,\"counts\":[2,1,0],\"rates\":[1.0,0.5,0.0]}]");
    // Shanghai: January {u2}, back in March (month 2); February {u1}, not back in March.
    assertThat(shanghai.get("cohorts").toString()).isEqualTo(
        "[{\"start\":\"2026-01-01\",\"size\":1,\"counts\":[1,0,1],\"rates\":[1.0,0.0,1.0]},"
            + "{\"start\":\"2026-02-01\",\"size\":1,\"counts\":[1,0,null],\"rates\":[1.0,0.0,null]}]");
    assertThat(shanghai.get("zone").asText()).isEqualTo("Asia/Shanghai");
  }
}
