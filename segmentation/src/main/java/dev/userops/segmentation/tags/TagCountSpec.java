package dev.userops.segmentation.tags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.core.AccumulatorSpec;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.stream.Collector;

/**
 * Defines a count of users per tag over a population: equal catalogs make mergeable counters. JSON
 * form: {@code {"catalog":{...the catalog's JSON form...}}}.
 *
 * @param catalog the tags to count
 */
public record TagCountSpec(TagCatalog catalog) implements AccumulatorSpec<TagCounter, TagCounts> {
  /** Format version of the JSON form, written as its {@code version} field. */
  private static final int JSON_VERSION = 1;

  /**
   * Requires a catalog.
   *
   * @param catalog the tags to count
   * @throws NullPointerException if {@code catalog} is null
   */
  public TagCountSpec {
    Checks.requireNonNull(catalog, "catalog");
  }

  /**
   * A spec counting the tags of {@code catalog}.
   *
   * @param catalog the tags to count
   * @return the spec
   * @throws NullPointerException if {@code catalog} is null
   */
  public static TagCountSpec of(TagCatalog catalog) {
    return new TagCountSpec(catalog);
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @param json the JSON form, with the catalog in its own JSON form
   * @return the spec
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending path
   */
  public static TagCountSpec fromJson(String json) {
    return Json.readVersioned(json, TagCountSpec.class, JSON_VERSION);
  }

  /**
   * This spec's JSON form.
   *
   * @return compact JSON, read back by {@link #fromJson}; it identifies the spec in the counter's
   *     bytes
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * A collector counting the tags of a stream of profiles (JSON objects).
   *
   * @return a collector counting each profile as one user
   */
  public Collector<JsonNode, TagCounter, TagCounts> collector() {
    return Accumulators.collector(this, TagCounter::add);
  }

  @Override
  public TagCounter newAccumulator() {
    return new TagCounter(this);
  }

  @Override
  public TagCounter accumulatorFromBytes(byte[] bytes) {
    return TagCounter.FORM.read(bytes, this);
  }
}
