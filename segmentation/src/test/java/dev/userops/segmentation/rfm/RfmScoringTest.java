package dev.userops.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RfmScoringTest {
  private static RfmFeatures features(long[] recency, long[] frequency, long[] monetary) {
    long[] ids = new long[recency.length];
    java.util.Arrays.setAll(ids, i -> i);
    return RfmFeatures.of(ids, recency, frequency, monetary);
  }

  @Test
  void quantileScoresByRankWithTiesSharingTheLowerScore() {
    // Ten users; frequency 1,1,1,2,3,4,5,6,7,8: the three 1s have no worse user -> 1; the 2 has 3
    // worse -> 1 + 5*3/10 = 2; 8 has 9 worse -> 5.
    long[] frequency = {1, 1, 1, 2, 3, 4, 5, 6, 7, 8};
    long[] recency = {0, 0, 10, 10, 10, 20, 30, 40, 50, 60};
    RfmScores s = RfmScoring.quantiles(5).score(features(recency, frequency, frequency));
    int[] f = new int[10];
    int[] r = new int[10];
    for (int i = 0; i < 10; i++) {
      f[i] = s.f(i);
      r[i] = s.r(i);
    }
    assertThat(f).containsExactly(1, 1, 1, 2, 3, 3, 4, 4, 5, 5);
    // Recency reversed: 60 days has no worse user -> 1; 0 days has 8 worse -> 1 + 40/10 = 5.
    assertThat(r).containsExactly(5, 5, 3, 3, 3, 3, 2, 2, 1, 1);
  }

  @Property(tries = 50)
  void quantileScoresDoNotDependOnInputOrder(
      @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 6) Long> values,
      @ForAll @IntRange(min = 1, max = 7) int n,
      @ForAll long seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    long[] a = values.stream().mapToLong(Long::longValue).toArray();
    long[] b = order.stream().mapToLong(i -> values.get(i)).toArray();
    long[] ids = order.stream().mapToLong(Integer::longValue).toArray();
    long[] identity = new long[a.length];
    java.util.Arrays.setAll(identity, i -> i);
    RfmScores sa = RfmScoring.quantiles(n).score(RfmFeatures.of(identity, a, a, a));
    RfmScores sb = RfmScoring.quantiles(n).score(RfmFeatures.of(ids, b, b, b));
    for (int k = 0; k < b.length; k++) {
      int user = (int) ids[k];
      assertThat(sb.f(k)).isEqualTo(sa.f(user)).isBetween(1, n);
      assertThat(sb.r(k)).isEqualTo(sa.r(user)).isBetween(1, n);
    }
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        if (a[i] == a[j]) {
          assertThat(sa.m(i)).isEqualTo(sa.m(j));
        } else if (a[i] < a[j]) {
          assertThat(sa.m(i)).isLessThanOrEqualTo(sa.m(j));
          assertThat(sa.r(i)).isGreaterThanOrEqualTo(sa.r(j));
        }
      }
    }
  }

  @Test
  void fixedEdgesAreLowerBoundsAndRecencyIsReversed() {
    RfmScoring scoring = RfmScoring.fixedEdges(List.of(30L, 90L), List.of(2L, 5L), List.of(1000L, 5000L));
    RfmScores s = scoring.score(features(new long[] {0, 29, 30, 89, 90}, new long[] {1, 2, 4, 5, 9}, new long[] {0, 999, 1000, 4999, 5000}));
    for (int i = 0; i < 5; i++) {
      assertThat(new int[] {s.r(i), s.f(i), s.m(i)})
          .containsExactly(new int[][] {{3, 1, 1}, {3, 2, 1}, {2, 2, 2}, {2, 3, 2}, {1, 3, 3}}[i]);
    }
  }

  @Test
  void rCompatibleCutsAreType7QuantilesPlusOne() {
    // 1..10: quantiles at 0.2..0.8 are 2.8, 4.6, 6.4, 8.2 -> cuts 3.8, 5.6, 7.4, 9.2.
    long[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(Bins.rCutPoints(Bins.majorUnits(v, 0), 5)).containsExactly(new double[] {3.8, 5.6, 7.4, 9.2}, org.assertj.core.data.Offset.offset(1e-12));
    RfmScores s = RfmScoring.rCompatible(5).score(features(v, v, v));
    int[] f = new int[10];
    for (int i = 0; i < 10; i++) {
      f[i] = s.f(i);
    }
    assertThat(f).containsExactly(1, 1, 1, 2, 2, 3, 3, 4, 4, 5);
    // All equal: every cut is value + 1, so everyone is in the first bin; recency scores 5.
    RfmScores same = RfmScoring.rCompatible(5).score(features(new long[] {4, 4}, new long[] {4, 4}, new long[] {4, 4}));
    assertThat(new int[] {same.r(0), same.f(0), same.m(1)}).containsExactly(5, 1, 1);
  }

  @Test
  void invalidScoringsNameTheRule() {
    assertThatThrownBy(() -> RfmScoring.quantiles(0)).hasMessageContaining("scores must be in [1, 100], got 0");
    assertThatThrownBy(() -> RfmScoring.fixedEdges(List.of(3L, 2L), List.of(1L, 2L), List.of(1L, 2L)))
        .hasMessageContaining("recencyEdges must be strictly ascending");
    assertThatThrownBy(() -> RfmScoring.fixedEdges(List.of(2L, 3L), List.of(1L), List.of(1L, 2L)))
        .hasMessageContaining("frequencyEdges must hold scores - 1 = 2 edges");
    assertThatThrownBy(() -> new RfmScoring(RfmScoring.Method.QUANTILE, 5, List.of(1L), null, null, null))
        .hasMessageContaining("only for FIXED_EDGES");
    assertThatThrownBy(() -> RfmScoring.fromJson("{\"method\":\"QUANTILE\",\"scores\":\"five\"}"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("scores");
  }

  @Test
  void featuresOfColumnsThatDoNotLineUpAreRejectedWithEveryLength() {
    assertThatThrownBy(() -> RfmFeatures.of(new long[] {1, 2}, new long[] {0, 0}, new long[] {1}, new long[] {5, 5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userIds, recencyDays, frequency and monetaryMinor must have equal lengths, got 2, 2, 1 and 2");
  }

  @Test
  void scoringsRoundTripThroughJson() {
    for (RfmScoring scoring : List.of(
        RfmScoring.quantiles(5),
        RfmScoring.rCompatible(4),
        RfmScoring.fixedEdges(List.of(30L, 90L), List.of(2L, 5L), List.of(1000L, 5000L)))) {
      assertThat(RfmScoring.fromJson(scoring.toJson())).isEqualTo(scoring);
    }
    assertThat(RfmScoring.fromJson("{\"method\":\"QUANTILE\"}").scores()).isEqualTo(5);
  }
}
