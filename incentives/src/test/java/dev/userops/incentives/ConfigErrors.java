package dev.userops.incentives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import java.util.function.Function;

/** The assertion the incentives JSON tests share: a document is rejected naming a path and a problem. */
public final class ConfigErrors {
  private ConfigErrors() {}

  /**
   * Asserts that {@code reader} rejects {@code json} with a {@link ConfigException} at {@code path}
   * whose problem is exactly {@code problem}.
   */
  public static void assertRejected(Function<String, ?> reader, String json, String path, String problem) {
    assertThatThrownBy(() -> reader.apply(json))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.path()).isEqualTo(path);
          assertThat(e.problem()).isEqualTo(problem);
        });
  }
}
