package dev.userops.segmentation.dimensions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The primitive merge sort orders rows exactly as a comparator sort of boxed rows does. */
class RankingProperties {
  @Property(tries = 300)
  void ordersLikeAComparatorSort(
      @ForAll @Size(max = 300) List<@LongRange(min = 0, max = 5) Long> values,
      @ForAll @LongRange(min = 0, max = 1000) long seed) {
    long[] value = values.stream().mapToLong(Long::longValue).toArray();
    // Ids may repeat, so stability shows: equal rows keep their input order.
    long[] userIds = IntStream.range(0, value.length).mapToLong(i -> (i * 7919L + seed) % 50).toArray();

    int[] expected = IntStream.range(0, value.length).boxed()
        .sorted(Comparator.<Integer>comparingLong(i -> -value[i]).thenComparingLong(i -> userIds[i]))
        .mapToInt(Integer::intValue).toArray();

    assertThat(Ranking.descending(userIds, value, "value")).containsExactly(expected);
  }
}
