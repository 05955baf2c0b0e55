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
    Path events = Files.writeString(dir.resolve("events.csv"),
        "userId,occurredAt\n1,2024-08-20T03:00:00Z\n1,2024-08-25T03:00:00Z\n1,2024-08-30T03:00:00Z\n2,2024-09-01T03:00:00Z\n");
    Run run = run("push-sim", "--events", events.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(new ObjectMapper().readTree(run.out()).get("users").asInt()).isEqualTo(2);

    Path bad = Files.writeString(dir.resolve("bad.csv"), "userId,occurredAt\n1,yesterday\n");
    Run badEvents = run("push-sim", "--events", bad.toString());
    assertThat(badEvents.exitCode()).isEqualTo(2);
    assertThat(badEvents.err()).contains("bad.csv:2: occurredAt: expected an ISO-8601 instant, got \"yesterday\"");

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
    assertThat(help.out()).contains("PLAN.json:", "minActiveDays", "--events FILE: CSV with the header userId,occurredAt");
  }
}
