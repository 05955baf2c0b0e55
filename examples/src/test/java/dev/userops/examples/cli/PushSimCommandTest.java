package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushSimCommandTest {
  @TempDir Path dir;

  @Test
  void bundledPolicyAndPlanRunAndEveryPlannedMessageEndsSentOrDropped() throws IOException {
    Run run = run("push-sim", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("users").asInt()).isEqualTo(300);
    JsonNode push = report.get("totals").get("push");
    assertThat(push.get("sent").asLong()).isPositive();
    assertThat(push.get("deferred").asLong()).isPositive();
    assertThat(push.get("dropped").get("NO_CONSENT").asLong()).isPositive();
    assertThat(push.get("dropped").get("CAP_CHANNEL").asLong()).isPositive();
    assertThat(push.get("dropped").get("QUIET_HOURS").asLong()).isPositive();
    // Daily cap of 2 per user on push: never more than 2 × 300 sends in a day.
    for (JsonNode row : report.get("rows")) {
      if (row.get("channel").asText().equals("push")) {
        assertThat(row.get("sent").asLong()).isLessThanOrEqualTo(600 + 300); // + transactional receipts
      }
    }
    Run table = run("push-sim");
    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).contains("Push simulation", "2024-09-02", "total", "NO_CONSENT");
  }

  @Test
  void readsAnEventsFileAndNamesBadInput() throws IOException {
    // The one events dialect: string user ids, local times in the plan's zone, any event value.
    Path events = Files.writeString(dir.resolve("events.csv"), "user_id,occurred_at,event\n"
        + "alice,2024-08-20T03:00:00Z,launch\nalice,2024-08-25T11:00,order\nalice,2024-08-30,launch\n"
        + "bob,2024-09-01T03:00:00Z,signup\nbob,1969-12-31T00:00:00Z,launch\n");
    Run run = run("push-sim", "--events", events.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("users").asInt()).isEqualTo(2);
    assertThat(report.get("records").asLong()).isEqualTo(5);
    assertThat(report.at("/diagnostics/skipped/BEFORE_1970").asLong()).isEqualTo(1);

    Run rejected = run("push-sim", "--events", events.toString(), "--bad-records", "reject");
    assertThat(rejected.exitCode()).isEqualTo(2);
    assertThat(rejected.err()).startsWith("userops: " + events + ":6: occurred_at: BEFORE_1970");

    Path bad = Files.writeString(dir.resolve("bad.csv"), "user_id,occurred_at,event\n1,yesterday,launch\n");
    Run skipped = run("push-sim", "--events", bad.toString(), "--json");
    assertThat(skipped.exitCode()).as(skipped.err()).isZero();
    assertThat(new ObjectMapper().readTree(skipped.out()).at("/diagnostics/skipped/MALFORMED_TIMESTAMP").asLong())
        .isEqualTo(1);
    Run badEvents = run("push-sim", "--events", bad.toString(), "--bad-records", "reject");
    assertThat(badEvents.exitCode()).isEqualTo(2);
    assertThat(badEvents.err()).contains("bad.csv:2: occurred_at: expected a date (2026-03-01)").contains("got \"yesterday\"");

    Path policy = Files.writeString(dir.resolve("policy.json"),
        "{\"version\": 1, \"channels\": [{\"id\": \"push\"}], \"caps\": [{\"max\": 1, \"window\": \"P2D\", \"mode\": \"CALENDAR\"}]}");
    Run badPolicy = run("push-sim", "--policy", policy.toString());
    assertThat(badPolicy.exitCode()).isEqualTo(2);
    assertThat(badPolicy.err()).contains("policy.json: caps[0].window: expected P1D, P1W or P1M for a CALENDAR cap, got \"P2D\"");

    Path narrow = Files.writeString(dir.resolve("narrow.json"), "{\"version\": 1, \"channels\": [{\"id\": \"push\"}]}");
    Run unknownChannel = run("push-sim", "--policy", narrow.toString());
    assertThat(unknownChannel.exitCode()).isEqualTo(2);
    assertThat(unknownChannel.err()).contains("plan.json (bundled): consent.sms: unknown channel \"sms\" (known: push)");
  }

  @Test
  void helpDocumentsThePlanAndEventsFormats() {
    Run help = run("push-sim", "--help");
    assertThat(help.out()).contains("PLAN.json:", "minActiveDays",
        "--events FILE: the events CSV", "user_id,occurred_at,event[,event_id][,value][,order_id]", "every row is activity");
  }
}
