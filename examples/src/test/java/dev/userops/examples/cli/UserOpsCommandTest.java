package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserOpsCommandTest {
  @TempDir Path dir;

  private Path csv(String text) throws IOException {
    return Files.writeString(dir.resolve("orders.csv"), text);
  }

  @Test
  void bundledCdnowSummaryMatchesThePublishedFigures() throws IOException {
    JsonNode summary = json(run("summary", "--json"));

    // 23,570 customers and 69,659 transactions: Fader, Hardie & Lee (2005), as listed in
    // shared/data/README.md. The 80 rows of $0.00 are paid orders of amount 0, so valid orders.
    assertThat(summary.get("users").asLong()).isEqualTo(23_570);
    assertThat(summary.get("orders").asLong()).isEqualTo(69_659);
    assertThat(summary.get("records").asLong()).isEqualTo(69_659);
    assertThat(summary.get("revenueMinor").asLong()).isEqualTo(independentRevenueCents());
    assertThat(summary.get("firstOrder").asText()).isEqualTo("1997-01-01");
    assertThat(summary.get("lastOrder").asText()).isEqualTo("1998-06-30");
    long users = 0;
    for (JsonNode count : summary.get("ordersPerUser")) {
      users += count.asLong();
    }
    assertThat(users).isEqualTo(23_570);
    assertThat(summary.get("diagnostics").get("skipped").size()).isZero();
  }

  /** Sums dollar_value of the raw bundled file with BigDecimal, sharing no code with the readers. */
  private static long independentRevenueCents() throws IOException {
    BigDecimal dollars = BigDecimal.ZERO;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        UserOpsCommand.class.getResourceAsStream("/dev/userops/examples/data/CDNOW_master.txt"), StandardCharsets.US_ASCII))) {
      lines.readLine();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] fields = line.trim().split(" +");
        dollars = dollars.add(new BigDecimal(fields[3]));
      }
    }
    return dollars.movePointRight(2).longValueExact();
  }

  @Test
  void jsonHasTheSummaryAndTheRunSettings() throws IOException {
    JsonNode summary = json(run("summary", "--json", "--zone", "Asia/Shanghai", "--as-of", "1998-01-01"));

    assertThat(summary.fieldNames()).toIterable().contains("source", "zone", "asOf", "badRecords",
        "users", "orders", "revenueMinor", "cancelledOrders", "refundedOrders", "firstOrder",
        "lastOrder", "ordersPerUser", "diagnostics");
    assertThat(summary.get("source").asText()).isEqualTo("CDNOW_master.txt (bundled)");
    assertThat(summary.get("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(summary.get("asOf").asText()).isEqualTo("1997-12-31T16:00:00Z"); // start of 1998-01-01 in Shanghai
    // CDNOW orders are dated, placed at local midnight: those of 1998-01-01 are at asOf and count.
    assertThat(summary.get("lastOrder").asText()).isEqualTo("1998-01-01");
    assertThat(summary.get("diagnostics").get("skipped").get("AFTER_AS_OF").asLong()).isPositive();
  }

  @Test
  void theTableShowsTheFiguresAndTheDistribution() {
    Run run = run("summary");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .containsPattern("users +23,570")
        .containsPattern("valid orders +69,659")
        .containsPattern("first order +1997-01-01")
        .containsPattern("\\n +1 +[0-9,]+ +[0-9.]+%")
        .containsPattern("\\n +4-5 +[0-9,]+ +[0-9.]+%")
        .contains("Bad records skipped\n  none");
  }

  @Test
  void diagnosticsOfReaderAndSummaryAreReportedTogether() throws IOException {
    Path orders = csv("user_id,order_id,occurred_at,amount,status\n"
        + "alice,o1,2026-03-01T10:00,12.34,paid\n"
        + "alice,o1,2026-03-01T10:00,12.34,paid\n"
        + "bob,o2,2026-03-02,-1.00,paid\n"
        + "bob,o3,2026-03-02,1.00,cancelled\n");

    JsonNode summary = json(run("summary", "--orders", orders.toString(), "--json"));

    assertThat(summary.get("orders").asLong()).isEqualTo(1);
    assertThat(summary.get("revenueMinor").asLong()).isEqualTo(1234);
    assertThat(summary.get("cancelledOrders").asLong()).isEqualTo(1);
    assertThat(summary.get("diagnostics").get("skipped").get("DUPLICATE_ORDER_ID").asLong()).isEqualTo(1);
    assertThat(summary.get("diagnostics").get("skipped").get("NEGATIVE_AMOUNT").asLong()).isEqualTo(1);
    assertThat(run("summary", "--orders", orders.toString()).out())
        .containsPattern("revenue +12.34")
        .containsPattern("DUPLICATE_ORDER_ID +1")
        .containsPattern("NEGATIVE_AMOUNT +1");
  }

  @Test
  void aMalformedRowUnderRejectExitsWith2AndOneLineNamingFileLineAndField() throws IOException {
    Path orders = csv("user_id,order_id,occurred_at,amount,status\nu,o1,2026-03-01,abc,paid\n");

    Run run = run("summary", "--orders", orders.toString(), "--bad-records", "reject");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("userops: " + orders + ":2: amount: expected a decimal amount in"
        + " major units like 12.34, got \"abc\"" + System.lineSeparator());

    Run skipped = run("summary", "--orders", orders.toString());
    assertThat(skipped.exitCode()).as(skipped.err()).isZero();
    assertThat(skipped.out()).containsPattern("MALFORMED_AMOUNT +1\n");
  }

  @Test
  void aRejectedBadRecordExitsWith2() throws IOException {
    Path orders = csv("user_id,order_id,occurred_at,amount,status\nu,o1,2026-03-01,1.00,paid\n"
        + "u,o1,2026-03-01,1.00,paid\n");

    Run run = run("summary", "--orders", orders.toString(), "--bad-records", "reject");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("userops: " + orders + ":3: order_id: DUPLICATE_ORDER_ID:");
  }

  @Test
  void aMissingFileExitsWith2() {
    Run run = run("summary", "--cdnow", dir.resolve("nope.txt").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("userops: --cdnow: " + dir.resolve("nope.txt") + ": no such file"
        + " (see 'userops summary --help')" + System.lineSeparator());
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(run("summary", "--bad-records", "ignore").err()).contains("expected reject or skip, got \"ignore\"");
    assertThat(run("summary", "--bad-records", "ignore").exitCode()).isEqualTo(2);
    assertThat(run("summary", "--as-of", "soon").err()).contains("--as-of: expected a date (2026-03-01)");
    assertThat(run("summary", "--as-of", "soon").exitCode()).isEqualTo(2);
    assertThat(run("summary", "--zone", "Mars/Olympus").exitCode()).isEqualTo(2);
    assertThat(run("summary", "--orders", "a.csv", "--cdnow", "b.txt").exitCode()).isEqualTo(2);
    assertThat(run("summary", "--orders", "a.csv", "--fraction-digits", "19").exitCode()).isEqualTo(2);
    assertThat(run().exitCode()).isEqualTo(2);
  }

  @Test
  void aUsageErrorIsOneLineWithAPointerToHelp() {
    Run run = run("summary", "--zone", "Mars/Olympus");

    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("--zone").contains("Mars/Olympus").contains("(see 'userops summary --help')");
  }

  @Test
  void helpWorksOnTheTopCommandAndSummary() {
    Run top = run("--help");
    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("Usage: userops").contains("summary");

    Run summary = run("summary", "--help");
    assertThat(summary.exitCode()).isZero();
    assertThat(summary.out()).contains("Usage: userops summary")
        .contains("--orders=FILE", "--cdnow=FILE", "--zone=ZONE", "--as-of=DATE|INSTANT",
            "--bad-records=reject|skip", "--json");
  }
}
