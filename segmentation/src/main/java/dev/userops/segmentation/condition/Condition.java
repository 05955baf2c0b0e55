package dev.userops.segmentation.condition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.core.ConfigException;
import dev.userops.core.UserOpsJson;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A targeting condition in the GrowthBook condition language (a MongoDB-like query over a JSON
 * profile: {@code {"region":{"$in":["CN-SH","CN-BJ"]},"orders180d":{"$gte":2}}}), compiled once into
 * an evaluator tree. Compilation precomputes every operand ({@code $in} sets, RE2/J patterns,
 * version strings; a {@code $regex} that is a literal or one group of literal alternatives becomes
 * string searches) and fails on bad input with a {@link ConfigException} naming the JSON path.
 * Evaluation does not re-parse and, for strings, numbers, booleans and arrays of them, does not
 * allocate, except where RE2/J must run a pattern (a matcher per match, after a required-suffix
 * check) and for version comparisons. Immutable and thread-safe.
 *
 * <p>Semantics are the reference's ({@code mongrule.ts} of the GrowthBook JS SDK, checked against
 * all 248 {@code evalCondition} cases of its cross-SDK suite), including its JavaScript coercions:
 * a missing attribute is {@code null}, which compares as 0 with {@code $gt}/{@code $lt} and equals
 * the literal {@code 0} condition ({@code null * 1 === 0}); a literal string condition compares
 * with {@code String(value)}, so {@code "10"} matches the number 10. Differences: {@code $regex}
 * uses RE2 syntax (no backreferences or lookaround: those patterns fail to compile), where
 * {@code \s}, {@code \d}, {@code \w} are ASCII classes and {@code .} excludes only {@code \n};
 * case folding ({@code $ini}, {@code $alli}) maps one UTF-16 unit at a time.
 */
public final class Condition {
  private final JsonNode json;
  private final Node root;
  private final ProfileSchema schema;

  private Condition(JsonNode json, Node root, ProfileSchema schema) {
    this.json = json;
    this.root = root;
    this.schema = schema;
  }

  /**
   * Parses and compiles a condition in {@link ConditionMode#STRICT} without saved groups.
   *
   * @param json the condition as a JSON object, e.g. {@code {"orders180d":{"$gte":2}}}; {@code {}}
   *     matches every profile
   * @return the compiled condition
   * @throws NullPointerException if {@code json} is null
   * @throws ConfigException for malformed JSON (document limits of {@link UserOpsJson}) or a bad condition
   */
  public static Condition parse(String json) {
    return compile(Json.read(json, JsonNode.class));
  }

  /**
   * Compiles {@code condition} in {@link ConditionMode#STRICT} without saved groups.
   *
   * @param condition the condition, a JSON object; copied, so later changes to it have no effect
   * @return the compiled condition
   * @throws NullPointerException if {@code condition} is null
   * @throws ConfigException naming the JSON path of the first problem
   */
  public static Condition compile(JsonNode condition) {
    return compile(condition, null, ConditionMode.STRICT);
  }

  /**
   * Compiles {@code condition}.
   *
   * @param condition the condition, a JSON object; copied, so later changes to it have no effect
   * @param savedGroups object of saved group id to array of members for {@code $inGroup} and
   *     {@code $notInGroup}; {@code null} for none
   * @param mode whether conditions the reference silently answers fail to compile
   * @return the compiled condition
   * @throws NullPointerException if {@code condition} or {@code mode} is null
   * @throws ConfigException naming the JSON path of the first problem
   */
  public static Condition compile(JsonNode condition, JsonNode savedGroups, ConditionMode mode) {
    return compileAll(List.of(Checks.requireNonNull(condition, "condition")), List.of(""), savedGroups, mode).get(0);
  }

  /**
   * Compiles several conditions that share one {@link ProfileSchema}, e.g. the rules of a tag
   * catalog; {@code paths.get(i)} is where {@code conditions.get(i)} sits in its document, the prefix
   * of error paths (e.g. {@code "tags[3].condition"}).
   *
   * @param conditions the conditions, JSON objects; copied
   * @param paths the JSON path of each condition, same size as {@code conditions}; {@code ""} for
   *     a condition that is a document of its own
   * @param savedGroups object of saved group id to array of members; {@code null} for none
   * @param mode whether conditions the reference silently answers fail to compile
   * @return the compiled conditions in input order, all with the same {@link #schema()};
   *     unmodifiable, empty for no conditions
   * @throws NullPointerException if a list, an element or {@code mode} is null
   * @throws IllegalArgumentException if the lists differ in size
   * @throws ConfigException naming the JSON path of the first problem
   */
  public static List<Condition> compileAll(
      List<JsonNode> conditions, List<String> paths, JsonNode savedGroups, ConditionMode mode) {
    Checks.requireNonNull(conditions, "conditions");
    Checks.requireNonNull(paths, "paths");
    Checks.requireNonNull(mode, "mode");
    Checks.checkArgument(conditions.size() == paths.size(),
        "conditions and paths must have the same size, got %s and %s", conditions.size(), paths.size());
    Compiler compiler = new Compiler(mode, savedGroups);
    List<Node> roots = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      roots.add(compiler.compile(conditions.get(i), paths.get(i)));
    }
    ProfileSchema schema = new ProfileSchema(compiler.slotPaths());
    List<Condition> compiled = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      compiled.add(new Condition(conditions.get(i).deepCopy(), roots.get(i), schema));
    }
    return List.copyOf(compiled);
  }

  /**
   * Whether {@code profile} (a JSON document, usually an object) satisfies this condition.
   *
   * @param profile the user's attributes; a missing attribute reads as {@code null}
   * @return whether it matches
   * @throws NullPointerException if {@code profile} is null
   */
  public boolean test(JsonNode profile) {
    return root.test(Checks.requireNonNull(profile, "profile"), null);
  }

  /**
   * Whether the flattened profile satisfies this condition; the same answer as {@link
   * #test(JsonNode)} on the document it was flattened from.
   *
   * @param profile attributes flattened by {@link #schema()}
   * @return whether it matches
   * @throws NullPointerException if {@code profile} is null
   * @throws IllegalArgumentException if {@code profile} was flattened by another schema than {@link #schema()}
   */
  public boolean test(FlatProfile profile) {
    if (profile.schema() != schema) {
      throw new IllegalArgumentException(
          "flat profile of another schema: " + profile.schema() + ", expected " + schema);
    }
    return root.test(null, profile.values);
  }

  /**
   * The schema of the top-level attributes this condition reads.
   *
   * @return the schema, shared by every condition of one {@link #compileAll} call
   */
  public ProfileSchema schema() {
    return schema;
  }

  /**
   * The condition's JSON, as compiled.
   *
   * @return a new deep copy, free to modify
   */
  public JsonNode json() {
    return json.deepCopy();
  }

  @Override
  public String toString() {
    return json.toString();
  }
}
