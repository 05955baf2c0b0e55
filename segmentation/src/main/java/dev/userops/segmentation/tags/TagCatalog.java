package dev.userops.segmentation.tags;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.userops.core.ConfigException;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.segmentation.condition.Condition;
import dev.userops.segmentation.condition.ConditionMode;
import dev.userops.segmentation.condition.FlatProfile;
import dev.userops.segmentation.condition.ProfileSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Operator-defined tags as data: an ordered list of {@link TagRule}s whose conditions are compiled
 * once, against one {@link ProfileSchema}, and evaluated into a compact {@link TagSet} (a bit per
 * tag, in catalog order). Immutable and thread-safe.
 *
 * <p>JSON form ({@value #FORMAT_VERSION}): {@code {"version":1,"mode":"STRICT",
 * "savedGroups":{"staff":[1,2]},"tags":[{"id":"vip","description":"...","condition":{...}}]}};
 * {@code mode} (see {@link ConditionMode}) defaults to {@code STRICT} and {@code savedGroups} to
 * none. A bad condition fails the whole catalog with a {@link ConfigException} naming the path, e.g.
 * {@code tags[2].condition.age.$gte: expected a number or string, got boolean true}.
 */
public final class TagCatalog {
  /** The catalog JSON format this code reads and writes. */
  public static final int FORMAT_VERSION = 1;
  /** Most tags in one catalog. */
  public static final int MAX_TAGS = 4096;

  private final CatalogDocument document;
  private final List<String> ids;
  private final Map<String, Integer> indexes = new HashMap<>();
  private final Condition[] conditions;
  private final ProfileSchema schema;

