package dev.userops.incentives.draw;

import dev.userops.core.internal.Checks;
import java.util.HexFormat;

/**
 * The host's secret 128-bit key of the draw's keyed hash (SipHash-2-4). Whoever holds it can
 * re-derive every result ({@link DrawPolicy#audit}); whoever does not cannot predict one, so a host
 * keeps it out of the program, the logs and the client. Its {@link #toString()} does not show it.
 *
 * <p>The key's bytes are read as the SipHash reference reads them: {@code k0} is bytes 0–7 and
 * {@code k1} bytes 8–15, each little-endian, so {@code 000102…0f} is the key of the paper's test
 * vectors and Guava's {@code Hashing.sipHash24(k0, k1)} takes the same two longs.
 */
public final class DrawKey {
  private static final HexFormat HEX = HexFormat.of();

  final long k0;
  final long k1;

  private DrawKey(long k0, long k1) {
    this.k0 = k0;
    this.k1 = k1;
  }

  /**
   * A key from its two halves.
   *
   * @param k0 bytes 0–7 of the key, little-endian
   * @param k1 bytes 8–15 of the key, little-endian
   * @return the key
   */
  public static DrawKey of(long k0, long k1) {
    return new DrawKey(k0, k1);
  }

  /**
   * A key from 32 hexadecimal digits, byte 0 first (e.g. from {@code openssl rand -hex 16}).
   *
   * @param hex 32 hexadecimal digits, either case
   * @return the key
   * @throws NullPointerException if {@code hex} is null
   * @throws IllegalArgumentException if {@code hex} is not 32 hexadecimal digits; the message does
   *     not repeat it
   */
  public static DrawKey fromHex(String hex) {
    Checks.requireNonNull(hex, "hex");
    Checks.checkArgument(hex.length() == 32 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0),
        "key: expected 32 hexadecimal digits, got %s characters", hex.length());
    byte[] bytes = HEX.parseHex(hex);
    return new DrawKey(littleEndian(bytes, 0), littleEndian(bytes, 8));
  }

  private static long littleEndian(byte[] bytes, int from) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = value << 8 | (bytes[from + i] & 0xFF);
    }
    return value;
  }

  /**
   * Says what this is without showing the key.
   *
   * @return {@code "DrawKey[secret]"}
   */
  @Override
  public String toString() {
    return "DrawKey[secret]";
  }
}
