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
abstract class ValueTest {
  abstract boolean test(JsonNode v);

  /** Bit masks over the sign of a comparison: bit 0 less, bit 1 equal, bit 2 greater. */
  static final int LT = 0b001;
  static final int LTE = 0b011;
  static final int GT = 0b100;
  static final int GTE = 0b110;
  static final int EQ = 0b010;
  static final int NE = 0b101;

  private static boolean passes(int mask, int sign) {
    return (mask >> (sign + 1) & 1) != 0;
  }

  static final class Constant extends ValueTest {
    static final Constant TRUE = new Constant(true);
    static final Constant FALSE = new Constant(false);
    private final boolean result;

    private Constant(boolean result) {
      this.result = result;
    }

    @Override
    boolean test(JsonNode v) {
      return result;
    }
  }

  /** {@code value + "" === s}, or with both sides lower-cased under {@code $alli}. */
  static final class StringEquals extends ValueTest {
    private final String expected;
    private final boolean folded;
    /** The number whose JavaScript string is {@code expected}, else NaN (which equals nothing). */
    private final double asNumber;

    StringEquals(String expected, boolean folded) {
      this.expected = expected;
      this.folded = folded;
      double n = JsValues.toNumber(expected);
      this.asNumber = !Double.isNaN(n) && JsValues.numberToString(n).equals(expected) ? n : Double.NaN;
    }

    @Override
    boolean test(JsonNode v) {
      if (v != null && v.isTextual()) {
        return folded ? JsValues.equalsFolded(v.textValue(), expected) : v.textValue().equals(expected);
      } else if (v != null && v.isNumber()) {
        return v.doubleValue() == asNumber;
      }
      String s = JsValues.toJsString(v);
      return folded ? JsValues.equalsFolded(s, expected) : s.equals(expected);
    }
  }

  /** {@code value * 1 === n}. */
  static final class NumberEquals extends ValueTest {
    private final double expected;

    NumberEquals(double expected) {
      this.expected = expected;
    }

    @Override
    boolean test(JsonNode v) {
      return (v != null && v.isNumber() ? v.doubleValue() : JsValues.toNumber(v)) == expected;
    }
  }

  /** {@code value !== null && !!value === b}. */
  static final class BooleanEquals extends ValueTest {
    private final boolean expected;

    BooleanEquals(boolean expected) {
      this.expected = expected;
    }

    @Override
    boolean test(JsonNode v) {
      return v != null && JsValues.truthy(v) == expected;
    }
  }

  /** {@code value === null}, also {@code $eq: null}. */
  static final class IsNull extends ValueTest {
    static final IsNull INSTANCE = new IsNull();

    @Override
    boolean test(JsonNode v) {
      return v == null;
    }
  }

  /** {@code JSON.stringify(value) === JSON.stringify(expected)} for array and object literals. */
  static final class SameJson extends ValueTest {
    private final JsonNode expected;

    SameJson(JsonNode expected) {
      this.expected = expected;
    }

    @Override
    boolean test(JsonNode v) {
      return JsValues.sameJson(v, expected);
    }
  }

  /** Several operators on one value, all of which must pass. */
  static final class All extends ValueTest {
    private final ValueTest[] tests;

    All(ValueTest[] tests) {
      this.tests = tests;
    }

    @Override
    boolean test(JsonNode v) {
      for (ValueTest t : tests) {
        if (!t.test(v)) {
          return false;
        }
      }
      return true;
    }
  }

  static final class Not extends ValueTest {
    private final ValueTest test;

    Not(ValueTest test) {
      this.test = test;
    }

    @Override
    boolean test(JsonNode v) {
      return !test.test(v);
    }
  }

  /** {@code $eq}/{@code $ne}: strict equality with a string, number or boolean. */
  static final class StrictEquals extends ValueTest {
    private final String string;
    private final double number;
    private final boolean isNumber;
    private final boolean bool;
    private final boolean negated;

    StrictEquals(JsonNode expected, boolean negated) {
      this.string = expected.isTextual() ? expected.textValue() : null;
      this.isNumber = expected.isNumber();
      this.number = expected.doubleValue();
      this.bool = expected.booleanValue();
      this.negated = negated;
    }

    @Override
    boolean test(JsonNode v) {
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
    }
  }

  /**
   * {@code $lt $lte $gt $gte}: JavaScript's relational comparison. Two strings compare by UTF-16
   * units; otherwise both sides become numbers (null is 0, booleans 0 and 1, non-numeric strings
   * NaN, which fails every comparison).
   */
  static final class Compare extends ValueTest {
    private final int mask;
    /** The operand as a string if its primitive form is one, else {@code null}. */
    private final String expectedString;
    private final double expectedNumber;

