package dev.userops.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.UserOpsJson;
import dev.userops.core.internal.Json;
import dev.userops.examples.input.EventCsvReader;
import dev.userops.examples.input.InputFiles;
import dev.userops.examples.report.Reports;
import dev.userops.examples.sim.ReferralSimulation;
import dev.userops.incentives.referral.ReferralEffect.Role;
import dev.userops.incentives.referral.ReferralEvent;
import dev.userops.incentives.referral.ReferralProgram;
import dev.userops.incentives.referral.ReferralState.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code userops referral-sim}: replays an events file through a referral program as a host with
 * one row per user would ({@link ReferralSimulation}) and reports the rewards granted, pending and
 * clawed back, and what was rejected, by reason.
 *
 * <p>JSON form (stable; fields are only ever added): {@code program}, {@code events} (the inputs'
 * names), {@code zone} (the program's), {@code asOf}, {@code records} (rows read, bad ones
 * included), {@code referrals} (count by status), {@code granted} ({@code inviter}, {@code invitee}:
 * rewards; {@code points}; {@code coupons}: count by offer id), {@code pending} ({@code
 * awaitingOrder}, {@code inReview}), {@code clawedBack} ({@code inviter}, {@code invitee}, {@code
 * points}), {@code rejected} (count by reason: refused events, referrals that ended without reward
 * or were revoked, and withheld inviter rewards), {@code duplicates} and {@code diagnostics}.
 */
@Command(
    name = "referral-sim",
    description = "Replays referral events through a referral program: rewards granted, pending,"
        + " clawed back and rejected by reason. Without --program and --events, runs the bundled"
        + " examples.",
    footer = {
        "",
        "PROGRAM.json: the ReferralProgram JSON form, e.g.",
        "  {\"version\": 1, \"id\": \"spring\", \"zone\": \"Asia/Shanghai\",",
        "   \"minimumAmountMinor\": 5000, \"requiredTag\": \"app\", \"reviewDays\": 14,",
        "   \"inviterReward\": {\"points\": 500}, \"inviteeReward\": {\"offerId\": \"WELCOME10\"},",
        "   \"inviterCaps\": [{\"max\": 5, \"window\": \"P1M\"}], \"inviterLifetimeMax\": 50}",
        "",
        "--events FILE: the events CSV, with header",
        "  " + EventCsvReader.HEADER + ";",
        "  local times are in the program's zone. event is one of:",
        "    " + ReferralSimCommand.INVITE + "       user_id issues the code in value",
        "    " + ReferralSimCommand.ATTRIBUTED + "   user_id signed up with the code in value",
        "    " + ReferralSimCommand.PAID + "         user_id paid order_id; value: its total in major units",
        "                 with --fraction-digits (12.34); a user's first paid row is",
        "                 their first order",
        "    " + ReferralSimCommand.REFUNDED + "     order_id refunded by value (major units); event_id: the",
        "                 refund's id (default: its line)",
        "    " + ReferralSimCommand.CANCELLED + "    order_id cancelled",
        "  attributes: key=value pairs separated by ';': fingerprint=HASH (invite,",
        "  attributed, paid; repeatable) and tag=TAG (paid; repeatable).",
        "  Rows before 1970 or after --as-of, and unknown event values, are bad records.",
        "",
        "Exit codes: 0 success, 2 bad input (one line naming file, line and field)."})
final class ReferralSimCommand extends FilesCommand {
  static final String INVITE = "invite";
  static final String ATTRIBUTED = "attributed";
  static final String PAID = "paid";
  static final String REFUNDED = "refunded";
  static final String CANCELLED = "cancelled";
  private static final List<String> EVENTS = List.of(INVITE, ATTRIBUTED, PAID, REFUNDED, CANCELLED);
  private static final String PROGRAM_RESOURCE = "referral/program.json";
  private static final String EVENTS_RESOURCE = "referral/events.csv";
  private static final String FINGERPRINT = "fingerprint";
  private static final String TAG = "tag";
  /** Rows after this are bad records without {@code --as-of}, as for the other commands' input. */
  private static final long LAST_MILLIS = Instant.parse("9999-01-01T00:00:00Z").toEpochMilli();

  @Option(names = "--program", paramLabel = "PROGRAM.json",
      description = "Referral program (default: the bundled example).")
  Path programFile;

  @Option(names = "--events", paramLabel = "FILE",
      description = "Events CSV (default: the bundled example; see below).")
  Path eventsFile;

  @Option(names = "--as-of", paramLabel = "DATE|INSTANT",
      description = "Rewards due by then are granted; later rows are bad records (AFTER_AS_OF). A date is"
          + " the start of that day in the program's zone. Default: the last event's time.")
  String asOf;

  @Option(names = "--fraction-digits", paramLabel = "N", defaultValue = "2",
      description = "Fraction digits of the currency of amounts in value (default: ${DEFAULT-VALUE}).")
  int fractionDigits;

