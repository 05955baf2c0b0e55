package dev.userops.incentives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The golden files under {@code /incentives/golden/} on the test class path, which the format tests read back. */
public final class Goldens {
  private Goldens() {}

  /** The golden file {@code name} (e.g. {@code "draw-state-v1.json"}) as UTF-8 text, stripped of the final newline. */
  public static String text(String name) throws IOException {
    return new String(bytes(name), StandardCharsets.UTF_8).strip();
  }

  /** The golden file {@code name} (e.g. {@code "push-state-v1.bin"}) byte for byte. */
  public static byte[] bytes(String name) throws IOException {
    try (InputStream in = Goldens.class.getResourceAsStream("/incentives/golden/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
