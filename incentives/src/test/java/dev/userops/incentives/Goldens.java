package dev.userops.incentives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** The golden files under {@code /incentives/golden/} on the test class path, which the format tests read back. */
public final class Goldens {
  private Goldens() {}

  /** The golden file {@code name} (e.g. {@code "draw-state-v1.json"}) as UTF-8 text, stripped of the final newline. */
  public static String text(String name) throws IOException {
    return new String(bytes(name), StandardCharsets.UTF_8).strip();
  }

  /**
   * Reads the golden text file {@code name} with {@code read} and asserts that {@code write} gives
   * the file back character for character: the format it pins is still read and still written.
   *
   * @return what {@code read} made of the file, for the caller's assertions on its content
   */
  public static <T> T assertRoundTrips(String name, Function<String, T> read, Function<T, String> write)
      throws IOException {
    String golden = text(name);
    T value = read.apply(golden);
    assertThat(write.apply(value)).as(name).isEqualTo(golden);
    return value;
  }

  /** The golden file {@code name} (e.g. {@code "push-state-v1.bin"}) byte for byte. */
  public static byte[] bytes(String name) throws IOException {
    try (InputStream in = Goldens.class.getResourceAsStream("/incentives/golden/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
