package dev.userops.segmentation.condition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A profile's attributes resolved once for a {@link ProfileSchema}: one value per path, in slot
 * order, {@code null} for a missing attribute or JSON null. Made and refilled by {@link
 * ProfileSchema#flatten}; mutable, so not to be shared between threads while refilled.
 */
public final class FlatProfile {
  private final ProfileSchema schema;
  final JsonNode[] values;

  FlatProfile(ProfileSchema schema) {
    this.schema = schema;
    this.values = new JsonNode[schema.paths().size()];
  }

  /**
   * The schema this profile was flattened for.
   *
   * @return the schema that made this profile
   */
  public ProfileSchema schema() {
    return schema;
  }

  /**
   * The value at {@code path}'s slot, for inspection; conditions read slots directly.
   *
   * @param path a dot path as listed by {@link ProfileSchema#paths()}
   * @return the resolved value; {@code null} if missing, JSON null or not in the schema
   */
  public JsonNode get(String path) {
    int slot = schema.paths().indexOf(path);
    return slot < 0 ? null : values[slot];
  }
}
