package dev.userops.examples.input;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.Arrays;

/**
 * FastCSV's callback handler for {@link CsvTable}: one row's fields as ranges of one reused char
 * array, the file's bytes read as ISO-8859-1, so that no string is made of a field that a reader
 * takes as an id, an amount or a time. Reused from row to row; FastCSV returns it as each record.
 */
final class RawRow extends AbstractBaseCsvCallbackHandler<RawRow> {
  private char[] chars = new char[256];
  /** Where each field ends in {@link #chars}; field {@code i} starts where field {@code i - 1} ends. */
  private int[] ends = new int[16];
  private int size;

  @Override
  protected void handleBegin(long startingLineNumber) {
    size = 0;
  }

  @Override
  protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
    int start = size == 0 ? 0 : ends[size - 1];
    if (start + len > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(start + len, 2 * chars.length));
    }
    if (size == ends.length) {
      ends = Arrays.copyOf(ends, 2 * size);
    }
    System.arraycopy(buf, offset, chars, start, len);
    ends[size++] = start + len;
  }

  @Override
  protected RawRow buildRecord() {
    return this;
  }

  /** The row's first line, counted from the first line FastCSV read. */
  long line() {
    return getStartingLineNumber();
  }

  /** The number of fields. */
  int size() {
    return size;
  }

  /** The reused array holding every field's chars. */
  char[] chars() {
    return chars;
  }

  /** Where field {@code i} starts in {@link #chars()}. */
  int start(int i) {
    return i == 0 ? 0 : ends[i - 1];
  }

  /** Where field {@code i} ends in {@link #chars()}. */
  int end(int i) {
    return ends[i];
  }

  /** Field {@code i} as a string of ISO-8859-1 chars, one per byte. */
  String field(int i) {
    return new String(chars, start(i), end(i) - start(i));
  }

  /** Whether field {@code i} is ASCII, so that its chars are its UTF-8 text. */
  boolean isAscii(int i) {
    for (int c = start(i), end = end(i); c < end; c++) {
      if (chars[c] >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Whether a field holds a line break: a quoted one, or a quote that was never closed. */
  boolean spansLines() {
    for (int c = 0, end = size == 0 ? 0 : ends[size - 1]; c < end; c++) {
      if (chars[c] == '\n' || chars[c] == '\r') {
        return true;
      }
    }
    return false;
  }
}
