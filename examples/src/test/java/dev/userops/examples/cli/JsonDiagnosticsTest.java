package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every subcommand's JSON carries the rows it read ({@code records}) and what it skipped by reason
 * ({@code diagnostics.skipped}), as its text does: a script can see what was left out.
 */
class JsonDiagnosticsTest {
  /** Six rows: a negative amount (NEGATIVE_AMOUNT), a repeated order id and an order after the as-of. */
  private static final String ORDERS = """
      user_id,order_id,occurred_at,amount,status
      u1,o1,2026-03-01T10:00:00Z,10.00,paid
      u1,o2,2026-03-09T10:00:00Z,20.00,paid
      u2,o3,2026-03-02T10:00:00Z,-5.00,paid
      u2,o1,2026-03-03T10:00:00Z,9.00,paid
      u3,o4,2026-03-04T10:00:00Z,8.00,paid
      u3,o5,2026-04-20T10:00:00Z,8.00,paid
      """;
  /** Four rows, one after the as-of. */
  private static final String EVENTS = """
      user_id,occurred_at,event,value
      u1,2026-03-01T10:00:00Z,signup,
      u1,2026-03-05T10:00:00Z,REVIEW,
      u2,2026-03-06T10:00:00Z,redeem,5
      u2,2026-04-20T10:00:00Z,launch,
      """;
  private static final String AS_OF = "--as-of=2026-04-01";

  @TempDir Path dir;

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of(List.of("summary", AS_OF), 6, true),
        Arguments.of(List.of("rfm", AS_OF), 6, true),
        Arguments.of(List.of("repurchase", AS_OF), 6, true),
        Arguments.of(List.of("retention", AS_OF), 6, true),
        Arguments.of(List.of("active", AS_OF, "--from=2026-03-01", "--to=2026-03-10"), 6, true),
        Arguments.of(List.of("retention", AS_OF, "EVENTS"), 4, false),
        Arguments.of(List.of("active", AS_OF, "--from=2026-03-01", "--to=2026-03-10", "EVENTS"), 4, false),
        Arguments.of(List.of("points-sim", AS_OF, "EVENTS+ORDERS"), 10, true),
        Arguments.of(List.of("push-sim", "EVENTS"), 4, false),
        Arguments.of(List.of("referral-sim", "EVENTS"), 4, false),
        Arguments.of(List.of("tags"), 12, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void jsonHasRecordsAndSkippedByReason(List<String> command, long records, boolean orders) throws IOException {
    Path ordersFile = Files.writeString(dir.resolve("orders.csv"), ORDERS);
    Path eventsFile = Files.writeString(dir.resolve("events.csv"), EVENTS);
    List<String> args = new ArrayList<>();
    for (String arg : command) {
      switch (arg) {
        case "EVENTS" -> args.addAll(List.of("--events", eventsFile.toString()));
        case "EVENTS+ORDERS" -> args.addAll(List.of("--events", eventsFile.toString(), "--orders", ordersFile.toString()));
        default -> args.add(arg);
      }
    }
    if (orders && !args.contains("--orders")) {
      args.addAll(List.of("--orders", ordersFile.toString()));
    }
    args.add("--json");

    JsonNode document = json(run(args.toArray(String[]::new)));

    assertThat(document.get("records").isIntegralNumber()).as(document.toString()).isTrue();
    assertThat(document.get("records").asLong()).isEqualTo(records);
    JsonNode skipped = document.at("/diagnostics/skipped");
    assertThat(skipped.isObject()).as(document.toString()).isTrue();
    if (orders) {
      assertThat(skipped.get("DUPLICATE_ORDER_ID").asLong()).isEqualTo(1);
      assertThat(skipped.get("NEGATIVE_AMOUNT").asLong()).isEqualTo(1);
    }
    if (args.contains(AS_OF)) {
      long afterAsOf = (orders ? 1 : 0) + (args.contains("--events") ? 1 : 0);
      assertThat(skipped.get("AFTER_AS_OF").asLong()).isEqualTo(afterAsOf);
    }
  }

  @Test
  void theReportsJsonHasThemToo() throws IOException {
    Path ordersFile = Files.writeString(dir.resolve("orders.csv"), ORDERS);
    Run run = run("report", "--orders", ordersFile.toString(), AS_OF, "--out", dir.resolve("out").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    JsonNode report = new ObjectMapper().readTree(dir.resolve("out").resolve(ReportCommand.JSON_FILE).toFile());
    assertThat(report.get("records").asLong()).isEqualTo(6);
    assertThat(report.at("/diagnostics/skipped/NEGATIVE_AMOUNT").asLong()).isEqualTo(1);
  }
}
