package dev.userops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void rejectsNullAndUnknownIndexes() {
    UserIdDictionary dictionary = new UserIdDictionary();
    assertThatThrownBy(() -> dictionary.indexOf(null)).hasMessage("userId must not be null");
    assertThatThrownBy(() -> dictionary.userId(0)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
