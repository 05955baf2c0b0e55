package dev.userops.benchmarks.tags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.segmentation.condition.FlatProfile;
import dev.userops.segmentation.tags.TagCatalog;
import dev.userops.segmentation.tags.TagRule;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Condition evaluations per second of a 20-rule tag catalog (region {@code $in}, age ranges,
 * {@code orders180d $gte}, lifecycle {@code $eq}/{@code $in}, interests {@code $elemMatch} and
 * {@code $in}, a {@code $regex} on the email domain, {@code $and}/{@code $or} nesting; the bundled
 * example catalog of {@code userops tags}) over 4096 profiles built from {@link
 * dev.userops.sample.SyntheticShop}. One operation is one condition evaluated against one
 * profile ({@code @OperationsPerInvocation(20)}: each call tags one profile). Variants:
 * <ul>
 *   <li>{@code compiledFlat}: compiled catalog over profiles flattened once ({@link FlatProfile}:
 *       the catalog's attributes resolved into an array it indexes directly);
 *   <li>{@code compiledDocument}: compiled catalog over the Jackson documents, walking each path;
 *   <li>{@code flattenThenCompiled}: flattening each profile, then the compiled catalog (the cost
 *       when profiles arrive as documents);
 *   <li>{@code naiveInterpreter}: the baseline, re-walking the raw condition JSON for every rule.
 * </ul>
 * {@link #setUp()} checks that all four give every profile the same tags before timing.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar TagEvaluationBenchmark -prof gc -f 1 -wi 2 -w 2s -i 3 -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(TagEvaluationBenchmark.RULES)
public class TagEvaluationBenchmark {
  static final int RULES = 20;
  // A power of two so that the profile index is a mask; 4096 documents (several MB) do not fit in
  // L2, as a real population would not.
  private static final int SIZE = 4096;
  private static final int MASK = SIZE - 1;

  private static final String CATALOG = """
      {"version":1,"tags":[
        {"id":"tier1_city","condition":{"region":{"$in":["CN-SH","CN-BJ"]}}},
        {"id":"age_18_24","condition":{"age":{"$gte":18,"$lt":25}}},
        {"id":"age_25_34","condition":{"age":{"$gte":25,"$lt":35}}},
        {"id":"age_35_plus","condition":{"age":{"$gte":35}}},
        {"id":"no_orders_180d","condition":{"orders180d":{"$eq":0}}},
        {"id":"one_order_180d","condition":{"orders180d":{"$eq":1}}},
        {"id":"orders_2_5_180d","condition":{"orders180d":{"$gte":2,"$lte":5}}},
        {"id":"orders_6_plus_180d","condition":{"orders180d":{"$gte":6}}},
        {"id":"big_spender","condition":{"spend180dMinor":{"$gte":100000}}},
        {"id":"new_user","condition":{"lifecycle":{"$eq":"NEW"}}},
        {"id":"slipping","condition":{"lifecycle":{"$in":["SILENT","LOST"]}}},
        {"id":"returning","condition":{"lifecycle":"RETURNING"}},
        {"id":"champion","condition":{"rfm.r":{"$gte":4},"rfm.f":{"$gte":4}}},
        {"id":"gamer","condition":{"interests":{"$elemMatch":{"$in":["games","esports"]}}}},
        {"id":"beauty_fan","condition":{"interests":{"$in":["beauty","skincare"]}}},
        {"id":"corporate_email","condition":{"email":{"$regex":"@example\\\\.com$"}}},
        {"id":"young_women_tier1","condition":{"$and":[{"gender":"F"},{"age":{"$gte":25,"$lt":35}},{"region":{"$in":["CN-SH","CN-BJ"]}}]}},
        {"id":"win_back","condition":{"$or":[{"lifecycle":"LOST"},{"$and":[{"lifecycle":"SILENT"},{"spend180dMinor":{"$gte":50000}}]}]}},
        {"id":"active_non_buyer","condition":{"orders180d":0,"lifecycle":{"$in":["NEW","ACTIVE"]}}},
        {"id":"young_high_value","condition":{"$and":[{"age":{"$lt":30}},{"$or":[{"rfm.m":4},{"rfm.m":5}]}]}}
      ]}""";

  /**
   * The email rule's pattern: "literal" is {@code @example\.com$} and "alternation" {@code
   * @(example|corp)\.com$}, which compile to string searches; "characterClass" is {@code
   * ^user[0-9]+@example\.com$}, which runs RE2/J on the emails that end with its required suffix
   * "@example.com" (a quarter of them). All three give these profiles the same tags.
   */
  @Param({"literal", "alternation", "characterClass"})
  public String emailPattern;

  private TagCatalog catalog;
  private JsonNode[] profiles;
  private FlatProfile[] flat;
  private FlatProfile scratch;
  private JsonNode[] conditions;
  private final NaiveConditionInterpreter naive = new NaiveConditionInterpreter();
  private final long[] words = new long[1];
  private int next;

  @Setup
  public void setUp() {
    catalog = TagCatalog.fromJson(switch (emailPattern) {
      case "literal" -> CATALOG;
      case "alternation" -> CATALOG.replace("@example", "@(example|corp)");
      default -> CATALOG.replace("@example", "^user[0-9]+@example");
    });
    if (catalog.size() != RULES) {
      throw new IllegalStateException("expected " + RULES + " rules, got " + catalog.size());
    }
    conditions = catalog.tags().stream().map(TagRule::condition).toArray(JsonNode[]::new);
    profiles = TagsProfiles.generate(SIZE, 20_260_101L);
    flat = Arrays.stream(profiles).map(catalog.schema()::flatten).toArray(FlatProfile[]::new);
    scratch = catalog.schema().flatten(profiles[0]);
    long[] tagged = new long[RULES];
    for (int i = 0; i < SIZE; i++) {
      long expected = naive(profiles[i]);
      require(i, "compiledFlat", expected, compiledFlat(i));
      require(i, "compiledDocument", expected, compiledDocument(i));
      require(i, "flattenThenCompiled", expected, flattenThenCompiled(i));
      for (int r = 0; r < RULES; r++) {
        tagged[r] += expected >>> r & 1;
      }
    }
    for (int r = 0; r < RULES; r++) {
      // A rule that never or always fires would let a variant skip work the others do.
      if (tagged[r] == 0 || tagged[r] == SIZE) {
        throw new IllegalStateException("rule " + catalog.ids().get(r) + " tags " + tagged[r] + " of " + SIZE + " profiles");
      }
    }
  }

  private void require(int profile, String variant, long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException(variant + " disagrees with the interpreter on profile " + profiles[profile]
          + ": " + Long.toBinaryString(actual) + " vs " + Long.toBinaryString(expected));
    }
  }

  private long naive(JsonNode profile) {
    long tags = 0;
    for (int r = 0; r < RULES; r++) {
      tags |= naive.evalCondition(profile, conditions[r]) ? 1L << r : 0;
    }
    return tags;
  }

  private long compiledFlat(int i) {
    catalog.evaluate(flat[i], words);
    return words[0];
  }

  private long compiledDocument(int i) {
    catalog.evaluate(profiles[i], words);
    return words[0];
  }

  private long flattenThenCompiled(int i) {
    catalog.evaluate(catalog.schema().flatten(profiles[i], scratch), words);
    return words[0];
  }

  @Benchmark
  public long compiledFlat() {
    return compiledFlat(next++ & MASK);
  }

  @Benchmark
  public long compiledDocument() {
    return compiledDocument(next++ & MASK);
  }

  @Benchmark
  public long flattenThenCompiled() {
    return flattenThenCompiled(next++ & MASK);
  }

  @Benchmark
  public long naiveInterpreter() {
    return naive(profiles[next++ & MASK]);
  }
}