  @Override
  public Integer call() throws IOException {
    ReferralProgram program = InputFiles.config(programFile, PROGRAM_RESOURCE, ReferralProgram::fromJson);
    Instant given = InputOptions.asOf(spec, asOf, program.zone());
    long bound = given == null ? LAST_MILLIS : given.toEpochMilli();
    ReferralSimulation simulation = new ReferralSimulation(program.policy());
    String source = InputFiles.name(eventsFile, EVENTS_RESOURCE);
    // The orders' time screen first, as points-sim: a row after --as-of is AFTER_AS_OF whatever else it has.
    EventReplay.Result read = EventReplay.replay(source, InputFiles.open(eventsFile, EVENTS_RESOURCE),
        program.zone(), new UserIdDictionary(), badRecords.policy(), bound, row -> simulation.add(event(row)));
    Instant evaluatedAt = given != null ? given : Objects.requireNonNullElse(read.last(), Instant.EPOCH);
    ReferralSimulation.Result result = simulation.run(evaluatedAt);
    return output.print(
        () -> json(program, source, evaluatedAt, read.records(), result, read.diagnostics()),
        out -> printTable(out, program, source, evaluatedAt, read.records(), result, read.diagnostics()));
  }

  /** One row as the referral event its {@code event} value names; a row it cannot make is a bad record. */
  private ReferralEvent event(EventCsvReader.Row row) {
    long user = row.activity().userId();
    Instant at = row.activity().occurredAt();
    List<String> fingerprints = row.attributes(FINGERPRINT);
    try {
      return switch (row.activity().type()) {
        case INVITE -> new ReferralEvent.Invite(user, row.valueId("the code"), at, fingerprints);
        case ATTRIBUTED -> new ReferralEvent.Attribution(user, row.valueId("the code"), at, fingerprints);
        case PAID -> new ReferralEvent.Payment(user, row.requireOrderId("the paid order's id"), at,
            row.amountMinor("the order total", fractionDigits), true, Set.copyOf(row.attributes(TAG)), fingerprints);
        case REFUNDED -> new ReferralEvent.Refund(row.eventIdOrLine(), user,
            row.requireOrderId("the refunded order's id"), at, row.amountMinor("the refunded amount", fractionDigits));
        case CANCELLED -> new ReferralEvent.Cancellation(user, row.requireOrderId("the cancelled order's id"), at);
        default -> throw row.unknownEvent(EVENTS);
      };
    } catch (IllegalArgumentException e) {
      // The events' own checks: a refund is positive, a paid total is not negative, at most 16 fingerprints.
      throw row.malformedValue(e.getMessage());
    }
  }

  private String json(ReferralProgram program, String source, Instant evaluatedAt, long records,
      ReferralSimulation.Result result, Diagnostics diagnostics) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("program", InputFiles.name(programFile, PROGRAM_RESOURCE));
    document.put("events", source);
    document.put("zone", program.zone().getId());
    document.put("asOf", evaluatedAt.toString());
    document.put("records", records);
    Map<Status, Long> referrals = result.referrals();
    document.set("referrals", mapper.valueToTree(referrals));
    ReferralSimulation.Tally tally = result.tally();
    ObjectNode granted = document.putObject("granted");
    granted.put("inviter", tally.granted.get(Role.INVITER));
    granted.put("invitee", tally.granted.get(Role.INVITEE));
    granted.put("points", tally.pointsGranted);
    granted.set("coupons", mapper.valueToTree(tally.couponsGranted));
    ObjectNode pending = document.putObject("pending");
    pending.put("awaitingOrder", referrals.get(Status.AWAITING_ORDER));
    pending.put("inReview", referrals.get(Status.IN_REVIEW));
    ObjectNode clawedBack = document.putObject("clawedBack");
    clawedBack.put("inviter", tally.clawedBack.get(Role.INVITER));
    clawedBack.put("invitee", tally.clawedBack.get(Role.INVITEE));
    clawedBack.put("points", tally.pointsClawedBack);
    document.set("rejected", mapper.valueToTree(tally.rejected));
    document.put("duplicates", tally.duplicates);
    document.set("diagnostics", mapper.valueToTree(diagnostics));
    return Json.writePretty(document);
  }

  private void printTable(PrintWriter out, ReferralProgram program, String source, Instant evaluatedAt, long records,
      ReferralSimulation.Result result, Diagnostics diagnostics) {
    ReferralSimulation.Tally tally = result.tally();
    Map<Status, Long> referrals = result.referrals();
    out.println("Referral simulation");
    out.printf("  %-24s %s%n", "program", InputFiles.name(programFile, PROGRAM_RESOURCE) + " (" + program.id() + ")");
    out.printf("  %-24s %s%n", "events", source + " (" + Reports.count(records) + " records read)");
    out.printf("  %-24s %s%n", "zone", program.zone().getId());
    out.printf("  %-24s %s%n", "as of", evaluatedAt);
    out.println();
    out.println("Granted");
    row(out, "inviter rewards", tally.granted.get(Role.INVITER));
    row(out, "invitee rewards", tally.granted.get(Role.INVITEE));
    row(out, "points", tally.pointsGranted);
    tally.couponsGranted.forEach((offer, count) -> row(out, "coupons " + offer, count));
    out.println();
    out.println("Pending");
    row(out, "awaiting first order", referrals.get(Status.AWAITING_ORDER));
    row(out, "in review", referrals.get(Status.IN_REVIEW));
    out.println();
    out.println("Clawed back");
    row(out, "inviter rewards", tally.clawedBack.get(Role.INVITER));
    row(out, "invitee rewards", tally.clawedBack.get(Role.INVITEE));
    row(out, "points", tally.pointsClawedBack);
    out.println();
    out.println("Rejected by reason");
    tally.rejected.forEach((reason, count) -> row(out, reason.name(), count));
    row(out, "duplicates", tally.duplicates);
    Reports.printSkipped(out, diagnostics);
  }

  private static void row(PrintWriter out, String label, long value) {
    out.printf("  %-24s %14s%n", label, Reports.count(value));
  }
}
