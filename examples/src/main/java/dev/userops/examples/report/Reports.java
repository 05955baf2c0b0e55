package dev.userops.examples.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserOpsJson;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;

/** Formatting and bookkeeping every report shares. */
public final class Reports {
  private Reports() {}

  /** {@code amountMinor} in major units with grouping, exactly: 250031563, 2 → "2,500,315.63". */
  public static String money(long amountMinor, int fractionDigits) {
    return String.format(Locale.ROOT, "%,." + fractionDigits + "f", BigDecimal.valueOf(amountMinor, fractionDigits));
  }

  /** A count with grouping: 23570 → "23,570". */
  public static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /**
   * {@code part / whole} as a percentage with one decimal; "-" when {@code whole} is 0, and "<0.1%"
   * rather than a misleading "0.0%" when {@code part} is not 0.
   */
  public static String percent(long part, long whole) {
    if (whole == 0) {
      return "-";
    }
    double percent = 100.0 * part / whole;
    return part > 0 && percent < 0.05 ? "<0.1%" : String.format(Locale.ROOT, "%.1f%%", percent);
  }

  /** The footer every table report ends with: a blank line, then bad records skipped by reason, or "none". */
  public static void printSkipped(PrintWriter out, Diagnostics diagnostics) {
    out.println();
    out.println("Bad records skipped");
    if (diagnostics.skipped().isEmpty()) {
      out.println("  none");
    }
    diagnostics.skipped().forEach((reason, count) -> out.printf("  %-24s %14s%n", reason.name(), count(count)));
  }

  /**
   * A result's own JSON form (its record fields, as its {@code toJson()} writes them), then {@code
   * records}, the rows read, and {@code diagnostics} replaced by the run's, which add the reader's
   * screen to the accumulator's.
   */
  public static ObjectNode json(Object result, long records, Diagnostics diagnostics) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.valueToTree(result);
    document.remove("diagnostics");
    document.put("records", records);
    document.set("diagnostics", mapper.valueToTree(diagnostics));
    return document;
  }

  /** A section of a composed document: a result's own JSON form without its diagnostics. */
  public static ObjectNode section(Object result) {
    ObjectNode section = UserOpsJson.mapper().valueToTree(result);
    section.remove("diagnostics");
    return section;
  }
}
