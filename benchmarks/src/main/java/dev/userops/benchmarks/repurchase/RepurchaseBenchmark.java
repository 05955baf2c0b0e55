package dev.userops.benchmarks.repurchase;

import dev.userops.core.event.OrderStatus;
import dev.userops.retention.repurchase.RepurchaseAccumulator;
import dev.userops.retention.repurchase.RepurchaseResult.Cohort;
import dev.userops.retention.repurchase.RepurchaseResult;
import dev.userops.retention.repurchase.RepurchaseSpec;
import dev.userops.retention.testing.DuckDbSql;
import dev.userops.sample.OrderColumns;
import dev.userops.sample.SyntheticShop;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 30-day repurchase by month of first order over the valid orders of a {@link SyntheticShop} in
 * random arrival order ({@link OrderColumns.Layout#SHUFFLED}), one pass per operation: {@link
 * RepurchaseAccumulator} by columns and by one add per order (it also computes next-month
 * repurchase, time to second order and the 2+/3+ shares), the Java-streams code a backend developer
 * would write, and the SQL an analyst would run in DuckDB with {@code threads=1} on a table loaded
 * in setup. {@link #setUp()} checks that all variants give the same cohorts before timing, and
 * prints the accumulator's heap bytes per user.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RepurchaseBenchmark -prof gc -f 1 -wi 2 -w 2s -i 3 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RepurchaseBenchmark {
  private static final long DAY_MILLIS = 86_400_000L;

  /** Asia/Shanghai has kept UTC+8 since 1991, so the SQL's local day is plain arithmetic. */
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final long OFFSET_MILLIS = 8 * 3_600_000L;
  private static final int WINDOW_DAYS = 30;

  /** Orders generated; about 92% are valid (paid), so about 11M valid orders. */
  @Param({"12000000"})
  public long orders;

  private long[] userIds;
  private long[] epochMillis;
  private RepurchaseSpec spec;
  private long lastCompleteDay;
  private Connection duckDb;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.ofOrders(orders, 20_260_101L));
    OrderColumns columns = shop.orderColumns(OrderColumns.Layout.SHUFFLED);
    int[] valid =
        IntStream.range(0, columns.size())
            .filter(i -> columns.statuses()[i] == OrderStatus.PAID)
            .toArray();
    userIds = new long[valid.length];
    epochMillis = new long[valid.length];
    for (int i = 0; i < valid.length; i++) {
      userIds[i] = columns.userIds()[valid[i]];
      epochMillis[i] = columns.epochMillis()[valid[i]];
    }
    long asOfMillis = shop.endMillis() - 1;
    spec = RepurchaseSpec.of(ZONE, Instant.ofEpochMilli(asOfMillis)).withWindowDays(WINDOW_DAYS);
    lastCompleteDay = Math.floorDiv(asOfMillis + 1 + OFFSET_MILLIS, DAY_MILLIS) - 1;
    loadDuckDb();

    List<Cohort> expected = accumulator().cohorts();
    check("one by one", expected, accumulatorOneByOne().cohorts());
    check("java streams", expected, javaStreams());
    check("duckdb", expected, duckDbSql());
    System.out.printf(
        "%n%,d valid orders, %,d users; accumulator heap %.1f bytes per user%n",
        userIds.length, shop.config().users(), retainedBytes() / (double) shop.config().users());
  }

  /** Heap held by a filled accumulator, from used memory around it: approximate, but no agent. */
  private long retainedBytes() {
    long before = usedAfterGc();
    RepurchaseAccumulator held = accumulatorState();
    long after = usedAfterGc();
    if (held.spec() != spec) {
      throw new AssertionError("keeps the accumulator reachable");
    }
    return after - before;
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void check(String variant, List<Cohort> expected, List<Cohort> actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(
          variant + " disagrees: expected " + expected + ", got " + actual);
    }
  }

  private RepurchaseAccumulator accumulatorState() {
    return spec.newAccumulator().addAll(userIds, epochMillis);
  }

  private void loadDuckDb() throws SQLException {
    duckDb = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = duckDb.createStatement()) {
      statement.execute("SET threads = 1");
      statement.execute(DuckDbSql.ORDERS_TABLE);
    }
    try (DuckDBAppender appender = duckDb.unwrap(DuckDBConnection.class).createAppender("orders")) {
      for (int i = 0; i < userIds.length; i++) {
        appender.beginRow().append(userIds[i]).append(epochMillis[i]).endRow();
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duckDb.close();
  }

  /** The library's column path, then the result. */
  @Benchmark
  public RepurchaseResult accumulator() {
    return accumulatorState().result();
  }

  /** The library's per-order path, one primitive add per order, then the result. */
  @Benchmark
  public RepurchaseResult accumulatorOneByOne() {
    RepurchaseAccumulator acc = spec.newAccumulator();
    for (int i = 0; i < userIds.length; i++) {
      acc.add(userIds[i], epochMillis[i]);
    }
    return acc.result();
  }

  /** Group each user's local order dates, then decide per user: what a backend developer writes. */
  @Benchmark
  public List<Cohort> javaStreams() {
    LocalDate lastComplete = LocalDate.ofEpochDay(lastCompleteDay);
    Map<Long, List<LocalDate>> datesByUser =
        IntStream.range(0, userIds.length)
            .boxed()
            .collect(
                Collectors.groupingBy(
                    i -> userIds[i],
                    Collectors.mapping(
                        i -> Instant.ofEpochMilli(epochMillis[i]).atZone(ZONE).toLocalDate(),
                        Collectors.toList())));
    Map<LocalDate, long[]> byCohort = new TreeMap<>();
    datesByUser
        .values()
        .forEach(
            dates -> {
              LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
              LocalDate windowEnd = first.plusDays(WINDOW_DAYS);
              boolean mature = !windowEnd.isAfter(lastComplete);
              boolean repurchased =
                  dates.stream().anyMatch(d -> d.isAfter(first) && !d.isAfter(windowEnd));
              long[] counts = byCohort.computeIfAbsent(first.withDayOfMonth(1), c -> new long[3]);
              counts[0]++;
              counts[1] += mature ? 1 : 0;
              counts[2] += mature && repurchased ? 1 : 0;
            });
    List<Cohort> cohorts = new ArrayList<>();
    byCohort.forEach((start, c) -> cohorts.add(new Cohort(start, c[0], c[1], c[2])));
    return cohorts;
  }

  /**
   * First day per user, then the earliest later day, joined back: what an analyst writes ({@link
   * DuckDbSql#repurchaseByMonth}, the query {@code RepurchaseDuckDbTest} checks against the library).
   */
  @Benchmark
  public List<Cohort> duckDbSql() throws SQLException {
    return DuckDbSql.repurchaseByMonth(duckDb, OFFSET_MILLIS, WINDOW_DAYS, lastCompleteDay);
  }
}
