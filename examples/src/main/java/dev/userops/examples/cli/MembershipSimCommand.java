package dev.userops.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.UserOpsJson;
import dev.userops.core.internal.Json;
import dev.userops.examples.input.EventCsvReader;
import dev.userops.examples.input.InputFiles;
import dev.userops.examples.report.AsOfRule;
import dev.userops.examples.report.Reports;
import dev.userops.examples.sim.MembershipSimulation;
import dev.userops.examples.sim.MembershipSimulation.NotApplied;
import dev.userops.incentives.membership.MembershipEvent;
import dev.userops.incentives.membership.MembershipProgram;
import dev.userops.incentives.membership.MembershipResult;
import dev.userops.incentives.membership.MembershipSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code userops membership-sim}: replays purchases, renewals, plan changes, refunds and chargebacks
 * from an events CSV through a membership program, and reports active members by day, renewal and
 * churn rates per cohort of first purchase, refunds and revenue. Without files it runs the bundled
 * example ({@code membership/plans.json}, {@code membership/events.csv}).
 *
 * <p>JSON form (stable; fields are only ever added): {@code plans}, {@code events}, {@code zone},
 * {@code asOf}, {@code asOfRule}, {@code records} (rows read), {@code users}, {@code applied} (per
 * event value), {@code notApplied} (count) and {@code notAppliedEvents} (the first 100: {@code
 * userId, line, event, status, reason}), {@code money} ({@code chargedMinor, refundedMinor, refunds,
 * chargedBackMinor, chargebacks, netMinor}), {@code population} (the {@link MembershipResult}: {@code
 * activeByDay}, {@code cohorts} with {@code renewalRate}, {@code churnRate} and {@code
 * revenuePerMember} per interval, {@code renewalRate}, {@code revenuePerMember}) and {@code
 * diagnostics} (bad rows by reason).
 */
@Command(
    name = "membership-sim",
    description = "Replays membership events (purchases, renewals, plan changes, refunds, chargebacks)"
        + " through a plan catalog: active members by day, renewal and churn rates per cohort of first"
        + " purchase, refunds and revenue at --as-of. Without --plans and --events, runs the bundled"
        + " example (monthly, quarterly and annual plans).",
    footer = {
        "",
        "PLANS.json: the MembershipProgram JSON form, e.g.",
        "  {\"version\": 1, \"longerIsCheaper\": true, \"graceDays\": 7,",
        "   \"memoryDays\": 3660,",
        "   \"refunds\": {\"fullWithinDays\": 7, \"thereafter\": \"PRO_RATA\"},",
        "   \"plans\": [{\"id\": \"monthly\", \"period\": \"P1M\", \"priceMinor\": 1500,",
        "               \"benefits\": [\"free-shipping\"], \"trialPriceMinor\": 100,",
        "               \"autoRenew\": true},",
        "              {\"id\": \"annual\", \"period\": \"P1Y\", \"priceMinor\": 14800}]}",
        "",
        "--events FILE: the events CSV, with header",
        "  " + EventCsvReader.HEADER + ".",
        "  event is one of:",
        "    " + MembershipSimCommand.PURCHASE + "           plan_id: the plan bought; order_id: the payment",
        "    " + MembershipSimCommand.RENEWAL + "            an automatic renewal; order_id: the payment",
        "    " + MembershipSimCommand.MANUAL_RENEWAL + "     a renewal by hand; order_id: the payment",
        "    " + MembershipSimCommand.PLAN_CHANGE + "        plan_id: the new plan; order_id: the payment",
        "                       of an upgrade",
        "    " + MembershipSimCommand.CANCEL_AUTO_RENEW + "  auto-renew off",
        "    " + MembershipSimCommand.RENEWAL_FAILED + "     an automatic renewal failed: grace starts",
        "    " + MembershipSimCommand.REFUND + "             order_id: the refunded payment",
        "    " + MembershipSimCommand.CHARGEBACK + "         order_id: the reversed payment",
        "  event_id: the event's id, a repeated one is a duplicate (default: its",
        "  line); order_id of a payment defaults to the event id. Local times are",
        "  in --zone, which is also every member's zone. Rows before 1970 or",
        "  after --as-of, unknown event values and missing plan_id or order_id",
        "  are bad records. Each user's events apply in time order.",
        "",
        "Exit codes: 0 success, 2 bad input (one line naming file, line and field)."})
