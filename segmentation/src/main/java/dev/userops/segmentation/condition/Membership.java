package dev.userops.segmentation.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * A precomputed {@code $in} list: GrowthBook's {@code isIn}, where a scalar attribute must equal an
 * element (SameValueZero: same type and value, 1 equals 1.0) and an array attribute must share at
 * least one element with the list. Strings live in an open-addressing table (optionally compared
 * case-insensitively, for {@code $ini}), numbers in a sorted array; lookups do not allocate.
 */
final class Membership {
  private final String[] table;
  private final boolean folded;
  private final double[] numbers;
  private final boolean hasTrue;
  private final boolean hasFalse;
  private final boolean hasNull;

  /** Arrays and objects in {@code list} never equal an attribute (the reference compares by identity). */
  Membership(JsonNode list, boolean folded) {
    this.folded = folded;
    int strings = 0;
    int numberCount = 0;
    for (JsonNode element : list) {
      strings += element.isTextual() ? 1 : 0;
      numberCount += element.isNumber() ? 1 : 0;
    }
    table = new String[Integer.highestOneBit(Math.max(1, strings) * 2) * 2];
    double[] values = new double[numberCount];
    int n = 0;
    boolean t = false;
    boolean f = false;
    boolean nul = false;
    for (JsonNode element : list) {
      if (element.isTextual()) {
        insert(element.textValue());
      } else if (element.isNumber()) {
        values[n++] = element.doubleValue() + 0.0; // -0.0 + 0.0 is 0.0: SameValueZero
      } else if (element.isBoolean()) {
        t |= element.booleanValue();
        f |= !element.booleanValue();
      } else if (element.isNull()) {
        nul = true;
      }
    }
    Arrays.sort(values);
    numbers = values;
    hasTrue = t;
    hasFalse = f;
    hasNull = nul;
  }

  private int hash(String s) {
    int h = folded ? JsValues.hashFolded(s) : s.hashCode();
    return (h ^ (h >>> 16)) & (table.length - 1);
  }

  private boolean same(String a, String b) {
    return folded ? JsValues.equalsFolded(a, b) : a.equals(b);
  }

  private void insert(String s) {
    int slot = hash(s);
    while (table[slot] != null) {
      if (same(table[slot], s)) {
        return;
      }
      slot = (slot + 1) & (table.length - 1);
    }
    table[slot] = s;
  }

  private boolean containsString(String s) {
    for (int slot = hash(s); table[slot] != null; slot = (slot + 1) & (table.length - 1)) {
      if (same(table[slot], s)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the scalar {@code v} equals an element; arrays and objects never do. */
  boolean containsScalar(JsonNode v) {
    if (v == null || v.isNull()) {
      return hasNull;
    } else if (v.isTextual()) {
      return containsString(v.textValue());
    } else if (v.isNumber()) {
      return Arrays.binarySearch(numbers, v.doubleValue() + 0.0) >= 0;
    } else if (v.isBoolean()) {
      return v.booleanValue() ? hasTrue : hasFalse;
    }
    return false;
  }

  /** GrowthBook's {@code isIn(actual, list)}: element test for scalars, intersection for arrays. */
  boolean matches(JsonNode actual) {
    if (actual != null && actual.isArray()) {
      for (int i = 0; i < actual.size(); i++) {
        if (containsScalar(actual.get(i))) {
          return true;
        }
      }
      return false;
    }
    return containsScalar(actual);
  }
}
