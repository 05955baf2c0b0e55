package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userops.core.event.Order;
import dev.userops.examples.report.Reports;
import dev.userops.retention.repurchase.RepurchaseAccumulator;
import dev.userops.retention.repurchase.RepurchaseSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RepurchaseCommandTest {
  @TempDir Path dir;

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void handWorkedCsvGivesTheIssuesJsonShape() throws IOException {
    // asOf is the end of 2026-02-28: first orders up to 01-29 are mature for 30 days.
    Path orders =
        Files.writeString(
            dir.resolve("orders.csv"),
            "user_id,order_id,occurred_at,amount,status\n"
                + "alice,o1,2026-01-05T10:00,10.00,paid\n"
                + "alice,o2,2026-01-20T10:00,10.00,paid\n"
                + "alice,o3,2026-02-02T10:00,10.00,paid\n"
                + "bob,o4,2026-01-10T10:00,10.00,paid\n"
                + "bob,o5,2026-01-11T10:00,10.00,cancelled\n"
                + "carol,o6,2026-01-31T10:00,10.00,paid\n"
                + "carol,o7,2026-02-01T10:00,10.00,paid\n");

    JsonNode document =
        json(run("repurchase", "--orders", orders.toString(), "--as-of", "2026-03-01", "--json"));

    // The library's own form (RepurchaseResult.toJson) with the run's diagnostics.
    assertThat(keys(document)).contains(
        "windowDays", "cohorts", "curve", "nextPeriods", "timeToSecondOrder", "pooled", "diagnostics");
    assertThat(document.get("windowDays").asInt()).isEqualTo(30);
    JsonNode january = document.get("cohorts").get(0);
    assertThat(keys(january))
        .containsExactlyInAnyOrder("start", "firstBuyers", "repurchasers", "rate", "mature");
    assertThat(january.get("start").asText()).isEqualTo("2026-01-01");
    assertThat(january.get("firstBuyers").asLong()).isEqualTo(3);
    assertThat(january.get("mature").asLong()).isEqualTo(2);
    assertThat(january.get("repurchasers").asLong()).isEqualTo(1);
    assertThat(january.get("rate").asDouble()).isEqualTo(0.5);
    assertThat(document.get("pooled").toString())
        .isEqualTo("{\"eligible\":2,\"repurchasers\":1,\"rate\":0.5}");
    // January: alice, bob, carol bought; alice and carol again in February. February: M+1 unknown.
    // asOf (March 1, 00:00) lies in March, which has begun with no buyers yet.
    JsonNode periods = document.get("nextPeriods");
    assertThat(periods).hasSize(3);
    assertThat(periods.get(0).get("start").asText()).isEqualTo("2026-01-01");
    assertThat(periods.get(0).get("buyers").asLong()).isEqualTo(3);
    assertThat(periods.get(0).get("repeatBuyers").asLong()).isEqualTo(2);
    assertThat(periods.get(0).get("rate").asDouble()).isEqualTo(2.0 / 3);
    assertThat(periods.get(1).get("rate").isNull()).isTrue();
    assertThat(periods.get(2).get("buyers").asLong()).isZero();
    assertThat(periods.get(2).get("rate").isNull()).isTrue();
    // Gaps: alice 15, carol 1.
    assertThat(document.get("timeToSecondOrder").toString())
        .isEqualTo("{\"repeatBuyers\":2,\"medianDays\":1,\"p90Days\":15,\"repeatBuyersByDays\":{\"1\":1,\"15\":1}}");
  }

  @Test
  void bundledCdnowAgreesWithTheLibrary() throws IOException {
    JsonNode document =
        json(run("repurchase", "--as-of", "1998-07-01", "--window-days", "90", "--json"));

    // The same orders straight through the library, from the reader the command uses.
    RepurchaseSpec spec =
        RepurchaseSpec.of(ZoneId.of("UTC"), Instant.parse("1998-07-01T00:00:00Z"))
            .withWindowDays(90);
    RepurchaseAccumulator accumulator = spec.newAccumulator();
    InputOptions input = new InputOptions();
    CommandLine.populateCommand(
        new Object() {
          @CommandLine.Mixin InputOptions options = input;
        });
    input.read((Order order) -> accumulator.add(order));
    assertThat(document.get("records").asLong()).isEqualTo(69_659);
    ((com.fasterxml.jackson.databind.node.ObjectNode) document).remove(List.of("records", "diagnostics"));
    assertThat(document)
        .isEqualTo(new ObjectMapper().readTree(Reports.section(accumulator.result()).toString()));
    // CDNOW's cohort bought in 1997-01..03; all are mature by mid-1998.
    assertThat(document.get("cohorts")).hasSize(3);
    assertThat(document.get("pooled").get("eligible").asLong()).isEqualTo(23_570);
  }

  @Test
  void tableAndErrors() {
    Run table = run("repurchase", "--as-of", "1998-06-30", "--cohort-period", "week");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("30-day repurchase by week of first order")
        .containsPattern("pooled +[0-9,]+ +[0-9,]+ +[0-9.]+%")
        .contains("Next-month repurchase");

    Run noAsOf = run("repurchase");
    assertThat(noAsOf.exitCode()).isEqualTo(2);
    assertThat(noAsOf.err()).contains("--as-of is required");
    Run badWindow = run("repurchase", "--as-of", "1998-06-30", "--window-days", "0");
    assertThat(badWindow.exitCode()).isEqualTo(2);
    assertThat(badWindow.err()).contains("windowDays must be in [1, 3650], got 0");
  }
}
