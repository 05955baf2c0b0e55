package dev.userops.core.internal;

import dev.userops.core.event.OrderStatus;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Parsers for the field types of input files: the one definition of an id, an amount and a status
 * that every reader applies, the command's own and the Spark job's. Each throws {@link
 * IllegalArgumentException} whose message says what was expected and what was found, e.g. {@code
 * expected a non-empty id, got " "}; a reader adds the field, the bad-record reason, the source and
 * the line.
 */
public final class Fields {
  private static final OrderStatus[] STATUSES = OrderStatus.values();

  /** Characters of a value shown in a message. */
  public static final int SHOWN = 100;

  private Fields() {}

  /**
   * Converts a decimal amount in major units to minor units exactly, e.g. {@code "0.10"} with 2
   * fraction digits is 10. Accepts an optional leading minus, digits and at most {@code
   * fractionDigits} digits after a point; nothing is ever rounded, so a value with more fraction
   * digits than the currency has is an error (also {@code "19.990"}: it signals that the file's
   * currency is not the one assumed). Negative amounts parse; calculations decide what they mean.
   *
   * @param text the amount, read only during the call
   * @param fractionDigits the currency's digits after the point
   * @return the amount in minor units
   * @throws IllegalArgumentException if {@code text} is not such a decimal, or out of a {@code long}
   */
  public static long amountMinor(CharSequence text, int fractionDigits) {
    if (!isPlainDecimal(text)) {
      throw new IllegalArgumentException(
          "expected a decimal amount in major units like 12.34, got " + quote(text.toString()));
    }
    int digitsFrom = text.charAt(0) == '-' ? 1 : 0;
    int dot = indexOf(text, '.');
    int integerDigits = (dot < 0 ? text.length() : dot) - digitsFrom;
    int fraction = dot < 0 ? 0 : text.length() - dot - 1;
    if (fraction > fractionDigits) {
      throw new IllegalArgumentException(
          "expected at most " + fractionDigits + " fraction digits (amounts are never rounded), got "
              + quote(text.toString()));
    }
    if (integerDigits + fractionDigits <= 18) {
      // Below 10^18, so no overflow: the common case without a BigDecimal per row.
      long minor = 0;
      for (int i = digitsFrom; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != '.') {
          minor = minor * 10 + (c - '0');
        }
      }
      for (int k = fraction; k < fractionDigits; k++) {
        minor *= 10;
      }
      return digitsFrom == 1 ? -minor : minor;
    }
    BigDecimal major = new BigDecimal(text.toString());
    try {
      return major.movePointRight(fractionDigits).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount out of range of long minor units, got " + quote(text.toString()), e);
    }
  }

  private static int indexOf(CharSequence text, char c) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** {@code -?[0-9]+(\.[0-9]+)?}, checked without a regex because it runs once per row. */
  private static boolean isPlainDecimal(CharSequence text) {
    int start = text.length() > 0 && text.charAt(0) == '-' ? 1 : 0;
    int integerEnd = digitsEnd(text, start);
    if (integerEnd == start) {
      return false;
    }
    if (integerEnd == text.length()) {
      return true;
    }
    if (text.charAt(integerEnd) != '.') {
      return false;
    }
    int fractionEnd = digitsEnd(text, integerEnd + 1);
    return fractionEnd > integerEnd + 1 && fractionEnd == text.length();
  }

  /**
   * The end of the run of ASCII digits {@code 0-9} in {@code text} that starts at {@code from}: the
   * one scan of the hand-written number grammars (amounts here, JavaScript numbers in conditions).
   *
   * @param text the text scanned
   * @param from where the run starts, in {@code [0, text.length()]}
   * @return the index of the first character at or after {@code from} that is not a digit, or
   *     {@code text.length()}; {@code from} itself when the run is empty
   */
  public static int digitsEnd(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /**
   * Reads a status.
   *
   * @param text {@code paid}, {@code cancelled} or {@code refunded}, in any case
   * @return the status
   * @throws IllegalArgumentException for any other text
   */
  public static OrderStatus status(String text) {
    OrderStatus ascii = asciiStatus(text);
    if (ascii != null) {
      return ascii;
    }
    for (OrderStatus status : OrderStatus.values()) {
      if (status.name().equalsIgnoreCase(text)) {
        return status;
      }
    }
    throw new IllegalArgumentException("expected paid, cancelled or refunded, got " + quote(text));
  }

  /**
   * The status {@code text} names in ASCII letters of any case, or {@code null}: what {@code
   * equalsIgnoreCase} answers for ASCII text, without a string. (Some non-ASCII letters also match
   * there, such as a dotless {@code ı} for {@code i}; those take the string path.)
   *
   * @param text the status, read only during the call
   * @return the status, or {@code null} if {@code text} is not a status in ASCII letters
   */
  public static OrderStatus asciiStatus(CharSequence text) {
    for (OrderStatus status : STATUSES) {
      String name = status.name();
      if (name.length() == text.length() && sameAsciiLetters(name, text)) {
        return status;
      }
    }
    return null;
  }

  /** Whether {@code text} is {@code upper} (upper-case ASCII letters) in any case of ASCII letters. */
  private static boolean sameAsciiLetters(String upper, CharSequence text) {
    for (int i = 0; i < upper.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 'a' && c <= 'z' ? (char) (c - 32) : c) != upper.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The one id rule of every reader: {@code text} without surrounding whitespace (as {@link
   * String#strip} defines it), so that {@code " u1"}, {@code "u1 "} and {@code "u1"} are one id.
   *
   * @param text the field
   * @return the id
   * @throws IllegalArgumentException if nothing is left
   */
  public static String id(String text) {
    String id = text.strip();
    if (id.isEmpty()) {
      throw new IllegalArgumentException("expected a non-empty id, got " + quote(text));
    }
    return id;
  }

  /**
   * {@code text} in double quotes for a message: with {@link #cut}, the one place values from the
   * input are shown, so that no message grows with the input or breaks its line. Control
   * characters are escaped ({@code \n}, {@code \r}, {@code \t}, {@code \x00}), and a value longer
   * than {@value #SHOWN} characters is cut there, e.g. {@code "aaaa…" (10,000 characters)}.
   *
   * @param text a value from the input
   * @return the value as a message shows it
   */
  public static String quote(String text) {
    return shown(text, "\"");
  }

  /**
   * {@code text} as {@link #quote} shows it, without the quotes, e.g. {@code aaaa… (10,000 characters)}.
   *
   * @param text a value from the input
   * @return the value as a message shows it
   */
  public static String cut(String text) {
    return shown(text, "");
  }

  private static String shown(String text, String quote) {
    int end = Math.min(text.length(), SHOWN);
    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    StringBuilder shown = new StringBuilder(end + 32).append(quote);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> shown.append("\\n");
        case '\r' -> shown.append("\\r");
        case '\t' -> shown.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            shown.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
          } else {
            shown.append(c);
          }
        }
      }
    }
    if (end == text.length()) {
      return shown.append(quote).toString();
    }
    return shown.append('…').append(quote)
        .append(String.format(Locale.ROOT, " (%,d characters)", text.length())).toString();
  }
}
