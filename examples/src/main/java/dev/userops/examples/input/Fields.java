package dev.userops.examples.input;

import dev.userops.core.event.OrderStatus;
import java.math.BigDecimal;

/**
 * Parsers for the field types of order files. Each throws {@link IllegalArgumentException} whose
 * message says what was expected and what was found; readers add source, line and field.
 */
final class Fields {
  private Fields() {}

  /**
   * Converts a decimal amount in major units to minor units exactly, e.g. {@code "0.10"} with 2
   * fraction digits is 10. Accepts an optional leading minus, digits and at most {@code
   * fractionDigits} digits after a point; nothing is ever rounded, so a value with more fraction
   * digits than the currency has is an error (also {@code "19.990"}: it signals that the file's
   * currency is not the one assumed). Negative amounts parse; calculations decide what they mean.
   */
  static long amountMinor(String text, int fractionDigits) {
    if (!isPlainDecimal(text)) {
      throw new IllegalArgumentException(
          "expected a decimal amount in major units like 12.34, got " + quote(text));
    }
    BigDecimal major = new BigDecimal(text);
    if (major.scale() > fractionDigits) {
      throw new IllegalArgumentException(
          "expected at most " + fractionDigits + " fraction digits (amounts are never rounded), got "
              + quote(text));
    }
    try {
      return major.movePointRight(fractionDigits).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount out of range of long minor units, got " + quote(text), e);
    }
  }

  /** {@code -?[0-9]+(\.[0-9]+)?}, checked without a regex because it runs once per row. */
  private static boolean isPlainDecimal(String text) {
    int i = text.startsWith("-") ? 1 : 0;
    int digitsBefore = 0;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
      digitsBefore++;
    }
    if (digitsBefore == 0) {
      return false;
    }
    if (i == text.length()) {
      return true;
    }
    if (text.charAt(i++) != '.' || i == text.length()) {
      return false;
    }
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i == text.length();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code paid}, {@code cancelled} or {@code refunded}, in any case. */
  static OrderStatus status(String text) {
    for (OrderStatus status : OrderStatus.values()) {
      if (status.name().equalsIgnoreCase(text)) {
        return status;
      }
    }
    throw new IllegalArgumentException("expected paid, cancelled or refunded, got " + quote(text));
  }

  /** {@code text} if it is not blank. */
  static String id(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("expected a non-blank id, got " + quote(text));
    }
    return text;
  }

  static String quote(String text) {
    return "\"" + text + "\"";
  }
}
