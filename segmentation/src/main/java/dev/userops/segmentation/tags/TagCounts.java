package dev.userops.segmentation.tags;

import dev.userops.core.Checks;
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
  /** Validates the counts ({@code 0 <= count <= users}) and copies them in their iteration order. */
  public TagCounts {
    Checks.requireNonNegative(users, "users");
    Checks.requireNonNull(usersByTag, "usersByTag");
    usersByTag.forEach((tag, count) -> Checks.requireInRange(
        Checks.requireNonNull(count, "usersByTag." + tag), 0, users, "usersByTag." + tag));
    usersByTag = Collections.unmodifiableMap(new LinkedHashMap<>(usersByTag));
  }

  /** Users carrying {@code tag}; 0 for a tag not counted. */
  public long users(String tag) {
    return usersByTag.getOrDefault(tag, 0L);
  }
}
