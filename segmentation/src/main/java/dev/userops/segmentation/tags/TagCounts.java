package dev.userops.segmentation.tags;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Users per tag over a population.
 *
 * @param users profiles counted
 * @param usersByTag users carrying each tag, for every tag of the catalog (0 included), in catalog order
 */
public record TagCounts(long users, Map<String, Long> usersByTag) {
  /**
   * Validates the counts ({@code 0 <= count <= users}) and copies them in their iteration order.
   *
   * @param users profiles counted, {@code >= 0}
   * @param usersByTag users carrying each tag
   * @throws NullPointerException if {@code usersByTag} or a count is null
   * @throws IllegalArgumentException if {@code users < 0} or a count is outside {@code [0, users]}
   */
  public TagCounts {
    Checks.requireNonNegative(users, "users");
    Checks.requireNonNull(usersByTag, "usersByTag");
    usersByTag.forEach((tag, count) -> Checks.requireInRange(
        Checks.requireNonNull(count, "usersByTag." + tag), 0, users, "usersByTag." + tag));
    usersByTag = Collections.unmodifiableMap(new LinkedHashMap<>(usersByTag));
  }

  /**
   * Users carrying one tag.
   *
   * @param tag a tag id
   * @return the count; 0 for a tag not counted (or null)
   */
  public long users(String tag) {
    return usersByTag.getOrDefault(tag, 0L);
  }

  /**
   * This result as JSON, the form {@code userops tags --json} prints.
   *
   * @return compact JSON
   */
  public String toJson() {
    return Json.write(this);
  }
}
