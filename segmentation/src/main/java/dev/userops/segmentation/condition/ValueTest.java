package dev.userops.segmentation.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.google.re2j.Pattern;
import java.util.List;

/**
 * A compiled test of one attribute value: GrowthBook's {@code evalConditionValue} (equality with a
 * literal, or a set of operators that must all pass). {@code v == null} is JavaScript {@code null}:
 * a missing attribute or a JSON null. Operands are precomputed at compile time, so a test reads the
 * value and compares. Only these allocate: the rare cross-type coercions of arrays and objects,
 * version strings, non-literal regular expressions (an RE2/J matcher per test) and {@code $size} of
 * arrays over 10 elements.
 */
@FunctionalInterface
interface ValueTest {
  boolean test(JsonNode v);

  /** Bit masks over the sign of a comparison: bit 0 less, bit 1 equal, bit 2 greater. */
  int LT = 0b001;
  int LTE = 0b011;
  int GT = 0b100;
  int GTE = 0b110;
  int EQ = 0b010;
  int NE = 0b101;

  ValueTest TRUE = v -> true;
  ValueTest FALSE = v -> false;
  /** {@code value === null}, also {@code $eq: null}. */
  ValueTest IS_NULL = v -> v == null;

  /** {@code value + "" === s}, or with both sides lower-cased under {@code $alli}. */
  static ValueTest stringEquals(String expected, boolean folded) {
    double n = JsValues.toNumber(expected);
    // The number whose JavaScript string is expected, else NaN (which equals nothing).
    double asNumber = !Double.isNaN(n) && JsValues.numberToString(n).equals(expected) ? n : Double.NaN;
    return v -> {
      if (v != null && v.isTextual()) {
        return folded ? JsValues.equalsFolded(v.textValue(), expected) : v.textValue().equals(expected);
      } else if (v != null && v.isNumber()) {
        return v.doubleValue() == asNumber;
      }
      String s = JsValues.toJsString(v);
      return folded ? JsValues.equalsFolded(s, expected) : s.equals(expected);
    };
  }

  /** {@code value * 1 === n}. */
  static ValueTest numberEquals(double expected) {
    return v -> (v != null && v.isNumber() ? v.doubleValue() : JsValues.toNumber(v)) == expected;
  }

  /** {@code value !== null && !!value === b}. */
  static ValueTest booleanEquals(boolean expected) {
    return v -> v != null && JsValues.truthy(v) == expected;
  }

  /** {@code JSON.stringify(value) === JSON.stringify(expected)} for array and object literals. */
  static ValueTest sameJson(JsonNode expected) {
    return v -> JsValues.sameJson(v, expected);
  }

  /** Several operators on one value, all of which must pass. */
  static ValueTest all(ValueTest[] tests) {
    return v -> {
      for (ValueTest t : tests) {
        if (!t.test(v)) {
          return false;
        }
      }
      return true;
    };
  }

  static ValueTest not(ValueTest test) {
    return v -> !test.test(v);
  }

  /** {@code $eq}/{@code $ne}: strict equality with a string, number or boolean. */
  static ValueTest strictEquals(JsonNode expected, boolean negated) {
    String string = expected.isTextual() ? expected.textValue() : null;
    boolean isNumber = expected.isNumber();
    double number = expected.doubleValue();
    boolean bool = expected.booleanValue();
    return v -> {
      boolean equal;
      if (v == null) {
        equal = false;
      } else if (isNumber) {
        equal = v.isNumber() && v.doubleValue() == number;
      } else if (string != null) {
        equal = v.isTextual() && v.textValue().equals(string);
      } else {
        equal = v.isBoolean() && v.booleanValue() == bool;
      }
      return equal != negated;
    };
  }

  /**
   * {@code $lt $lte $gt $gte}: JavaScript's relational comparison. Two strings compare by UTF-16
   * units; otherwise both sides become numbers (null is 0, booleans 0 and 1, non-numeric strings
   * NaN, which fails every comparison).
   */
  static ValueTest compare(int mask, JsonNode operand) {
    JsonNode expected = operand.isNull() ? null : operand;
    boolean stringLike = expected != null && (expected.isTextual() || expected.isContainerNode());
    // The operand as a string if its primitive form is one, else null.
    String expectedString = stringLike ? JsValues.toJsString(expected) : null;
    double expectedNumber = stringLike ? JsValues.toNumber(expectedString) : JsValues.toNumber(expected);
    return v -> {
      double actual;
      if (v != null && v.isNumber()) {
        actual = v.doubleValue();
      } else if (v != null && (v.isTextual() || v.isContainerNode())) {
        String s = JsValues.toJsString(v);
        if (expectedString != null) {
          return passes(mask, Integer.signum(s.compareTo(expectedString)));
        }
        actual = JsValues.toNumber(s);
      } else {
        actual = JsValues.toNumber(v);
      }
      if (Double.isNaN(actual) || Double.isNaN(expectedNumber)) {
        return false;
      }
      return passes(mask, actual < expectedNumber ? -1 : actual == expectedNumber ? 0 : 1);
    };
  }

