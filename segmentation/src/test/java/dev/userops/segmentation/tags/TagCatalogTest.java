package dev.userops.segmentation.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userops.core.ConfigException;
import dev.userops.segmentation.condition.ConditionMode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagCatalogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String CATALOG = """
      {"version":1,"savedGroups":{"staff":[7,8]},"tags":[
        {"id":"shanghai","description":"Lives in Shanghai","condition":{"region":"CN-SH"}},
        {"id":"young_adult","condition":{"age":{"$gte":18,"$lt":30}}},
        {"id":"repeat_buyer","description":"2+ orders in 180 days","condition":{"orders180d":{"$gte":2}}},
        {"id":"staff","condition":{"userId":{"$inGroup":"staff"}}},
        {"id":"gamer","condition":{"interests":{"$elemMatch":{"$in":["games","esports"]}}}}
      ]}""";

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  @Test
  void evaluatesProfilesIntoTagSets() {
    TagCatalog catalog = TagCatalog.fromJson(CATALOG);
    JsonNode profile = json("{'userId':7,'region':'CN-SH','age':25,'orders180d':1,'interests':['books','games']}");

    TagSet tags = catalog.evaluate(profile);

    assertThat(tags.ids()).containsExactly("shanghai", "young_adult", "staff", "gamer");
    assertThat(tags.size()).isEqualTo(4);
    assertThat(tags.contains("repeat_buyer")).isFalse();
    assertThat(tags.contains("no_such_tag")).isFalse();
    assertThat(tags.contains(catalog.indexOf("staff"))).isTrue();
    assertThat(tags.toLongArray()).containsExactly(0b11011L);
    assertThat(catalog.evaluate(catalog.schema().flatten(profile))).isEqualTo(tags);
    assertThat(catalog.schema().paths()).containsExactly("region", "age", "orders180d", "userId", "interests");
  }

  @Test
  void jsonRoundTrips() {
    TagCatalog catalog = TagCatalog.fromJson(CATALOG);
    assertThat(TagCatalog.fromJson(catalog.toJson())).isEqualTo(catalog);
    assertThat(catalog.tags().get(1).description()).isEmpty();
    assertThat(catalog.ids()).containsExactly("shanghai", "young_adult", "repeat_buyer", "staff", "gamer");
    assertThat(TagCatalog.of(catalog.tags(), json("{'staff':[7,8]}"), ConditionMode.STRICT)).isEqualTo(catalog);
  }

  /** Each row changes one piece of {@link #CATALOG}: what reading the result says, path first. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      "$gte":2                | "$gte":true         | tags[2].condition.orders180d.$gte: expected a number or string, got boolean true
      "young_adult"           | "shanghai"          | tags[1].id: duplicate tag id "shanghai" (first at tags[0])
      "staff":[7,8]           | "staf":[7,8]        | tags[3].condition.userId.$inGroup: unknown saved group "staff" (known: staf)
      "description":"Lives    | "descr":"Lives      | unknown field "descr"
      "shanghai"              | "Shang hai"         | id must be 1 to 64 characters of [A-Za-z0-9_.:-], got "Shang hai"
      "version":1             | "version":2         | version: expected 1, got 2
      """)
  void badCatalogsNameThePath(String piece, String replacement, String problem) {
    assertThatThrownBy(() -> TagCatalog.fromJson(CATALOG.replace(piece, replacement)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void catalogsWrittenBeforeVersionWasNamedVersionStillRead() {
    String old = CATALOG.replace("\"version\":1", "\"formatVersion\":1");
    assertThat(TagCatalog.fromJson(old)).isEqualTo(TagCatalog.fromJson(CATALOG));
    assertThat(TagCatalog.fromJson(old).toJson()).startsWith("{\"version\":1");
  }

  @Test
  void growthBookModeCompilesWhatStrictRejects() {
    String lenient = CATALOG.replace("\"version\":1,", "\"version\":1,\"mode\":\"GROWTHBOOK\",")
        .replace("\"$gte\":2", "\"$gte\":2,\"$regx\":1");
    TagCatalog catalog = TagCatalog.fromJson(lenient);
    assertThat(catalog.evaluate(json("{'orders180d':5}")).contains("repeat_buyer")).isFalse();
  }

  @Test
  void evaluationRejectsNonObjectsAndShortBitSets() {
    TagCatalog catalog = TagCatalog.fromJson(CATALOG);
    assertThatThrownBy(() -> catalog.evaluate(json("[1]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("profile must be a JSON object, got ARRAY");
    assertThatThrownBy(() -> catalog.evaluate(json("{}"), new long[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("words must have length >= 1, got 0");
  }

  @Test
  void emptyCatalogAndManyTags() {
    TagCatalog empty = TagCatalog.of(List.of());
    assertThat(empty.evaluate(json("{}")).ids()).isEmpty();
    assertThat(empty.wordCount()).isZero();

    List<TagRule> rules = new java.util.ArrayList<>();
    for (int i = 0; i < 130; i++) {
      rules.add(new TagRule("t" + i, null, json("{'n':{'$gte':" + i + "}}")));
    }
    TagCatalog many = TagCatalog.of(rules);
    TagSet tags = many.evaluate(json("{'n':100}"));
    assertThat(many.wordCount()).isEqualTo(3);
    assertThat(tags.size()).isEqualTo(101);
    assertThat(tags.contains("t100")).isTrue();
    assertThat(tags.contains("t101")).isFalse();
  }
}
