package dev.userops.examples;

import dev.userops.core.Diagnostics;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;

/** Formatting and bookkeeping every report shares. */
final class Reports {
  private Reports() {}

  /** {@code amountMinor} in major units with grouping, exactly: 250031563, 2 → "2,500,315.63". */
  static String money(long amountMinor, int fractionDigits) {
    return String.format(Locale.ROOT, "%,." + fractionDigits + "f", BigDecimal.valueOf(amountMinor, fractionDigits));
  }

  /** A count with grouping: 23570 → "23,570". */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /**
   * {@code part / whole} as a percentage with one decimal; "-" when {@code whole} is 0, and "<0.1%"
   * rather than a misleading "0.0%" when {@code part} is not 0.
   */
  static String percent(long part, long whole) {
    if (whole == 0) {
      return "-";
    }
    double percent = 100.0 * part / whole;
    return part > 0 && percent < 0.05 ? "<0.1%" : String.format(Locale.ROOT, "%.1f%%", percent);
  }

  /** The footer every table report ends with: a blank line, then bad records skipped by reason, or "none". */
  static void printSkipped(PrintWriter out, Diagnostics diagnostics) {
    out.println();
    out.println("Bad records skipped");
    if (diagnostics.skipped().isEmpty()) {
      out.println("  none");
    }
    diagnostics.skipped().forEach((reason, count) -> out.printf("  %-24s %14s%n", reason.name(), count(count)));
  }
}
