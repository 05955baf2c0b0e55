package dev.userops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UserIdDictionaryTest {
  @Test
  void assignsDenseIndexesInFirstSeenOrder() {
    UserIdDictionary dictionary = new UserIdDictionary();
    assertThat(dictionary.indexOf("u-42")).isZero();
    assertThat(dictionary.indexOf("u-7")).isEqualTo(1);
    assertThat(dictionary.indexOf("u-42")).isZero();
    assertThat(dictionary.size()).isEqualTo(2);
    assertThat(dictionary.userId(1)).isEqualTo("u-7");
    assertThat(dictionary.find("u-7")).isEqualTo(1);
    assertThat(dictionary.find("nobody")).isEqualTo(-1);
    assertThat(dictionary.size()).isEqualTo(2);
  }

  @Test
  void anIdAndItsUtf8BytesShareOneIndex() {
    UserIdDictionary dictionary = new UserIdDictionary();
    byte[] row = "7,用户-42,x".getBytes(StandardCharsets.UTF_8);
    int start = 2;
    int length = "用户-42".getBytes(StandardCharsets.UTF_8).length;
    assertThat(dictionary.indexOf("u-1")).isZero();
    assertThat(dictionary.indexOf(row, start, length)).isEqualTo(1);
    assertThat(dictionary.indexOf("用户-42")).isEqualTo(1);
    assertThat(dictionary.find("用户-42")).isEqualTo(1);
    assertThat(dictionary.userId(1)).isEqualTo("用户-42");
    assertThat(dictionary.indexOf(row, 0, 0)).isEqualTo(2);
    assertThat(dictionary.userId(2)).isEmpty();
  }

  @Test
  void rejectsNullAndUnknownIndexes() {
    UserIdDictionary dictionary = new UserIdDictionary();
    assertThatThrownBy(() -> dictionary.indexOf((String) null)).hasMessage("userId must not be null");
    assertThatThrownBy(() -> dictionary.find(null)).hasMessage("userId must not be null");
    assertThatThrownBy(() -> dictionary.indexOf(null, 0, 0)).hasMessage("utf8 must not be null");
    assertThatThrownBy(() -> dictionary.indexOf(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> dictionary.userId(0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> dictionary.userId(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(dictionary.size()).isZero();
  }
}
