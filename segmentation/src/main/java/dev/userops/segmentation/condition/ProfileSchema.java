package dev.userops.segmentation.condition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.core.internal.Checks;
import java.util.List;

/**
 * The attribute paths that a set of compiled conditions reads at the top level, each given a slot.
 * Flattening a profile resolves every path once, so that conditions sharing attributes (a tag
 * catalog) index an array instead of walking the document per rule. Immutable and thread-safe.
 */
public final class ProfileSchema {
  private final List<String> paths;
  private final Path[] compiled;

  ProfileSchema(List<String> paths) {
    this.paths = List.copyOf(paths);
    this.compiled = paths.stream().map(Path::new).toArray(Path[]::new);
  }

  /**
   * The dot paths read, in slot order.
   *
   * @return an unmodifiable list, e.g. {@code [region, orders180d]}; empty for conditions that
   *     read no attribute
   */
  public List<String> paths() {
    return paths;
  }

  /**
   * A new flattened profile of {@code profile} (a JSON document, usually an object).
   *
   * @param profile the user's attributes
   * @return a new flat profile of this schema
   * @throws NullPointerException if {@code profile} is null
   */
  public FlatProfile flatten(JsonNode profile) {
    return flatten(profile, new FlatProfile(this));
  }

  /**
   * Fills {@code into} with the attributes of {@code profile} and returns it; allocation-free, so one
   * {@link FlatProfile} per thread can be reused for a whole population.
   *
   * @param profile the user's attributes
   * @param into a flat profile made by this schema; every slot is overwritten
   * @return {@code into}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code into} was made by another schema
   */
  public FlatProfile flatten(JsonNode profile, FlatProfile into) {
    Checks.requireNonNull(profile, "profile");
    Checks.checkArgument(into.schema() == this, "flat profile of another schema: %s, expected %s", into.schema(), this);
    JsonNode[] values = into.values;
    for (int i = 0; i < compiled.length; i++) {
      values[i] = compiled[i].resolve(profile);
    }
    return into;
  }

  @Override
  public String toString() {
    return "ProfileSchema" + paths;
  }
}
