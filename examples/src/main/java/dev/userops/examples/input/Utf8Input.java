package dev.userops.examples.input;

import dev.userops.core.internal.Utf8;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The command's UTF-8 input: files read as ISO-8859-1 lines (one char per byte) for {@link
 * Utf8#decode}, a leading BOM dropped, and whole documents decoded strictly.
 */
final class Utf8Input {
  private static final int BOM_LENGTH = 3;

  private Utf8Input() {}

  /**
   * Opens {@code in} as lines of ISO-8859-1 (one char per byte) for {@link Utf8#decode}, after a leading
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
    CoderResult result = Utf8.strictDecoder().decode(in, out, true);
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
