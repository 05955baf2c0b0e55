package dev.userops.segmentation.tags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.core.internal.Checks;

/**
 * One operator-defined tag: an id, what it means, and the condition a profile must satisfy to
 * carry it. JSON form: {@code {"id":"big_spender","description":"Spent 1,000+ in 180 days",
 * "condition":{"spend180dMinor":{"$gte":100000}}}}.
 *
 * @param id 1 to 64 characters of {@code [A-Za-z0-9_.:-]}, unique within a catalog
 * @param description free text for people; {@code null} in JSON means ""
 * @param condition a GrowthBook condition object, compiled by the catalog
 */
public record TagRule(String id, String description, JsonNode condition) {
  /** Longest tag id accepted. */
  public static final int MAX_ID_LENGTH = 64;

  /**
   * Validates the id and copies the condition; the condition itself is compiled by the catalog.
   *
   * @param id 1 to {@value #MAX_ID_LENGTH} characters of {@code [A-Za-z0-9_.:-]}
   * @param description free text, or {@code null} for ""
   * @param condition a JSON object; copied, so later changes to it have no effect
   * @throws NullPointerException if {@code id} or {@code condition} is null
   * @throws IllegalArgumentException if {@code id} is malformed or {@code condition} is not an
   *     object
   */
  public TagRule {
    Checks.requireNonNull(id, "id");
    Checks.checkArgument(
        !id.isEmpty() && id.length() <= MAX_ID_LENGTH && id.chars().allMatch(TagRule::isIdChar),
        "id must be 1 to %s characters of [A-Za-z0-9_.:-], got \"%s\"", MAX_ID_LENGTH, id);
    description = description == null ? "" : description;
    Checks.requireNonNull(condition, "condition");
    Checks.checkArgument(condition.isObject(), "condition of tag %s must be an object, got %s", id, condition);
    condition = condition.deepCopy();
  }

  private static boolean isIdChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '.' || c == ':' || c == '-';
  }
}
