package dev.userops.segmentation.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userops.core.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GrowthBook's cross-SDK conformance suite: every {@code evalCondition} case of {@code cases.json}
 * (spec version 0.8.0, from github.com/growthbook/growthbook packages/sdk-js/test/cases.json, MIT
 * licence in {@code LICENSE-growthbook.txt} beside it), as {@code [name, condition, attributes,
 * expected, savedGroups?]}.
 */
class GrowthBookCasesTest {
  private static final String CASES = "/segmentation/growthbook/cases.json";

  /**
   * Cases whose condition the reference evaluates to a fixed answer by accident of a bad operand;
   * strict compilation rejects exactly these, naming the path.
   */
  private static final Set<String> REJECTED_WHEN_STRICT = Set.of(
      "unknown operator - pass",
      "$regex invalid - pass",
      "$regex invalid - fail",
      "$in - not array",
      "$nin - not array",
      "$ini - not array",
      "$nini - not array",
      "$inGroup fails for unknown group id",
      "$notInGroup passes for unknown group id");

  static List<Arguments> cases() throws IOException {
    JsonNode root;
    try (InputStream in = GrowthBookCasesTest.class.getResourceAsStream(CASES)) {
      root = new ObjectMapper().readTree(in);
    }
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : root.get("evalCondition")) {
      cases.add(Arguments.of(c.get(0).asText(), c.get(1), c.get(2), c.get(3).booleanValue(), c.get(4)));
    }
    return cases;
  }

  @Test
  void suiteHasAll248Cases() throws IOException {
    assertThat(cases()).hasSize(248);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void growthBookModeMatchesTheReference(
      String name, JsonNode condition, JsonNode attributes, boolean expected, JsonNode savedGroups) {
    Condition compiled = Condition.compile(condition, savedGroups, ConditionMode.GROWTHBOOK);
    assertThat(compiled.test(attributes)).as("document").isEqualTo(expected);
    assertThat(compiled.test(compiled.schema().flatten(attributes))).as("flattened").isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void strictModeMatchesOrRejectsWithPath(
      String name, JsonNode condition, JsonNode attributes, boolean expected, JsonNode savedGroups) {
    if (REJECTED_WHEN_STRICT.contains(name)) {
      assertThatThrownBy(() -> Condition.compile(condition, savedGroups, ConditionMode.STRICT))
          .isInstanceOf(ConfigException.class)
          .satisfies(e -> assertThat(((ConfigException) e).path()).isNotEmpty());
    } else {
      Condition compiled = Condition.compile(condition, savedGroups, ConditionMode.STRICT);
      assertThat(compiled.test(attributes)).isEqualTo(expected);
    }
  }
}