    Compare(int mask, JsonNode operand) {
      this.mask = mask;
      JsonNode expected = operand.isNull() ? null : operand;
      boolean stringLike = expected != null && (expected.isTextual() || expected.isContainerNode());
      this.expectedString = stringLike ? JsValues.toJsString(expected) : null;
      this.expectedNumber = stringLike ? JsValues.toNumber(expectedString) : JsValues.toNumber(expected);
    }

    @Override
    boolean test(JsonNode v) {
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
    }
  }

  /** {@code $veq $vne $vgt $vgte $vlt $vlte}: GrowthBook's padded version strings compared. */
  static final class VersionCompare extends ValueTest {
    private final int mask;
    private final String expected;

    VersionCompare(int mask, JsonNode expected) {
      this.mask = mask;
      this.expected = Versions.padded(expected);
    }

    @Override
    boolean test(JsonNode v) {
      return passes(mask, Integer.signum(Versions.padded(v).compareTo(expected)));
    }
  }

  /** {@code $exists}. */
  static final class Exists extends ValueTest {
    private final boolean expected;

    Exists(boolean expected) {
      this.expected = expected;
    }

    @Override
    boolean test(JsonNode v) {
      return (v != null) == expected;
    }
  }

  /** {@code $in $nin $ini $nini $inGroup $notInGroup}. */
  static final class In extends ValueTest {
    private final Membership members;
    private final boolean negated;

    In(Membership members, boolean negated) {
      this.members = members;
      this.negated = negated;
    }

    @Override
    boolean test(JsonNode v) {
      return members.matches(v) != negated;
    }
  }

  /** {@code $size}: the test applies to an array's length; non-arrays fail. */
  static final class Size extends ValueTest {
    private final ValueTest test;

    Size(ValueTest test) {
      this.test = test;
    }

    @Override
    boolean test(JsonNode v) {
      return v != null && v.isArray() && test.test(IntNode.valueOf(v.size()));
    }
  }

  /**
   * {@code $elemMatch}: some truthy element passes {@code test} (operators on the element, or a
   * condition on it as a document, see {@link OnDocument}).
   */
  static final class ElemMatch extends ValueTest {
    private final ValueTest test;

    ElemMatch(ValueTest test) {
      this.test = test;
    }

    @Override
    boolean test(JsonNode v) {
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
    }
  }

  /** A condition object applied to a value as its document: {@code $elemMatch} over objects. */
  static final class OnDocument extends ValueTest {
    private final Node condition;

    OnDocument(Node condition) {
      this.condition = condition;
    }

    @Override
    boolean test(JsonNode v) {
      return condition.test(v, null);
    }
  }

  /** {@code $all $alli}: every element test is passed by some element of the array. */
  static final class AllElements extends ValueTest {
    private final ValueTest[] tests;

    AllElements(ValueTest[] tests) {
      this.tests = tests;
    }

    @Override
    boolean test(JsonNode v) {
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
    }
  }

  /** {@code $type}. */
  static final class Type extends ValueTest {
    private final String expected;

    Type(String expected) {
      this.expected = expected;
    }

    @Override
    boolean test(JsonNode v) {
      return JsValues.typeName(v).equals(expected);
    }
  }

  /**
   * {@code $regex}, {@code $regexi} with RE2/J: linear time in the input, whatever the pattern. An
   * input without the pattern's required suffix (see {@code Compiler.requiredSuffix}) is rejected
   * without running the engine.
   */
  static final class Regex extends ValueTest {
    private final Pattern pattern;
    private final String requiredSuffix;

    Regex(Pattern pattern, String requiredSuffix) {
      this.pattern = pattern;
      this.requiredSuffix = requiredSuffix;
    }

    @Override
    boolean test(JsonNode v) {
      String s = JsValues.toJsString(v);
      return s.endsWith(requiredSuffix) && pattern.matcher(s).find();
    }
  }

  /**
   * A {@code $regex} that is a plain literal, or one group of literal alternatives, with optional
   * anchors ({@code "@example\\.com$"}, {@code "^(ios|android)-"}): the same answer as the pattern,
   * by string searches that do not allocate.
   */
  static final class Literal extends ValueTest {
    private final String[] literals;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;

    Literal(List<String> literals, boolean anchoredStart, boolean anchoredEnd) {
      this.literals = literals.toArray(String[]::new);
      this.anchoredStart = anchoredStart;
      this.anchoredEnd = anchoredEnd;
    }

    @Override
    boolean test(JsonNode v) {
      String s = JsValues.toJsString(v);
      for (String literal : literals) {
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
    }
  }

  /** Array elements as the reference sees them: a JSON null element is JavaScript null. */
  private static JsonNode nullable(JsonNode element) {
    return element == null || element.isNull() ? null : element;
  }
}
