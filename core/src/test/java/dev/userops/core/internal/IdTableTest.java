package dev.userops.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class IdTableTest {
  private static byte[] utf8(String id) {
    return id.getBytes(StandardCharsets.UTF_8);
  }

  /** Adds every id, then checks each one's index, lookup and string against first-seen order. */
  private static IdTable assertDense(List<String> ids) {
    IdTable table = new IdTable();
    for (int i = 0; i < ids.size(); i++) {
      assertThat(table.indexOf(ids.get(i))).as("new id %s", i).isEqualTo(i);
    }
    assertThat(table.size()).isEqualTo(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      assertThat(table.indexOf(ids.get(i))).isEqualTo(i);
      assertThat(table.find(ids.get(i))).isEqualTo(i);
      assertThat(table.get(i)).isEqualTo(ids.get(i));
    }
    assertThat(table.size()).isEqualTo(ids.size());
    return table;
  }

  @Test
  void idsOfAnotherTableAreLookedUpByTheirBytes() {
    IdTable earlier = new IdTable(3);
    IdTable later = new IdTable();
    for (String id : List.of("o1", "o2", "caf\u00e9")) {
      earlier.indexOf(id);
    }
    for (String id : List.of("o3", "caf\u00e9", "", "o1")) {
      later.indexOf(id);
    }
    assertThat(earlier.find(later, 0)).isEqualTo(-1);
    assertThat(earlier.find(later, 1)).isEqualTo(2);
    assertThat(earlier.find(later, 3)).isZero();
    assertThatThrownBy(() -> earlier.find(later, 4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  /** Appended ids, repeats and all, are indexed later: repeats are exactly the later copies. */
  @Property(tries = 200)
  void appendedIdsIndexedLaterMarkExactlyTheRepeats(@ForAll("fewDistinct") List<String> ids) {
    IdTable table = new IdTable();
    table.indexOf("before");
    for (String id : ids) {
      table.append(id);
    }
    BitSet repeats = new BitSet();
    table.indexAppended(repeats);
    Map<String, Integer> first = new HashMap<>(Map.of("before", 0));
    BitSet expected = new BitSet();
    for (int i = 0; i < ids.size(); i++) {
      if (first.putIfAbsent(ids.get(i), i + 1) != null) {
        expected.set(i + 1);
      }
    }
    assertThat(repeats).isEqualTo(expected);
    assertThat(table.size()).isEqualTo(ids.size() + 1);
    first.forEach((id, index) -> {
      assertThat(table.find(id)).isEqualTo(index);
      assertThat(table.get(index)).isEqualTo(id);
    });
    // New ids after indexing get the next index, and growing keeps every first index.
    for (int i = 0; i < 2_000; i++) {
      assertThat(table.indexOf("new" + i)).isEqualTo(ids.size() + 1 + i);
    }
    first.forEach((id, index) -> assertThat(table.find(id)).isEqualTo(index));
  }

  @Provide
  Arbitrary<List<String>> fewDistinct() {
    return Arbitraries.strings().withChars("ab\u00e9").ofMaxLength(4).list().ofMaxSize(3_000);
  }

  @Test
  void lookupsWaitUntilAppendedIdsAreIndexed() {
    IdTable table = new IdTable();
    table.append("x");
    assertThatThrownBy(() -> table.find("x")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("indexAppended");
    assertThatThrownBy(() -> table.indexOf("y")).isInstanceOf(IllegalStateException.class);
    table.indexAppended(new BitSet());
    assertThat(table.indexOf("x")).isZero();
  }

  @Test
  void aPresizedTableHoldsAnyNumberOfIds() {
    for (int expected : new int[] {0, 1, 10, 100_000}) {
      IdTable table = new IdTable(expected);
      for (int i = 0; i < 5_000; i++) {
        assertThat(table.indexOf("id" + i)).isEqualTo(i);
      }
      assertThat(table.find("id4999")).isEqualTo(4_999);
    }
    assertThatThrownBy(() -> new IdTable(-1)).hasMessage("expectedIds must be >= 0, got -1");
  }

  @Test
  void theEmptyStringIsAnIdLikeAnyOther() {
    IdTable table = new IdTable();
    assertThat(table.find("")).isEqualTo(-1);
    assertThat(table.indexOf("a")).isZero();
    assertThat(table.indexOf("")).isEqualTo(1);
    assertThat(table.indexOf(new byte[3], 2, 0)).isEqualTo(1);
    assertThat(table.get(1)).isEmpty();
    assertThat(table.indexOf("b")).isEqualTo(2);
    assertThat(table.get(0)).isEqualTo("a");
    assertThat(table.get(2)).isEqualTo("b");
  }

  @Test
  void keepsNonAsciiIdsExactly() {
    // Two, three and four UTF-8 bytes, a decomposed é beside the composed one, unpaired surrogates
    // (which String.getBytes would turn into '?') and a reversed pair.
    assertDense(List.of("é", "e\u0301", "€", "用户-1", "😀", "?", "\uD83D", "\uDE00", "\uDE00\uD83D",
        "a\uD83Db", "?b", "\u0000", "\u007F", "\u0080", "\u07FF", "\u0800", "\uFFFF", "\uDBFF\uDFFF"));
  }

  @Test
  void stringsAndTheirUtf8AreOneId() {
    IdTable table = new IdTable();
    byte[] buffer = new byte[64];
    for (String id : List.of("u-1", "用户-1", "😀", "")) {
      byte[] bytes = utf8(id);
      System.arraycopy(bytes, 0, buffer, 5, bytes.length);
      int index = table.indexOf(buffer, 5, bytes.length);
      assertThat(table.find(id)).isEqualTo(index);
      assertThat(table.indexOf(id)).isEqualTo(index);
      assertThat(table.get(index)).isEqualTo(id);
    }
    assertThat(table.size()).isEqualTo(4);
  }

  @Test
  void copiesTheBytesSoTheCallerMayReuseTheBuffer() {
    IdTable table = new IdTable();
    byte[] buffer = utf8("abc");
    table.indexOf(buffer, 0, 3);
    buffer[0] = 'x';
    assertThat(table.get(0)).isEqualTo("abc");
    assertThat(table.find("abc")).isZero();
    assertThat(table.find("xbc")).isEqualTo(-1);
  }

  @Test
  void keepsLongIdsThatDifferOnlyAtTheEnd() {
    String ascii = "x".repeat(10_000);
    String wide = "用".repeat(10_000);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      // Past one block of 1,024 ids, so a block of 30 MB of UTF-8 is grown and trimmed.
      ids.add((i % 2 == 0 ? ascii : wide) + i);
    }
    ids.add(ascii);
    ids.add(wide);
    assertDense(ids);
  }

  @Test
  void growsAcrossResizesAndBlocks() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      ids.add("u" + i);
    }
    IdTable table = assertDense(ids);
    assertThat(table.find("u200000")).isEqualTo(-1);
  }

  @Test
  void idsWithTheSameHashStayDistinct() {
    // 32-bit hashes of 300,000 ids collide about 10 times (the birthday bound): find those pairs.
    int n = 300_000;
    long[] hashAndId = new long[n];
    for (int i = 0; i < n; i++) {
      byte[] bytes = utf8("o" + i);
      hashAndId[i] = (long) IdTable.hash(bytes, 0, bytes.length) << 32 | i;
    }
    Arrays.sort(hashAndId);
    List<String> colliding = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      if (hashAndId[i] >>> 32 == hashAndId[i - 1] >>> 32) {
        colliding.add("o" + (int) hashAndId[i - 1]);
        colliding.add("o" + (int) hashAndId[i]);
      }
    }
    assertThat(colliding).hasSizeGreaterThanOrEqualTo(4);
    IdTable table = assertDense(colliding);
    assertThat(table.find("o" + n)).isEqualTo(-1);
  }

  @Test
  void keepsIllFormedBytesApartAndDecodesThemWithoutFailing() {
    IdTable table = new IdTable();
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Integer> model = new HashMap<>();
    for (int i = 0; i < 2_000; i++) {
      byte[] bytes = new byte[random.nextInt(6)];
      random.nextBytes(bytes);
      int expected = model.computeIfAbsent(Arrays.toString(bytes), k -> model.size());
      assertThat(table.indexOf(bytes, 0, bytes.length)).isEqualTo(expected);
      assertThat(table.get(expected)).isNotNull();
    }
  }

  @Test
  void rejectsNullsAndIndexesOutOfRange() {
    IdTable table = new IdTable();
    table.indexOf("a");
    assertThatThrownBy(() -> table.indexOf((String) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> table.find(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> table.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> table.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> table.indexOf(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> table.indexOf(new byte[2], -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(table.size()).isEqualTo(1);
  }

  /** One step against the table and a {@code HashMap} model: add or look up, as a string or bytes. */
  record Step(String id, boolean add, boolean asBytes) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    // Few characters and short ids, so ids repeat; every UTF-8 length, and unpaired surrogates.
    Arbitrary<String> ids = Arbitraries.strings()
        .withChars('a', 'b', ' ', 'é', '€', '\uD83D', '\uDE00', '?')
        .ofMaxLength(4);
    Arbitrary<Boolean> flag = Arbitraries.of(true, false);
    return Combinators.combine(ids, flag, flag).as(Step::new).list().ofMaxSize(300);
  }

  @Property(tries = 300)
  void behavesLikeAHashMapAndAList(@ForAll("steps") List<Step> steps) {
    IdTable table = new IdTable();
    Map<String, Integer> indexes = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (Step step : steps) {
      String id = step.id();
      // Only well-formed strings have a UTF-8 form to compare with.
      boolean bytes = step.asBytes() && id.equals(new String(utf8(id), StandardCharsets.UTF_8));
      if (step.add()) {
        int expected = indexes.computeIfAbsent(id, k -> ids.size());
        if (expected == ids.size()) {
          ids.add(id);
        }
        assertThat(bytes ? table.indexOf(utf8(id), 0, utf8(id).length) : table.indexOf(id)).isEqualTo(expected);
      } else {
        assertThat(table.find(id)).isEqualTo(indexes.getOrDefault(id, -1));
      }
      assertThat(table.size()).isEqualTo(ids.size());
    }
    for (int i = 0; i < ids.size(); i++) {
      assertThat(table.get(i)).isEqualTo(ids.get(i));
    }
  }
}
