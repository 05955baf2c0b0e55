package dev.userops.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.UserOpsJson;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.internal.Json;
import dev.userops.examples.input.EventCsvReader;
import dev.userops.examples.input.InputFiles;
import dev.userops.examples.report.Reports;
import dev.userops.examples.sim.PointsSimulation;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.levels.LevelProgram;
import dev.userops.incentives.points.PointsEvent;
import dev.userops.incentives.points.PointsProgram;
import dev.userops.incentives.points.PointsState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code userops points-sim}: replays the order history (and an optional events file) through a
 * points program and, optionally, a level program, and reports per-user balances, the level
 * distribution and the total points liability at {@code --as-of}.
 *
 * <p>JSON form (stable; fields are only ever added): {@code source}, {@code zone}, {@code asOf},
 * {@code records} (rows read: orders and events), {@code program} and {@code levels} (the documents used, levels
 * {@code null} without a level program), {@code totals} ({@code users, earned, available, pending, expired,
 * redeemed, clawedBack, debt, shortfall, liability}: points; {@code liability} = Σ max(available, 0)
 * + Σ pending, what the shop may still have to honour), {@code levelDistribution} (users per level
 * id, in the level program's order), {@code duplicates}, {@code eventsAfterAsOf} (events-file rows
 * after {@code --as-of}, also counted as AFTER_AS_OF), {@code rejected} (count by reason), {@code
 * diagnostics} (bad order and event rows by reason) and {@code users}: per user in input order {@code userId, available,
 * pending, expired, redeemed, level}.
 */
@Command(
    name = "points-sim",
    description = "Replays orders (and --events) through a points program and level program: balances,"
        + " level distribution and points liability at --as-of. Without --orders or --cdnow, runs on the"
        + " bundled CDNOW data; --program and --levels accept 'example' for the bundled documents.",
    footer = {
        "",
        "--events FILE: the events CSV, with header",
        "  " + EventCsvReader.HEADER + ".",
        "  event is one of:",
        "    " + PointsSimCommand.REDEEM + "   value: the points to spend",
        "    " + PointsSimCommand.ADJUST + "   value: signed points, a manual correction",
        "    " + PointsSimCommand.REFUND + "   order_id: the refunded order; value: the money returned,",
        "             in major units with --fraction-digits (12.34)",
        "    other    a behaviour name, matched exactly by the program's rules",
        "             (REVIEW, SHARE, CHECK_IN, BIRTHDAY...); others earn nothing",
        "  event_id: the event's id, a repeated one is a duplicate (default:",
        "  its line). Rows before 1970 or after --as-of are bad records."})
final class PointsSimCommand extends InputCommand {
  static final String EXAMPLE = "example";
  /** The {@code event} values of the events file that are not behaviours. */
  static final String REDEEM = "redeem";
  static final String ADJUST = "adjust";
  static final String REFUND = "refund";
  private static final String PROGRAM_RESOURCE = "points/program.json";
  private static final String LEVELS_RESOURCE = "points/levels.json";

  @Option(names = "--program", paramLabel = "PROGRAM.json", defaultValue = EXAMPLE,
      description = "Points program JSON, or 'example' (default): 1 point per $1, 14 days pending,"
          + " expiry at the end of the next year.")
  String program;

  @Option(names = "--levels", paramLabel = "LEVELS.json",
      description = "Level program JSON, or 'example' (member/silver/gold on 12 trailing months). Each"
          + " order and behaviour then carries the user's level, and the points program's"
          + " levelMultipliers give its bonus. Default: no levels.")
  String levels;

