package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsSimCommandTest {
  @TempDir Path dir;

  @Test
  void bundledCdnowBalancesAddUp() throws IOException {
    JsonNode result = json(run("points-sim", "--levels", "example", "--as-of", "1998-06-30", "--json"));
    JsonNode totals = result.get("totals");

    assertThat(totals.get("users").asLong()).isEqualTo(23_570); // Fader, Hardie & Lee (2005)
    // Every point earned is still there, was spent, expired or was taken back.
    assertThat(totals.get("earned").asLong() - totals.get("redeemed").asLong() - totals.get("expired").asLong()
        - totals.get("clawedBack").asLong()).isEqualTo(totals.get("available").asLong() + totals.get("pending").asLong());
    // Points expire at the end of the year after earning: nothing from 1997-98 has by 1998-06-30.
    assertThat(totals.get("expired").asLong()).isZero();
    assertThat(totals.get("pending").asLong()).isPositive(); // orders of the last 14 days
    long levelled = 0;
    for (JsonNode count : result.get("levelDistribution")) {
      levelled += count.asLong();
    }
    assertThat(levelled).isEqualTo(23_570);
    assertThat(result.get("users")).hasSize(23_570);
  }

  @Test
  void handWorkedOrdersAndEvents() throws IOException {
    Path orders = Files.writeString(dir.resolve("orders.csv"), "user_id,order_id,occurred_at,amount,status\n"
        + "alice,o1,2026-03-01T10:00,12.34,paid\n"     // 12 points + 50 first-order bonus, pending 14 days
        + "alice,o2,2026-03-20T10:00,100.00,paid\n"    // 100 points, pending until 04-03
        + "bob,o3,2026-03-02,5.00,cancelled\n");
    Path events = Files.writeString(dir.resolve("events.csv"), "user_id,event_id,occurred_at,event,value,order_id\n"
        + "alice,r1,2026-03-25T10:00,redeem,40,\n"     // from the released 12 + 50: 22 left
        + "alice,f1,2026-03-26T10:00,refund,50.00,o2\n" // half of o2's pending 100 taken back
        + "bob,b1,2026-03-03,REVIEW,,\n"               // 5 points
        + "bob,b2,2026-03-03,REVIEW,,\n"               // 5 more: the day's cap of 10
        + "bob,b3,2026-03-03,REVIEW,,\n");             // capped
    JsonNode result = json(run("points-sim", "--orders", orders.toString(), "--events", events.toString(),
        "--as-of", "2026-03-31", "--json"));

    JsonNode alice = result.get("users").get(0);
    assertThat(alice.get("userId").asText()).isEqualTo("alice");
    assertThat(alice.get("available").asLong()).isEqualTo(22);
    assertThat(alice.get("pending").asLong()).isEqualTo(50);
    assertThat(alice.get("redeemed").asLong()).isEqualTo(40);
    JsonNode bob = result.get("users").get(1);
    assertThat(bob.get("available").asLong()).isEqualTo(10);
    assertThat(result.get("totals").get("liability").asLong()).isEqualTo(82);
  }

  @Test
  void eventsAreTheOneDialectWithEventIdsOptionalAndLateEventsCounted() throws IOException {
    Path orders = Files.writeString(dir.resolve("orders.csv"), "user_id,order_id,occurred_at,amount,status\n"
        + "alice,o1,2026-03-01T10:00,12.34,paid\n");
    // No event_id column: each row is its own event, so the two reviews are not duplicates.
    Path events = Files.writeString(dir.resolve("events.csv"), "event,user_id,occurred_at\n"
        + "REVIEW,bob,2026-03-03T10:00\nREVIEW,bob,2026-03-03T11:00\nREVIEW,bob,2026-04-03T11:00\n");
    JsonNode result = json(run("points-sim", "--orders", orders.toString(), "--events", events.toString(),
        "--as-of", "2026-03-31", "--json"));

    assertThat(result.get("records").asLong()).isEqualTo(4);
    assertThat(result.get("users").get(1).get("available").asLong()).isEqualTo(10);
    assertThat(result.get("duplicates").asLong()).isZero();
    assertThat(result.get("eventsAfterAsOf").asLong()).isEqualTo(1);
    assertThat(result.at("/diagnostics/skipped/AFTER_AS_OF").asLong()).isEqualTo(1);

    Run rejected = run("points-sim", "--orders", orders.toString(), "--events", events.toString(),
        "--as-of", "2026-03-31", "--bad-records", "reject");
    assertThat(rejected.exitCode()).isEqualTo(2);
    assertThat(rejected.err()).startsWith("userops: " + events + ":4: occurred_at: AFTER_AS_OF");

    Path refund = Files.writeString(dir.resolve("refund.csv"), "user_id,occurred_at,event,value,order_id\n"
        + "alice,2026-03-02,refund,1.234,o1\n");
    JsonNode skipped = json(run("points-sim", "--orders", orders.toString(), "--events", refund.toString(),
        "--as-of", "2026-03-31", "--json"));
    assertThat(skipped.at("/diagnostics/skipped/MALFORMED_AMOUNT").asLong()).isEqualTo(1);
    Run badAmount = run("points-sim", "--orders", orders.toString(), "--events", refund.toString(), "--as-of", "2026-03-31",
        "--bad-records", "reject");
    assertThat(badAmount.exitCode()).isEqualTo(2);
    assertThat(badAmount.err()).startsWith("userops: " + refund + ":2: value: expected at most 2 fraction digits");
  }

  @Test
  void helpSaysWhichEventValuesItUses() {
    assertThat(run("points-sim", "--help").out())
        .contains("user_id,occurred_at,event[,event_id][,value][,order_id]", "redeem   value: the points to spend",
            "adjust   value: signed points", "refund   order_id: the refunded order; value: the money returned,");
  }

  @Test
  void aBadProgramNamesTheFileAndThePath() throws IOException {
    Path program = Run.editedExample(dir, "points/program.json", "\"lockDays\": 14", "\"lockDays\": -1");
    assertThat(Run.error(run("points-sim", "--program", program.toString(), "--as-of", "1998-06-30")))
        .startsWith("userops: " + program + ": lockDays must be in [0, 3650], got -1");
    assertThat(run("points-sim").err()).contains("--as-of is required: expiry and pending points");
  }

  @Test
  void tableShowsTotalsAndTopUsers() {
    Run run = run("points-sim", "--as-of", "1998-06-30", "--top", "3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Points simulation", "liability", "top users");
  }
}
