package dev.userops.core.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksTest {
  @Test
  void equalLengthsPass() {
    assertThatCode(() -> Checks.requireEqualLengths("a and b", 3, 3)).doesNotThrowAnyException();
    assertThatCode(() -> Checks.requireEqualLengths("a, b and c", 0, 0, 0)).doesNotThrowAnyException();
  }

  @Test
  void unequalLengthsNameTheColumnsAndEveryLength() {
    assertThatThrownBy(() -> Checks.requireEqualLengths("x and zbar", 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x and zbar must have equal lengths, got 2 and 1");
    assertThatThrownBy(() -> Checks.requireEqualLengths("x, tx and T", 1, 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x, tx and T must have equal lengths, got 1, 1 and 2");
    assertThatThrownBy(() -> Checks.requireEqualLengths("a, b, c and d", 4, 4, 4, 5))
        .hasMessage("a, b, c and d must have equal lengths, got 4, 4, 4 and 5");
  }
}
