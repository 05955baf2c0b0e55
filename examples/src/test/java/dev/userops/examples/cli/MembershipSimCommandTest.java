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

class MembershipSimCommandTest {
  private static final String HEADER = "user_id,occurred_at,event,event_id,order_id,plan_id\n";

  @TempDir Path dir;

  @Test
  void theBundledExampleReplaysAndItsMoneyAddsUp() throws IOException {
    JsonNode report = json(run("membership-sim", "--as-of", "2026-10-01", "--json"));
    assertThat(report.get("users").asInt()).isEqualTo(80);
    assertThat(report.get("records").asLong()).isEqualTo(272);
    assertThat(report.at("/applied/purchase").asLong()).isEqualTo(80);
    assertThat(report.at("/applied/refund").asLong()).isPositive();
    assertThat(report.at("/applied/plan_change").asLong()).isPositive();
    JsonNode money = report.get("money");
    long net = money.get("chargedMinor").asLong() - money.get("refundedMinor").asLong()
        - money.get("chargedBackMinor").asLong();
    assertThat(money.get("netMinor").asLong()).isEqualTo(net);
    // The states' periods, net of what was given back, sum to the same revenue.
    assertThat(report.at("/population/revenueMinor").asLong()).isEqualTo(net);
    assertThat(report.at("/population/members").asLong()).isEqualTo(80);
    assertThat(report.at("/population/renewalRate").asDouble()).isBetween(0.5, 0.95);
    JsonNode days = report.at("/population/activeByDay");
    assertThat(days.get(0).get("date").asText()).isEqualTo("2026-01-01");
    assertThat(days.get(days.size() - 1).get("date").asText()).isEqualTo("2026-09-30");
    JsonNode cohort = report.at("/population/cohorts/0");
    assertThat(cohort.get("start").asText()).isEqualTo("2026-01-01");
    assertThat(cohort.get("renewalRate")).hasSize(13);
    assertThat(cohort.get("renewalRate").get(12).isNull()).as("immature").isTrue();
    assertThat(report.get("notAppliedEvents").get(0).get("status").asText()).isEqualTo("DUPLICATE");
    assertThat(report.at("/diagnostics/skipped").size()).isZero();

    Run table = run("membership-sim", "--as-of", "2026-10-01");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("Membership simulation", "Active members by day", "renewal rate",
        "Renewal rate by cohort of first purchase", "net revenue", "DUPLICATE event ev242 was already applied");
  }

  @Test
  void aWorkedFileGivesExactRefundsAndRenewals() throws IOException {
    Path plans = Files.writeString(dir.resolve("plans.json"), """
        {"version": 1, "longerIsCheaper": true, "graceDays": 7, "memoryDays": 400,
         "refunds": {"fullWithinDays": 0, "thereafter": "PRO_RATA"},
         "plans": [{"id": "m", "period": "P1M", "priceMinor": 3100, "autoRenew": true},
                   {"id": "q", "period": "P3M", "priceMinor": 9000}]}""");
    Path events = Files.writeString(dir.resolve("events.csv"), HEADER
        + "ann,2026-01-31T10:00,purchase,e1,,m\n"
        + "ann,2026-02-28T09:00,renewal,e2,,\n"
        + "ann,2026-03-31T10:00,renewal_failed,e3,,\n"
        + "bob,2026-01-01T00:00,purchase,e4,pay-b,q\n"
        + "bob,2026-01-11T00:00,refund,e5,pay-b,\n"
        + "bob,2026-01-12T00:00,refund,e6,pay-b,\n");
    JsonNode report = json(run("membership-sim", "--plans", plans.toString(), "--events", events.toString(),
        "--zone", "Asia/Shanghai", "--as-of", "2026-05-01", "--json"));
    // bob: 11 of 90 days begun (the 11th at its first instant), 9000 × 79 / 90 = 7900 back; the
    // second refund is rejected.
    assertThat(report.at("/money/refundedMinor").asLong()).isEqualTo(7900);
    assertThat(report.at("/money/chargedMinor").asLong()).isEqualTo(3100 + 3100 + 9000);
    assertThat(report.at("/notAppliedEvents/0/reason").asText()).isEqualTo("payment pay-b was already refunded");
    assertThat(report.at("/notAppliedEvents/0/line").asLong()).isEqualTo(7);
    // ann: 31 Jan + P1M ends 28 Feb, renewed to 31 March, then lapses after 7 days of grace.
    JsonNode cohort = report.at("/population/cohorts/0");
    assertThat(cohort.get("renewalsDue").get(1).asLong()).isEqualTo(1);
    assertThat(cohort.get("renewals").get(1).asLong()).isEqualTo(1);
    assertThat(cohort.get("renewalsDue").get(2).asLong()).isEqualTo(1);
    assertThat(cohort.get("renewals").get(2).asLong()).isZero();
    assertThat(cohort.get("renewalsDue").get(0).asLong()).as("bob's refunded quarter ended in January").isEqualTo(1);
    assertThat(activeOn(report, "2026-04-05")).as("ann in grace is not in a period").isZero();
    assertThat(activeOn(report, "2026-03-31")).isEqualTo(1);
  }

