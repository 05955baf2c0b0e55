package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One screen: the messy orders of {@code src/test/resources/messy/orders.csv} through every command
 * that reads orders give the same valid orders and the same skipped counts by reason.
 */
class CrossCommandTest {
  private static final String AS_OF = "2025-01-01";
  /** Nine paid orders pass the screen, of seven users; each falls on its own user-day. */
  private static final long VALID_ORDERS = 9;
  private static final long BUYERS = 7;
  private static final long RECORDS = 29;

  @TempDir Path dir;
  private Path orders;

  @BeforeEach
  void copyTheMessyFile() throws IOException {
    orders = dir.resolve("orders.csv");
    try (InputStream in = CrossCommandTest.class.getResourceAsStream("/messy/orders.csv")) {
      Files.copy(in, orders);
    }
  }

  private JsonNode command(String... args) throws IOException {
    return json(run(Run.args(args, "--orders", orders.toString(), "--as-of", AS_OF, "--json")));
  }

  @Test
  void everyCommandCountsTheSameBadRecordsAndTheSameValidOrders() throws IOException {
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("NEGATIVE_AMOUNT", 1L);
    expected.put("BEFORE_1970", 2L);
    expected.put("AFTER_AS_OF", 1L);
    expected.put("DUPLICATE_ORDER_ID", 1L);
    expected.put("MALFORMED_ENCODING", 2L);
    expected.put("WRONG_FIELD_COUNT", 2L);
    expected.put("EMPTY_ID", 3L);
    expected.put("MALFORMED_TIMESTAMP", 1L);
    expected.put("MALFORMED_AMOUNT", 4L);
    expected.put("MALFORMED_STATUS", 1L);

    JsonNode summary = command("summary");
    JsonNode rfm = command("rfm");
    JsonNode retention = command("retention", "--granularity", "MONTH");
    JsonNode repurchase = command("repurchase");
    JsonNode active = command("active", "--from", "2024-01-01", "--to", "2024-03-31");
    JsonNode points = command("points-sim");
    Run report = run("report", "--orders", orders.toString(), "--as-of", AS_OF, "--out", dir.resolve("out").toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    JsonNode reportJson = new ObjectMapper().readTree(dir.resolve("out").resolve(ReportCommand.JSON_FILE).toFile());

    Map<String, JsonNode> byCommand = new LinkedHashMap<>();
    byCommand.put("summary", summary);
    byCommand.put("rfm", rfm);
    byCommand.put("retention", retention);
    byCommand.put("repurchase", repurchase);
    byCommand.put("active", active);
    byCommand.put("points-sim", points);
    byCommand.put("report", reportJson);
    byCommand.forEach((name, json) -> assertThat(skipped(json)).as(name).containsExactlyEntriesOf(expected));

    assertThat(summary.get("orders").asLong()).isEqualTo(VALID_ORDERS);
    assertThat(repurchase.get("orders").asLong()).isEqualTo(VALID_ORDERS);
    assertThat(reportJson.get("summary").get("orders").asLong()).isEqualTo(VALID_ORDERS);
    assertThat(sum(rfm.get("users"), "frequency")).isEqualTo(VALID_ORDERS);
    assertThat(sum(active.get("days"), "dau")).isEqualTo(VALID_ORDERS);

    assertThat(summary.get("users").asLong()).isEqualTo(BUYERS);
    assertThat(rfm.get("users")).hasSize((int) BUYERS);
    assertThat(repurchase.get("buyers").asLong()).isEqualTo(BUYERS);
    assertThat(sum(retention.get("cohorts"), "size")).isEqualTo(BUYERS);
    assertThat(points.get("totals").get("users").asLong()).isEqualTo(BUYERS);

    assertThat(summary.get("records").asLong()).isEqualTo(RECORDS);
    assertThat(points.get("records").asLong()).isEqualTo(RECORDS);
    assertThat(reportJson.get("records").asLong()).isEqualTo(RECORDS);
  }

  @Test
  void underRejectEveryCommandStopsAtTheSameLine() {
    String message = "userops: " + orders + ":9: user_id: expected UTF-8, got \"caf\\xE9\"" + System.lineSeparator();
    for (String[] command : new String[][] {
        {"summary"}, {"rfm"}, {"retention"}, {"repurchase"}, {"active", "--from", "2024-01-01", "--to", "2024-03-31"},
        {"points-sim"}, {"report", "--out", dir.resolve("out").toString()}}) {
      String[] args = new String[command.length + 6];
      System.arraycopy(command, 0, args, 0, command.length);
      System.arraycopy(new String[] {"--orders", orders.toString(), "--as-of", AS_OF, "--bad-records", "reject"}, 0,
          args, command.length, 6);
      Run run = run(args);
      assertThat(run.exitCode()).as(command[0]).isEqualTo(2);
      assertThat(run.err()).as(command[0]).isEqualTo(message);
    }
  }

  private static Map<String, Long> skipped(JsonNode result) {
    Map<String, Long> skipped = new LinkedHashMap<>();
    result.get("diagnostics").get("skipped").fields().forEachRemaining(e -> skipped.put(e.getKey(), e.getValue().asLong()));
    return skipped;
  }

  private static long sum(JsonNode rows, String field) {
    long sum = 0;
    for (JsonNode row : rows) {
      sum += row.get(field).asLong();
    }
    return sum;
  }
}
