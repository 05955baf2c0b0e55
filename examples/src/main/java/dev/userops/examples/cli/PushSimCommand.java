package dev.userops.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.UserOpsJson;
import dev.userops.core.event.Activity;
import dev.userops.core.internal.Json;
import dev.userops.examples.input.EventCsvReader;
import dev.userops.examples.input.Events;
import dev.userops.examples.input.InputException;
import dev.userops.examples.input.InputFiles;
import dev.userops.examples.sim.PushSimulation.Row;
import dev.userops.examples.report.Reports;
import dev.userops.examples.sim.PushPlan;
import dev.userops.examples.sim.PushSimulation;
import dev.userops.examples.sim.PushSimulation.Report;
import dev.userops.incentives.push.Decision.Reason;
import dev.userops.incentives.push.PushPolicy;
import dev.userops.incentives.push.PushProgram;
import dev.userops.incentives.push.PushState;
import dev.userops.sample.SyntheticShop;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code userops push-sim}: replays a campaign plan through a push-throttling policy and reports
 * what was sent, deferred and dropped by reason per channel and day. Without files it runs the
 * bundled example policy and plan ({@code push/policy.json}, {@code push/plan.json}) over synthetic
 * users.
 */
@Command(
    name = "push-sim",
    description = "Simulates a push-throttling policy over a campaign plan: sent, deferred and dropped"
        + " by reason, per channel and day. Without --policy and --plan, runs the bundled examples.",
    footer = {
        "",
        "POLICY.json: the PushProgram JSON form, e.g.",
        "  {\"version\": 1,",
        "   \"channels\": [{\"id\": \"push\"}, {\"id\": \"email\", \"consent\": \"OPT_OUT\"}],",
        "   \"caps\": [{\"channel\": \"push\", \"max\": 2, \"window\": \"P1D\",",
        "             \"mode\": \"CALENDAR\"}],",
        "   \"quietHours\": {\"start\": \"22:00\", \"end\": \"08:00\"},",
        "   \"campaignCoolDown\": \"PT24H\"}",
        "",
        "PLAN.json:",
        "  {\"version\": 1, \"zone\": \"Asia/Shanghai\", \"start\": \"2024-09-02\",",
        "   \"days\": 14, \"users\": 300, \"seed\": 7, \"consent\": {\"push\": 0.8},",
        "   \"segments\": [{\"name\": \"engaged\", \"minActiveDays\": 6}],",
        "   \"messages\": [{\"segment\": \"engaged\", \"channel\": \"push\",",
        "                 \"class\": \"marketing\", \"campaign\": \"deal\",",
        "                 \"time\": \"12:00\", \"firstDay\": 0, \"everyDays\": 1}]}",
        "  zone: the users' zone and the zone of the report's days.",
        "  users, seed: the synthetic population used without --events",
        "    (ids 0 to users - 1, activity in 2024-2025).",
        "  consent: per channel, the share of users who said yes.",
        "  segments: users active on at least minActiveDays of the 28 days",
        "    before start.",
        "  messages: sent to the segment at local time on day firstDay",
        "    (default 0) and every everyDays after (default: once); class",
        "    defaults to marketing.",
        "",
        "--events FILE: the events CSV, with header",
        "  " + EventCsvReader.HEADER + ";",
        "  every row is activity, whatever its event value; local times are",
        "  in the plan's zone. The users are the user ids in it (any strings).",
        "  Activity before 1970 or after about 2527 (the policy's range) is a",
        "  bad record, skipped and counted or, with --bad-records reject, an error.",
        "",
        "Exit codes: 0 success, 2 bad input (one line naming file and field)."})
final class PushSimCommand extends FilesCommand {
  private static final String POLICY_RESOURCE = "push/policy.json";
  private static final String PLAN_RESOURCE = "push/plan.json";

  @Option(names = "--policy", paramLabel = "POLICY.json", description = "Push policy (default: the bundled example).")
  Path policyFile;

  @Option(names = "--plan", paramLabel = "PLAN.json", description = "Campaign plan (default: the bundled example).")
  Path planFile;

  @Option(names = "--events", paramLabel = "FILE",
      description = "Events CSV (" + EventCsvReader.HEADER + "): every row is activity (default: synthetic users).")
  Path eventsFile;

