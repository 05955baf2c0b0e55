package dev.userops.incentives.points;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list whose versions share structure: full chunks of 16 items, then a tail of up to
 * 16. The state's lists grow at the end and shrink at the front (lots expire soonest first,
 * remembered orders are forgotten oldest first), so a new version copies only its tail (appending),
 * a new table of chunks every 16 appends, or nothing but itself (dropping from the front, which
 * moves an offset into the first chunk). Replacing an item copies its chunk and the chunk table;
 * inserting or removing one elsewhere lays out again only the chunks from its own onward. Every
 * version stays valid, so the policy may apply different events to one state. The first chunk
 * keeps up to 15 items dropped from the front reachable until the rest of it is dropped too.
 *
 * <p>Instances are made only here, from arrays nothing else holds, so they are immutable.
 */
final class ChunkedList<T> extends AbstractList<T> implements RandomAccess {
  private static final int SHIFT = 4;
  private static final int CHUNK = 1 << SHIFT;
  private static final Object[][] NO_CHUNKS = {};
  private static final Object[] NO_ITEMS = {};
  private static final ChunkedList<?> EMPTY = new ChunkedList<>(NO_CHUNKS, NO_ITEMS, 0);

  /** Full chunks of {@link #CHUNK} items; the first {@link #offset} items of the first are not in the list. */
  private final Object[][] chunks;
  /** The last 0 to {@link #CHUNK} items, exactly sized. */
  private final Object[] tail;
  private final int offset;
  private final int size;

  private ChunkedList(Object[][] chunks, Object[] tail, int offset) {
    this.chunks = chunks;
    this.tail = tail;
    this.offset = offset;
    this.size = (chunks.length << SHIFT) + tail.length - offset;
  }

  @SuppressWarnings("unchecked")
  static <T> ChunkedList<T> empty() {
    return (ChunkedList<T>) EMPTY;
  }

  /** {@code list} itself if it is a chunked list, else a copy; rejects null items. */
  static <T> ChunkedList<T> copyOf(List<T> list) {
    if (list instanceof ChunkedList<T> chunked) {
      return chunked;
    }
    Builder<T> builder = new Builder<>(list.size());
    for (T item : list) {
      builder.add(Objects.requireNonNull(item, "list item"));
    }
    return builder.build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int index) {
    Objects.checkIndex(index, size);
    int at = index + offset;
    int body = chunks.length << SHIFT;
    return (T) (at < body ? chunks[at >>> SHIFT][at & (CHUNK - 1)] : tail[at - body]);
  }

  @Override
  public int size() {
    return size;
  }

  /** This list with {@code item} at the end. */
  ChunkedList<T> appended(T item) {
    if (tail.length < CHUNK) {
      Object[] grown = Arrays.copyOf(tail, tail.length + 1);
      grown[tail.length] = item;
      return new ChunkedList<>(chunks, grown, offset);
    }
    Object[][] more = Arrays.copyOf(chunks, chunks.length + 1);
    more[chunks.length] = tail;
    return new ChunkedList<>(more, new Object[] {item}, offset);
  }

  /** This list without its first {@code count} items, {@code 0 <= count <= size()}. */
  ChunkedList<T> withoutFirst(int count) {
    Objects.checkFromIndexSize(0, count, size);
    if (count == 0) {
      return this;
    }
    if (count == size) {
      return empty();
    }
    int at = offset + count;
    int dropped = at >>> SHIFT;
    if (dropped < chunks.length) {
      Object[][] kept = dropped == 0 ? chunks : Arrays.copyOfRange(chunks, dropped, chunks.length);
      return new ChunkedList<>(kept, tail, at & (CHUNK - 1));
    }
    return new ChunkedList<>(NO_CHUNKS, Arrays.copyOfRange(tail, at - (chunks.length << SHIFT), tail.length), 0);
  }

  /** This list with {@code item} in place of the one at {@code index}. */
  ChunkedList<T> with(int index, T item) {
    Objects.checkIndex(index, size);
    int at = index + offset;
    int body = chunks.length << SHIFT;
    if (at >= body) {
      Object[] changed = tail.clone();
      changed[at - body] = item;
      return new ChunkedList<>(chunks, changed, offset);
    }
    Object[][] table = chunks.clone();
    Object[] chunk = chunks[at >>> SHIFT].clone();
    chunk[at & (CHUNK - 1)] = item;
    table[at >>> SHIFT] = chunk;
    return new ChunkedList<>(table, tail, offset);
  }

  /** This list with {@code item} inserted at {@code index}, {@code 0 <= index <= size()}. */
  ChunkedList<T> inserted(int index, T item) {
    Objects.checkIndex(index, size + 1);
    return index == size ? appended(item) : relaid(index, item, true);
  }

  /** This list without the item at {@code index}. */
  ChunkedList<T> removed(int index) {
    Objects.checkIndex(index, size);
    return index == 0 ? withoutFirst(1) : relaid(index, null, false);
  }

  /**
   * Keeps the chunks before the one holding {@code index} and lays out the items from that chunk
   * on, with {@code item} inserted at {@code index} or the item there removed.
   */
  private ChunkedList<T> relaid(int index, T item, boolean insert) {
    int kept = Math.min((index + offset) >>> SHIFT, chunks.length);
    // With no chunk kept the offset is dropped: the items are laid out from the first slot.
    int from = kept == 0 ? 0 : (kept << SHIFT) - offset;
    Builder<T> builder = new Builder<>(chunks, kept, size + (insert ? 1 : -1) - from);
    for (int i = from; i < size; i++) {
      if (i == index) {
        if (!insert) {
          continue;
        }
        builder.add(item);
      }
      builder.add(get(i));
    }
    return kept == 0 ? builder.build() : builder.build(offset);
  }

  /** Lays out items in order without copying them again: the way in for decoders and copies. */
  static final class Builder<T> {
    private final Object[][] chunks;
    private final int first;
    private final Object[] tail;
    private int count;
    /** The array the next item goes to, at {@link #next}: a chunk, then the tail. */
    private Object[] current;
    private int chunk;
    private int next;

    /** A builder for exactly {@code size} items. */
    Builder(int size) {
      this(NO_CHUNKS, 0, size);
    }

    /** A builder for {@code size} items after the first {@code kept} chunks of {@code from}. */
    private Builder(Object[][] from, int kept, int size) {
      this.first = kept;
      this.chunks = Arrays.copyOf(from, kept + (size >>> SHIFT));
      for (int i = first; i < chunks.length; i++) {
        chunks[i] = new Object[CHUNK];
      }
      this.tail = (size & (CHUNK - 1)) == 0 ? NO_ITEMS : new Object[size & (CHUNK - 1)];
      this.chunk = first;
      this.current = first < chunks.length ? chunks[first] : tail;
    }

    /** How many items the list will hold. */
    int size() {
      return ((chunks.length - first) << SHIFT) + tail.length;
    }

    void add(T item) {
      if (next == current.length) {
        chunk++;
        current = chunk < chunks.length ? chunks[chunk] : tail;
        next = 0;
      }
      current[next++] = item;
      count++;
    }

    /** The list of the items added, which must be as many as the builder was made for. */
    ChunkedList<T> build() {
      return build(0);
    }

    private ChunkedList<T> build(int offset) {
      if (count != size()) {
        throw new IllegalStateException("expected " + size() + " items, got " + count);
      }
      return chunks.length == 0 && tail.length == 0 ? empty() : new ChunkedList<>(chunks, tail, offset);
    }
  }
}
