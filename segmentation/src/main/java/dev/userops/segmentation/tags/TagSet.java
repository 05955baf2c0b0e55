package dev.userops.segmentation.tags;

import dev.userops.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The tags one profile carries: a bit per tag of a {@link TagCatalog}, in catalog order. Immutable. */
public final class TagSet {
  private final TagCatalog catalog;
  private final long[] words;

  TagSet(TagCatalog catalog, long[] words) {
    this.catalog = catalog;
    this.words = words;
  }

  /**
   * The catalog whose tags these are.
   *
   * @return the evaluating catalog
   */
  public TagCatalog catalog() {
    return catalog;
  }

  /**
   * Whether the tag at {@code index} (catalog order) is set.
   *
   * @param index a tag's position, in {@code [0, catalog().size())}
   * @return whether the profile carries it
   * @throws IllegalArgumentException if {@code index} is out of range
   */
  public boolean contains(int index) {
    Checks.requireInRange(index, 0, catalog.size() - 1, "index");
    return (words[index >>> 6] & (1L << index)) != 0;
  }

  /**
   * Whether the tag {@code id} is set.
   *
   * @param id a tag id
   * @return whether the profile carries it; {@code false} for ids not in the catalog (or null)
   */
  public boolean contains(String id) {
    int index = catalog.indexOf(id);
    return index >= 0 && contains(index);
  }

  /**
   * Number of tags set.
   *
   * @return the count, 0 for a profile with no tag
   */
  public int size() {
    int count = 0;
    for (long word : words) {
      count += Long.bitCount(word);
    }
    return count;
  }

  /**
   * The ids of the tags set, in catalog order.
   *
   * @return a new unmodifiable list, empty for no tag
   */
  public List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < catalog.size(); i++) {
      if (contains(i)) {
        ids.add(catalog.ids().get(i));
      }
    }
    return List.copyOf(ids);
  }

  /**
   * A copy of the bits: tag {@code i} is bit {@code i % 64} of word {@code i / 64}.
   *
   * @return a new array of the catalog's {@link TagCatalog#wordCount()} words
   */
  public long[] toLongArray() {
    return words.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TagSet other && catalog.equals(other.catalog) && Arrays.equals(words, other.words);
  }

  @Override
  public int hashCode() {
    return 31 * catalog.hashCode() + Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return ids().toString();
  }
}
