package dev.userops.incentives.offers;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * A read-only list whose elements are made on demand from arrays that nobody writes after it is
 * built. A priced cart keeps its allocations as primitive columns and builds its records only when
 * a caller reads them: pricing allocates a few arrays instead of some seventy records and their
 * lists. Each read makes a new element, equal to the last; {@code equals}, {@code hashCode} and
 * {@code toString} follow the {@link List} contract, so such a list equals the immutable list a JSON
 * read gives.
 */
final class LazyList<T> extends AbstractList<T> implements RandomAccess {
  private final int size;
  private final IntFunction<T> element;

  private LazyList(int size, IntFunction<T> element) {
    this.size = size;
    this.element = element;
  }

  /** The list of {@code element.apply(0 .. size - 1)}; {@code element} must never return null. */
  static <T> List<T> of(int size, IntFunction<T> element) {
    return new LazyList<>(size, element);
  }

  /** A view of {@code array}, which the caller must no longer write: no copy, unlike {@code List.of}. */
  static <T> List<T> of(T[] array) {
    return new LazyList<>(array.length, i -> array[i]);
  }

  /**
   * {@code list} itself if it is a lazy list (immutable, its elements never null), else {@code
   * List.copyOf(list)}: the records' copy, without materializing a priced cart.
   */
  static <T> List<T> copyOf(List<T> list) {
    return list instanceof LazyList ? list : List.copyOf(list);
  }

  @Override
  public T get(int index) {
    return element.apply(Objects.checkIndex(index, size));
  }

  @Override
  public int size() {
    return size;
  }
}
