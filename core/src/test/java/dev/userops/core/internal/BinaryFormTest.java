package dev.userops.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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
  void familyMustBeFourAsciiCharacters() {
    assertThatThrownBy(() -> BinaryForm.writer("TOOLONG", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("family must be 4 ASCII characters, got \"TOOLONG\"");
  }
}
