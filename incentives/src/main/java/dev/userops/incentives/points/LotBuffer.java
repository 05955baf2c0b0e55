package dev.userops.incentives.points;

import dev.userops.incentives.points.PointsState.Lot;
import java.util.Arrays;
import java.util.List;

/**
 * The lots of one application as an array: copied once in and handed out as the new state's list
 * without a copy, where an {@code ArrayList} and {@code List.copyOf} would copy four times.
 */
final class LotBuffer {
  private Lot[] lots;
  private int size;

  LotBuffer(List<Lot> initial) {
    this.size = initial.size();
    this.lots = initial.toArray(new Lot[size + 1]);
  }

  int size() {
    return size;
  }

  Lot get(int i) {
    return lots[i];
  }

  void set(int i, Lot lot) {
    lots[i] = lot;
  }

  void remove(int i) {
    System.arraycopy(lots, i + 1, lots, i, size - i - 1);
    lots[--size] = null;
  }

  void add(int i, Lot lot) {
    if (size == lots.length) {
      lots = Arrays.copyOf(lots, size * 2 + 1);
    }
    System.arraycopy(lots, i, lots, i + 1, size - i);
    lots[i] = lot;
    size++;
  }

  /** The lots as an immutable list; the buffer must not be used after. */
  List<Lot> toList() {
    return ArrayListView.adopt(lots, size);
  }
}
