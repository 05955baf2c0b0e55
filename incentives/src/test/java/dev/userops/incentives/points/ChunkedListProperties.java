package dev.userops.incentives.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link ChunkedList} against an {@code ArrayList} doing the same edits, over chunk boundaries, and
 * every earlier version still holding what it held: the policy applies many events to one state.
 */
class ChunkedListProperties {

  @Property(tries = 300)
  void everyVersionEqualsTheListItModels(@ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int start,
      @ForAll @IntRange(min = 1, max = 200) int edits) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> model = new ArrayList<>();
    for (int i = 0; i < start; i++) {
      model.add(i);
    }
    ChunkedList<Integer> list = ChunkedList.copyOf(model);
    List<ChunkedList<Integer>> versions = new ArrayList<>();
    List<List<Integer>> models = new ArrayList<>();
    for (int edit = 0; edit < edits; edit++) {
      int item = 1000 + edit;
      int size = model.size();
      switch (random.nextInt(size == 0 ? 1 : 6)) {
        case 0 -> {
          list = list.appended(item);
          model.add(item);
        }
        case 1 -> {
          int count = random.nextInt(Math.min(size, 20) + 1);
          list = list.withoutFirst(count);
          model.subList(0, count).clear();
        }
        case 2 -> {
          int index = random.nextInt(size);
          list = list.with(index, item);
          model.set(index, item);
        }
        case 3 -> {
          int index = random.nextInt(size + 1);
          list = list.inserted(index, item);
          model.add(index, item);
        }
        case 4 -> {
          int index = random.nextInt(size);
          list = list.removed(index);
          model.remove(index);
        }
        default -> {
          // Most edits of the state are at the ends.
          list = list.inserted(size, item).withoutFirst(1);
          model.add(item);
          model.remove(0);
        }
      }
      assertThat(list).hasSize(model.size()).containsExactlyElementsOf(model);
      for (int i = 0; i < model.size(); i++) {
        assertThat(list.get(i)).isEqualTo(model.get(i));
      }
      versions.add(list);
      models.add(List.copyOf(model));
    }
    for (int i = 0; i < versions.size(); i++) {
      assertThat(versions.get(i)).isEqualTo(models.get(i));
    }
  }

  @Test
  void copiesCheckTheirItemsAndIndexesAreChecked() {
    List<String> withNull = new ArrayList<>(List.of("a"));
    withNull.add(null);
    assertThatThrownBy(() -> ChunkedList.copyOf(withNull)).isInstanceOf(NullPointerException.class);
    ChunkedList<String> list = ChunkedList.copyOf(List.of("a", "b"));
    assertThat(ChunkedList.copyOf(list)).isSameAs(list);
    assertThat(list.withoutFirst(2)).isEmpty();
    assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.withoutFirst(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.inserted(3, "c")).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.removed(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
