package dev.userops.segmentation.tags;

import static dev.userops.segmentation.tags.TagCatalogTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.ConfigException;
import dev.userops.core.testing.AccumulatorLaws;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TagCounterTest {
  private static final TagCountSpec SPEC = TagCountSpec.of(TagCatalog.fromJson(TagCatalogTest.CATALOG));
  private static final TagCountSpec OTHER = TagCountSpec.of(TagCatalog.of(
      List.of(new TagRule("shanghai", null, json("{'region':'CN-SH'}")))));

  @Test
  void handWorkedCounts() {
    TagCounter counter = SPEC.newAccumulator();
    counter.add(json("{'userId':7,'region':'CN-SH','age':25,'orders180d':3}"));
    counter.add(json("{'userId':1,'region':'CN-SH','age':40,'interests':['esports']}"));
    counter.add(json("{'userId':2,'region':'CN-BJ'}"));

    TagCounts counts = counter.result();

    assertThat(counts.users()).isEqualTo(3);
    assertThat(counts.usersByTag()).containsExactly(
        Map.entry("shanghai", 2L), Map.entry("young_adult", 1L), Map.entry("repeat_buyer", 1L),
        Map.entry("staff", 1L), Map.entry("gamer", 1L));
    assertThat(counts.users("gamer")).isEqualTo(1);
  }

  @Test
  void allInputPathsAgree() {
    JsonNode profile = json("{'userId':8,'region':'CN-SH','age':20,'interests':['games']}");
    TagCatalog catalog = SPEC.catalog();
    TagCounts byDocument = SPEC.newAccumulator().add(profile).result();
    assertThat(SPEC.newAccumulator().add(catalog.schema().flatten(profile)).result()).isEqualTo(byDocument);
    assertThat(SPEC.newAccumulator().add(catalog.evaluate(profile)).result()).isEqualTo(byDocument);
    assertThat(SPEC.newAccumulator().add(catalog.evaluate(profile).toLongArray()).result()).isEqualTo(byDocument);
    assertThat(List.of(profile).stream().collect(SPEC.collector())).isEqualTo(byDocument);
  }

  @Test
  void rejectsBitsBeyondTheCatalogAndTagSetsOfAnotherCatalog() {
    assertThatThrownBy(() -> SPEC.newAccumulator().add(new long[] {1L << 5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tag bit 5 set, but the catalog has 5 tags");
    assertThatThrownBy(() -> SPEC.newAccumulator().add(OTHER.catalog().evaluate(json("{}"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tags of another catalog");
  }

  @Test
  void specJsonRoundTrips() {
    assertThat(TagCountSpec.fromJson(SPEC.toJson())).isEqualTo(SPEC);
    assertThatThrownBy(() -> TagCountSpec.fromJson("{\"catalog\":{\"version\":1,\"tags\":[{\"id\":\"a\",\"condition\":{\"x\":{\"$bad\":1}}}]}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tags[0].condition.x.$bad: unknown operator");
  }

  @Test
  void bytesWithCountsAboveUsersAreRejected() {
    // Bytes of another family or version: AccumulatorLaws, in lawsHold.
    byte[] bytes = SPEC.newAccumulator().add(json("{'region':'CN-SH'}")).toByteArray();
    byte[] tooMany = bytes.clone();
    tooMany[tooMany.length - 5 * 8 + 7] = 2; // shanghai: 2 of 1 user
    assertThatThrownBy(() -> SPEC.accumulatorFromBytes(tooMany))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TAGC: count of tag shanghai must be in [0, 1], got 2");
  }

  /** Format version 1 as first written; it must stay readable and be written identically. */
  @Test
  void goldenBytesOfVersion1StillRead() throws IOException {
    byte[] golden;
    try (InputStream in = TagCounterTest.class.getResourceAsStream("/segmentation/golden/tag-counter-v1.bin")) {
      golden = in.readAllBytes();
    }
    TagCountSpec spec = TagCountSpec.of(TagCatalog.fromJson(
        "{\"version\":1,\"tags\":[{\"id\":\"sh\",\"description\":\"Shanghai\",\"condition\":{\"region\":\"CN-SH\"}},"
            + "{\"id\":\"adult\",\"condition\":{\"age\":{\"$gte\":18}}}]}"));
    TagCounter counter = spec.accumulatorFromBytes(golden);
    assertThat(counter.result()).isEqualTo(new TagCounts(3, Map.of("sh", 2L, "adult", 1L)));
    TagCounter fresh = spec.newAccumulator()
        .add(json("{'region':'CN-SH','age':30}"))
        .add(json("{'region':'CN-BJ','age':17}"))
        .add(json("{'region':'CN-SH','age':12}"));
    // The catalog embedded in the bytes now names its version "version" (was "formatVersion"):
    // old bytes read, and new ones are pinned by their own golden file.
    assertThat(spec.accumulatorFromBytes(golden).toByteArray()).isEqualTo(fresh.toByteArray());
    try (InputStream in = TagCounterTest.class.getResourceAsStream("/segmentation/golden/tag-counter-v1-version.bin")) {
      assertThat(fresh.toByteArray()).isEqualTo(in.readAllBytes());
    }
  }

  @Property(tries = 100)
  void lawsHold(@ForAll @Size(max = 40) List<@From("profile") JsonNode> profiles, @ForAll long seed) {
    AccumulatorLaws.of(SPEC, (TagCounter counter, JsonNode p) -> counter.add(p), OTHER).check(profiles, seed);
  }

  @Property(tries = 200)
  void documentAndFlattenedProfilesGetTheSameTags(@ForAll("profile") JsonNode profile) {
    TagCatalog catalog = SPEC.catalog();
    long[] reused = {-1L};
    catalog.evaluate(catalog.schema().flatten(profile), reused);
    assertThat(catalog.evaluate(catalog.schema().flatten(profile))).isEqualTo(catalog.evaluate(profile));
    assertThat(reused).containsExactly(catalog.evaluate(profile).toLongArray());
  }

  @Provide
  Arbitrary<JsonNode> profile() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 10),
            Arbitraries.of("CN-SH", "CN-BJ", "US-CA"),
            Arbitraries.integers().between(10, 60),
            Arbitraries.integers().between(0, 8),
            Arbitraries.of("books", "games", "esports", "music").list().ofMaxSize(3))
        .as((userId, region, age, orders, interests) -> {
          ObjectNode p = JsonNodeFactory.instance.objectNode();
          p.put("userId", userId).put("region", region).put("age", age).put("orders180d", orders);
          interests.forEach(p.putArray("interests")::add);
          return p;
        });
  }
}
