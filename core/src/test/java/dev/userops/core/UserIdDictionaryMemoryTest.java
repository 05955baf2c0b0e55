package dev.userops.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.testing.StateSize;
import org.junit.jupiter.api.Test;

/**
 * {@link UserIdDictionary} grows linearly in ids. Per id the design holds its UTF-8 bytes, a 4-byte
 * end offset and one 4-byte slot at a load between 0.35 and 0.7 (at most 11.5 bytes): the id's
 * length plus 16 bytes, here 8 + 16 for ids like {@code u0001234}. The constant is the first block
 * (an {@code int[1024]} of end offsets).
 */
class UserIdDictionaryMemoryTest {
  static UserIdDictionary filled(int ids) {
    UserIdDictionary dictionary = new UserIdDictionary();
    for (int i = 0; i < ids; i++) {
      dictionary.indexOf(String.format("u%07d", i * 7_919 % 10_000_000));
    }
    return dictionary;
  }

  @Test
  void heapIsLinearInIds() {
    StateSize.assertHeapLinear(UserIdDictionaryMemoryTest::filled, "ids", 8 + 16, 8_192);
  }

  @Test
  void filledDictionaryHoldsEveryId() {
    UserIdDictionary dictionary = filled(1_000);
    assertThat(dictionary.size()).isEqualTo(1_000);
    assertThat(dictionary.userId(999)).isEqualTo("u7911081");
  }
}
