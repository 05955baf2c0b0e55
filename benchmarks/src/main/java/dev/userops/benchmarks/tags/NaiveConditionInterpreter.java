package dev.userops.benchmarks.tags;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The baseline: a direct port of GrowthBook's {@code evalCondition} that walks the raw condition
 * JSON on every call (field names dispatched by string switch, paths split per lookup, patterns
 * cached by source as the reference does), covering the operators of the benchmark's catalog.
 */
final class NaiveConditionInterpreter {
  private final Map<String, Pattern> patterns = new HashMap<>();

  boolean evalCondition(JsonNode obj, JsonNode condition) {
    for (Iterator<Map.Entry<String, JsonNode>> it = condition.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      switch (e.getKey()) {
        case "$or" -> {
          boolean any = e.getValue().size() == 0;
          for (JsonNode c : e.getValue()) {
            any |= evalCondition(obj, c);
          }
          if (!any) {
            return false;
          }
        }
        case "$and" -> {
          for (JsonNode c : e.getValue()) {
            if (!evalCondition(obj, c)) {
              return false;
            }
          }
        }
        case "$not" -> {
          if (evalCondition(obj, e.getValue())) {
            return false;
          }
        }
        default -> {
          if (!evalConditionValue(e.getValue(), getPath(obj, e.getKey()))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static JsonNode getPath(JsonNode obj, String path) {
    JsonNode current = obj;
    for (String part : path.split("\\.")) {
      if (current == null || !current.isObject() || !current.has(part)) {
        return null;
      }
      current = current.get(part);
    }
    return current.isNull() ? null : current;
  }

  private boolean evalConditionValue(JsonNode condition, JsonNode value) {
    if (condition.isTextual()) {
      return value != null && value.asText().equals(condition.textValue());
    } else if (condition.isNumber()) {
      return value != null && value.isNumber() && value.doubleValue() == condition.doubleValue();
    } else if (condition.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = condition.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> op = it.next();
        if (!evalOperator(op.getKey(), value, op.getValue())) {
          return false;
        }
      }
      return true;
    }
    throw new UnsupportedOperationException("condition " + condition);
  }

  private boolean evalOperator(String operator, JsonNode actual, JsonNode expected) {
    return switch (operator) {
      case "$eq" -> actual != null && actual.equals(expected);
      case "$gte" -> number(actual) >= expected.doubleValue();
      case "$gt" -> number(actual) > expected.doubleValue();
      case "$lte" -> number(actual) <= expected.doubleValue();
      case "$lt" -> number(actual) < expected.doubleValue();
      case "$in" -> isIn(actual, expected);
      case "$elemMatch" -> {
        if (actual == null || !actual.isArray()) {
          yield false;
        }
        for (JsonNode element : actual) {
          if (evalConditionValue(expected, element)) {
            yield true;
          }
        }
        yield false;
      }
      case "$regex" -> actual != null
          && patterns.computeIfAbsent(expected.textValue(), Pattern::compile).matcher(actual.asText()).find();
      default -> throw new UnsupportedOperationException(operator);
    };
  }

  /** JavaScript turns a missing attribute (null) into 0 for comparisons. */
  private static double number(JsonNode actual) {
    return actual == null ? 0 : actual.doubleValue();
  }

  private static boolean isIn(JsonNode actual, JsonNode expected) {
    if (actual != null && actual.isArray()) {
      for (JsonNode element : actual) {
        if (contains(expected, element)) {
          return true;
        }
      }
      return false;
    }
    return actual != null && contains(expected, actual);
  }

  private static boolean contains(JsonNode list, JsonNode value) {
    for (JsonNode element : list) {
      if (element.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
