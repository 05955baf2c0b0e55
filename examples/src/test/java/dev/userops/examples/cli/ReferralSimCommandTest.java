package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.examples.input.EventCsvReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferralSimCommandTest {
  @TempDir Path dir;

  @Test
  void theBundledExamplesShowEveryOutcome() throws IOException {
    // The bundled story (program: 7 review days, 50.00 minimum, 2 inviter rewards a month): bob, frank
    // and grace qualify under alice, whose month is full by grace; ivan qualifies under henry and is
    // cancelled after his rewards; judy is still in review on the last event.
    JsonNode report = json(run("referral-sim", "--json"));
    assertThat(report.get("records").asLong()).isEqualTo(23);
    assertThat(report.get("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(report.get("asOf").asText()).isEqualTo("2024-03-27T02:00:00Z");
    assertThat(report.at("/granted/inviter").asLong()).isEqualTo(3);
    assertThat(report.at("/granted/invitee").asLong()).isEqualTo(4);
    assertThat(report.at("/granted/points").asLong()).isEqualTo(1_500);
    assertThat(report.at("/granted/coupons/WELCOME10").asLong()).isEqualTo(4);
    assertThat(report.at("/pending/inReview").asLong()).isEqualTo(1);
    assertThat(report.at("/clawedBack/points").asLong()).isEqualTo(500);
    assertThat(report.get("duplicates").asLong()).isEqualTo(1);
    for (String reason : new String[] {"SELF_REFERRAL", "ALREADY_REFERRED", "NOT_FIRST_ORDER", "BELOW_MINIMUM",
        "INVITER_CAP", "REFUNDED_IN_REVIEW", "REVOKED", "NOT_REFERRED"}) {
      assertThat(report.at("/rejected/" + reason).asLong()).as(reason).isEqualTo(1);
    }
    assertThat(report.at("/referrals/REWARDED").asLong()).isEqualTo(3);

    // Evaluated later, judy's review has ended too.
    JsonNode later = json(run("referral-sim", "--as-of", "2024-04-30", "--json"));
    assertThat(later.at("/granted/invitee").asLong()).isEqualTo(5);
    assertThat(later.at("/pending/inReview").asLong()).isZero();

    Run table = run("referral-sim");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("Referral simulation", "Granted", "coupons WELCOME10", "Pending", "in review",
        "Rejected by reason", "INVITER_CAP", "REVOKED");
  }

  @Test
  void aMessyFileSkipsAndCountsBadRowsOrNamesTheFirst() throws IOException {
    // BOM, CRLF, padded ids, columns in another order, and one bad row of each kind.
    String csv = "\uFEFFevent,user_id,occurred_at,value,order_id,attributes,event_id\r\n"
        + "invite, u1 ,2024-05-01T10:00,C1,,fingerprint=device:1,\r\n"
        + "attributed,u2,2024-05-02T10:00,C1,,,\r\n"
        + "paid,u2,2024-05-03T10:00,12.34,o1,tag=app,\r\n"
        + "shared,u2,2024-05-03T11:00,,,,\r\n" // line 5: unknown event
        + "paid,u3,2024-05-03T12:00,12.3.4,o2,,\r\n" // line 6: bad amount
        + "paid,u3,2024-05-03T12:00,10.00,,,\r\n" // line 7: no order id
        + "attributed,u4,2024-05-03T13:00,C1,,fingerprint,\r\n" // line 8: bad attributes
        + "invite,u5,2024-05-03T14:00,,,,\r\n" // line 9: no code
        + "paid,u2,1969-12-31T10:00,10.00,o0,,\r\n" // line 10: before 1970
        + "paid,u2,2024-05-04T10:00\r\n" // line 11: short row
        + "refunded,u2,2024-05-05T10:00,0,o1,,r1\r\n"; // line 12: a refund of nothing
    Path events = Files.write(dir.resolve("events.csv"), csv.getBytes(StandardCharsets.UTF_8));
    Path program = Files.writeString(dir.resolve("program.json"), "{\"version\": 1, \"id\": \"t\", \"zone\": \"UTC\","
        + " \"reviewDays\": 1, \"minimumAmountMinor\": 1000, \"inviterReward\": {\"points\": 10}}");

    JsonNode report = json(run("referral-sim", "--program", program.toString(), "--events", events.toString(),
        "--as-of", "2024-06-01", "--json"));
    assertThat(report.get("records").asLong()).isEqualTo(11);
    assertThat(report.at("/granted/inviter").asLong()).as(report.toString()).isEqualTo(1);
    JsonNode skipped = report.at("/diagnostics/skipped");
    assertThat(skipped.get("MALFORMED_RECORD").asLong()).as(skipped.toString()).isEqualTo(2);
    assertThat(skipped.get("MALFORMED_AMOUNT").asLong()).isEqualTo(2);
    assertThat(skipped.get("EMPTY_ID").asLong()).isEqualTo(2);
    assertThat(skipped.get("BEFORE_1970").asLong()).isEqualTo(1);
    assertThat(skipped.get("WRONG_FIELD_COUNT").asLong()).isEqualTo(1);

    Run before = run("referral-sim", "--program", program.toString(), "--events", events.toString(),
        "--as-of", "2024-05-03T11:30", "--json");
    assertThat(json(before).at("/diagnostics/skipped/AFTER_AS_OF").asLong()).isEqualTo(5);

    String[] args = {"referral-sim", "--program", program.toString(), "--events", events.toString(),
        "--bad-records", "reject"};
    Run rejected = run(args);
    assertThat(rejected.exitCode()).isEqualTo(2);
    assertThat(rejected.err()).startsWith("userops: " + events
        + ":5: event: expected one of invite, attributed, paid, refunded, cancelled, got \"shared\"");
    Files.writeString(events, csv.replace("shared,u2,2024-05-03T11:00,,,,\r\n", ""));
    assertThat(run(args).err()).startsWith("userops: " + events + ":5: value: expected a decimal amount")
        .contains("\"12.3.4\"");
    Files.writeString(events, "user_id,occurred_at,event,attributes\nu4,2024-05-03T13:00,attributed,fingerprint\n");
    assertThat(run(args).err()).startsWith("userops: " + events + ":2: attributes: expected key=value pairs"
        + " separated by ';', got \"fingerprint\"");
  }

  @Test
  void aBadProgramNamesItsJsonPath() throws IOException {
    Path program = Files.writeString(dir.resolve("program.json"), "{\"version\": 1, \"id\": \"t\", \"zone\": \"UTC\","
        + " \"inviterReward\": {\"points\": 10}, \"inviterCaps\": [{\"max\": 1, \"window\": \"P1D\", \"windw\": 2}]}");
    Run run = run("referral-sim", "--program", program.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("userops: " + program + ": inviterCaps[0].windw: unknown field \"windw\"");
  }

  @Test
  void helpDocumentsTheEventsDialect() {
    Run help = run("referral-sim", "--help");
    assertThat(help.out()).contains("PROGRAM.json:", "--events FILE: the events CSV", "attributed",
        "fingerprint=HASH", "tag=TAG");
    // Picocli wraps the long header at the usage width.
    assertThat(help.out().replaceAll("\\s+", "")).contains(EventCsvReader.HEADER);
  }
}
