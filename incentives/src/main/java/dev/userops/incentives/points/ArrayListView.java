package dev.userops.incentives.points;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list over an array that nothing else holds. The policy builds each new state's
 * lists in fresh arrays, so handing them over without {@code List.of}'s defensive copy (a third of
 * an earn event's time with 50 lots) is safe; lists from elsewhere are copied once on the way in.
 */
final class ArrayListView<T> extends AbstractList<T> implements RandomAccess {
  private static final ArrayListView<?> EMPTY = new ArrayListView<>(new Object[0], 0);

  private final Object[] items;
  private final int size;

  private ArrayListView(Object[] items, int size) {
    this.items = items;
    this.size = size;
  }

  /** A view of the first {@code size} items of {@code items}, which the caller must never change again. */
  static <T> List<T> adopt(Object[] items, int size) {
    return new ArrayListView<>(items, size);
  }

  /** {@code list} itself if it is a view, else an immutable copy; rejects null items. */
  @SuppressWarnings("unchecked")
  static <T> List<T> copyOf(List<T> list) {
    if (list instanceof ArrayListView) {
      return list;
    }
    if (list.isEmpty()) {
      return (List<T>) EMPTY;
    }
    Object[] items = list.toArray();
    for (Object item : items) {
      Objects.requireNonNull(item, "list item");
    }
    return new ArrayListView<>(items, items.length);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int index) {
    Objects.checkIndex(index, size);
    return (T) items[index];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Object[] toArray() {
    return Arrays.copyOf(items, size);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A> A[] toArray(A[] into) {
    A[] result = into.length >= size ? into : (A[]) Arrays.copyOf(items, size, into.getClass());
    System.arraycopy(items, 0, result, 0, size);
    if (result.length > size) {
      result[size] = null;
    }
    return result;
  }
}
