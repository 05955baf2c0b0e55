package dev.userops.segmentation.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.testing.StateSize;
import org.junit.jupiter.api.Test;

/**
 * {@link TagCounter} state does not grow with users: by design it holds one {@code long} count per
 * tag of the catalog and a user total, so 0 bytes per user in memory and in {@code toByteArray()}.
 */
class TagCounterMemoryTest {
  private static final TagCountSpec SPEC = TagCountSpec.of(TagCatalog.fromJson(TagCatalogTest.CATALOG));

  /** {@code users} users, each tagged with one of the 32 subsets of the catalog's five tags. */
  private static TagCounter filled(int users) {
    TagCounter counter = SPEC.newAccumulator();
    long[] words = new long[SPEC.catalog().wordCount()];
    for (int user = 0; user < users; user++) {
      words[0] = user & 31;
      counter.add(words);
    }
    return counter;
  }

  @Test
  void stateIsConstantInUsers() {
    StateSize.assertLinear(TagCounterMemoryTest::filled, 0, 0, 1_024);
  }

  @Test
  void filledCounterCountsEveryUser() {
    TagCounts counts = filled(1_000).result();
    assertThat(counts.users()).isEqualTo(1_000);
    assertThat(counts.users("shanghai")).isEqualTo(500);
  }
}
