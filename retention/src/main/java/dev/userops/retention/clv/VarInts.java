package dev.userops.retention.clv;

import dev.userops.core.internal.BinaryForm;

/**
 * Unsigned LEB128 varints in a {@link BinaryForm}: seven bits a byte, low bits first, the high bit
 * set on every byte but the last. Small numbers (day gaps, user id gaps, sums of a few orders) take
 * one to three bytes instead of four or eight.
 */
final class VarInts {
  /** A {@code long} takes at most ten bytes. */
  private static final int MAX_BYTES = 10;

  private VarInts() {}

  /** Appends {@code value >= 0}. */
  static void put(BinaryForm.Writer writer, long value) {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      writer.putByte((int) (rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    writer.putByte((int) rest);
  }

  /**
   * Reads a varint that must lie in {@code [min, max]}.
   *
   * @throws IllegalArgumentException if the bytes end, the varint runs past ten bytes or 63 bits,
   *     or its value is out of range
   */
  static long get(BinaryForm.Reader reader, String field, long min, long max) {
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      int b = reader.getByte(field);
      if (i == MAX_BYTES - 1 && b != 0) {
        break; // the tenth byte's bits would be the sign bit and beyond
      }
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (value < min || value > max) {
          throw new IllegalArgumentException(
              String.format("CLVS: %s must be in [%s, %s], got %s", field, min, max, value));
        }
        return value;
      }
    }
    throw new IllegalArgumentException("CLVS: " + field + ": expected a varint of at most 63 bits");
  }
}
