package dev.userops.segmentation.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.userops.core.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns condition JSON into {@link Node} trees, once. Every problem is a {@link ConfigException}
 * naming the JSON path of the offending value. Top-level fields of all conditions compiled by one
 * compiler share slots of one {@link ProfileSchema}.
 */
final class Compiler {
  /** Deepest nesting of conditions and operators accepted. */
  static final int MAX_DEPTH = 32;
  /** Most operators and fields accepted over all conditions of one compiler. */
  static final int MAX_NODES = 100_000;

  private static final Set<String> OPERATORS = Set.of(
      "$eq", "$ne", "$lt", "$lte", "$gt", "$gte", "$exists", "$in", "$nin", "$ini", "$nini",
      "$inGroup", "$notInGroup", "$not", "$size", "$elemMatch", "$all", "$alli", "$regex", "$regexi",
      "$type", "$veq", "$vne", "$vgt", "$vgte", "$vlt", "$vlte");
  private static final Set<String> TYPES = Set.of("string", "number", "boolean", "object", "array", "null");
  private static final String REGEX_META = ".^$*+?()[]{}|\\";
  private static final JsonNode EMPTY_ARRAY = JsonNodeFactory.instance.arrayNode();

  private final ConditionMode mode;
  private final JsonNode savedGroups;
  private final Map<String, Integer> slots = new LinkedHashMap<>();
  private int nodes;

  Compiler(ConditionMode mode, JsonNode savedGroups) {
    this.mode = mode;
    this.savedGroups = savedGroups;
    if (savedGroups != null && !savedGroups.isObject()) {
      throw new ConfigException("savedGroups", "expected an object of group id to array, got " + describe(savedGroups));
    }
  }

  /** The paths given slots so far, in slot order. */
  List<String> slotPaths() {
    return new ArrayList<>(slots.keySet());
  }

  /** Compiles a top-level condition found at {@code at}. */
  Node compile(JsonNode condition, String at) {
    return condition(condition, at, 0, true);
  }

