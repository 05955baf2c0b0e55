package dev.userops.spark;

import dev.userops.core.Accumulator;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * An aggregation buffer: the accumulator object itself, so a row costs one {@code add}, not a decode
 * and re-encode. Spark serializes it (shuffles, sort-based fallback, spills) through {@link
 * Externalizable}, which writes the accumulator's own versioned bytes ({@link
 * Accumulator#toByteArray()}, read back by {@link Accumulator#fromBytes(byte[])}): a length, then the
 * bytes; length -1 for an empty buffer that never saw a row (its spec may come from the first row).
 * Java serialization adds a class descriptor per stream, about 60 bytes.
 *
 * <p>Public only because Spark's Java-serialization encoder requires it; not for use by hosts.
 */
public final class AccumulatorBuffer implements Externalizable {
  private static final long serialVersionUID = 1L;

  /** Null until the first row or merge: an empty buffer does not know its spec yet. */
  Accumulator<?, ?> accumulator;

  /** For {@link Externalizable} and Spark: an empty buffer, which never saw a row. */
  public AccumulatorBuffer() {}

  /**
   * Merges {@code other} into this buffer, as {@link Accumulator#merge} does; an empty side is the
   * identity.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  AccumulatorBuffer merge(AccumulatorBuffer other) {
    if (other.accumulator == null) {
      return this;
    }
    if (accumulator == null) {
      return other;
    }
    // Both came from one family's aggregator; merge itself rejects unequal specs, naming both.
    ((Accumulator) accumulator).merge((Accumulator) other.accumulator);
    return this;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    if (accumulator == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = accumulator.toByteArray();
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      accumulator = null;
      return;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    accumulator = Accumulator.fromBytes(bytes);
  }
}
