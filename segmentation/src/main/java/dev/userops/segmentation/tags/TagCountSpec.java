package dev.userops.segmentation.tags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.core.AccumulatorSpec;
import dev.userops.core.Accumulators;
import dev.userops.core.Checks;
import dev.userops.core.UserOpsJson;
import java.util.stream.Collector;

/**
 * Defines a count of users per tag over a population: equal catalogs make mergeable counters. JSON
 * form: {@code {"catalog":{...the catalog's JSON form...}}}.
 *
 * @param catalog the tags to count
 */
public record TagCountSpec(TagCatalog catalog) implements AccumulatorSpec<TagCounter, TagCounts> {
  /** Requires a catalog. */
  public TagCountSpec {
    Checks.requireNonNull(catalog, "catalog");
  }

  /** A spec counting the tags of {@code catalog}. */
  public static TagCountSpec of(TagCatalog catalog) {
    return new TagCountSpec(catalog);
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @throws dev.userops.core.ConfigException naming the offending path
   */
  public static TagCountSpec fromJson(String json) {
    return UserOpsJson.read(json, TagCountSpec.class);
  }

  /** This spec's JSON form. */
  public String toJson() {
    return UserOpsJson.write(this);
  }

  /** A collector counting the tags of a stream of profiles (JSON objects). */
  public Collector<JsonNode, TagCounter, TagCounts> collector() {
    return Accumulators.collector(this, TagCounter::add);
  }

  @Override
  public TagCounter newAccumulator() {
    return new TagCounter(this);
  }

  @Override
  public TagCounter accumulatorFromBytes(byte[] bytes) {
    return TagCounter.fromBytes(this, bytes);
  }
}