  /** {@code $veq $vne $vgt $vgte $vlt $vlte}: GrowthBook's padded version strings compared. */
  static ValueTest versionCompare(int mask, JsonNode operand) {
    String expected = Versions.padded(operand);
    return v -> passes(mask, Integer.signum(Versions.padded(v).compareTo(expected)));
  }

  /** {@code $exists}. */
  static ValueTest exists(boolean expected) {
    return v -> (v != null) == expected;
  }

  /** {@code $in $nin $ini $nini $inGroup $notInGroup}. */
  static ValueTest in(Membership members, boolean negated) {
    return v -> members.matches(v) != negated;
  }

  /** {@code $size}: the test applies to an array's length; non-arrays fail. */
  static ValueTest size(ValueTest test) {
    return v -> v != null && v.isArray() && test.test(IntNode.valueOf(v.size()));
  }

  /**
   * {@code $elemMatch}: some truthy element passes {@code test} (operators on the element, or a
   * condition on it as a document, see {@link #onDocument}).
   */
  static ValueTest elemMatch(ValueTest test) {
    return v -> {
      if (v == null || !v.isArray()) {
        return false;
      }
      for (int i = 0; i < v.size(); i++) {
        JsonNode element = nullable(v.get(i));
        if (JsValues.truthy(element) && test.test(element)) {
          return true;
        }
      }
      return false;
    };
  }

  /** A condition object applied to a value as its document: {@code $elemMatch} over objects. */
  static ValueTest onDocument(Node condition) {
    return v -> condition.test(v, null);
  }

  /** {@code $all $alli}: every element test is passed by some element of the array. */
  static ValueTest allElements(ValueTest[] tests) {
    return v -> {
      if (v == null || !v.isArray()) {
        return false;
      }
      for (ValueTest t : tests) {
        boolean passed = false;
        for (int i = 0; i < v.size() && !passed; i++) {
          passed = t.test(nullable(v.get(i)));
        }
        if (!passed) {
          return false;
        }
      }
      return true;
    };
  }

  /** {@code $type}. */
  static ValueTest type(String expected) {
    return v -> JsValues.typeName(v).equals(expected);
  }

  /**
   * {@code $regex}, {@code $regexi} with RE2/J: linear time in the input, whatever the pattern. An
   * input without the pattern's required suffix (see {@code Compiler.requiredSuffix}) is rejected
   * without running the engine.
   */
  static ValueTest regex(Pattern pattern, String requiredSuffix) {
    return v -> {
      String s = JsValues.toJsString(v);
      return s.endsWith(requiredSuffix) && pattern.matcher(s).find();
    };
  }

  /**
   * A {@code $regex} that is a plain literal, or one group of literal alternatives, with optional
   * anchors ({@code "@example\\.com$"}, {@code "^(ios|android)-"}): the same answer as the pattern,
   * by string searches that do not allocate.
   */
  static ValueTest literal(List<String> literals, boolean anchoredStart, boolean anchoredEnd) {
    String[] all = literals.toArray(String[]::new);
    return v -> {
      String s = JsValues.toJsString(v);
      for (String literal : all) {
        boolean found;
        if (anchoredStart && anchoredEnd) {
          found = s.equals(literal);
        } else if (anchoredStart) {
          found = s.startsWith(literal);
        } else if (anchoredEnd) {
          found = s.endsWith(literal);
        } else {
          found = s.contains(literal);
        }
        if (found) {
          return true;
        }
      }
      return false;
    };
  }

  private static boolean passes(int mask, int sign) {
    return (mask >> (sign + 1) & 1) != 0;
  }

  /** Array elements as the reference sees them: a JSON null element is JavaScript null. */
  private static JsonNode nullable(JsonNode element) {
    return element == null || element.isNull() ? null : element;
  }
}
