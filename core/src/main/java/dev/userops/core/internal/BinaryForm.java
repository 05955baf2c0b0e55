package dev.userops.core.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * The framing of every persisted binary form: a 4-byte magic {@code "UOPS"}, a 4-character family
 * code naming what follows (e.g. {@code "OSUM"}), a format version, then the family's payload in
 * big-endian order. Readers check magic, family and version and fail with what they expected and
 * what they found, so a byte array of another kind or version is never misread.
 */
public final class BinaryForm {
  private static final int MAGIC = 0x554F5053; // "UOPS"

  private BinaryForm() {}

  /**
   * A writer whose output starts with the header for {@code family} at {@code version}.
   *
   * @param family exactly 4 ASCII characters naming the payload, e.g. {@code "OSUM"}
   * @param version the payload's format version, {@code >= 1} for readers to accept it
   * @return a writer holding the 12-byte header
   * @throws NullPointerException if {@code family} is null
   * @throws IllegalArgumentException if {@code family} is not 4 ASCII characters
   */
  public static Writer writer(String family, int version) {
    return writer(family, version, 64);
  }

  /**
   * A writer like {@link #writer(String, int)} whose buffer starts at {@code capacity} bytes, so a
   * caller that can estimate its size (a per-user state written on every event) does not pay for
   * the buffer doubling its way up.
   *
   * @param family exactly 4 ASCII characters naming the payload, e.g. {@code "PNTS"}
   * @param version the payload's format version, {@code >= 1} for readers to accept it
   * @param capacity the initial buffer size in bytes, header included; a guess, the buffer still
   *     grows past it
   * @return a writer holding the 12-byte header
   * @throws NullPointerException if {@code family} is null
   * @throws IllegalArgumentException if {@code family} is not 4 ASCII characters or {@code capacity
   *     < 0}
   */
  public static Writer writer(String family, int version, int capacity) {
    Checks.requireNonNegative(capacity, "capacity");
    Writer writer = new Writer(Math.max(16, capacity));
    writer.putInt(MAGIC).putInt(familyCode(family)).putInt(version);
    return writer;
  }

  /**
   * A reader positioned after the header, which must name {@code family} and a version in {@code
   * [1, maxVersion]}.
   *
   * @param bytes the whole binary form; not copied, so must not change while being read
   * @param family the 4 ASCII characters the header must name
   * @param maxVersion the newest format version the caller can read
   * @return a reader positioned at the payload; {@link Reader#version()} gives the version found
   * @throws NullPointerException if {@code bytes} or {@code family} is null
   * @throws IllegalArgumentException for bytes without the UserOps magic, of another family, a
   *     version this code cannot read, or fewer bytes than a header
   */
  public static Reader reader(byte[] bytes, String family, int maxVersion) {
    Checks.requireNonNull(bytes, "bytes");
    Reader reader = new Reader(ByteBuffer.wrap(bytes), family);
    // Tests rather than Checks.checkArgument: its arguments (boxed ints, the family's name) would be
    // made on every read of a valid header, and hosts read states on every event.
    checkMagic(reader.getInt("magic"));
    int code = reader.getInt("family");
    if (code != familyCode(family)) {
      throw new IllegalArgumentException("expected binary form of family " + family + ", got " + familyName(code));
    }
    reader.version = reader.getInt("version");
    if (reader.version < 1 || reader.version > maxVersion) {
      throw new IllegalArgumentException(
          family + ": expected format version 1.." + maxVersion + ", got " + reader.version);
    }
    return reader;
  }

  /**
   * The family code of a binary form, from its header.
   *
   * @param bytes the whole binary form
   * @return the 4 characters of its family, e.g. {@code "OSUM"}
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException for bytes without the UserOps magic or shorter than a header
   */
  public static String family(byte[] bytes) {
    Checks.requireNonNull(bytes, "bytes");
    Checks.checkArgument(bytes.length >= 12, "not a UserOps binary form: %s bytes, fewer than a header", bytes.length);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    checkMagic(buffer.getInt());
    return familyName(buffer.getInt());
  }

  private static void checkMagic(int magic) {
    if (magic != MAGIC) {
      throw new IllegalArgumentException(
          String.format("not a UserOps binary form: expected magic 0x%08X, got 0x%08X", MAGIC, magic));
    }
  }

  private static int familyCode(String family) {
    Checks.requireNonNull(family, "family");
    // Big-endian ASCII, as the header holds it; built without arrays, as it is checked on every read.
    int code = 0;
    boolean ascii = family.length() == 4;
    for (int i = 0; i < family.length(); i++) {
      char c = family.charAt(i);
      ascii &= c < 0x80;
      code = code << 8 | c;
    }
    if (!ascii) {
      throw new IllegalArgumentException("family must be 4 ASCII characters, got \"" + family + "\"");
    }
    return code;
  }

