package dev.userops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserOpsJsonTest {
  enum Mode {
    CALENDAR,
    ROLLING
  }

  record Cap(int max, Duration window, Mode mode) {}

  record Rule(String name, Cap cap) {
    Rule {
      Checks.requireNonBlank(name, "name");
    }
  }

  record Program(List<Rule> earnRules, ZoneId zone, LocalDate start) {}

  record Points(Program points) {}

  private static ConfigException failure(String json) {
    try {
      Json.read(json, Points.class);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected a ConfigException for " + json);
  }

  private static String program(String rule2) {
    return "{\"points\":{\"earnRules\":[{\"name\":\"a\"},{\"name\":\"b\"}," + rule2 + "]}}";
  }

  @Test
  void readsAndWritesIsoTime() {
    String json =
        "{\"points\":{\"earnRules\":[{\"name\":\"a\",\"cap\":{\"max\":3,\"window\":\"PT24H\",\"mode\":\"CALENDAR\"}}],"
            + "\"zone\":\"Asia/Shanghai\",\"start\":\"2026-02-28\"}}";
    Points points = Json.read(json, Points.class);
    assertThat(points.points().earnRules().get(0).cap().window()).isEqualTo(Duration.ofDays(1));
    assertThat(Json.write(points)).isEqualTo(json);
  }

  @Test
  void badDurationNamesThePathTheExpectationAndTheValue() {
    ConfigException e = failure(program("{\"name\":\"c\",\"cap\":{\"max\":1,\"window\":\"1 day\"}}"));
    assertThat(e.path()).isEqualTo("points.earnRules[2].cap.window");
    assertThat(e).hasMessage("points.earnRules[2].cap.window: expected an ISO-8601 duration (e.g. \"PT24H\"), got \"1 day\"");
  }

  @Test
  void unknownFieldsAreRejectedWithTheKnownOnes() {
    assertThat(failure(program("{\"name\":\"c\",\"capp\":{}}")))
        .hasMessage("points.earnRules[2].capp: unknown field \"capp\" (known: cap, name)");
  }

  @Test
  void numbersAreNotCoerced() {
    assertThat(failure(program("{\"name\":\"c\",\"cap\":{\"max\":\"3\"}}")).path()).isEqualTo("points.earnRules[2].cap.max");
    assertThat(failure(program("{\"name\":\"c\",\"cap\":{\"max\":1.5}}")).path()).isEqualTo("points.earnRules[2].cap.max");
  }

  record Versioned(int version, String name) {}

  private static String problem(String json, Class<?> type) {
    return failureOf(() -> Json.read(json, type));
  }

  @Test
  void aDocumentOfTheWrongKindSaysWhatItIs() {
    assertThat(problem("null", Versioned.class)).isEqualTo("expected an object, got null");
    assertThat(problem("[]", Versioned.class)).isEqualTo("expected an object, got an array");
    assertThat(problem("\"1\"", Versioned.class)).isEqualTo("expected an object, got \"1\"");
    assertThat(problem("7", Versioned.class)).isEqualTo("expected an object, got 7");
    assertThat(problem("", Versioned.class)).isEqualTo("expected an object, got an empty document");
    assertThat(problem(" \n", Versioned.class)).isEqualTo("expected an object, got an empty document");
    assertThat(problem("null", Points.class)).isEqualTo("expected an object, got null");
    // Not objects: the document null stays null.
    assertThat(Json.read("null", String.class)).isNull();
  }

  @Test
  void aFieldOfTheWrongTypeSaysWhatItGot() {
    assertThat(problem("{\"version\":\"1\"}", Versioned.class)).isEqualTo("version: expected an integer, got \"1\"");
    assertThat(problem("{\"version\":[1]}", Versioned.class)).isEqualTo("version: expected an integer, got an array");
    assertThat(problem("{\"version\":{}}", Versioned.class)).isEqualTo("version: expected an integer, got an object");
    assertThat(problem("{\"version\":true}", Versioned.class)).isEqualTo("version: expected an integer, got true");
    assertThat(problem("{\"version\":1,\"name\":[\"a\"]}", Versioned.class))
        .isEqualTo("name: expected a string, got an array");
    assertThat(problem("{\"points\":{\"earnRules\":{}}}", Points.class))
        .isEqualTo("points.earnRules: expected an array, got an object");
    assertThat(problem("{\"points\":{\"earnRules\":[1]}}", Points.class))
        .isEqualTo("points.earnRules[0]: expected an object, got 1");
    assertThat(problem("{\"points\":[]}", Points.class)).isEqualTo("points: expected an object, got an array");
  }

  @Test
  void treesAndVersionedDocumentsSayTheSame() {
    assertThat(problem("{\"version\":\"1\"}", Versioned.class))
        .isEqualTo(failureOf(() -> Json.read(Json.readObject("{\"version\":\"1\"}"), Versioned.class)));
    assertThat(failureOf(() -> Json.read(Json.readObject("{}").nullNode(), Versioned.class)))
        .isEqualTo("expected an object, got null");
    assertThat(failureOf(() -> Json.readObject("[1]"))).isEqualTo("expected an object, got an array");
    assertThat(failureOf(() -> Json.readObject(""))).isEqualTo("expected an object, got an empty document");
    assertThat(failureOf(() -> Json.readVersioned("{\"version\":\"1\",\"name\":\"a\"}", Versioned.class, 1)))
        .isEqualTo("version: expected an integer in [1, 1], got \"1\"");
  }

  @Test
  void aHostsOwnMapperGetsTheSameMessages() {
    try {
      UserOpsJson.mapper().readValue("{\"version\":\"1\"}", Versioned.class);
      throw new AssertionError("expected a failure");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      assertThat(UserOpsJson.toConfigException(e)).hasMessage("version: expected an integer, got \"1\"");
    }
  }

  @Test
  void longValuesAreCutInMessages() {
    String message = problem("{\"version\":\"" + "9".repeat(10_000) + "\"}", Versioned.class);
    assertThat(message).startsWith("version: expected an integer, got \"999").endsWith("...\"").hasSizeLessThan(160);
    assertThat(failure(program("{\"name\":\"c\",\"cap\":{\"mode\":\"" + "x".repeat(5000) + "\"}}")).getMessage())
        .hasSizeLessThan(200);
  }

  private static String failureOf(Runnable reading) {
    try {
      reading.run();
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a ConfigException");
  }

  @Test
  void missingOrNullPrimitivesAreRequired() {
    assertThat(failure(program("{\"name\":\"c\",\"cap\":{\"window\":\"PT1H\"}}")))
        .hasMessage("points.earnRules[2].cap.max: expected an integer, got null or no value (the field is required)");
    assertThat(failure(program("{\"name\":\"c\",\"cap\":{\"max\":null}}")).path())
        .isEqualTo("points.earnRules[2].cap.max");
  }

  @Test
  void badEnumListsTheChoices() {
    assertThat(failure(program("{\"name\":\"c\",\"cap\":{\"mode\":\"SLIDING\"}}")))
        .hasMessage("points.earnRules[2].cap.mode: expected one of [CALENDAR, ROLLING], got \"SLIDING\"");
  }

  @Test
  void badZoneAndDateNameTheirPath() {
    assertThat(failure("{\"points\":{\"zone\":\"Mars/Olympus\"}}").path()).isEqualTo("points.zone");
    assertThat(failure("{\"points\":{\"start\":\"2026-02-30\"}}").path()).isEqualTo("points.start");
  }

  @Test
  void constructorChecksSurfaceWithTheirPath() {
    assertThat(failure(program("{\"name\":\" \"}")))
        .hasMessage("points.earnRules[2]: name must not be blank, got \" \"");
  }

  @Test
  void malformedAndDuplicateKeysAreRejected() {
    assertThat(failure("{\"points\":").path()).isEmpty();
    assertThat(failure("{\"points\":{}} trailing").getMessage()).startsWith("malformed JSON");
    assertThat(failure("{\"points\":{\"zone\":\"UTC\",\"zone\":\"UTC\"}}").getMessage()).contains("zone");
  }

  @Test
  void nestingAndSizeAreBounded() {
    String deep = "[".repeat(UserOpsJson.MAX_NESTING_DEPTH + 1) + "]".repeat(UserOpsJson.MAX_NESTING_DEPTH + 1);
    assertThatThrownBy(() -> Json.read(deep, Object.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("exceeds a limit");
    String huge = "\"" + "x".repeat(UserOpsJson.MAX_STRING_LENGTH + 1) + "\"";
    assertThatThrownBy(() -> Json.read(huge, String.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("exceeds a limit");
  }

  @Test
  void mapperCopiesAreIndependent() {
    UserOpsJson.mapper().disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    assertThat(failure(program("{\"name\":\"c\",\"capp\":{}}"))).isNotNull();
  }
}
