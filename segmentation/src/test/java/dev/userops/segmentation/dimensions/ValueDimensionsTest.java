package dev.userops.segmentation.dimensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import org.junit.jupiter.api.Test;

class ValueDimensionsTest {
  @Test
  void paretoTakesTheSmallestSetOfTopSpendersWithTiesByUserId() {
    // Revenue 100. 80% needs 80 = 50 + 20 + 20; 70% needs 70 = 50 + 20, and of the two users
    // spending 20 the smaller id (1) is taken.
    long[] ids = {3, 1, 2, 4};
    long[] spend = {20, 20, 50, 10};
    assertThat(ValueTiers.DEFAULT.topSpenders(ids, spend)).containsExactly(true, true, true, false);
    assertThat(new ValueTiers(0.7).topSpenders(ids, spend)).containsExactly(false, true, true, false);
    assertThat(new ValueTiers(0.71).topSpenders(ids, spend)).containsExactly(true, true, true, false);
    assertThat(new ValueTiers(1.0).topSpenders(ids, spend)).containsExactly(true, true, true, true);
    assertThat(ValueTiers.DEFAULT.topSpenders(new long[0], new long[0])).isEmpty();
    assertThat(ValueTiers.DEFAULT.topSpenders(new long[] {1}, new long[] {0})).containsExactly(false);
    assertThat(ValueTiers.fromJson("{}")).isEqualTo(ValueTiers.DEFAULT);
    assertThatThrownBy(() -> ValueTiers.fromJson("{\"revenueShare\":0}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("revenueShare must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> ValueTiers.DEFAULT.topSpenders(new long[] {1}, new long[] {-1})).hasMessageContaining("spendMinor[0]");
  }

  @Test
  void opinionLeadersByTopShareOrThreshold() {
    OpinionLeaders defaults = OpinionLeaders.DEFAULT;
    assertThat(defaults.influence(3, 2, 1)).isEqualTo(3 + 4 + 5);
    long[] ids = new long[40];
    long[] influence = new long[40];
    for (int i = 0; i < 40; i++) {
      ids[i] = 100 - i;
      influence[i] = i < 3 ? 50 : 0;
    }
    // 5% of 40 = 2 leaders; three tie at 50, so the two smallest ids (98, 99 at rows 2, 1) win.
    boolean[] leaders = defaults.leaders(ids, influence);
    assertThat(leaders[1]).isTrue();
    assertThat(leaders[2]).isTrue();
    assertThat(leaders[0]).isFalse();
    OpinionLeaders threshold = new OpinionLeaders(null, null, null, null, 50L);
    boolean[] byThreshold = threshold.leaders(ids, influence);
    assertThat(byThreshold).startsWith(true, true, true).endsWith(new boolean[37]);
    assertThat(OpinionLeaders.fromJson(threshold.toJson())).isEqualTo(threshold);
    assertThatThrownBy(() -> new OpinionLeaders(null, null, null, 0.1, 5L)).hasMessageContaining("not both");
    assertThat(defaults.leaders(new long[] {1}, new long[] {0})).containsExactly(false);
    assertThat(defaults.leaders(new long[0], new long[0])).isEmpty();
    assertThatThrownBy(() -> defaults.leaders(new long[] {1, 2}, new long[] {1})).hasMessageContaining("same length");
  }
}