  private TagCatalog(CatalogDocument document) {
    this.document = document;
    List<TagRule> tags = document.tags();
    if (tags.size() > MAX_TAGS) {
      throw new ConfigException("tags", "expected at most " + MAX_TAGS + " tags, got " + tags.size());
    }
    List<String> tagIds = new ArrayList<>();
    List<JsonNode> sources = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      TagRule tag = Checks.requireNonNull(tags.get(i), "tags[" + i + "]");
      Integer first = indexes.putIfAbsent(tag.id(), i);
      if (first != null) {
        throw new ConfigException("tags[" + i + "].id", "duplicate tag id \"" + tag.id() + "\" (first at tags[" + first + "])");
      }
      tagIds.add(tag.id());
      sources.add(tag.condition());
      paths.add("tags[" + i + "].condition");
    }
    this.ids = List.copyOf(tagIds);
    List<Condition> compiled = Condition.compileAll(sources, paths, document.savedGroups(), document.mode());
    this.conditions = compiled.toArray(Condition[]::new);
    this.schema = compiled.isEmpty() ? Condition.compile(JsonNodeFactory.instance.objectNode()).schema()
        : compiled.get(0).schema();
  }

  /**
   * A catalog of {@code tags} in {@link ConditionMode#STRICT} without saved groups.
   *
   * @param tags the tags in catalog order, at most {@value #MAX_TAGS}; an empty list gives a
   *     catalog that tags nobody
   * @return the compiled catalog
   * @throws NullPointerException if {@code tags} or a tag is null
   * @throws ConfigException for duplicate ids, too many tags or a bad condition, naming its path
   */
  public static TagCatalog of(List<TagRule> tags) {
    return of(tags, null, ConditionMode.STRICT);
  }

  /**
   * A catalog of {@code tags}.
   *
   * @param tags the tags in catalog order, at most {@value #MAX_TAGS}
   * @param savedGroups object of group id to array of members for {@code $inGroup}; {@code null} for none
   * @param mode how conditions the GrowthBook reference silently answers compile; {@code null} for
   *     {@link ConditionMode#STRICT}
   * @return the compiled catalog
   * @throws NullPointerException if {@code tags} or a tag is null
   * @throws ConfigException for duplicate ids, too many tags or a bad condition, naming its path
   */
  public static TagCatalog of(List<TagRule> tags, JsonNode savedGroups, ConditionMode mode) {
    return new TagCatalog(new CatalogDocument(FORMAT_VERSION, mode, savedGroups, tags));
  }

  /**
   * Reads a catalog from its JSON form.
   *
   * @param json the JSON form; {@code version} (or, as written before 0.1.0, {@code
   *     formatVersion}) must be {@value #FORMAT_VERSION}
   * @return the compiled catalog
   * @throws NullPointerException if {@code json} is null
   * @throws ConfigException naming the offending path
   */
  public static TagCatalog fromJson(String json) {
    return Json.read(json, TagCatalog.class);
  }

  @JsonCreator
  static TagCatalog fromDocument(CatalogDocument document) {
    return new TagCatalog(document);
  }

  @JsonValue
  CatalogDocument document() {
    return document;
  }

  /**
   * This catalog's JSON form.
   *
   * @return compact JSON with format version, mode, saved groups and tags, read back by {@link
   *     #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * The tags, in catalog order.
   *
   * @return an unmodifiable list
   */
  public List<TagRule> tags() {
    return document.tags();
  }

  /**
   * Tag ids in catalog order: bit {@code i} of a {@link TagSet} is {@code ids().get(i)}.
   *
   * @return an unmodifiable list of distinct ids
   */
  public List<String> ids() {
    return ids;
  }

  /**
   * Number of tags.
   *
   * @return the tag count, in {@code [0, MAX_TAGS]}
   */
  public int size() {
    return ids.size();
  }

  /**
   * The index of a tag.
   *
   * @param id a tag id, compared exactly
   * @return its position in catalog order, or -1 if it is not in this catalog (or null)
   */
  public int indexOf(String id) {
    Integer index = indexes.get(id);
    return index == null ? -1 : index;
  }

  /**
   * The attribute paths the conditions read at the top level; flatten profiles with it.
   *
   * @return the schema shared by every condition of the catalog
   */
  public ProfileSchema schema() {
    return schema;
  }

  /**
   * Length of the {@code long[]} tag bit sets this catalog fills.
   *
   * @return {@code ceil(size() / 64)}; 0 for an empty catalog
   */
  public int wordCount() {
    return (ids.size() + 63) >>> 6;
  }

  /**
   * The tags {@code profile} (a JSON object) carries.
   *
   * @param profile the user's attributes
   * @return a new tag set
   * @throws NullPointerException if {@code profile} is null
   * @throws IllegalArgumentException if {@code profile} is not a JSON object
   */
  public TagSet evaluate(JsonNode profile) {
    long[] words = new long[wordCount()];
    evaluate(profile, words);
    return new TagSet(this, words);
  }

  /**
   * The tags a profile flattened with {@link #schema()} carries.
   *
   * @param profile the user's attributes, flattened with {@link #schema()}
   * @return a new tag set
   * @throws NullPointerException if {@code profile} is null and the catalog has tags
   * @throws IllegalArgumentException if {@code profile} was flattened with another schema
   */
  public TagSet evaluate(FlatProfile profile) {
    long[] words = new long[wordCount()];
    evaluate(profile, words);
    return new TagSet(this, words);
  }

  /**
   * Writes the tags {@code profile} carries into {@code words} (bit {@code i % 64} of word {@code
   * i / 64} for tag {@code i}; every other bit of the first {@link #wordCount()} words cleared),
   * without allocating.
   *
   * @param profile the user's attributes, a JSON object
   * @param words receives the tag bits; words past {@link #wordCount()} are left alone
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code profile} is not an object or {@code words} is shorter than {@link #wordCount()}
   */
  public void evaluate(JsonNode profile, long[] words) {
    Checks.requireNonNull(profile, "profile");
    Checks.checkArgument(profile.isObject(), "profile must be a JSON object, got %s", profile.getNodeType());
    clear(words);
    for (int i = 0; i < conditions.length; i++) {
      if (conditions[i].test(profile)) {
        words[i >>> 6] |= 1L << i;
      }
    }
  }

  /**
   * Writes the tags a flattened profile carries into {@code words}, without allocating: the fast path
   * when many tags read the same attributes.
   *
   * @param profile the user's attributes, flattened with {@link #schema()}
   * @param words receives the tag bits; words past {@link #wordCount()} are left alone
   * @throws NullPointerException if {@code words} is null, or {@code profile} is and the catalog
   *     has tags
   * @throws IllegalArgumentException if {@code profile} was not flattened with {@link #schema()} or
   *     {@code words} is shorter than {@link #wordCount()}
   */
  public void evaluate(FlatProfile profile, long[] words) {
    clear(words);
    for (int i = 0; i < conditions.length; i++) {
      if (conditions[i].test(profile)) {
        words[i >>> 6] |= 1L << i;
      }
    }
  }

  private void clear(long[] words) {
    Checks.checkArgument(words.length >= wordCount(), "words must have length >= %s, got %s", wordCount(), words.length);
    Arrays.fill(words, 0, wordCount(), 0L);
  }

  /** Catalogs are equal when their JSON forms are: same tags in the same order, groups and mode. */
  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof TagCatalog other && document.equals(other.document);
  }

  @Override
  public int hashCode() {
    return Objects.hash(document);
  }

  @Override
  public String toString() {
    return "TagCatalog" + ids;
  }
}
