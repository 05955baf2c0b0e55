package dev.userops.core.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8 for text read as ISO-8859-1 (one char per byte): malformed bytes are an error, never
 * replaced by U+FFFD, because two ids that differ only in bad bytes would otherwise become one.
 *
 * <p>Readers take their input as ISO-8859-1 first, the JDK's fastest decoder and lossless, so that
 * every line or field can be decoded on its own and a malformed one becomes a bad record of its row
 * instead of the end of the run. Every byte a line or CSV structure is made of (line breaks, commas,
 * quotes) is ASCII and never occurs inside a UTF-8 multi-byte sequence, so reading the structure
 * byte-wise is exact. The command's readers and the Spark report job share these rules.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * The UTF-8 text whose bytes are the chars of {@code latin1}, e.g. a field read as ISO-8859-1.
   * ASCII text is returned as it is, without decoding.
   *
   * @param latin1 bytes as ISO-8859-1 chars
   * @return the text, or {@code null} if the bytes are not UTF-8
   */
  public static String decode(String latin1) {
    int i = 0;
    while (i < latin1.length() && latin1.charAt(i) < 0x80) {
      i++;
    }
    if (i == latin1.length()) {
      return latin1;
    }
    // Checked here, because the JDK's fast decoder replaces and its strict one is slower by half.
    return isUtf8(latin1, i) ? new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : null;
  }

  /**
   * Whether the chars of {@code latin1} from {@code from}, taken as bytes, are well-formed UTF-8
   * (Unicode 15, table 3-7): no stray continuation byte, no overlong form, no surrogate, nothing
   * above U+10FFFF, no sequence cut short. The JDK's strict decoder accepts exactly these.
   *
   * @param latin1 bytes as ISO-8859-1 chars
   * @param from the index of the first char to check
   * @return whether the chars from {@code from} on are UTF-8
   */
  public static boolean isUtf8(String latin1, int from) {
    int n = latin1.length();
    int i = from;
    while (i < n) {
      int b = latin1.charAt(i);
      if (b < 0x80) {
        i++;
        continue;
      }
      int length;
      int low = 0x80;
      int high = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
      } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        low = b == 0xE0 ? 0xA0 : low;
        high = b == 0xED ? 0x9F : high;
      } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        low = b == 0xF0 ? 0x90 : low;
        high = b == 0xF4 ? 0x8F : high;
      } else {
        return false;
      }
      if (i + length > n) {
        return false;
      }
      int second = latin1.charAt(i + 1);
      if (second < low || second > high) {
        return false;
      }
      for (int k = 2; k < length; k++) {
        if ((latin1.charAt(i + k) & 0xC0) != 0x80) {
          return false;
        }
      }
      i += length;
    }
    return true;
  }

  /**
   * {@code latin1} decoded as UTF-8 as far as it is valid, each byte of a malformed sequence shown
   * as {@code \xNN}: what a message shows of a field {@link #decode} rejected, e.g. {@code caf\xE9}.
   *
   * @param latin1 bytes as ISO-8859-1 chars
   * @return the text, malformed bytes escaped
   */
  public static String showMalformed(String latin1) {
    ByteBuffer in = ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1));
    CharBuffer out = CharBuffer.allocate(latin1.length());
    CharsetDecoder decoder = strictDecoder();
    StringBuilder shown = new StringBuilder();
    CoderResult result;
    do {
      result = decoder.decode(in, out, true);
      shown.append(out.flip());
      out.clear();
      for (int i = 0; result.isError() && i < result.length(); i++) {
        shown.append(String.format(Locale.ROOT, "\\x%02X", in.get() & 0xff));
      }
    } while (result.isError());
    return shown.toString();
  }

  /**
   * What a bad record's message says of a field {@link #decode} rejected.
   *
   * @param latin1 bytes as ISO-8859-1 chars
   * @return {@code expected UTF-8, got "caf\xE9"}, the field as {@link #showMalformed} shows it
   */
  public static String malformed(String latin1) {
    return "expected UTF-8, got " + Fields.quote(showMalformed(latin1));
  }

  /**
   * A new UTF-8 decoder that reports malformed and unmappable input instead of replacing it.
   *
   * @return the decoder, for one thread
   */
  public static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
