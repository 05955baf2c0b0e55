package dev.userops.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Quantile scores of values that span fewer values than there are users are counted, not sorted;
 * both ways give the same scores, at the edges of the long range too.
 */
class BinsProperties {
  @Property(tries = 1_000)
  void countingAndSortingGiveTheSameScores(@ForAll("columns") long[] values, @ForAll @IntRange(min = 1, max = 9) int scores,
      @ForAll boolean reversed) {
    assertThat(Bins.quantileScores(values, scores, reversed)).containsExactly(Bins.bySorting(values, scores, reversed));
  }

  /** Narrow columns (counted), wide ones (sorted) and ones at the ends of the long range. */
  @Provide
  Arbitrary<long[]> columns() {
    Arbitrary<Long> narrow = Arbitraries.longs().between(-3, 40);
    Arbitrary<Long> wide = Arbitraries.longs();
    Arbitrary<Long> edges = Arbitraries.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, Long.MAX_VALUE - 1, Long.MAX_VALUE);
    return Arbitraries.oneOf(narrow, wide, edges).list().ofMaxSize(120).map(List::stream)
        .map(stream -> stream.mapToLong(Long::longValue).toArray())
        .flatMap(mixed -> narrow.array(long[].class).ofMaxSize(200).map(extra -> mixed.length % 2 == 0 ? mixed : extra));
  }
}
