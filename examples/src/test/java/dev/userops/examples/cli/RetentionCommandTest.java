package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code userops retention} and {@code userops active} end to end. */
class RetentionCommandTest {
  /** The hand-worked data set of the library's RetentionAccumulatorTest, as an events file. */
  private static final String EVENTS = """
      user_id,occurred_at,event
      u1,2026-03-01T10:00:00Z,signup
      u1,2026-03-01T20:00:00Z,launch
      u1,2026-03-02T09:00:00Z,launch
      u1,2026-03-04T12:00:00Z,launch
      u2,2026-03-01T23:00:00Z,signup
      u2,2026-03-02T00:30:00Z,launch
      u3,2026-03-02T08:00:00Z,signup
      u3,2026-03-05T12:00:00Z,launch
      u4,2026-02-27T10:00:00Z,signup
      u4,2026-03-01T09:00:00Z,signup
      u4,2026-03-03T12:00:00Z,launch
      u5,2026-03-01T10:00:00Z,launch
      u6,2026-03-02T08:00:00Z,signup
      u6,2026-03-03T08:00:00Z,launch
      """;

  @TempDir Path dir;

  private String events() throws IOException {
    return Files.writeString(dir.resolve("events.csv"), EVENTS).toString();
  }

  private static List<String> counts(JsonNode cohort) {
    List<String> counts = new ArrayList<>();
    cohort.get("counts").forEach(c -> counts.add(c.asText()));
    return counts;
  }

