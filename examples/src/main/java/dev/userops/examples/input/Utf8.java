package dev.userops.examples.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8: malformed bytes are an error, never replaced by U+FFFD, because two ids that differ
 * only in bad bytes would otherwise become one.
 */
final class Utf8 {
  private static final int BOM_LENGTH = 3;

  private Utf8() {}

  /**
   * Decodes a whole document, dropping a leading BOM.
   *
   * @param source the document's name for the message
   * @throws InputException naming the line and offset of the first malformed byte sequence
   */
  static String decodeDocument(String source, byte[] bytes) {
    int start = hasBom(bytes) ? BOM_LENGTH : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      long line = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new InputException(source, line, "encoding", "expected UTF-8, got the byte 0x"
          + Integer.toHexString(bytes[bad] & 0xff).toUpperCase(Locale.ROOT) + " at offset " + bad, null);
    }
    return out.flip().toString();
  }

  /** Whether {@code bytes} start with the UTF-8 byte order mark. */
  static boolean hasBom(byte[] bytes) {
    return bytes.length >= BOM_LENGTH && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF;
  }
}