  @Option(names = "--events", paramLabel = "FILE",
      description = "Events CSV: redemptions, adjustments, refunds and behaviours (see below).")
  Path events;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "Users listed in the table, by available points (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() throws IOException {
    Instant asOf = input.requireAsOf("expiry and pending points are evaluated then");
    LevelProgram levelProgram = levels == null ? null : document(levels, LEVELS_RESOURCE, LevelProgram::fromJson);
    PointsProgram pointsProgram = document(program, PROGRAM_RESOURCE, PointsProgram::fromJson);
    PointsSimulation simulation = new PointsSimulation(pointsProgram.policy(input.zone()),
        levelProgram == null ? null : levelProgram.policy(input.zone()));
    // The one screen every command shares; refunds come from --events, so none are joined here.
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, input.badRecords(), asOf);
    List<String> orderIds = new ArrayList<>();
    InputOptions.ReadResult read = input.read(order -> {
      if (valid.addOrder(order)) {
        orderIds.add(order.orderId());
      }
    });
    valid.forEachIndexed((index, userId, epochMillis, amountMinor) -> {
      OrderPaid paid = OrderPaid.of(orderIds.get(index), Instant.ofEpochMilli(epochMillis), amountMinor, null);
      simulation.add((int) userId, paid, paid);
    });
    long records = read.records();
    long eventsAfterAsOf = 0;
    Diagnostics diagnostics = read.diagnostics().plus(valid.diagnostics());
    if (events != null) {
      EventReplay.Result replayed = EventReplay.replay(events.toString(), Files.newInputStream(events), input.zone(),
          read.users(), input.badRecords(), asOf.toEpochMilli(), row -> addEvent(simulation, row));
      records += replayed.records();
      eventsAfterAsOf = replayed.afterBound();
      diagnostics = diagnostics.plus(replayed.diagnostics());
    }
    PointsSimulation.Result result = simulation.run(asOf);
    Report report = new Report(result, levelProgram, records, read.users(), eventsAfterAsOf);
    Diagnostics skipped = diagnostics;
    return output.print(
        () -> json(report, pointsProgram, levelProgram, asOf, skipped),
        out -> printTable(out, report, asOf, skipped));
  }

  /** One row of the events file as the points event (and level event) its {@code event} value names. */
  private void addEvent(PointsSimulation simulation, EventCsvReader.Row row) {
    String id = row.eventIdOrLine();
    Instant at = row.activity().occurredAt();
    int user = (int) row.activity().userId();
    try {
      switch (row.activity().type()) {
        case REDEEM -> simulation.add(user, new PointsEvent.Redemption(id, at, row.integer("the points to redeem")), null);
        case ADJUST -> simulation.add(user,
            new PointsEvent.Adjustment(id, at, row.integer("the signed points to add"), "events file"), null);
        case REFUND -> simulation.add(user, new PointsEvent.OrderRefund(id, row.requireOrderId("the refunded order's id"),
            at, row.amountMinor("the refunded amount", input.fractionDigits())), null);
        default -> {
          BehaviourDone behaviour = new BehaviourDone(id, at, row.activity().type(), null);
          simulation.add(user, behaviour, behaviour);
        }
      }
    } catch (IllegalArgumentException e) {
      // The events' own checks: points to redeem and refunded amounts are positive, adjustments not 0.
      throw row.malformedValue(e.getMessage());
    }
  }

  /** The document at {@code path}, or the bundled one for {@value #EXAMPLE}. */
  private static <T> T document(String path, String resource, Function<String, T> parse) throws IOException {
    return InputFiles.config(EXAMPLE.equals(path) ? null : Path.of(path), resource, parse);
  }

  /** Totals over users. */
  private static final class Report {
    final PointsSimulation.Result result;
    final long records;
    final UserIdDictionary users;
    final long eventsAfterAsOf;
    final Map<String, Long> levels = new LinkedHashMap<>();
    long earned;
    long available;
    long pending;
    long expired;
    long redeemed;
    long clawedBack;
    long debt;
    long shortfall;
    long liability;

    Report(PointsSimulation.Result result, LevelProgram levelProgram, long records, UserIdDictionary users,
        long eventsAfterAsOf) {
      this.result = result;
      this.records = records;
      this.users = users;
      this.eventsAfterAsOf = eventsAfterAsOf;
      if (levelProgram != null) {
        PointsSimulation.levelIds(levelProgram).forEach(id -> levels.put(id, 0L));
      }
      for (PointsSimulation.UserResult user : result.users()) {
        PointsState state = user.points();
        earned += state.totals().earned();
        available += state.available();
        pending += state.pending();
        expired += state.totals().expired();
        redeemed += state.totals().redeemed();
        clawedBack += state.totals().clawedBack();
        debt += state.debt();
        shortfall += state.shortfall();
        liability += Math.max(0, state.available()) + state.pending();
        if (user.level() != null) {
          levels.merge(user.level(), 1L, Long::sum);
        }
      }
    }

    String userId(PointsSimulation.UserResult user) {
      return users.userId(user.user());
    }
  }

  private String json(Report report, PointsProgram pointsProgram, LevelProgram levelProgram, Instant asOf, Diagnostics diagnostics) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("source", input.source());
    document.put("zone", input.zone().getId());
    document.put("asOf", asOf.toString());
    document.put("records", report.records);
    document.set("program", mapper.valueToTree(pointsProgram));
    document.set("levels", levelProgram == null ? null : mapper.valueToTree(levelProgram));
    ObjectNode totals = document.putObject("totals");
    totals.put("users", report.result.users().size());
    totals.put("earned", report.earned);
    totals.put("available", report.available);
    totals.put("pending", report.pending);
    totals.put("expired", report.expired);
    totals.put("redeemed", report.redeemed);
    totals.put("clawedBack", report.clawedBack);
    totals.put("debt", report.debt);
    totals.put("shortfall", report.shortfall);
    totals.put("liability", report.liability);
    document.set("levelDistribution", mapper.valueToTree(report.levels));
    document.put("duplicates", report.result.duplicates());
    document.put("eventsAfterAsOf", report.eventsAfterAsOf);
    document.set("rejected", mapper.valueToTree(report.result.rejected()));
    document.set("diagnostics", mapper.valueToTree(diagnostics));
    ArrayNode users = document.putArray("users");
    for (PointsSimulation.UserResult user : report.result.users()) {
      ObjectNode row = users.addObject();
      row.put("userId", report.userId(user));
      row.put("available", user.points().available());
      row.put("pending", user.points().pending());
      row.put("expired", user.points().totals().expired());
      row.put("redeemed", user.points().totals().redeemed());
      row.put("level", user.level());
    }
    return Json.writePretty(document);
  }

  private void printTable(PrintWriter out, Report report, Instant asOf, Diagnostics diagnostics) {
    out.println("Points simulation");
    out.printf("  %-24s %s%n", "source", input.source());
    out.printf("  %-24s %s%n", "program", program);
    out.printf("  %-24s %s%n", "levels", levels == null ? "none" : levels);
    out.printf("  %-24s %s%n", "zone", input.zone().getId());
    out.printf("  %-24s %s%n", "as of", asOf);
    out.println();
    row(out, "records read", report.records);
    row(out, "users", report.result.users().size());
    row(out, "points earned", report.earned);
    row(out, "available", report.available);
    row(out, "pending", report.pending);
    row(out, "expired", report.expired);
    row(out, "redeemed", report.redeemed);
    row(out, "clawed back", report.clawedBack);
    row(out, "debt", report.debt);
    row(out, "liability", report.liability);
    if (!report.levels.isEmpty()) {
      out.println();
      out.printf("  %-24s %14s %8s%n", "level", "users", "share");
      report.levels.forEach((level, users) -> out.printf("    %-22s %14s %8s%n", level, Reports.count(users),
          Reports.percent(users, report.result.users().size())));
    }
    out.println();
    out.printf("  %-24s %14s %14s %14s%n", "top users", "available", "pending", "expired");
    List<PointsSimulation.UserResult> users = new ArrayList<>(report.result.users());
    users.sort(Comparator.comparingLong((PointsSimulation.UserResult u) -> u.points().available()).reversed());
    for (PointsSimulation.UserResult user : users.subList(0, Math.min(Math.max(top, 0), users.size()))) {
      out.printf("    %-22s %14s %14s %14s%n", report.userId(user), Reports.count(user.points().available()),
          Reports.count(user.points().pending()), Reports.count(user.points().totals().expired()));
    }
    out.println();
    out.println("Events not applied");
    row(out, "duplicates", report.result.duplicates());
    row(out, "events after as-of", report.eventsAfterAsOf);
    report.result.rejected().forEach((reason, count) -> row(out, "rejected: " + reason, count));
    Reports.printSkipped(out, diagnostics);
  }

  private static void row(PrintWriter out, String label, long value) {
    out.printf("  %-24s %14s%n", label, Reports.count(value));
  }
}
