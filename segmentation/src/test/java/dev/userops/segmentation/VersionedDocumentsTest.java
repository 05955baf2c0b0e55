package dev.userops.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import dev.userops.segmentation.dimensions.AgeBands;
import dev.userops.segmentation.dimensions.AmountBuckets;
import dev.userops.segmentation.dimensions.Birthdays;
import dev.userops.segmentation.dimensions.FrequencyBuckets;
import dev.userops.segmentation.dimensions.LifecycleRules;
import dev.userops.segmentation.dimensions.OpinionLeaders;
import dev.userops.segmentation.dimensions.ValueTiers;
import dev.userops.segmentation.rfm.RfmScoring;
import dev.userops.segmentation.rfm.SegmentTable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every segmentation document carries {@code version}; those written before it did read as 1. */
class VersionedDocumentsTest {
  static Stream<Arguments> documents() {
    return Stream.of(
        document("{}", FrequencyBuckets::fromJson, FrequencyBuckets::toJson),
        document("{}", ValueTiers::fromJson, ValueTiers::toJson),
        document("{}", Birthdays::fromJson, Birthdays::toJson),
        document("{}", AgeBands::fromJson, AgeBands::toJson),
        document("{}", OpinionLeaders::fromJson, OpinionLeaders::toJson),
        document("{}", LifecycleRules::fromJson, LifecycleRules::toJson),
        document("{}", AmountBuckets::fromJson, AmountBuckets::toJson),
        document("{\"method\":\"QUANTILE\"}", RfmScoring::fromJson, RfmScoring::toJson),
        document(SegmentTable.vignette().toJson().replace("\"version\":1,", ""), SegmentTable::fromJson,
            SegmentTable::toJson));
  }

  private static <T> Arguments document(String unversioned, Function<String, T> fromJson, Function<T, String> toJson) {
    @SuppressWarnings("unchecked")
    Function<Object, String> write = (Function<Object, String>) toJson;
    return Arguments.of(unversioned, fromJson, write);
  }

  @ParameterizedTest
  @MethodSource("documents")
  void writesVersionReadsWithoutItAndRejectsANewerOne(
      String unversioned, Function<String, Object> fromJson, Function<Object, String> toJson) {
    Object read = fromJson.apply(unversioned);
    String written = toJson.apply(read);

    assertThat(written).startsWith("{\"version\":1,");
    assertThat(fromJson.apply(written)).isEqualTo(read);
    assertThatThrownBy(() -> fromJson.apply(written.replace("\"version\":1", "\"version\":2")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("version: expected an integer in [1, 1], got 2");
  }
}
