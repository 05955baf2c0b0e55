package dev.userops.incentives.draw;

/**
 * SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast short-input PRF", 2012) over a byte stream
 * fed one byte at a time, with strings encoded as UTF-8 on the way in: a mutable hasher that a
 * caller reuses so that hashing allocates nothing. Guava's {@code Hashing.sipHash24} computes the
 * same function (the tests compare them) but allocates a hasher, a buffer and the encoded bytes per
 * hash, which the draw's primitive path must not. Not thread-safe.
 */
final class SipHash {
  private long v0;
  private long v1;
  private long v2;
  private long v3;
  /** Bytes of the current block, little-endian, not yet compressed. */
  private long block;
  /** Bytes fed in all, modulo 2^64; the low 3 bits count the bytes of {@link #block}. */
  private long length;

  /** Starts a hash under the 128-bit key {@code (k0, k1)}, as the reference reads it little-endian. */
  SipHash start(long k0, long k1) {
    v0 = k0 ^ 0x736f6d6570736575L;
    v1 = k1 ^ 0x646f72616e646f6dL;
    v2 = k0 ^ 0x6c7967656e657261L;
    v3 = k1 ^ 0x7465646279746573L;
    block = 0;
    length = 0;
    return this;
  }

  /** Continues from where {@code other} stands, e.g. after a fixed prefix hashed once. */
  SipHash startFrom(SipHash other) {
    v0 = other.v0;
    v1 = other.v1;
    v2 = other.v2;
    v3 = other.v3;
    block = other.block;
    length = other.length;
    return this;
  }

  SipHash putByte(int b) {
    block |= (b & 0xFFL) << ((length & 7) << 3);
    length++;
    if ((length & 7) == 0) {
      compress(block);
      block = 0;
    }
    return this;
  }

  /**
   * Feeds {@code s} as {@code s.toString().getBytes(UTF_8)} would encode it: a lone surrogate
   * becomes {@code '?'}, as the JDK's encoder replaces it.
   */
  SipHash putUtf8(CharSequence s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        putByte(c);
      } else if (c < 0x800) {
        putByte(0xC0 | c >>> 6);
        putByte(0x80 | c & 0x3F);
      } else if (!Character.isSurrogate(c)) {
        putByte(0xE0 | c >>> 12);
        putByte(0x80 | c >>> 6 & 0x3F);
        putByte(0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        putByte(0xF0 | cp >>> 18);
        putByte(0x80 | cp >>> 12 & 0x3F);
        putByte(0x80 | cp >>> 6 & 0x3F);
        putByte(0x80 | cp & 0x3F);
      } else {
        putByte('?');
      }
    }
    return this;
  }

  /** The hash of everything fed since {@link #start}; the hasher must be started again after. */
  long finish() {
    compress(block | length << 56);
    v2 ^= 0xFF;
    rounds(4);
    return v0 ^ v1 ^ v2 ^ v3;
  }

  private void compress(long m) {
    v3 ^= m;
    rounds(2);
    v0 ^= m;
  }

  private void rounds(int count) {
    for (int i = 0; i < count; i++) {
      v0 += v1;
      v1 = Long.rotateLeft(v1, 13) ^ v0;
      v0 = Long.rotateLeft(v0, 32);
      v2 += v3;
      v3 = Long.rotateLeft(v3, 16) ^ v2;
      v0 += v3;
      v3 = Long.rotateLeft(v3, 21) ^ v0;
      v2 += v1;
      v1 = Long.rotateLeft(v1, 17) ^ v2;
      v2 = Long.rotateLeft(v2, 32);
    }
  }
}
