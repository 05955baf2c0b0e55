package dev.userops.examples.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8: malformed bytes are an error, never replaced by U+FFFD, because two ids that differ
 * only in bad bytes would otherwise become one.
 *
 * <p>Line and CSV inputs are read as ISO-8859-1 first, one char per byte: the JDK's fastest
 * decoder, and lossless, so that every line or field can then be decoded on its own with {@link
 * #decode} and a malformed one becomes a bad record of its row instead of the end of the run. Every
 * byte a line or CSV structure is made of (line breaks, commas, quotes) is ASCII and never occurs
 * inside a UTF-8 multi-byte sequence, so reading the structure byte-wise is exact. An instance
 * holds one decoder; not thread-safe.
 */
final class Utf8 {
  private static final int BOM_LENGTH = 3;

  private final CharsetDecoder decoder = strictDecoder();

  /**
   * The UTF-8 text whose bytes are the chars of {@code latin1}, e.g. a field read as ISO-8859-1.
   * ASCII text is returned as it is, without decoding.
   *
   * @return the text, or {@code null} if the bytes are not UTF-8
   */
  String decode(String latin1) {
    if (isAscii(latin1)) {
      return latin1;
    }
    try {
      return decoder.decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1))).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code latin1} decoded as UTF-8 as far as it is valid, each byte of a malformed sequence shown
   * as {@code \xNN}: what a message shows of a field {@link #decode} rejected, e.g. {@code caf\xE9}.
   */
  static String showMalformed(String latin1) {
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
   * Opens {@code in} as lines of ISO-8859-1 (one char per byte) for {@link #decode}, after a leading
   * BOM. Lines end at {@code \n}, {@code \r\n} or {@code \r}.
   */
  static BufferedReader latin1Lines(InputStream in) throws IOException {
    return new BufferedReader(new InputStreamReader(withoutBom(in), StandardCharsets.ISO_8859_1));
  }

  /** {@code in} after its leading UTF-8 byte order mark, if it has one. */
  static InputStream withoutBom(InputStream in) throws IOException {
    PushbackInputStream stream = new PushbackInputStream(in, BOM_LENGTH);
    byte[] head = stream.readNBytes(BOM_LENGTH);
    if (!hasBom(head)) {
      stream.unread(head);
    }
    return stream;
  }

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
    CoderResult result = strictDecoder().decode(in, out, true);
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

  private static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Whether {@code bytes} start with the UTF-8 byte order mark. */
  static boolean hasBom(byte[] bytes) {
    return bytes.length >= BOM_LENGTH && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF;
  }
}
