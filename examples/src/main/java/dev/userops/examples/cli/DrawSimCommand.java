package dev.userops.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserOpsJson;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.internal.Json;
import dev.userops.examples.input.InputFiles;
import dev.userops.examples.report.Reports;
import dev.userops.examples.sim.DrawSimulation;
import dev.userops.examples.sim.DrawSimulation.PrizeRow;
import dev.userops.incentives.draw.DrawEvent;
import dev.userops.incentives.draw.DrawKey;
import dev.userops.incentives.draw.DrawProgram;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code userops draw-sim}: replays the paid orders through a lucky draw, in time order across
 * users with one shared stock, one draw per order (event id = order id, amount = the order's total
 * at payment: a later refund does not undo a draw, so refunded orders count at their full amount).
 * Orders carry no tags, so a program's tag rules see none.
 *
 * <p>JSON form (stable; fields are only ever added): {@code source}, {@code zone}, {@code asOf}
 * (orders after it are bad records), {@code records}, {@code program} (the document used), {@code
 * draws}, {@code duplicates}, {@code rejected} (count by kind), {@code prizes}: per prize best first,
 * then the consolation and {@code (nothing)}: {@code id, awarded, expected} (the sum of its
 * probability over the draws, given the stock at each), {@code inventory} and {@code left} ({@code
 * null}: unlimited), {@code costMinor}; {@code costMinor} (all awards) and {@code diagnostics}.
 */
@Command(
    name = "draw-sim",
    description = "Replays paid orders through a lucky draw (one draw per order, shared stock): prizes"
        + " awarded vs expected, inventory left and cost. Without --orders or --cdnow, runs on the"
        + " bundled CDNOW data; --program accepts 'example' for the bundled draw.",
    footer = {
        "",
        "--key HEX: the host's secret 128-bit SipHash key as 32 hex digits. The default,",
        "  000102030405060708090a0b0c0d0e0f (the SipHash paper's test key), is public:",
        "  use it for simulations only. A result is re-derived from the key, the draw id",
        "  and the order id, so the same key and orders give the same prizes."})
final class DrawSimCommand extends InputCommand {
  static final String EXAMPLE = "example";
  /** The SipHash paper's test key: public, for simulations only. */
  static final String SIMULATION_KEY = "000102030405060708090a0b0c0d0e0f";
  private static final String PROGRAM_RESOURCE = "draw/program.json";

  @Option(names = "--program", paramLabel = "DRAW.json", defaultValue = EXAMPLE,
      description = "Draw program JSON, or 'example' (default): a CD player, $20 and $5 vouchers and a"
          + " $1 coupon, one draw a day from $15, at least the $5 voucher from $100.")
  String program;

  @Option(names = "--key", paramLabel = "HEX", defaultValue = SIMULATION_KEY,
      description = "The draw's 128-bit key, 32 hex digits (default: a public test key; see below).")
  String key;

  @Override
  public Integer call() throws IOException {
    DrawKey drawKey = fromOptions("--key", () -> DrawKey.fromHex(key));
    DrawProgram drawProgram =
        InputFiles.config(EXAMPLE.equals(program) ? null : Path.of(program), PROGRAM_RESOURCE, DrawProgram::fromJson);
    DrawSimulation simulation = new DrawSimulation(drawProgram.policy(input.zone(), drawKey));
    Instant asOf = input.asOfBound();
    ValidOrders valid = ValidOrders.create(RefundTreatment.GROSS, input.badRecords(), asOf);
    List<String> orderIds = new ArrayList<>();
    InputOptions.ReadResult read = input.read(order -> {
      if (valid.addOrder(order)) {
        orderIds.add(order.orderId());
      }
    });
    valid.forEachIndexed((index, userId, epochMillis, amountMinor) -> simulation.add((int) userId,
        new DrawEvent(orderIds.get(index), Instant.ofEpochMilli(epochMillis), amountMinor, Set.of())));
    DrawSimulation.Result result = simulation.run();
    Diagnostics diagnostics = read.diagnostics().plus(valid.diagnostics());
    return output.print(
        () -> json(result, drawProgram, asOf, read.records(), diagnostics),
        out -> printTable(out, result, asOf, read.records(), diagnostics));
  }

  private String json(DrawSimulation.Result result, DrawProgram drawProgram, Instant asOf, long records,
      Diagnostics diagnostics) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("source", input.source());
    document.put("zone", input.zone().getId());
    document.put("asOf", asOf.toString());
    document.put("records", records);
    document.set("program", mapper.valueToTree(drawProgram));
    document.put("draws", result.draws());
    document.put("duplicates", result.duplicates());
    document.set("rejected", mapper.valueToTree(result.rejected()));
    ArrayNode prizes = document.putArray("prizes");
    for (PrizeRow row : result.prizes()) {
      ObjectNode prize = prizes.addObject();
      prize.put("id", row.id());
      prize.put("awarded", row.awarded());
      prize.put("expected", row.expected());
      prize.put("inventory", row.inventory());
      prize.put("left", row.left());
      prize.put("costMinor", row.costMinor());
    }
    document.put("costMinor", result.costMinor());
    document.set("diagnostics", mapper.valueToTree(diagnostics));
    return Json.writePretty(document);
  }

  private void printTable(PrintWriter out, DrawSimulation.Result result, Instant asOf, long records,
      Diagnostics diagnostics) {
    int digits = input.fractionDigits();
    out.println("Lucky draw simulation");
    out.printf("  %-24s %s%n", "source", input.source());
    out.printf("  %-24s %s%n", "program", program);
    out.printf("  %-24s %s%n", "zone", input.zone().getId());
    out.printf("  %-24s %s%n", "orders up to", asOf);
    out.println();
    out.printf("  %-34s %14s%n", "records read", Reports.count(records));
    out.printf("  %-34s %14s%n", "draws", Reports.count(result.draws()));
    out.printf("  %-34s %14s%n", "duplicates", Reports.count(result.duplicates()));
    result.rejected().forEach((reason, count) -> out.printf("  %-34s %14s%n", "rejected: " + reason, Reports.count(count)));
    out.println();
    out.printf("  %-16s %10s %12s %10s %10s %14s%n", "prize", "awarded", "expected", "inventory", "left", "cost");
    for (PrizeRow row : result.prizes()) {
      out.printf("  %-16s %10s %12.1f %10s %10s %14s%n", row.id(), Reports.count(row.awarded()), row.expected(),
          row.inventory() == null ? "-" : Reports.count(row.inventory()), row.left() == null ? "-" : Reports.count(row.left()),
          Reports.money(row.costMinor(), digits));
    }
    out.printf("  %-16s %10s %12s %10s %10s %14s%n", "total", "", "", "", "", Reports.money(result.costMinor(), digits));
    Reports.printSkipped(out, diagnostics);
  }
}
