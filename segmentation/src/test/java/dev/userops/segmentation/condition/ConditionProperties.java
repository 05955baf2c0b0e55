package dev.userops.segmentation.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.ConfigException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Bad input never crashes: any JSON either compiles or fails with a {@link ConfigException}, and a
 * compiled condition answers every profile, the same on the document and flattened.
 */
class ConditionProperties {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> KEYS = List.of(
      "$and", "$or", "$nor", "$not", "$in", "$nin", "$ini", "$gt", "$lte", "$eq", "$ne", "$regex",
      "$regexi", "$elemMatch", "$size", "$all", "$alli", "$type", "$exists", "$vgt", "$veq",
      "$inGroup", "$notInGroup", "$bogus", "a", "b", "a.b", "a.0", "b.length");

  @Property(tries = 2000)
  void compilesOrFailsWithPathAndNeverThrowsOnEvaluation(
      @ForAll("json") JsonNode condition, @ForAll("json") JsonNode profile) {
    JsonNode groups = NODES.objectNode().set("g", NODES.arrayNode().add(1).add("x"));
    for (ConditionMode mode : ConditionMode.values()) {
      Condition compiled;
      try {
        compiled = Condition.compile(condition, groups, mode);
      } catch (ConfigException e) {
        continue;
      }
      boolean onDocument = compiled.test(profile);
      assertThat(compiled.test(compiled.schema().flatten(profile))).as("%s on %s", condition, profile).isEqualTo(onDocument);
    }
  }

  @Provide
  Arbitrary<JsonNode> json() {
    return value(4);
  }

  private Arbitrary<JsonNode> value(int depth) {
    Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 12).map(NODES::numberNode),
        Arbitraries.of(0.5, -0.0, 1e21).map(NODES::numberNode),
        Arbitraries.of("", "a", "A", "1", "10", "x", "g", "number", "1.2.3", "(", "^a", "a$", "null").map(NODES::textNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<JsonNode> arrays = value(depth - 1).list().ofMaxSize(3).map(items -> {
      ArrayNode array = NODES.arrayNode();
      items.forEach(array::add);
      return array;
    });
    Arbitrary<JsonNode> objects = Arbitraries.entries(Arbitraries.of(KEYS), value(depth - 1)).list().ofMaxSize(3)
        .map(fields -> {
          ObjectNode object = NODES.objectNode();
          fields.forEach(field -> object.set(field.getKey(), field.getValue()));
          return object;
        });
    return Arbitraries.frequencyOf(Tuple.of(3, scalars), Tuple.of(1, arrays), Tuple.of(3, objects));
  }
}
