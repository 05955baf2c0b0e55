package dev.userops.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * An exact map from string ids to dense {@code int} indexes 0, 1, 2, … in first-seen order, for
 * tables of millions of ids: about the id's UTF-8 length plus 10 to 16 bytes per id, against some
 * 100 for a {@code HashMap<String, Integer>} with a list of the ids.
 *
 * <p>Ids are kept as UTF-8 bytes in blocks of 1,024 ids, each block one {@code byte[]} of their
 * bytes end to end and one {@code int[]} of where each ends. Only the newest block grows, and it is
 * trimmed when full, so growing never copies the ids held so far (no transient second copy in a
 * small heap), and the ids in all may exceed 2 GiB. The slot table is an {@code int[]} of
 * power-of-two length, linear probing, at most 70% full. A slot holds the index plus one in its low
 * bits and the id's hash in the bits above them, so a probe that meets another id's slot is turned
 * away by the hash without reading that id's bytes; when the hash bits agree the lengths and bytes
 * are compared, so two ids are never merged. Growing the slot table hashes the ids' bytes again
 * rather than keep 4 more bytes per id.
 *
 * <p>A {@link String} is encoded as UTF-8, except that an unpaired surrogate takes the three bytes
 * its code unit would (as in WTF-8), so distinct strings always have distinct bytes and {@link #get}
 * returns the string given. Strings and their UTF-8 bytes are interchangeable: {@code
 * indexOf(s.getBytes(UTF_8), 0, n)} finds {@code indexOf(s)} for every well-formed {@code s}.
 *
 * <p>Mutable and not thread-safe: {@link #indexOf(String)} encodes into a buffer the table owns.
 */
public final class IdTable {
  /** Ids per block: blocks are small enough to trim cheaply and many enough to grow in steps. */
  private static final int BLOCK_BITS = 10;

  private static final int BLOCK_IDS = 1 << BLOCK_BITS;
  private static final int MAX_LOAD_PERCENT = 70;
  private static final int MAX_SLOTS = 1 << 30;

  /** At most this many ids, so an index plus one fits below the hash bits of the largest table. */
  private static final int MAX_IDS = (int) ((long) MAX_SLOTS * MAX_LOAD_PERCENT / 100);

  /** The largest array the JVM reliably allocates. */
  private static final int MAX_BLOCK_BYTES = Integer.MAX_VALUE - 8;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[][] blockBytes = new byte[4][];
  private int[][] blockEnds = new int[4][];
  private int[] slots = new int[16];
  private int size;
  /** Ids {@code [0, indexed)} are in {@link #slots}; the rest were appended and are not yet. */
  private int indexed;
  /** The UTF-8 of the last string looked up; grown to the longest. */
  private byte[] encoded = new byte[64];

  /** An empty table. */
  public IdTable() {}

  /**
   * An empty table with slots for about {@code expectedIds} ids before it grows, so that a caller
   * who knows the count roughly skips the rehashes of growing to it (each hashes every id again).
   *
   * @param expectedIds ids expected, {@code >= 0}; more are fine, fewer waste 4 bytes per 0.7 slot
   */
  public IdTable(int expectedIds) {
    Checks.checkArgument(expectedIds >= 0, "expectedIds must be >= 0, got %s", expectedIds);
    long wanted = Math.min(MAX_IDS, (long) expectedIds) * 100 / MAX_LOAD_PERCENT + 1;
    slots = new int[(int) Math.min(MAX_SLOTS, Math.max(16, Long.highestOneBit(wanted - 1) << 1))];
  }

  /**
   * The index of {@code id}, assigning the next index, {@link #size()}, if it is new.
   *
   * @param id the id, compared exactly (case and whitespace matter), read only during the call
   * @return its index
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalStateException when the table holds 751,619,276 ids already (70% of 2^30
   *     slots), or when 1,024 consecutive ids would exceed 2 GiB of UTF-8
   */
  public int indexOf(CharSequence id) {
    int length = encode(id); // first: it may replace the buffer
    return indexOf(encoded, 0, length);
  }

  /**
   * The index of the id whose UTF-8 is {@code utf8[offset, offset + length)}, assigning the next
   * index, {@link #size()}, if it is new. The bytes are copied; the caller may reuse the array.
   *
   * @param utf8 holds the id's bytes, which must be well-formed UTF-8 (not checked: ill-formed
   *     bytes are still kept apart exactly, but {@link #get} then returns an unspecified string)
   * @param offset where the id starts in {@code utf8}
   * @param length the id's length in bytes, {@code 0} for the empty id
   * @return its index
   * @throws NullPointerException if {@code utf8} is null
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   * @throws IllegalStateException as {@link #indexOf(String)}
   */
  public int indexOf(byte[] utf8, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, utf8.length);
    requireIndexed();
    int hash = hash(utf8, offset, length);
    int found = probe(utf8, offset, length, hash);
    return found >= 0 ? found : add(utf8, offset, length, hash, ~found);
  }

  /**
   * The index of {@code id} without assigning one.
   *
   * @param id the id, compared exactly
   * @return its index, or -1 if it was never assigned
   * @throws NullPointerException if {@code id} is null
   */
  public int find(String id) {
    requireIndexed();
    int length = encode(id);
    return Math.max(-1, probe(encoded, 0, length, hash(encoded, 0, length)));
  }

  /**
   * The index here of id {@code index} of {@code other} without assigning one: {@code
   * find(other.get(index))} without decoding and encoding a string.
   *
   * @param other the table holding the id
   * @param index the id's index in {@code other}
   * @return its index, or -1 if it was never assigned here
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, other.size())}
   */
  public int find(IdTable other, int index) {
    Objects.checkIndex(index, other.size);
    requireIndexed();
    int start = other.start(index);
    byte[] bytes = other.blockBytes[index >>> BLOCK_BITS];
    int length = other.end(index) - start;
    return Math.max(-1, probe(bytes, start, length, hash(bytes, start, length)));
  }

  /**
   * Appends {@code id} as index {@link #size()} without looking it up, so the table may then hold
   * it twice: for a caller that stores ids row by row first and finds the repeats later, in one
   * tight pass ({@link #indexAppended}) whose lookups overlap in memory rather than wait for each
   * other. Lookups ({@link #indexOf}, {@link #find}) must wait until that pass.
   *
   * @param id the id, compared exactly
   * @return its index, {@code size() - 1} afterwards
   * @throws IllegalStateException as {@link #indexOf(String)}
   */
  public int append(CharSequence id) {
    int length = encode(id);
    store(encoded, 0, length);
    return size++;
  }

  /**
   * Indexes the ids appended since the last lookup, in order, setting in {@code repeats} the index
   * of each one that an earlier index holds. Afterwards lookups find the first index of every id.
   *
   * @param repeats receives the indexes of repeated ids; other bits are left as they are
   */
  public void indexAppended(BitSet repeats) {
    long needed = (long) size * 100 / MAX_LOAD_PERCENT + 1;
    if (needed > slots.length) {
      rehash((int) Math.min(MAX_SLOTS, Long.highestOneBit(needed - 1) << 1));
    }
    for (int index = indexed; index < size; index++) {
      byte[] bytes = blockBytes[index >>> BLOCK_BITS];
      int start = start(index);
      int length = end(index) - start;
      int hash = hash(bytes, start, length);
      int found = probe(bytes, start, length, hash);
      if (found >= 0) {
        repeats.set(index);
      } else {
        slots[~found] = hash & -slots.length | index + 1;
      }
    }
    indexed = size;
  }

  /**
   * The id assigned {@code index}.
   *
   * @param index an index in {@code [0, size())}
   * @return the id, equal to the string given to {@link #indexOf(String)}
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public String get(int index) {
    Objects.checkIndex(index, size);
    return decode(blockBytes[index >>> BLOCK_BITS], start(index), end(index));
  }

  /**
   * How many ids are assigned.
   *
   * @return the count; indexes run from 0 to {@code size() - 1}
   */
  public int size() {
    return size;
  }

  /**
   * Looks for an id by its bytes and hash.
   *
   * @return its index, or {@code ~slot} for the empty slot where it belongs
   */
  private int probe(byte[] key, int offset, int length, int hash) {
    int mask = slots.length - 1;
    int hashBits = hash & ~mask;
    for (int i = hash & mask; ; i = i + 1 & mask) {
      int slot = slots[i];
      if (slot == 0) {
        return ~i;
      }
      if ((slot & ~mask) == hashBits) {
        int index = (slot & mask) - 1;
        if (equalsAt(index, key, offset, length)) {
          return index;
        }
      }
    }
  }

  private boolean equalsAt(int index, byte[] key, int offset, int length) {
    int start = start(index);
    int end = end(index);
    return end - start == length
        && Arrays.equals(blockBytes[index >>> BLOCK_BITS], start, end, key, offset, offset + length);
  }

  /** Where id {@code index}'s bytes start in its block: where the id before it in the block ends. */
  private int start(int index) {
    int at = index & BLOCK_IDS - 1;
    return at == 0 ? 0 : blockEnds[index >>> BLOCK_BITS][at - 1];
  }

  private int end(int index) {
    return blockEnds[index >>> BLOCK_BITS][index & BLOCK_IDS - 1];
  }

  private int add(byte[] key, int offset, int length, int hash, int slot) {
    store(key, offset, length);
    slots[slot] = hash & -slots.length | size + 1;
    indexed = ++size;
    if (size > (long) slots.length * MAX_LOAD_PERCENT / 100) {
      rehash(slots.length * 2);
    }
    return size - 1;
  }

  private void requireIndexed() {
    if (indexed != size) {
      throw new IllegalStateException("ids were appended since the last lookup: call indexAppended first");
    }
  }

  /** Copies an id's bytes into the blocks as id {@link #size}, without counting it yet. */
  private void store(byte[] key, int offset, int length) {
    // Not Checks.checkState: its varargs would box the size on every new id.
    if (size >= MAX_IDS) {
      throw new IllegalStateException("id table full at " + size + " ids");
    }
    int block = size >>> BLOCK_BITS;
    int at = size & BLOCK_IDS - 1;
    if (at == 0) {
      startBlock(block, length);
    }
    int start = start(size);
    if (length > MAX_BLOCK_BYTES - start) {
      throw new IllegalStateException("ids " + ((long) block << BLOCK_BITS) + " to " + size + " exceed "
          + MAX_BLOCK_BYTES + " bytes of UTF-8");
    }
    byte[] bytes = blockBytes[block];
    if (start + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BLOCK_BYTES, Math.max(start + length, 2L * bytes.length)));
      blockBytes[block] = bytes;
    }
    System.arraycopy(key, offset, bytes, start, length);
    blockEnds[block][at] = start + length;
  }

  /** Trims the full block before {@code block} and sizes the new one like it. */
  private void startBlock(int block, int firstLength) {
    if (block == blockBytes.length) {
      blockBytes = Arrays.copyOf(blockBytes, block * 2);
      blockEnds = Arrays.copyOf(blockEnds, block * 2);
    }
    int capacity = 64;
    if (block > 0) {
      int previousLength = blockEnds[block - 1][BLOCK_IDS - 1];
      blockBytes[block - 1] = Arrays.copyOf(blockBytes[block - 1], previousLength);
      capacity = (int) Math.min(MAX_BLOCK_BYTES, previousLength + previousLength / 8L);
    }
    blockBytes[block] = new byte[Math.max(capacity, firstLength)];
    blockEnds[block] = new int[BLOCK_IDS];
  }

  /** Moves every id to a table of {@code capacity} slots, hashing their bytes again. */
  private void rehash(int capacity) {
    int[] table = new int[capacity];
    int mask = capacity - 1;
    // A repeat is placed after its first index, which every lookup therefore meets first.
    for (int index = 0; index < indexed; index++) {
      int start = start(index);
      int hash = hash(blockBytes[index >>> BLOCK_BITS], start, end(index) - start);
      int i = hash & mask;
      while (table[i] != 0) {
        i = i + 1 & mask;
      }
      table[i] = hash & ~mask | index + 1;
    }
    slots = table;
  }

  /**
   * The hash of {@code length} bytes, eight at a time: each word is mixed in with one multiply (a
   * short chain, as every lookup waits for it), then a finalizer spreads every bit into both the low
   * bits (the slot) and the high bits (kept in the slot).
   */
  static int hash(byte[] bytes, int offset, int length) {
    long h = length;
    int end = offset + length;
    int i = offset;
    for (; i <= end - Long.BYTES; i += Long.BYTES) {
      h = mix(h, (long) LONGS.get(bytes, i));
    }
    if (i < end) {
      long tail = 0;
      for (int shift = 0; i < end; i++, shift += Byte.SIZE) {
        tail |= (bytes[i] & 0xFFL) << shift;
      }
      h = mix(h, tail);
    }
    h ^= h >>> 32;
    h *= 0xD6E8FEB86659FD93L;
    return (int) (h ^ h >>> 32);
  }

  private static long mix(long h, long word) {
    return Long.rotateLeft((h ^ word) * 0x9E3779B97F4A7C15L, 31);
  }

  /** Encodes {@code id} into {@link #encoded}, returning its length in bytes. */
  private int encode(CharSequence id) {
    int chars = id.length();
    if (encoded.length < chars * 3L) {
      encoded = new byte[Math.multiplyExact(chars, 3)];
    }
    byte[] out = encoded;
    int n = 0;
    for (int i = 0; i < chars; i++) {
      char c = id.charAt(i);
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (c < 0x800) {
        out[n++] = (byte) (0xC0 | c >>> 6);
        out[n++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(id.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, id.charAt(++i));
        out[n++] = (byte) (0xF0 | codePoint >>> 18);
        out[n++] = (byte) (0x80 | codePoint >>> 12 & 0x3F);
        out[n++] = (byte) (0x80 | codePoint >>> 6 & 0x3F);
        out[n++] = (byte) (0x80 | codePoint & 0x3F);
      } else {
        // Unpaired surrogates too: distinct strings must keep distinct bytes.
        out[n++] = (byte) (0xE0 | c >>> 12);
        out[n++] = (byte) (0x80 | c >>> 6 & 0x3F);
        out[n++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return n;
  }

  /**
   * Decodes what {@link #encode} wrote. Ill-formed bytes (only from a caller of the byte methods
   * that broke their contract) give some string, never an exception or a read outside the range.
   */
  private static String decode(byte[] bytes, int start, int end) {
    int ascii = start;
    while (ascii < end && bytes[ascii] >= 0) {
      ascii++;
    }
    if (ascii == end) {
      return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }
    // Each sequence of 1 to 4 bytes decodes to at most as many chars.
    char[] chars = new char[end - start];
    int n = 0;
    for (int i = start; i < ascii; i++) {
      chars[n++] = (char) bytes[i];
    }
    for (int i = ascii; i < end; ) {
      int lead = bytes[i++] & 0xFF;
      int continuations = lead < 0xC0 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
      int codePoint = lead & (continuations == 0 ? 0x7F : 0x3F >>> continuations);
      for (int k = 0; k < continuations && i < end; k++) {
        codePoint = codePoint << 6 | bytes[i++] & 0x3F;
      }
      if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        chars[n++] = (char) codePoint;
      } else {
        chars[n++] = Character.highSurrogate(codePoint);
        chars[n++] = Character.lowSurrogate(codePoint);
      }
    }
    return new String(chars, 0, n);
  }
}