final class MembershipSimCommand extends FilesCommand {
  static final String PURCHASE = "purchase";
  static final String RENEWAL = "renewal";
  static final String MANUAL_RENEWAL = "manual_renewal";
  static final String PLAN_CHANGE = "plan_change";
  static final String CANCEL_AUTO_RENEW = "cancel_auto_renew";
  static final String RENEWAL_FAILED = "renewal_failed";
  static final String REFUND = "refund";
  static final String CHARGEBACK = "chargeback";
  private static final List<String> EVENTS =
      List.of(PURCHASE, RENEWAL, MANUAL_RENEWAL, PLAN_CHANGE, CANCEL_AUTO_RENEW, RENEWAL_FAILED, REFUND, CHARGEBACK);
  private static final String PLANS_RESOURCE = "membership/plans.json";
  private static final String EVENTS_RESOURCE = "membership/events.csv";
  /** Events not applied listed in the JSON form and, the first 10, in the table. */
  private static final int LISTED = 100;

  @Option(names = "--plans", paramLabel = "PLANS.json", description = "Plan catalog (default: the bundled example).")
  Path plansFile;

  @Option(names = "--events", paramLabel = "FILE", description = "Events CSV (see below; default: the bundled example).")
  Path eventsFile;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Time zone of local times in the events, of members' periods and of reported days"
          + " (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(names = "--as-of", paramLabel = "DATE|INSTANT",
      description = "The evaluation instant: later events are bad records (AFTER_AS_OF). A date means"
          + " the start of that day in --zone. Default: the start of the day after the last event, but"
          + " never later than the start of tomorrow by this machine's clock.")
  String asOf;

  @Option(names = "--intervals", paramLabel = "N", defaultValue = "12",
      description = "Monthly intervals per cohort row (default: ${DEFAULT-VALUE}).")
  int intervals;

  @Override
  public Integer call() throws IOException {
    MembershipProgram program = InputFiles.config(plansFile, PLANS_RESOURCE, MembershipProgram::fromJson);
    Instant given = InputOptions.asOf(spec, asOf, zone);
    Instant bound = given != null ? given : AsOfRule.latest(UserOpsCommand.clock(spec), zone);
    MembershipSimulation simulation = new MembershipSimulation(program.policy());
    UserIdDictionary users = new UserIdDictionary();
    EventReplay.Result read = EventReplay.replay(InputFiles.name(eventsFile, EVENTS_RESOURCE),
        InputFiles.open(eventsFile, EVENTS_RESOURCE), zone, users, badRecords.policy(), bound.toEpochMilli(),
        this::event,
        (row, event) -> simulation.add((int) row.activity().userId(), row.line(), row.activity().type(), event));
    AsOfRule rule = given != null ? AsOfRule.given(given)
        : AsOfRule.byDefault(read.last(), zone, UserOpsCommand.clock(spec));
    MembershipSpec populationSpec = new MembershipSpec(zone, rule.instant(), Granularity.MONTH, intervals,
        program.graceDays());
    MembershipSimulation.Result result = simulation.run(populationSpec);
    return output.print(
        () -> json(result, rule, read.records(), users, read.diagnostics()),
        out -> printTable(out, result, rule, read.records(), users, read.diagnostics()));
  }

  /** The row as the event its {@code event} value names; a bad record if it cannot be one. */
  private MembershipEvent event(EventCsvReader.Row row) {
    String id = row.eventIdOrLine();
    Instant at = row.activity().occurredAt();
    String payment = row.orderId() != null ? row.orderId() : id;
    return switch (row.activity().type()) {
      case PURCHASE -> new MembershipEvent.Purchase(id, at, zone, row.requirePlanId("the plan bought"), payment);
      case RENEWAL -> new MembershipEvent.Renewal(id, at, payment, true);
      case MANUAL_RENEWAL -> new MembershipEvent.Renewal(id, at, payment, false);
      case PLAN_CHANGE -> new MembershipEvent.PlanChange(id, at, row.requirePlanId("the new plan"), payment);
      case CANCEL_AUTO_RENEW -> new MembershipEvent.CancelAutoRenew(id, at);
      case RENEWAL_FAILED -> new MembershipEvent.RenewalFailed(id, at);
      case REFUND -> new MembershipEvent.Refund(id, at, row.requireOrderId("the refunded payment"));
      case CHARGEBACK -> new MembershipEvent.Chargeback(id, at, row.requireOrderId("the reversed payment"));
      default -> throw row.unknownEvent(EVENTS);
    };
  }

  private String json(MembershipSimulation.Result result, AsOfRule rule, long records, UserIdDictionary users,
      Diagnostics diagnostics) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("plans", InputFiles.name(plansFile, PLANS_RESOURCE));
    document.put("events", InputFiles.name(eventsFile, EVENTS_RESOURCE));
    document.put("zone", zone.getId());
    document.put("asOf", rule.instant().toString());
    document.put("asOfRule", rule.rule());
    document.put("records", records);
    document.put("users", users.size());
    document.set("applied", mapper.valueToTree(result.applied()));
    document.put("notApplied", result.notApplied().size());
    ArrayNode listed = document.putArray("notAppliedEvents");
    for (NotApplied event : result.notApplied().subList(0, Math.min(LISTED, result.notApplied().size()))) {
      ObjectNode row = listed.addObject();
      row.put("userId", users.userId(event.user()));
      row.put("line", event.line());
      row.put("event", event.event());
      row.put("status", event.status().name());
      row.put("reason", event.reason());
    }
    ObjectNode money = mapper.valueToTree(result.money());
    money.put("netMinor", result.money().netMinor());
    document.set("money", money);
    document.set("population", mapper.valueToTree(result.population()));
    document.set("diagnostics", mapper.valueToTree(diagnostics));
    return Json.writePretty(document);
  }

  private void printTable(PrintWriter out, MembershipSimulation.Result result, AsOfRule rule, long records,
      UserIdDictionary users, Diagnostics diagnostics) {
    MembershipResult population = result.population();
    out.println("Membership simulation");
    out.printf("  %-28s %s%n", "plans", InputFiles.name(plansFile, PLANS_RESOURCE));
    out.printf("  %-28s %s%n", "events", InputFiles.name(eventsFile, EVENTS_RESOURCE));
    out.printf("  %-28s %s%n", "zone", zone.getId());
    out.printf("  %-28s %s%n", "as of", rule);
    out.println();
    row(out, "records read", records);
    row(out, "users", users.size());
    row(out, "members", population.members());
    result.applied().forEach((event, count) -> row(out, "applied: " + event, count));
    row(out, "not applied", result.notApplied().size());
    out.println();
    out.println("Money (minor units)");
    row(out, "charged", result.money().chargedMinor());
    row(out, "refunded", result.money().refundedMinor());
    row(out, "refunds", result.money().refunds());
    row(out, "charged back", result.money().chargedBackMinor());
    row(out, "chargebacks", result.money().chargebacks());
    row(out, "net revenue", result.money().netMinor());
    out.printf("  %-28s %14s%n", "revenue per member", ratio(population.revenuePerMember()));
    out.printf("  %-28s %14s%n", "renewal rate", percent(population.renewalRate()));
    out.println();
    out.println("Active members by day (days where the count changed, and the last)");
    List<MembershipResult.Day> days = population.activeByDay();
    for (int d = 0; d < days.size(); d++) {
      if (d == 0 || d == days.size() - 1 || days.get(d).activeMembers() != days.get(d - 1).activeMembers()) {
        out.printf("  %-28s %14s%n", days.get(d).date(), Reports.count(days.get(d).activeMembers()));
      }
    }
    out.println();
    out.println("Renewal rate by cohort of first purchase (month 0, 1, ...; - immature or none due)");
    for (MembershipResult.Cohort cohort : population.cohorts()) {
      StringBuilder cells = new StringBuilder();
      for (Double rate : cohort.renewalRate()) {
        cells.append(String.format(" %6s", percent(rate)));
      }
      out.printf("  %-10s %6s members%s%n", cohort.start(), cohort.members(), cells);
    }
    if (!result.notApplied().isEmpty()) {
      out.println();
      out.println("Events not applied (first 10)");
      for (NotApplied event : result.notApplied().subList(0, Math.min(10, result.notApplied().size()))) {
        out.printf("  line %-6s %-8s %-18s %-9s %s%n", event.line(), users.userId(event.user()), event.event(),
            event.status(), event.reason());
      }
    }
    Reports.printSkipped(out, diagnostics);
  }

  private static String percent(Double rate) {
    return rate == null ? "-" : String.format("%.0f%%", rate * 100);
  }

  private static String ratio(Double value) {
    return value == null ? "-" : String.format("%.1f", value);
  }

  private static void row(PrintWriter out, String label, long value) {
    out.printf("  %-28s %14s%n", label, Reports.count(value));
  }
}