  private Node condition(JsonNode condition, String at, int depth, boolean topLevel) {
    count(at, depth);
    if (condition == null || !condition.isObject()) {
      throw new ConfigException(at, "expected a condition object, got " + describe(condition));
    }
    List<Node> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = condition.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      String where = child(at, key);
      switch (key) {
        case "$or" -> parts.add(Node.or(conditions(field.getValue(), where, depth, topLevel), false));
        case "$nor" -> parts.add(Node.or(conditions(field.getValue(), where, depth, topLevel), true));
        case "$and" -> parts.add(Node.and(conditions(field.getValue(), where, depth, topLevel)));
        case "$not" -> parts.add(Node.not(condition(field.getValue(), where, depth + 1, topLevel)));
        default -> {
          int slot = topLevel ? slots.computeIfAbsent(key, k -> slots.size()) : -1;
          parts.add(Node.field(new Path(key), slot, value(field.getValue(), where, depth + 1, false)));
        }
      }
    }
    return parts.isEmpty() ? Node.TRUE
        : parts.size() == 1 ? parts.get(0) : Node.and(parts.toArray(Node[]::new));
  }

  private Node[] conditions(JsonNode list, String at, int depth, boolean topLevel) {
    if (!list.isArray()) {
      throw new ConfigException(at, "expected an array of conditions, got " + describe(list));
    }
    Node[] children = new Node[list.size()];
    for (int i = 0; i < children.length; i++) {
      children[i] = condition(list.get(i), at + "[" + i + "]", depth + 1, topLevel);
    }
    return children;
  }

  /** GrowthBook's {@code evalConditionValue}: a literal to compare with, or an operator object. */
  private ValueTest value(JsonNode value, String at, int depth, boolean folded) {
    count(at, depth);
    if (value.isTextual()) {
      return ValueTest.stringEquals(value.textValue(), folded);
    } else if (value.isNumber()) {
      return ValueTest.numberEquals(value.doubleValue());
    } else if (value.isBoolean()) {
      return ValueTest.booleanEquals(value.booleanValue());
    } else if (value.isNull()) {
      return ValueTest.IS_NULL;
    } else if (value.isObject() && isOperatorObject(value)) {
      List<ValueTest> tests = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> op = it.next();
        tests.add(operator(op.getKey(), op.getValue(), child(at, op.getKey()), depth + 1));
      }
      return tests.size() == 1 ? tests.get(0) : ValueTest.all(tests.toArray(ValueTest[]::new));
    }
    if (strict() && value.isObject()) {
      value.fieldNames().forEachRemaining(name -> {
        if (name.startsWith("$")) {
          throw new ConfigException(child(at, name),
              "operators cannot be mixed with plain fields in one object (an object with a plain field is"
                  + " compared for equality)");
        }
      });
    }
    return ValueTest.sameJson(value.deepCopy());
  }

  private ValueTest operator(String op, JsonNode arg, String at, int depth) {
    count(at, depth);
    return switch (op) {
      case "$eq", "$ne" -> {
        if (arg.isContainerNode()) {
          // The reference compares arrays and objects by identity: never equal.
          yield invalid(at, "expected a string, number, boolean or null, got " + describe(arg),
              op.equals("$ne"));
        }
        yield arg.isNull() ? (op.equals("$eq") ? ValueTest.IS_NULL : ValueTest.not(ValueTest.IS_NULL))
            : ValueTest.strictEquals(arg, op.equals("$ne"));
      }
      case "$lt", "$lte", "$gt", "$gte" -> {
        if (strict() && !arg.isTextual() && !arg.isNumber()) {
          throw new ConfigException(at, "expected a number or string, got " + describe(arg));
        }
        yield ValueTest.compare(mask(op.substring(1)), arg);
      }
      case "$veq", "$vne", "$vgt", "$vgte", "$vlt", "$vlte" -> {
        if (strict() && !arg.isTextual() && !arg.isNumber()) {
          throw new ConfigException(at, "expected a version string like \"1.2.3\", got " + describe(arg));
        }
        yield ValueTest.versionCompare(mask(op.substring(2)), arg);
      }
      case "$exists" -> {
        if (strict() && !arg.isBoolean()) {
          throw new ConfigException(at, "expected true or false, got " + describe(arg));
        }
        yield ValueTest.exists(JsValues.truthy(arg.isNull() ? null : arg));
      }
      case "$in", "$nin", "$ini", "$nini" -> {
        if (!arg.isArray()) {
          yield invalid(at, "expected an array, got " + describe(arg), false);
        }
        yield ValueTest.in(membership(arg, at, op.endsWith("i")), op.startsWith("$n"));
      }
      case "$inGroup", "$notInGroup" -> ValueTest.in(group(arg, at), op.equals("$notInGroup"));
      case "$not" -> ValueTest.not(value(arg, at, depth + 1, false));
      case "$size" -> {
        if (strict() && !(arg.isIntegralNumber() && arg.longValue() >= 0) && !(arg.isObject() && isOperatorObject(arg))) {
          throw new ConfigException(at, "expected a non-negative integer or an operator object, got " + describe(arg));
        }
        yield ValueTest.size(value(arg, at, depth + 1, false));
      }
      case "$elemMatch" -> {
        if (!arg.isObject()) {
          throw new ConfigException(at, "expected an operator object or a condition object, got " + describe(arg));
        }
        yield ValueTest.elemMatch(isOperatorObject(arg) ? value(arg, at, depth + 1, false)
            : ValueTest.onDocument(condition(arg, at, depth + 1, false)));
      }
      case "$all", "$alli" -> {
        if (!arg.isArray()) {
          yield invalid(at, "expected an array, got " + describe(arg), false);
        }
        ValueTest[] tests = new ValueTest[arg.size()];
        for (int i = 0; i < tests.length; i++) {
          tests[i] = value(arg.get(i), at + "[" + i + "]", depth + 1, op.equals("$alli"));
        }
        yield ValueTest.allElements(tests);
      }
      case "$regex", "$regexi" -> regex(arg, at, op.equals("$regexi"));
      case "$type" -> {
        if (!arg.isTextual() || !TYPES.contains(arg.textValue())) {
          yield invalid(at, "expected one of " + new TreeSet<>(TYPES) + ", got " + describe(arg), false);
        }
        yield ValueTest.type(arg.textValue());
      }
      default -> invalid(at, "unknown operator \"" + op + "\" (known: " + String.join(", ", new TreeSet<>(OPERATORS)) + ")", false);
    };
  }

  private static int mask(String comparison) {
    return switch (comparison) {
      case "lt" -> ValueTest.LT;
      case "lte" -> ValueTest.LTE;
      case "gt" -> ValueTest.GT;
      case "gte" -> ValueTest.GTE;
      case "eq" -> ValueTest.EQ;
      default -> ValueTest.NE;
    };
  }

  private Membership membership(JsonNode list, String at, boolean folded) {
    if (strict()) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).isContainerNode()) {
          throw new ConfigException(at + "[" + i + "]",
              "expected a string, number, boolean or null, got " + describe(list.get(i)) + " (never equal to an attribute)");
        }
      }
    }
    return new Membership(list, folded);
  }

  private Membership group(JsonNode id, String at) {
    String name = id.isTextual() ? id.textValue() : JsValues.toJsString(id);
    JsonNode members = savedGroups == null ? null : savedGroups.get(name);
    if (strict()) {
      if (!id.isTextual()) {
        throw new ConfigException(at, "expected a saved group id, got " + describe(id));
      }
      if (members == null) {
        List<String> known = new ArrayList<>();
        if (savedGroups != null) {
          savedGroups.fieldNames().forEachRemaining(known::add);
        }
        throw new ConfigException(at, "unknown saved group \"" + name + "\" (known: " + String.join(", ", new TreeSet<>(known)) + ")");
      }
      if (!members.isArray()) {
        throw new ConfigException("savedGroups." + name, "expected an array, got " + describe(members));
      }
    }
    return new Membership(members != null && members.isArray() ? members : EMPTY_ARRAY, false);
  }

  private ValueTest regex(JsonNode arg, String at, boolean folded) {
    if (!arg.isTextual()) {
      return invalid(at, "expected a regular expression string, got " + describe(arg), false);
    }
    String source = arg.textValue();
    Pattern pattern;
    try {
      pattern = Pattern.compile(source, folded ? Pattern.CASE_INSENSITIVE : 0);
    } catch (PatternSyntaxException e) {
      return invalid(at, "invalid regular expression (RE2 syntax: no backreferences or lookaround): "
          + e.getMessage(), false);
    }
    ValueTest literal = folded ? null : literal(source);
    return literal != null ? literal : ValueTest.regex(pattern, folded ? "" : requiredSuffix(source));
  }

  /**
   * A {@link ValueTest#literal} for a pattern that, between an optional {@code ^} and {@code $}, is
   * literal characters (escaped punctuation allowed) around at most one unquantified group of
   * literal alternatives, e.g. {@code @(example|corp)\.com$}; {@code null} for anything else.
   */
  private static ValueTest literal(String source) {
    boolean anchoredStart = source.startsWith("^");
    int end = source.length();
    boolean anchoredEnd = end > (anchoredStart ? 1 : 0) && source.charAt(end - 1) == '$' && !escaped(source, end - 1);
    if (anchoredEnd) {
      end--;
    }
    StringBuilder prefix = new StringBuilder();
    List<StringBuilder> alternatives = null;
    StringBuilder current = prefix;
    boolean inGroup = false;
    for (int i = anchoredStart ? 1 : 0; i < end; i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        if (i + 1 >= end || Character.isLetterOrDigit(source.charAt(i + 1))) {
          return null;
        }
        current.append(source.charAt(++i));
      } else if (c == '(' && alternatives == null) {
        if (source.startsWith("?:", i + 1)) {
          i += 2;
        } else if (i + 1 < end && source.charAt(i + 1) == '?') {
          return null; // flags or named groups
        }
        alternatives = new ArrayList<>(List.of(new StringBuilder()));
        current = alternatives.get(0);
        inGroup = true;
      } else if (c == '|' && inGroup) {
        current = new StringBuilder();
        alternatives.add(current);
      } else if (c == ')' && inGroup) {
        inGroup = false;
        current = new StringBuilder(); // the suffix
        alternatives.add(0, current); // kept at index 0 until the end
      } else if (REGEX_META.indexOf(c) >= 0) {
        return null;
      } else {
        current.append(c);
      }
    }
    if (inGroup) {
      return null;
    }
    List<String> literals = new ArrayList<>();
    if (alternatives == null) {
      literals.add(prefix.toString());
    } else {
      String suffix = alternatives.get(0).toString();
      for (StringBuilder alternative : alternatives.subList(1, alternatives.size())) {
        literals.add(prefix + alternative.toString() + suffix);
      }
    }
    return ValueTest.literal(literals, anchoredStart, anchoredEnd);
  }

  /**
   * Characters every match of a pattern ending in {@code $} must end its input with: the plain
   * characters just before the {@code $}, outside any group, class or quantifier. "" when unsure
   * (a top-level {@code |}, inline flags, letter escapes, POSIX classes), which checks nothing.
   */
  static String requiredSuffix(String source) {
    int end = source.length() - 1;
    if (end < 0 || source.charAt(end) != '$' || escaped(source, end) || source.contains("(?")) {
      return "";
    }
    StringBuilder run = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < end; i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        if (i + 1 >= end || Character.isLetterOrDigit(source.charAt(i + 1))) {
          return "";
        }
        run.append(source.charAt(++i));
        continue;
      }
      if (c == '[') {
        int close = classEnd(source, i, end);
        if (close < 0) {
          return "";
        }
        i = close;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return "";
      } else if (REGEX_META.indexOf(c) < 0) {
        run.append(c);
        continue;
      }
      run.setLength(0);
    }
    return run.toString();
  }

  /** The index of the {@code ]} closing the class opened at {@code open}, or -1 if unsure. */
  private static int classEnd(String source, int open, int end) {
    int i = open + 1;
    if (i < end && source.charAt(i) == '^') {
      i++;
    }
    if (i < end && source.charAt(i) == ']') {
      i++;
    }
    for (; i < end; i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        return -1; // a POSIX class like [[:alpha:]]
      } else if (c == ']') {
        return i;
      }
    }
    return -1;
  }

  private static boolean escaped(String s, int index) {
    int backslashes = 0;
    for (int i = index - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /**
   * An operand the reference evaluates to a fixed answer (an unknown operator, an invalid pattern,
   * a list that is not an array): an error in {@link ConditionMode#STRICT}, that answer otherwise.
   */
  private ValueTest invalid(String at, String problem, boolean lenientResult) {
    if (strict()) {
      throw new ConfigException(at, problem);
    }
    return lenientResult ? ValueTest.TRUE : ValueTest.FALSE;
  }

  private boolean strict() {
    return mode == ConditionMode.STRICT;
  }

  private void count(String at, int depth) {
    if (depth > MAX_DEPTH) {
      throw new ConfigException(at, "condition nested deeper than " + MAX_DEPTH + " levels");
    }
    if (++nodes > MAX_NODES) {
      throw new ConfigException(at, "conditions have more than " + MAX_NODES + " operators and fields");
    }
  }

  /** GrowthBook's {@code isOperatorObject}: non-empty, and every key starts with "$". */
  private static boolean isOperatorObject(JsonNode object) {
    if (object.size() == 0) {
      return false;
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      if (!names.next().startsWith("$")) {
        return false;
      }
    }
    return true;
  }

  private static String child(String at, String key) {
    return at.isEmpty() ? key : at + "." + key;
  }

  private static String describe(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    String text = v.toString();
    String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return JsValues.typeName(v.isNull() ? null : v) + " " + shown;
  }
}
