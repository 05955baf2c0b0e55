package dev.userops.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentTableTest {
  @Test
  void gridCoversEveryRecencyFrequencyCellWithElevenSegments() {
    Set<String> names = new HashSet<>();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          String segment = SegmentTable.rfGrid().segmentOf(r, f, m);
          assertThat(segment).isNotEqualTo(SegmentTable.OTHERS).isEqualTo(SegmentTable.rfGrid().segmentOf(r, f, 1));
          names.add(segment);
        }
      }
    }
    assertThat(names).hasSize(11);
    assertThat(SegmentTable.rfGrid().segmentOf(5, 5, 1)).isEqualTo("Champions");
    assertThat(SegmentTable.rfGrid().segmentOf(2, 1, 1)).isEqualTo("Hibernating");
    assertThat(SegmentTable.rfGrid().segmentOf(1, 1, 1)).isEqualTo("Lost");
    assertThat(SegmentTable.rfGrid().segmentOf(1, 5, 1)).isEqualTo("Can't Lose Them");
  }

  @Test
  void firstMatchingRuleWinsElseOthers() {
    SegmentTable table = SegmentTable.fromJson(
        "{\"rules\":[{\"name\":\"A\",\"recency\":{\"min\":4,\"max\":5}},"
            + "{\"name\":\"B\",\"recency\":{\"min\":3,\"max\":5},\"monetary\":{\"min\":2,\"max\":2}}]}");
    assertThat(table.segmentOf(5, 1, 2)).isEqualTo("A");
    assertThat(table.segmentOf(3, 1, 2)).isEqualTo("B");
    assertThat(table.segmentOf(3, 1, 3)).isEqualTo(SegmentTable.OTHERS);
    assertThat(SegmentTable.fromJson(table.toJson())).isEqualTo(table);
    assertThat(SegmentTable.fromJson(SegmentTable.vignette().toJson())).isEqualTo(SegmentTable.vignette());
    assertThat(SegmentTable.vignette().rules()).hasSize(10);
  }

  @Test
  void segmentSizesCountUsersAndSpendInRuleOrder() {
    RfmFeatures features = RfmFeatures.of(new long[] {7, 8, 9}, new long[] {0, 1, 2}, new long[] {1, 1, 1}, new long[] {10, 20, 30});
    RfmScores scores = new RfmScores(5, new byte[] {5, 5, 1}, new byte[] {5, 4, 5}, new byte[] {1, 1, 1});
    RfmSegments segments = SegmentTable.rfGrid().segment(features, scores);
    assertThat(segments.segment(2)).isEqualTo("Can't Lose Them");
    assertThat(segments.sizes()).hasSize(12).first().isEqualTo(new RfmSegments.SegmentSize("Champions", 2, 30));
    assertThat(segments.sizes().get(11)).isEqualTo(new RfmSegments.SegmentSize(SegmentTable.OTHERS, 0, 0));
  }

  @Test
  void badTablesNameThePath() {
    assertThatThrownBy(() -> SegmentTable.fromJson("{\"rules\":[{\"name\":\"A\",\"recency\":{\"min\":0,\"max\":5}}]}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("rules[0].recency").hasMessageContaining("min must be >= 1, got 0");
    assertThatThrownBy(() -> SegmentTable.fromJson("{\"rules\":[{\"name\":\"A\"},{\"name\":\"A\"}]}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("distinct");
    assertThatThrownBy(() -> SegmentTable.fromJson("{\"rules\":[{\"name\":\"Others\"}]}")).hasMessageContaining("Others");
    assertThatThrownBy(() -> SegmentTable.fromJson("{\"rules\":[{\"name\":\"A\",\"score\":1}]}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("rules[0]").hasMessageContaining("unknown field \"score\"");
  }
}