  private String[] args(String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("retention", "--events", events(), "--from", "2026-03-01",
        "--to", "2026-03-02", "--start-event", "signup"));
    args.addAll(List.of(extra));
    if (!args.contains("--intervals") && !args.contains("--brackets")) {
      args.addAll(List.of("--intervals", "3"));
    }
    if (!args.contains("--as-of")) {
      args.addAll(List.of("--as-of", "2026-03-10T00:00:00Z"));
    }
    return args.toArray(String[]::new);
  }

  @Test
  void jsonHasExactlyTheDocumentedShape() throws IOException {
    JsonNode matrix = json(run(args("--json")));

    // RetentionMatrix.toJson's form, with the run's diagnostics (reader and matrix).
    assertThat(matrix.fieldNames()).toIterable()
        .containsExactly("granularity", "zone", "columns", "cohorts", "mean", "simpleMean", "records", "diagnostics");
    assertThat(matrix.get("records").asLong()).isEqualTo(14);
    assertThat(matrix.get("granularity").asText()).isEqualTo("DAY");
    assertThat(matrix.get("zone").asText()).isEqualTo("UTC");
    JsonNode first = matrix.get("cohorts").get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("start", "size", "counts", "rates");
    assertThat(first.get("start").asText()).isEqualTo("2026-03-01");
    assertThat(first.get("size").asLong()).isEqualTo(2);
    assertThat(counts(first)).containsExactly("2", "2", "0", "1");
    assertThat(counts(matrix.get("cohorts").get(1))).containsExactly("2", "1", "0", "1");
    assertThat(matrix.get("mean").fieldNames()).toIterable().containsExactly("counts", "eligible", "rates");
    assertThat(matrix.get("mean").get("rates").get(1).asDouble()).isEqualTo(0.75);
  }

  @Test
  void flagsSelectTheModes() throws IOException {
    JsonNode recurring = json(run(args("--json", "--cohort-mode", "recurring", "--return-mode", "on-or-after")));
    assertThat(counts(recurring.get("cohorts").get(0))).containsExactly("3", "3", "2", "1");

    JsonNode rolling = json(run(args("--json", "--window", "rolling", "--brackets", "1,2")));
    assertThat(counts(rolling.get("cohorts").get(0))).containsExactly("2", "0", "1");
    assertThat(counts(rolling.get("cohorts").get(1))).containsExactly("2", "1", "1");
  }

  @Test
  void choicesAreCaseInsensitive() throws IOException {
    String expected = run(args("--json", "--cohort-mode", "recurring", "--return-mode", "on-or-after",
        "--granularity", "day", "--week-start", "monday", "--window", "calendar")).out();
    Run upper = run(args("--json", "--cohort-mode", "RECURRING", "--return-mode", "On_Or_After",
        "--granularity", "DAY", "--week-start", "Monday", "--window", "CALENDAR"));
    assertThat(upper.exitCode()).as(upper.err()).isZero();
    assertThat(upper.out()).isEqualTo(expected);
  }

  @Test
  void immatureCellsAreNull() throws IOException {
    JsonNode matrix = json(run(args("--json", "--as-of", "2026-03-04T00:00:00Z", "--bad-records", "skip")));
    JsonNode second = matrix.get("cohorts").get(1);
    assertThat(second.get("counts").get(2).isNull()).isTrue();
    assertThat(second.get("rates").get(2).isNull()).isTrue();
  }

  @Test
  void aSpecFileIsOverriddenByFlags() throws IOException {
    Path spec = Files.writeString(dir.resolve("spec.json"),
        "{\"zone\":\"UTC\",\"granularity\":\"DAY\",\"intervals\":1,\"startEvents\":[\"signup\"],"
            + "\"from\":\"2026-03-01\",\"to\":\"2026-03-01\",\"asOf\":\"2026-03-10T00:00:00Z\"}");
    JsonNode matrix = json(run("retention", "--events", events(), "--spec", spec.toString(),
        "--intervals", "2", "--json"));

    assertThat(matrix.get("cohorts")).hasSize(1);
    assertThat(counts(matrix.get("cohorts").get(0))).containsExactly("2", "2", "0");
  }

  @Test
  void theHumanViewIsATriangleOfPercentages() throws IOException {
    Run run = run(args("--as-of", "2026-03-04T00:00:00Z", "--intervals", "2",
        "--bad-records", "skip"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("2026-03-01          2  100.0%    0.0%\n")
        .contains("2026-03-02          2   50.0%\n")
        .contains("AFTER_AS_OF");
  }

  @Test
  void badSettingsAndRejectedRecordsAreOneLineErrors() throws IOException {
    Run mode = run(args("--cohort-mode", "sometimes"));
    assertThat(mode.exitCode()).isEqualTo(2);
    assertThat(mode.err()).contains("--cohort-mode", "expected first-time or recurring, got \"sometimes\"");

    Run spec = run(args("--intervals", "99"));
    assertThat(spec.exitCode()).isEqualTo(2);
    assertThat(spec.err()).contains("retention spec: intervals must be in [1, 62], got 99");

    Run late = run(args("--as-of", "2026-03-04T00:00:00Z", "--bad-records", "reject"));
    assertThat(late.exitCode()).isEqualTo(2);
    assertThat(late.err()).contains("events.csv:5: occurred_at: AFTER_AS_OF");
  }

  @Test
  void validOrdersOfTheBundledDataFormMonthlyCohorts() throws IOException {
    JsonNode matrix = json(run("retention", "--granularity", "MONTH", "--intervals", "3", "--json"));

    // CDNOW: first purchases of all 23,570 customers fall in 1997-01..1997-03 (Fader, Hardie & Lee 2005).
    long customers = 0;
    for (JsonNode cohort : matrix.get("cohorts")) {
      customers += cohort.get("size").asLong();
    }
    assertThat(customers).isEqualTo(23_570);
    assertThat(matrix.get("cohorts").get(0).get("start").asText()).isEqualTo("1997-01-01");
    JsonNode last = matrix.get("cohorts").get(matrix.get("cohorts").size() - 1);
    assertThat(last.get("counts").get(1).isNull()).isTrue();
  }

  @Test
  void activeCountsDistinctUsersPerDay() throws IOException {
    JsonNode active = json(run("active", "--events", events(), "--from", "2026-03-01", "--to", "2026-03-02",
        "--json"));

    JsonNode first = active.get("days").get(0);
    assertThat(first.get("date").asText()).isEqualTo("2026-03-01");
    // u1, u2, u4, u5 on 03-01; u4 also on 02-27.
    assertThat(first.get("dau").asLong()).isEqualTo(4);
    assertThat(first.get("mau").asLong()).isEqualTo(4);
    assertThat(active.get("days").get(1).get("wau").asLong()).isEqualTo(6);
    assertThat(active.get("days").get(1).get("weekToDate").asLong()).isEqualTo(4);

    Run table = run("active", "--events", events(), "--from", "2026-03-01", "--to", "2026-03-02");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("DAU/MAU").contains("2026-03-02");
  }

  @Test
  void ordersGoThroughTheOneScreen() throws IOException {
    // A negative amount, a repeated order id and a cancelled order are not valid orders: the same
    // screen as summary, rfm and repurchase, so u2 has one order and u3 none.
    Path orders = Files.writeString(dir.resolve("orders.csv"), """
        user_id,order_id,occurred_at,amount,status
        u1,o1,2026-01-05T10:00:00Z,10.00,paid
        u1,o2,2026-02-10T10:00:00Z,20.00,paid
        u2,o3,2026-01-06T10:00:00Z,5.50,paid
        u2,o4,2026-02-07T10:00:00Z,-3.00,paid
        u2,o1,2026-02-08T10:00:00Z,9.00,paid
        u3,o5,2026-01-09T10:00:00Z,8.00,cancelled
        """);
    JsonNode matrix = json(run("retention", "--orders", orders.toString(), "--granularity", "MONTH",
        "--intervals", "2", "--as-of", "2026-04-01", "--json"));

    assertThat(counts(matrix.get("cohorts").get(0))).containsExactly("2", "1", "0");
    assertThat(matrix.at("/diagnostics/skipped/NEGATIVE_AMOUNT").asLong()).isEqualTo(1);
    assertThat(matrix.at("/diagnostics/skipped/DUPLICATE_ORDER_ID").asLong()).isEqualTo(1);
  }
}
