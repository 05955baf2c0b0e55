package dev.userops.segmentation.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.userops.core.ConfigException;
import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static boolean test(String condition, String profile) {
    Condition compiled = Condition.parse(condition.replace('\'', '"'));
    JsonNode document = json(profile);
    boolean result = compiled.test(document);
    assertThat(compiled.test(compiled.schema().flatten(document))).as("flattened").isEqualTo(result);
    return result;
  }

  @Test
  void operatorRuleOverProfile() {
    String vip = "{'region':{'$in':['CN-SH','CN-BJ']},'age':{'$gte':25,'$lt':35},"
        + "'$or':[{'orders180d':{'$gte':6}},{'rfm.m':5}],'email':{'$regex':'@example\\\\.com$'}}";
    assertThat(test(vip, "{'region':'CN-SH','age':30,'orders180d':7,'rfm':{'m':2},'email':'a@example.com'}")).isTrue();
    assertThat(test(vip, "{'region':'CN-SH','age':30,'orders180d':1,'rfm':{'m':5},'email':'a@example.com'}")).isTrue();
    assertThat(test(vip, "{'region':'CN-SH','age':30,'orders180d':1,'rfm':{'m':4},'email':'a@example.com'}")).isFalse();
    assertThat(test(vip, "{'region':'CN-GZ','age':30,'orders180d':7,'email':'a@example.com'}")).isFalse();
    assertThat(test(vip, "{'region':'CN-SH','age':35,'orders180d':7,'email':'a@example.com'}")).isFalse();
    assertThat(test(vip, "{'region':'CN-SH','age':30,'orders180d':7,'email':'a@example.com.cn'}")).isFalse();
  }

  /** The reference's JavaScript coercions, kept so that conditions mean the same in every SDK. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'n':{'$lt':1}}        | {}                | true",  // null < 1: null is 0
      "{'n':0}                | {}                | true",  // null * 1 === 0
      "{'n':'10'}             | {'n':10}          | true",  // String(10) === '10'
      "{'n':'10.0'}           | {'n':10}          | false", // String(10) is '10'
      "{'n':'null'}           | {}                | true",  // String(null)
      "{'n':10}               | {'n':' 10 '}      | true",  // ' 10 ' * 1 === 10
      "{'n':{'$eq':10}}       | {'n':'10'}        | false", // strict equality
      "{'n':{'$gt':'9'}}      | {'n':'10'}        | false", // two strings compare as text
      "{'n':{'$gt':9}}        | {'n':'10'}        | true",
      "{'n':{'$gt':9}}        | {'n':'ten'}       | false", // NaN fails every comparison
      "{'n':true}             | {'n':'yes'}       | true",  // truthy
      "{'n':false}            | {'n':0}           | true",
      "{'n':false}            | {}                | false", // null is neither
      "{'a.0.b':1}            | {'a':[{'b':1}]}   | true",  // array index in a path
      "{'a.length':2}         | {'a':[5,6]}       | true",
      "{'a.b':{'$exists':false}} | {'a':'text'}   | true",  // strings have no fields
      "{'a':{'$in':[1]}}      | {'a':1.0}         | true",
      "{'a':{'$in':['1']}}    | {'a':1}           | false",
      "{'a':{'$in':[null]}}   | {}                | true",
      "{'a':{'$ini':['ÄB']}}  | {'a':'äb'}        | true",
      "{'a':{'$elemMatch':{'$gt':0}}} | {'a':[0,null,false,2]} | true",
      "{'a':{'$elemMatch':{'$lt':1}}} | {'a':[0,null,false,'']} | false", // falsy elements skipped
      "{'a':{'$all':[{'$gt':5},'x']}} | {'a':['x',6]} | true",
      "{'a':{'$size':{'$gte':2}}} | {'a':[1,2]}  | true",
      "{'a':{'$type':'object'}} | {'a':{}}        | true",
      "{'a':[1,{'b':2}]}      | {'a':[1.0,{'b':2}]} | true",
      "{'a':{'b':2,'c':3}}    | {'a':{'c':3,'b':2}} | false", // JSON.stringify keeps key order
      "{'v':{'$vgte':'2.10.0'}} | {'v':'v2.10.0+build7'} | true",
      "{'v':{'$vgt':'2.9.9'}}   | {'v':'2.10.0'}  | true",
      "{'e':{'$regex':'^a.c$'}} | {'e':'abc'}     | true",
      "{'e':{'$regex':'a\\\\.c'}} | {'e':'abc'}   | false",
      "{'e':{'$regex':'^1'}}  | {'e':10}          | true",  // the pattern tests String(value)
      "{'e':{'$regexi':'^AB'}} | {'e':'abc'}      | true",
      "{'$nor':[]}            | {}                | false",
      "{'$not':{'a':1}}       | {'a':2}           | true",
  })
  void javascriptCoercions(String condition, String profile, boolean expected) {
    assertThat(test(condition, profile)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ' ', value = {
      "^user[0-9]+@example\\.com$ @example.com",
      "a[]b]-c$ -c",
      "ab+$ ''",
      "x\\d$ ''",
      "a|b$ ''",
      "(?i)abc$ ''",
      "[[:alpha:]]$ ''",
      "(ab)$ ''",
      "abc ''",
      "abc\\$ ''",
  })
  void requiredSuffixIsOnlyWhatEveryMatchEndsWith(String pattern, String suffix) {
    assertThat(Compiler.requiredSuffix(pattern)).isEqualTo(suffix);
  }

  @Test
  void groupOfLiteralAlternativesInAPattern() {
    String platform = "{'os':{'$regex':'^(ios|android)-'}}";
    assertThat(test(platform, "{'os':'android-14'}")).isTrue();
    assertThat(test(platform, "{'os':'web-android-1'}")).isFalse();
    assertThat(test(platform, "{}")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'age':{'$gte':true}}                 | age.$gte          | expected a number or string, got boolean true",
      "{'name':{'$regx':'a'}}                | name.$regx        | unknown operator \"$regx\"",
      "{'$and':{'a':1}}                      | $and              | expected an array of conditions",
      "{'$or':[{'a':1},{'b':{'$in':'x'}}]}   | $or[1].b.$in      | expected an array, got string \"x\"",
      "{'a':{'$in':[1,[2]]}}                 | a.$in[1]          | never equal",
      "{'a':{'$gt':1,'b':2}}                 | a.$gt             | cannot be mixed",
      "{'email':{'$regex':'(a'}}             | email.$regex      | invalid regular expression",
      "{'email':{'$regex':'a(?=b)'}}         | email.$regex      | RE2 syntax",
      "{'a':{'$type':'undefined'}}           | a.$type           | expected one of",
      "{'a':{'$exists':1}}                   | a.$exists         | expected true or false",
      "{'a':{'$eq':[1]}}                     | a.$eq             | expected a string, number, boolean or null",
      "{'a':{'$elemMatch':3}}                | a.$elemMatch      | expected an operator object or a condition object",
      "{'a':{'$inGroup':'staff'}}            | a.$inGroup        | unknown saved group \"staff\"",
      "{'a':{'$size':'2'}}                   | a.$size           | expected a non-negative integer",
      "{'$not':[]}                           | $not              | expected a condition object, got array []",
  })
  void strictCompilationNamesThePath(String condition, String path, String problem) {
    assertThatThrownBy(() -> Condition.parse(condition.replace('\'', '"')))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).path()).isEqualTo(path))
        .hasMessageContaining(problem);
  }

  @Test
  void documentsThatAreNotConditionsAreRejected() {
    assertThatThrownBy(() -> Condition.parse("[1]"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("expected a condition object, got array [1]");
    assertThatThrownBy(() -> Condition.parse("{\"a\":"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void nestingIsBounded() {
    ObjectNode condition = JsonNodeFactory.instance.objectNode().put("a", 1);
    for (int i = 1; i < Compiler.MAX_DEPTH; i++) {
      condition = JsonNodeFactory.instance.objectNode().set("$not", condition);
    }
    assertThat(Condition.compile(condition).test(json("{'a':2}"))).isTrue();
    ObjectNode tooDeep = JsonNodeFactory.instance.objectNode().set("$not", condition);
    assertThatThrownBy(() -> Condition.compile(tooDeep))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nested deeper than 32 levels")
        .satisfies(e -> assertThat(((ConfigException) e).path()).startsWith("$not.$not."));
  }

  @Test
  void savedGroupsAreResolvedAtCompileTime() {
    JsonNode groups = json("{'staff':[1,'2',3]}");
    Condition staff = Condition.compile(json("{'id':{'$inGroup':'staff'}}"), groups, ConditionMode.STRICT);
    assertThat(staff.test(json("{'id':2}"))).isFalse();
    assertThat(staff.test(json("{'id':'2'}"))).isTrue();
    assertThatThrownBy(() -> Condition.compile(json("{'id':{'$inGroup':'staff'}}"), json("{'staff':7}"), ConditionMode.STRICT))
        .isInstanceOf(ConfigException.class)
        .hasMessage("savedGroups.staff: expected an array, got number 7");
  }

  @Test
  void growthBookModeGivesTheReferenceAnswerForBadOperands() {
    assertThat(Condition.compile(json("{'a':{'$regx':1}}"), null, ConditionMode.GROWTHBOOK).test(json("{'a':1}"))).isFalse();
    assertThat(Condition.compile(json("{'a':{'$ne':[1]}}"), null, ConditionMode.GROWTHBOOK).test(json("{'a':[1]}"))).isTrue();
    // -1 <= null: a null operand compares as 0 too.
    assertThat(Condition.compile(json("{'a':{'$lte':null}}"), null, ConditionMode.GROWTHBOOK).test(json("{'a':-1}"))).isTrue();
    assertThatThrownBy(() -> Condition.compile(json("{'$or':3}"), null, ConditionMode.GROWTHBOOK))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void flattenedProfilesOfAnotherSchemaAreRejected() {
    Condition a = Condition.parse("{\"a\":1}");
    Condition b = Condition.parse("{\"a\":1}");
    assertThatThrownBy(() -> a.test(b.schema().flatten(json("{'a':1}"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another schema");
  }

  @Test
  void catastrophicBacktrackingPatternRunsInLinearTime() {
    // (a+)+$ takes exponential time in a backtracking engine on "aaa...!"; RE2/J is linear.
    Condition condition = Condition.parse("{\"s\":{\"$regex\":\"(a+)+$\"}}");
    ObjectNode profile = JsonNodeFactory.instance.objectNode().put("s", "a".repeat(100_000) + "!");
    assertThat(condition.test(profile)).isFalse();
  }

  /**
   * The literal fast path of $regex and the required-suffix check before RE2/J must answer exactly
   * as RE2/J alone does on the same pattern.
   */
  @Property(tries = 2000)
  void literalPatternsAgreeWithRe2(@ForAll("patterns") String pattern, @ForAll("inputs") String input) {
    ObjectNode condition = JsonNodeFactory.instance.objectNode();
    condition.putObject("s").put("$regex", pattern);
    ObjectNode profile = JsonNodeFactory.instance.objectNode().put("s", input);
    assertThat(Condition.compile(condition).test(profile))
        .isEqualTo(Pattern.compile(pattern).matcher(input).find());
  }

  @Provide
  Arbitrary<String> patterns() {
    Arbitrary<String> body = Arbitraries.of("a", "b", "@", "\\.", "-", "x", "\\\\", "\\$", " ",
            "(a|b)", "(?:x|)", "(ab|\\.)", "(a|b)+", "a?", "[ab]", "|", ")", "[0-9]+", "\\d", "[]a]",
            "[^a]", "x{2}", "(?i)", ".", "\\-")
        .list().ofMaxSize(4).map(parts -> String.join("", parts))
        .filter(ConditionTest::compiles);
    return body.flatMap(b -> Arbitraries.of(b, "^" + b, b + "$", "^" + b + "$"));
  }

  private static boolean compiles(String pattern) {
    try {
      Pattern.compile(pattern);
      return true;
    } catch (com.google.re2j.PatternSyntaxException e) {
      return false;
    }
  }

  @Provide
  Arbitrary<String> inputs() {
    return Arbitraries.strings().withChars("ab@.-x\\$ 1]\nA").ofMaxLength(6);
  }
}
