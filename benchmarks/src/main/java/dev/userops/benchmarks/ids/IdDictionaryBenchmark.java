package dev.userops.benchmarks.ids;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jol.info.GraphStats;

/**
 * String ids to dense indexes at scale (issue 12): {@link UserIdDictionary} (UTF-8 in blocks, an
 * {@code int[]} of slots) against the {@code HashMap<String, Integer>} and {@code ArrayList} it
 * replaced, at {@code ids} distinct ids like user ids ({@code u} and 7 digits) or order ids ({@code
 * o} and 9 digits), in a scattered order. {@link #setUp} fills both and checks that they assign every
 * id the same index. Before {@code lookupDictionary}, the one benchmark of a parameter set that does
 * (JOL walks the baseline's 40 million objects at 10 million ids for minutes), it also prints the
 * retained heap per id of each (the baseline's strings included, as the dictionary's bytes are) as
 * a line starting {@code IDS}; for order ids also that of a {@link ValidOrders} holding one order
 * per id.
 *
 * <p>{@code lookup*} time {@code indexOf} of an id already present, chosen at random (ns/op, cache
 * misses included), from its UTF-8 in one buffer of every id, as a reader has it: {@code
 * lookupDictionaryBytes} passes the bytes, the others decode a new {@code String} first, as a
 * string-based reader does (so its hash is not cached, and the map must compare its bytes).
 * {@code build*} fill a fresh structure with every id, all new, from the generated strings (ms per
 * build; ns per id is that over {@code ids}).
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar IdDictionaryBenchmark -jvmArgs -Xmx14g -f 1 -wi 2 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IdDictionaryBenchmark {
  // A power of two, so the lookup index is a mask; far more than any cache holds of the ids.
  private static final int LOOKUPS = 1 << 20;
  private static final int MASK = LOOKUPS - 1;

  static {
    // Specs are records, whose field offsets Unsafe refuses since JDK 16: JOL needs this to walk them.
    System.setProperty("jol.magicFieldOffset", "true");
  }

  /** The shape of the ids. */
  public enum Kind {
    /** {@code u} and 7 digits, as in the user ids. */
    USER("u", 7),
    /** {@code o} and 9 digits, as in the order ids. */
    ORDER("o", 9);

    final String prefix;
    final int digits;

    Kind(String prefix, int digits) {
      this.prefix = prefix;
      this.digits = digits;
    }
  }

  /** Distinct ids. */
  @Param({"1000000", "10000000"})
  public int ids;

  /** Their shape. */
  @Param
  public Kind kind;

  private String[] strings;
  private byte[] utf8;
  private int[] offsets;
  private int[] lookups;
  private UserIdDictionary dictionary;
  private HashMapDictionary hashMap;
  private int next;

  /** The dictionary this benchmark's subject replaced: a map for indexes, a list for ids. */
  public static final class HashMapDictionary {
    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    int indexOf(String userId) {
      Integer index = indexes.get(userId);
      if (index != null) {
        return index;
      }
      int assigned = ids.size();
      indexes.put(userId, assigned);
      ids.add(userId);
      return assigned;
    }
  }

  /**
   * Generates the ids, fills both dictionaries, checks they agree and prints bytes per id.
   *
   * @param params which benchmark runs next: only {@code lookupDictionary} measures bytes per id
   * @throws IllegalStateException if the dictionaries assign an id different indexes
   */
  @Setup
  public void setUp(BenchmarkParams params) {
    generate();
    dictionary = buildDictionary();
    hashMap = buildHashMap();
    for (int i = 0; i < ids; i++) {
      int index = dictionary.indexOf(utf8, offsets[i], offsets[i + 1] - offsets[i]);
      if (index != i || hashMap.indexOf(strings[i]) != i || !dictionary.userId(i).equals(strings[i])) {
        throw new IllegalStateException("id " + strings[i] + " has index " + index + " in the dictionary, "
            + hashMap.indexOf(strings[i]) + " in the HashMap, expected " + i);
      }
    }
    if (!params.getBenchmark().endsWith(".lookupDictionary")) {
      return;
    }
    System.out.printf("%nIDS kind=%s ids=%d dictionaryBytesPerId=%.2f hashMapBytesPerId=%.2f%s%n",
        kind, ids, bytesPerId(dictionary), bytesPerId(hashMap), kind == Kind.ORDER ? validOrders() : "");
  }

  private void generate() {
    // i -> (a·i + c) mod 10^digits is one-to-one for a coprime to 10: distinct ids, scattered.
    long modulus = (long) Math.pow(10, kind.digits);
    strings = new String[ids];
    offsets = new int[ids + 1];
    for (int i = 0; i < ids; i++) {
      String digits = Long.toString(((i * 7_919_777L + 12_345) % modulus) + modulus).substring(1);
      strings[i] = kind.prefix + digits;
      offsets[i + 1] = offsets[i] + strings[i].length();
    }
    utf8 = String.join("", strings).getBytes(StandardCharsets.UTF_8);
    SplittableRandom random = new SplittableRandom(20_261_201L);
    lookups = new int[LOOKUPS];
    for (int i = 0; i < LOOKUPS; i++) {
      lookups[i] = random.nextInt(ids);
    }
  }

  private double bytesPerId(Object root) {
    return GraphStats.parseInstance(root).totalSize() / (double) ids;
  }

  private String validOrders() {
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.REJECT, null);
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < ids; i++) {
      valid.addOrder(Order.of(strings[i], i % 1_000_000, at, 1_000, OrderStatus.PAID));
    }
    return String.format(" validOrdersBytesPerOrder=%.2f", bytesPerId(valid));
  }

  private String decodeNext() {
    int id = lookups[next++ & MASK];
    return new String(utf8, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
  }

  @Benchmark
  public int lookupDictionary() {
    return dictionary.indexOf(decodeNext());
  }

  @Benchmark
  public int lookupDictionaryBytes() {
    int id = lookups[next++ & MASK];
    return dictionary.indexOf(utf8, offsets[id], offsets[id + 1] - offsets[id]);
  }

  @Benchmark
  public int lookupHashMap() {
    return hashMap.indexOf(decodeNext());
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public UserIdDictionary buildDictionary() {
    UserIdDictionary built = new UserIdDictionary();
    for (String id : strings) {
      built.indexOf(id);
    }
    return built;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public HashMapDictionary buildHashMap() {
    HashMapDictionary built = new HashMapDictionary();
    for (String id : strings) {
      built.indexOf(id);
    }
    return built;
  }
}