  @Override
  public Integer call() throws IOException {
    PushProgram program = InputFiles.config(policyFile, POLICY_RESOURCE, PushProgram::fromJson);
    PushPlan plan = InputFiles.config(planFile, PLAN_RESOURCE, PushPlan::fromJson);
    List<Activity> activity = new ArrayList<>();
    TreeSet<Long> users = new TreeSet<>();
    Diagnostics diagnostics = Diagnostics.NONE;
    long records = 0;
    if (eventsFile != null) {
      // User ids map to dense ids in order of first appearance: the seeds of the consent draw.
      EventReplay.Result read = EventReplay.replay(eventsFile.toString(), Files.newInputStream(eventsFile),
          plan.zone(), new UserIdDictionary(), badRecords.policy(), PushPolicy.MAX_MILLIS,
          row -> activity.add(row.activity()));
      records = read.records();
      diagnostics = read.diagnostics();
    }
    if (eventsFile == null) {
      activity.addAll(synthetic(plan));
      for (long u = 0; u < plan.users(); u++) {
        users.add(u);
      }
    } else {
      activity.forEach(a -> users.add(a.userId()));
    }
    Report report;
    try {
      PushPolicy policy = program.policy();
      plan.requireKnownTo(policy);
      Map<Long, PushState> states = states(policy, plan, users);
      report = PushSimulation.run(policy, states, activity, plan.segments(users, activity), plan.expand(), plan.zone());
    } catch (IllegalArgumentException e) {
      throw InputException.of(InputFiles.name(planFile, PLAN_RESOURCE), e.getMessage(), e);
    }
    long rows = records;
    Diagnostics skipped = diagnostics;
    return output.print(
        () -> json(report, users.size(), rows, skipped),
        out -> printTable(out, report, users.size(), rows, skipped));
  }

  /** Each user's state: the plan's zone and a seeded draw of consent per channel. */
  private static Map<Long, PushState> states(PushPolicy policy, PushPlan plan, Iterable<Long> users) {
    Map<Long, PushState> states = new HashMap<>();
    Map<String, Double> consent = new TreeMap<>(plan.consent());
    for (long user : users) {
      SplittableRandom random = new SplittableRandom(plan.seed() * 0x9E3779B97F4A7C15L + user);
      PushState state = policy.newState(plan.zone());
      for (Map.Entry<String, Double> share : consent.entrySet()) {
        if (random.nextDouble() < share.getValue()) {
          state = policy.withConsent(state, share.getKey(), true);
        }
      }
      states.put(user, state);
    }
    return states;
  }

  private static List<Activity> synthetic(PushPlan plan) {
    if (plan.users() == 0) {
      return List.of();
    }
    return SyntheticShop.of(SyntheticShop.Config.of(plan.users(), plan.seed()).withZone(plan.zone())).activities();
  }

  private String json(Report report, int users, long records, Diagnostics diagnostics) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("policy", InputFiles.name(policyFile, POLICY_RESOURCE));
    document.put("plan", InputFiles.name(planFile, PLAN_RESOURCE));
    document.put("events", eventsFile == null ? null : eventsFile.toString());
    document.put("records", records);
    document.put("users", users);
    document.put("zone", report.zone().getId());
    document.set("totals", mapper.valueToTree(totals(report)));
    document.set("rows", mapper.valueToTree(report.rows()));
    document.set("diagnostics", mapper.valueToTree(diagnostics));
    return Json.writePretty(document);
  }

  /** Per channel over all days. */
  private static Map<String, Row> totals(Report report) {
    Map<String, List<Row>> byChannel = report.rows().stream().collect(Collectors.groupingBy(Row::channel, TreeMap::new, Collectors.toList()));
    Map<String, Row> totals = new TreeMap<>();
    byChannel.forEach((channel, rows) -> {
      Map<Reason, Long> dropped = new EnumMap<>(Reason.class);
      rows.forEach(r -> r.dropped().forEach((reason, n) -> dropped.merge(reason, n, Long::sum)));
      totals.put(channel, new Row(null, channel, rows.stream().mapToLong(Row::sent).sum(),
          rows.stream().mapToLong(Row::deferred).sum(), dropped));
    });
    return totals;
  }

  private void printTable(PrintWriter out, Report report, int users, long records, Diagnostics diagnostics) {
    out.println("Push simulation");
    out.printf("  %-12s %s%n", "policy", InputFiles.name(policyFile, POLICY_RESOURCE));
    out.printf("  %-12s %s%n", "plan", InputFiles.name(planFile, PLAN_RESOURCE));
    out.printf("  %-12s %s%n", "users", Reports.count(users) + (eventsFile == null ? " (synthetic)"
        : " from " + eventsFile + " (" + Reports.count(records) + " records read)"));
    out.printf("  %-12s %s%n", "zone", report.zone().getId());
    out.println();
    out.printf("  %-10s %-8s %8s %9s %8s  %s%n", "day", "channel", "sent", "deferred", "dropped", "dropped by reason");
    for (Row row : report.rows()) {
      printRow(out, row.day().toString(), row);
    }
    out.println();
    totals(report).forEach((channel, row) -> printRow(out, "total", row));
    if (eventsFile != null) {
      Reports.printSkipped(out, diagnostics);
    }
  }

  private static void printRow(PrintWriter out, String day, Row row) {
    String reasons = new TreeMap<>(row.dropped()).entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    out.printf("  %-10s %-8s %8s %9s %8s  %s%n", day, row.channel(), Reports.count(row.sent()),
        Reports.count(row.deferred()), Reports.count(row.droppedTotal()), reasons);
  }
}