  private static long activeOn(JsonNode report, String date) {
    for (JsonNode day : report.at("/population/activeByDay")) {
      if (day.get("date").asText().equals(date)) {
        return day.get("activeMembers").asLong();
      }
    }
    return -1;
  }

  @Test
  void aMessyFileIsSkippedAndCountedOrRejectedNamingFileLineFieldAndValue() throws IOException {
    Path events = Files.writeString(dir.resolve("messy.csv"), HEADER
        + "ann,2026-01-31T10:00,purchase,e1,,monthly\n"
        + "ann,yesterday,renewal,e2,,\n"
        + "ann,2026-02-27T10:00,upgrade,e3,,annual\n"
        + "bob,2026-02-01T10:00,purchase,e4,,\n"
        + "bob,2026-02-02T10:00,refund,e5,,\n"
        + ",2026-02-02T10:00,purchase,e6,,monthly\n"
        + "cat,1969-12-31T10:00,purchase,e7,,monthly\n"
        + "cat,2026-02-03T10:00,purchase,e8,,gold\n");
    JsonNode report = json(run("membership-sim", "--events", events.toString(), "--as-of", "2026-03-01", "--json"));
    assertThat(report.get("records").asLong()).isEqualTo(8);
    JsonNode skipped = report.at("/diagnostics/skipped");
    assertThat(skipped.get("MALFORMED_TIMESTAMP").asLong()).isEqualTo(1);
    assertThat(skipped.get("MALFORMED_RECORD").asLong()).isEqualTo(1);
    assertThat(skipped.get("EMPTY_ID").asLong()).isEqualTo(3);
    assertThat(skipped.get("BEFORE_1970").asLong()).isEqualTo(1);
    assertThat(report.at("/applied/purchase").asLong()).isEqualTo(1);
    assertThat(report.at("/notAppliedEvents/0/reason").asText()).isEqualTo("unknown plan \"gold\"");

    assertRejected(events, "messy.csv:3: occurred_at: expected a date");
    Path unknown = Files.writeString(dir.resolve("unknown.csv"), HEADER + "ann,2026-02-27T10:00,upgrade,e3,,annual\n");
    assertRejected(unknown, "unknown.csv:2: event: expected one of purchase, renewal, manual_renewal, plan_change,"
        + " cancel_auto_renew, renewal_failed, refund, chargeback, got \"upgrade\"");
    Path noPlan = Files.writeString(dir.resolve("noplan.csv"), HEADER + "bob,2026-02-01T10:00,purchase,e4,,\n");
    assertRejected(noPlan, "noplan.csv:2: plan_id: expected the plan bought for event \"purchase\", got no value");
    Path noPayment = Files.writeString(dir.resolve("nopayment.csv"), HEADER + "bob,2026-02-02T10:00,refund,e5,,\n");
    assertRejected(noPayment, "nopayment.csv:2: order_id: expected the refunded payment for event \"refund\", got no value");
    Path late = Files.writeString(dir.resolve("late.csv"), HEADER + "bob,2026-03-02T10:00,purchase,e4,,monthly\n");
    assertRejected(late, "late.csv:2: occurred_at: AFTER_AS_OF");

    Path plans = Files.writeString(dir.resolve("plans.json"), """
        {"version": 1, "longerIsCheaper": true, "graceDays": 0, "memoryDays": 400,
         "plans": [{"id": "m", "period": "P1M", "priceMinor": 1000},
                   {"id": "y", "period": "P1Y", "priceMinor": 12000}]}""");
    Run badPlans = run("membership-sim", "--plans", plans.toString());
    assertThat(badPlans.exitCode()).isEqualTo(2);
    assertThat(badPlans.err()).contains("plans.json: plans[1].priceMinor: longerIsCheaper: 12000 for P1Y is not cheaper"
        + " per month than plan \"m\" at 1000 for P1M");
  }

  private void assertRejected(Path events, String message) {
    Run rejected = run("membership-sim", "--events", events.toString(), "--as-of", "2026-03-01", "--bad-records", "reject");
    assertThat(rejected.exitCode()).as(rejected.out()).isEqualTo(2);
    assertThat(rejected.err()).startsWith("userops: " + dir.resolve(message));
  }

  @Test
  void helpDocumentsThePlansAndEventsFormats() {
    Run help = run("membership-sim", "--help");
    assertThat(help.out()).contains("PLANS.json:", "longerIsCheaper",
        "user_id,occurred_at,event[,event_id][,value][,order_id][,plan_id]", "renewal_failed", "order_id: the refunded payment");
  }
}
