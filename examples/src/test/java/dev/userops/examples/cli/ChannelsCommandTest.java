package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelsCommandTest {
  @TempDir Path dir;
  private Path orders;
  private Path spend;
  private Path signups;

  @BeforeEach
  void files() throws IOException {
    // a: first order in January through search, a web order in February; b: January, search;
    // c: February, social. d signs up through social in March and never buys.
    orders = Files.writeString(dir.resolve("orders.csv"), "user_id,order_id,occurred_at,amount,status,sales_channel\n"
        + "a,o1,2026-01-05T10:00,10.00,paid,search\n"
        + "a,o2,2026-02-10T10:00,5.00,paid,web\n"
        + "b,o3,2026-01-20T10:00,20.00,paid,search\n"
        + "b,o3,2026-01-21T10:00,99.00,paid,search\n"
        + "c,o4,2026-02-03T10:00,8.00,paid,social\n"
        + "c,o5,2026-02-04T10:00,8.00,cancelled,social\n");
    spend = Files.writeString(dir.resolve("spend.csv"), "channel,period,spend\n"
        + "search,2026-01-01,10.00\nsearch,2026-01-15,5.00\nsocial,2026-02-01,10.00\n");
    signups = Files.writeString(dir.resolve("signups.csv"), "user_id,occurred_at,channel\n"
        + "a,2026-01-01T09:00,search\nd,2026-03-01T09:00,social\n");
  }

  private JsonNode channels(String... more) throws IOException {
    String[] args = {"channels", "--orders", orders.toString(), "--spend", spend.toString(), "--signups",
        signups.toString(), "--as-of", "2026-04-01", "--intervals", "2", "--bad-records", "skip", "--json"};
    return json(run(Run.args(args, more)));
  }

  private static JsonNode channel(JsonNode document, String name) {
    return Run.element(document.get("channels"), "acquisitionChannel", name);
  }

  @Test
  void handWorkedEconomics() throws IOException {
    JsonNode document = channels();

    // Search, January: a and b (the repeated o3 is skipped), 30.00 in January, a's 5.00 web order
    // in February counts for search (first touch); spend 15.00 from two rows of the period.
    JsonNode january = channel(document, "search").get("cohorts").get(0);
    assertThat(january.get("start").asText()).isEqualTo("2026-01-01");
    assertThat(january.get("spendMinor").asLong()).isEqualTo(1500);
    assertThat(january.get("firstBuyers").asLong()).isEqualTo(2);
    assertThat(january.get("newUsers").asLong()).isEqualTo(1);
    assertThat(january.get("converted").asLong()).isEqualTo(1);
    assertThat(january.get("revenueMinor").toString()).isEqualTo("[3000,3500,3500]");
    assertThat(january.get("cac").get("value").asDouble()).isEqualTo(750.0);
    assertThat(january.get("payback").get("status").asText()).isEqualTo("PAID_BACK");
    assertThat(january.get("payback").get("interval").asInt()).isZero();
    // Social, February: c's paid 8.00 (the cancelled order is not revenue); April is not complete
    // at the as-of, so age 2 is immature and the 10.00 spend may yet be paid back.
    JsonNode february = channel(document, "social").get("cohorts").get(0);
    assertThat(february.get("start").asText()).isEqualTo("2026-02-01");
    assertThat(february.get("revenueMinor").toString()).isEqualTo("[800,800,null]");
    assertThat(february.get("payback").get("status").asText()).isEqualTo("NOT_YET");
    // d signed up in March through social and has not bought.
    JsonNode march = channel(document, "social").get("cohorts").get(1);
    assertThat(march.get("newUsers").asLong()).isEqualTo(1);
    assertThat(march.get("converted").asLong()).isZero();
    assertThat(document.get("diagnostics").get("skipped").get("DUPLICATE_ORDER_ID").asLong()).isEqualTo(1);
  }

  @Test
  void aBadSpendRowEndsTheRunNamingFileLineAndField() throws IOException {
    Files.writeString(spend, "channel,period,spend\nsearch,January,10.00\n");
    Run run = run("channels", "--orders", orders.toString(), "--spend", spend.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(spend + ":2: period: expected an ISO date in the period");
  }

  @Test
  void theTerminalTablesShowPooledFiguresAndPayback() {
    Run run = run("channels", "--orders", orders.toString(), "--spend", spend.toString(), "--signups",
        signups.toString(), "--as-of", "2026-04-01", "--intervals", "2", "--bad-records", "skip");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("search").contains("age 0").contains("not yet");
  }
}
