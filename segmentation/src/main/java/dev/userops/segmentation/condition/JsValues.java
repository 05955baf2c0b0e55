package dev.userops.segmentation.condition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.core.internal.Fields;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * The JavaScript coercions the GrowthBook reference implementation relies on ({@code value + ""},
 * {@code value * 1}, {@code !!value}, {@code <} on mixed types, {@code JSON.stringify} equality),
 * over Jackson values. A {@code null} argument is JavaScript {@code null}: a missing attribute or a
 * JSON null. The common cases (strings against strings, numbers against numbers) never allocate;
 * arrays and objects, which the reference turns into strings, do.
 */
final class JsValues {
  /** {@code String(value)} of any plain object. */
  private static final String OBJECT_STRING = "[object Object]";

  private JsValues() {}

  /** JavaScript truthiness: null, false, 0, NaN and "" are false. */
  static boolean truthy(JsonNode v) {
    if (v == null) {
      return false;
    } else if (v.isBoolean()) {
      return v.booleanValue();
    } else if (v.isNumber()) {
      double d = v.doubleValue();
      return d != 0 && !Double.isNaN(d);
    } else if (v.isTextual()) {
      return !v.textValue().isEmpty();
    }
    return true;
  }

  /** {@code typeof}, with "null" and "array" split out as GrowthBook's {@code $type} does. */
  static String typeName(JsonNode v) {
    if (v == null) {
      return "null";
    } else if (v.isArray()) {
      return "array";
    } else if (v.isTextual()) {
      return "string";
    } else if (v.isNumber()) {
      return "number";
    } else if (v.isBoolean()) {
      return "boolean";
    }
    return "object";
  }

  /** {@code value * 1}: JavaScript's ToNumber. */
  static double toNumber(JsonNode v) {
    if (v == null) {
      return 0;
    } else if (v.isNumber()) {
      return v.doubleValue();
    } else if (v.isTextual()) {
      return toNumber(v.textValue());
    } else if (v.isBoolean()) {
      return v.booleanValue() ? 1 : 0;
    } else if (v.isArray()) {
      return toNumber(toJsString(v));
    }
    return Double.NaN;
  }

  /**
   * ToNumber of a string: surrounding white space is ignored, "" is 0, decimal literals with an
   * optional sign and exponent, "Infinity", and unsigned 0x/0o/0b integers; anything else is NaN.
   */
  static double toNumber(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return 0;
    }
    if (t.length() > 2 && t.charAt(0) == '0') {
      int radix = switch (t.charAt(1)) {
        case 'x', 'X' -> 16;
        case 'o', 'O' -> 8;
        case 'b', 'B' -> 2;
        default -> 0;
      };
      if (radix != 0) {
        double value = 0;
        for (int i = 2; i < t.length(); i++) {
          int digit = Character.digit(t.charAt(i), radix);
          if (digit < 0) {
            return Double.NaN;
          }
          value = value * radix + digit;
        }
        return value;
      }
    }
    int start = t.charAt(0) == '+' || t.charAt(0) == '-' ? 1 : 0;
    if (t.startsWith("Infinity", start) && t.length() == start + 8) {
      return t.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return isDecimalLiteral(t, start) ? Double.parseDouble(t) : Double.NaN;
  }

  /** Digits with at most one point (at least one digit), then an optional exponent. */
  private static boolean isDecimalLiteral(String t, int start) {
    int integerEnd = Fields.digitsEnd(t, start);
    int i = integerEnd;
    boolean fractionDigits = false;
    if (i < t.length() && t.charAt(i) == '.') {
      i = Fields.digitsEnd(t, i + 1);
      fractionDigits = i > integerEnd + 1;
    }
    if (integerEnd == start && !fractionDigits) {
      return false;
    }
    if (i < t.length() && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
        i++;
      }
      int exponentEnd = Fields.digitsEnd(t, i);
      if (exponentEnd == i) {
        return false;
      }
      i = exponentEnd;
    }
    return i == t.length();
  }

  /** {@code String(value)}; allocates except for strings. */
  static String toJsString(JsonNode v) {
    if (v == null) {
      return "null";
    } else if (v.isTextual()) {
      return v.textValue();
    } else if (v.isNumber()) {
      return numberToString(v.doubleValue());
    } else if (v.isBoolean()) {
      return v.booleanValue() ? "true" : "false";
    } else if (v.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          joined.append(',');
        }
        JsonNode element = v.get(i);
        if (!element.isNull()) {
          joined.append(toJsString(element));
        }
      }
      return joined.toString();
    }
    return OBJECT_STRING;
  }

  /** JavaScript's Number::toString: integers without a fraction, exponents below 1e-6 and from 1e21. */
  static String numberToString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    } else if (d == 0) {
      return "0";
    }
    double magnitude = Math.abs(d);
    if (magnitude >= 1e-6 && magnitude < 1e21) {
      return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (d < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "") + exponent;
  }

  /** {@code JSON.stringify(a) === JSON.stringify(b)}: key order matters, 1 and 1.0 are equal. */
  static boolean sameJson(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return isNullish(a) && isNullish(b);
    }
    if (a.isNumber() && b.isNumber()) {
      return a.doubleValue() == b.doubleValue();
    } else if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameJson(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    } else if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> left = a.properties().iterator();
      Iterator<Map.Entry<String, JsonNode>> right = b.properties().iterator();
      while (left.hasNext()) {
        Map.Entry<String, JsonNode> l = left.next();
        Map.Entry<String, JsonNode> r = right.next();
        if (!l.getKey().equals(r.getKey()) || !sameJson(l.getValue(), r.getValue())) {
          return false;
        }
      }
      return true;
    }
    return a.getNodeType() == b.getNodeType() && a.equals(b);
  }

  private static boolean isNullish(JsonNode v) {
    return v == null || v.isNull();
  }

  /**
   * Whether {@code a.toLowerCase() === b.toLowerCase()}, folding one UTF-16 unit at a time with
   * {@link Character#toLowerCase(char)} (the few characters whose lower case has another length,
   * such as U+0130, are compared by that single-unit mapping).
   */
  static boolean equalsFolded(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && Character.toLowerCase(x) != Character.toLowerCase(y)) {
        return false;
      }
    }
    return true;
  }

  /** A hash consistent with {@link #equalsFolded}. */
  static int hashFolded(String s) {
    int h = 0;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + Character.toLowerCase(s.charAt(i));
    }
    return h;
  }
}
