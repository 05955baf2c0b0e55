package dev.userops.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinaryFormTest {
  private static byte[] sample() {
    BinaryForm.Writer writer = BinaryForm.writer("TEST", 2).putByte(200).putInt(-7).putLong(Long.MIN_VALUE);
    for (int i = 0; i < 100; i++) {
      writer.putString("héllo " + i); // grows the buffer past its first allocation
    }
    return writer.toByteArray();
  }

  @Test
  void roundTripsEveryType() {
    BinaryForm.Reader reader = BinaryForm.reader(sample(), "TEST", 2);
    assertThat(reader.version()).isEqualTo(2);
    assertThat(reader.getByte("b")).isEqualTo(200);
    assertThat(reader.getInt("i")).isEqualTo(-7);
    assertThat(reader.getLong("l")).isEqualTo(Long.MIN_VALUE);
    for (int i = 0; i < 100; i++) {
      assertThat(reader.getString("s")).isEqualTo("héllo " + i);
    }
    reader.finish();
  }

  @Test
  void headerMismatchesSayWhatWasExpectedAndFound() {
    assertThatThrownBy(() -> BinaryForm.reader(sample(), "TEST", 1))
        .hasMessage("TEST: expected format version 1..1, got 2");
    assertThatThrownBy(() -> BinaryForm.reader(sample(), "OSUM", 2))
        .hasMessage("expected binary form of family OSUM, got TEST");
    assertThatThrownBy(() -> BinaryForm.reader(new byte[12], "TEST", 2))
        .hasMessage("not a UserOps binary form: expected magic 0x554F5053, got 0x00000000");
    assertThatThrownBy(() -> BinaryForm.reader(new byte[3], "TEST", 2))
        .hasMessage("TEST: truncated at magic: expected 4 more bytes at offset 0, got 3");
  }

  @Test
  void truncationAndTrailingBytesAreCaught() {
    byte[] bytes = sample();
    BinaryForm.Reader reader = BinaryForm.reader(Arrays.copyOf(bytes, 14), "TEST", 2);
    reader.getByte("b");
    assertThatThrownBy(() -> reader.getInt("count")).hasMessageStartingWith("TEST: truncated at count");
    BinaryForm.Reader trailing = BinaryForm.reader(bytes, "TEST", 2);
    trailing.getByte("b");
    assertThatThrownBy(trailing::finish).hasMessageContaining("trailing bytes");
  }

  @Test
  void boundedIntsAndBadStringLengthsAreRejected() {
    byte[] bytes = BinaryForm.writer("TEST", 1).putInt(-1).putInt(1_000_000).toByteArray();
    BinaryForm.Reader reader = BinaryForm.reader(bytes, "TEST", 1);
    assertThatThrownBy(() -> reader.getInt("size", 0, 10)).hasMessage("TEST: size must be in [0, 10], got -1");
    assertThatThrownBy(() -> reader.getString("name")).hasMessageStartingWith("TEST: name.length must be in [0, 0]");
  }

  @Test
  void ascendingEntriesRoundTripWithTheirCountFilledIn() {
    long[] values = {0, 7, 0, 0, 9};
    BinaryForm.Writer writer = BinaryForm.writer("TEST", 1);
    writer.putAscending(values.length, id -> values[id] != 0, id -> writer.putLong(values[id]));
    BinaryForm.Reader reader = BinaryForm.reader(writer.toByteArray(), "TEST", 1);
    Map<Integer, Long> read = new LinkedHashMap<>();
    reader.getAscending("users", "userId", values.length - 1, id -> read.put(id, reader.getLong("value")));
    reader.finish();
    assertThat(read).containsExactly(entry(1, 7L), entry(4, 9L));
  }

  @Test
  void ascendingIdsOutOfOrderOrRangeAndTooManyEntriesAreRejected() {
    assertThatThrownBy(() -> readAscending(4, 2, 3, 3)).hasMessage("TEST: userId must be in [4, 4], got 3");
    assertThatThrownBy(() -> readAscending(4, 1, 5)).hasMessage("TEST: userId must be in [0, 4], got 5");
    assertThatThrownBy(() -> readAscending(4, 6)).hasMessage("TEST: users must be in [0, 5], got 6");
    assertThatThrownBy(() -> readAscending(Integer.MAX_VALUE, 2, Integer.MAX_VALUE, 0))
        .as("no id follows the largest")
        .hasMessage("TEST: userId must be in [2147483648, 2147483647], got 0");
  }

  private static void readAscending(int maxId, int... ints) {
    BinaryForm.Writer writer = BinaryForm.writer("TEST", 1);
    for (int i : ints) {
      writer.putInt(i);
    }
    BinaryForm.reader(writer.toByteArray(), "TEST", 1).getAscending("users", "userId", maxId, id -> {});
  }

  @Test
  void familyMustBeFourAsciiCharacters() {
    assertThatThrownBy(() -> BinaryForm.writer("TOOLONG", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("family must be 4 ASCII characters, got \"TOOLONG\"");
    // Four characters, but not ASCII: once encoded as '?', it would have read as family "?EST".
    assertThatThrownBy(() -> BinaryForm.reader(BinaryForm.writer("TEST", 1).toByteArray(), "\u00c4EST", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("family must be 4 ASCII characters, got \"\u00c4EST\"");
  }
}