  private static String familyName(int code) {
    return new String(ByteBuffer.allocate(4).putInt(code).array(), StandardCharsets.US_ASCII);
  }

  /** Appends big-endian values to a growing buffer. */
  public static final class Writer {
    private ByteBuffer buffer;

    private Writer(int capacity) {
      this.buffer = ByteBuffer.allocate(capacity);
    }

    private ByteBuffer room(int bytes) {
      if (buffer.remaining() < bytes) {
        long needed = (long) buffer.position() + bytes;
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buffer.capacity()));
        Checks.checkState(needed <= capacity, "binary form exceeds %s bytes", capacity);
        buffer = ByteBuffer.wrap(Arrays.copyOf(buffer.array(), capacity)).position(buffer.position());
      }
      return buffer;
    }

    /**
     * Appends one byte.
     *
     * @param value the byte; only its low 8 bits are written
     * @return this writer
     * @throws IllegalStateException if the form would exceed about 2 GiB
     */
    public Writer putByte(int value) {
      room(1).put((byte) value);
      return this;
    }

    /**
     * Appends a 4-byte int.
     *
     * @param value any int
     * @return this writer
     * @throws IllegalStateException if the form would exceed about 2 GiB
     */
    public Writer putInt(int value) {
      room(4).putInt(value);
      return this;
    }

    /**
     * Appends an 8-byte long.
     *
     * @param value any long
     * @return this writer
     * @throws IllegalStateException if the form would exceed about 2 GiB
     */
    public Writer putLong(long value) {
      room(8).putLong(value);
      return this;
    }

    /**
     * Appends a length-prefixed UTF-8 string: a 4-byte byte count, then the bytes.
     *
     * @param value the string, possibly empty; unpaired surrogates are written as {@code '?'}
     * @return this writer
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalStateException if the form would exceed about 2 GiB
     */
    public Writer putString(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      putInt(utf8.length);
      room(utf8.length).put(utf8);
      return this;
    }

    /**
     * Appends entries keyed by increasing ids, read back by {@link Reader#getAscending}: a 4-byte
     * count of the ids in {@code [0, limit)} that {@code present} accepts, then for each of them in
     * increasing order the id as a 4-byte int followed by what {@code entry} appends for it. One
     * pass: the count is filled in afterwards.
     *
     * @param limit the ids tried are {@code [0, limit)}
     * @param present whether an id has an entry
     * @param entry appends the rest of the entry of the id it is given, through this writer
     * @return this writer
     * @throws IllegalStateException if the form would exceed about 2 GiB
     */
    public Writer putAscending(int limit, IntPredicate present, IntConsumer entry) {
      int countAt = room(4).position();
      buffer.putInt(0);
      int count = 0;
      for (int id = 0; id < limit; id++) {
        if (present.test(id)) {
          putInt(id);
          entry.accept(id);
          count++;
        }
      }
      buffer.putInt(countAt, count);
      return this;
    }

    /**
     * The bytes written so far.
     *
     * @return a new array holding the header and everything appended; the writer stays usable
     */
    public byte[] toByteArray() {
      return Arrays.copyOf(buffer.array(), buffer.position());
    }
  }

  /** Reads big-endian values; every failure is an {@link IllegalArgumentException}. */
  public static final class Reader {
    private final ByteBuffer buffer;
    private final String family;
    private int version;

    private Reader(ByteBuffer buffer, String family) {
      this.buffer = buffer;
      this.family = family;
    }

    /**
     * The format version found in the header.
     *
     * @return the version, in {@code [1, maxVersion]} of {@link BinaryForm#reader}
     */
    public int version() {
      return version;
    }

    private IllegalArgumentException truncated(String field, int bytes) {
      return new IllegalArgumentException(
          String.format(
              "%s: truncated at %s: expected %s more bytes at offset %s, got %s",
              family, field, bytes, buffer.position(), buffer.remaining()));
    }

    /**
     * Reads one byte as an unsigned value.
     *
     * @param field names the value in errors, e.g. {@code "granularity"}
     * @return the byte, in {@code [0, 255]}
     * @throws IllegalArgumentException if no byte is left
     */
    public int getByte(String field) {
      try {
        return buffer.get() & 0xFF;
      } catch (BufferUnderflowException e) {
        throw truncated(field, 1);
      }
    }

    /**
     * Reads a 4-byte int.
     *
     * @param field names the value in errors
     * @return the int
     * @throws IllegalArgumentException if fewer than 4 bytes are left
     */
    public int getInt(String field) {
      try {
        return buffer.getInt();
      } catch (BufferUnderflowException e) {
        throw truncated(field, 4);
      }
    }

    /**
     * Reads a 4-byte int that must lie in {@code [min, max]}, e.g. a count bounded by what the
     * remaining bytes can hold.
     *
     * @param field names the value in errors
     * @param min the smallest valid value, inclusive
     * @param max the largest valid value, inclusive
     * @return the int, in {@code [min, max]}
     * @throws IllegalArgumentException if fewer than 4 bytes are left or the value is out of range
     */
    public int getInt(String field, int min, int max) {
      int value = getInt(field);
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            String.format("%s: %s must be in [%s, %s], got %s", family, field, min, max, value));
      }
      return value;
    }

    /**
     * Reads an 8-byte long.
     *
     * @param field names the value in errors
     * @return the long
     * @throws IllegalArgumentException if fewer than 8 bytes are left
     */
    public long getLong(String field) {
      try {
        return buffer.getLong();
      } catch (BufferUnderflowException e) {
        throw truncated(field, 8);
      }
    }

    /**
     * Reads entries keyed by increasing ids, as {@link Writer#putAscending} writes them: a 4-byte
     * count of at most {@code maxId + 1}, then per entry its id, greater than the one before and at
     * most {@code maxId}, and what {@code entry} reads for it.
     *
     * @param field names the count in errors, e.g. {@code "users"}
     * @param idField names each id in errors, e.g. {@code "userId"}
     * @param maxId the largest valid id, {@code >= 0}
     * @param entry reads the rest of the entry of the id it is given, through this reader
     * @throws IllegalArgumentException if the bytes are truncated, an id is out of order or above
     *     {@code maxId}, or {@code entry} rejects its entry
     */
    public void getAscending(String field, String idField, int maxId, IntConsumer entry) {
      int count = getInt(field, 0, maxId == Integer.MAX_VALUE ? maxId : maxId + 1);
      long previous = -1;
      for (int i = 0; i < count; i++) {
        int id = getInt(idField);
        if (id <= previous || id > maxId) {
          throw new IllegalArgumentException(String.format(
              "%s: %s must be in [%s, %s], got %s", family, idField, previous + 1, maxId, id));
        }
        entry.accept(id);
        previous = id;
      }
    }

    /**
     * Skips a length-prefixed string written by {@link Writer#putString}, for a caller that compares
     * or decodes its bytes in the array itself: they end at {@link #position()}.
     *
     * @param field names the value in errors
     * @return the string's length in bytes, {@code >= 0}
     * @throws IllegalArgumentException if the length is negative or exceeds the bytes left
     */
    public int skipString(String field) {
      int length = getLength(field);
      buffer.position(buffer.position() + length);
      return length;
    }

    /**
     * Where the next value starts.
     *
     * @return its index in the array given to {@link BinaryForm#reader}
     */
    public int position() {
      return buffer.arrayOffset() + buffer.position();
    }

    /**
     * Reads a length-prefixed UTF-8 string written by {@link Writer#putString}.
     *
     * @param field names the value in errors
     * @return the string, possibly empty; malformed UTF-8 is replaced, not rejected
     * @throws IllegalArgumentException if the length is negative or exceeds the bytes left
     */
    public String getString(String field) {
      int length = getLength(field);
      // Decoded in place: strings are the bulk of a per-user state read on every event.
      String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
      buffer.position(buffer.position() + length);
      return value;
    }

    /** A string's length, checked eagerly without the varargs of Checks. */
    private int getLength(String field) {
      int length;
      try {
        length = buffer.getInt();
      } catch (BufferUnderflowException e) {
        throw truncated(field + ".length", 4);
      }
      if (length < 0 || length > buffer.remaining()) {
        throw new IllegalArgumentException(String.format(
            "%s: %s.length must be in [0, %s], got %s", family, field, buffer.remaining(), length));
      }
      return length;
    }

    /**
     * Reads the spec the bytes were written for, as JSON, and checks that it equals {@code
     * expected}. Specs are compared as values, not as text, so bytes written before a spec's JSON
     * gained a field with a default still read. Accumulators embed the spec's JSON without its
     * {@code version} field: the bytes' own format version covers their whole payload.
     *
     * @param <S> the spec type
     * @param expected the only spec accepted
     * @param fromJson reads a spec from its JSON form
     * @throws IllegalArgumentException if the spec differs (the message shows both) or is truncated
     * @throws dev.userops.core.ConfigException if the embedded JSON is not a valid spec
     */
    public <S> void expectSpec(S expected, Function<String, S> fromJson) {
      String json = getString("spec");
      S actual = fromJson.apply(json);
      Checks.checkArgument(
          expected.equals(actual), "%s: expected spec %s, got %s", family, expected, json);
    }

    /**
     * Checks that every byte was read.
     *
     * @throws IllegalArgumentException if bytes are left, naming their offset and count
     */
    public void finish() {
      Checks.checkArgument(
          !buffer.hasRemaining(),
          "%s: expected end of data at offset %s, got %s trailing bytes",
          family, buffer.position(), buffer.remaining());
    }
  }
}
