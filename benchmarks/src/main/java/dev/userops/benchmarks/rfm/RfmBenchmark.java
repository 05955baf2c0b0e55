package dev.userops.benchmarks.rfm;

import dev.userops.core.event.OrderStatus;
import dev.userops.sample.OrderColumns;
import dev.userops.sample.SyntheticShop;
import dev.userops.segmentation.rfm.RfmAccumulator;
import dev.userops.segmentation.rfm.RfmFeatures;
import dev.userops.segmentation.rfm.RfmSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * RFM features (recency in calendar days of the shop's zone, valid orders, spend) of 10M valid
 * orders of about 1.2M buyers in random user order, from {@link SyntheticShop} ({@code
 * orderColumns(SHUFFLED)}, paid orders only). Variants, all checked equal in {@link #setUp()}:
 * {@link RfmAccumulator} fed the columns ({@code add(long[], long[], long[], int, int)}: one
 * screening pass, then one 16-byte slot of one {@code long[]} per order) and fed row by row
 * ({@code add(long, long, long)}); a plain loop over three separate per-user arrays; a
 * Java-streams {@code groupingBy} as a backend developer would write it; DuckDB in-process SQL with
 * {@code threads=1}. Each timed operation includes producing the per-user result. Scores are
 * {@code orders/s} ({@code @OperationsPerInvocation}).
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RfmBenchmark -prof gc -f 1 -wi 5 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class RfmBenchmark {
  static final int ORDERS = 10_000_000;
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private ZoneId zone;
  private RfmSpec spec;
  private long asOfMillis;
  private long[] userIds;
  private long[] epochMillis;
  private long[] amountMinor;
  private List<Purchase> purchases;
  private int users;
  private Connection duckdb;

  /** One order as a backend's entity list holds it. */
  record Purchase(long userId, long epochMillis, long amountMinor) {}

  @Setup
  public void setUp() throws SQLException {
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.ofOrders(12_000_000, 20_260_101L));
    zone = shop.config().zone();
    asOfMillis = shop.endMillis() - 1;
    spec = RfmSpec.of(zone, Instant.ofEpochMilli(asOfMillis));
    OrderColumns columns = shop.orderColumns(OrderColumns.Layout.SHUFFLED);
    userIds = new long[ORDERS];
    epochMillis = new long[ORDERS];
    amountMinor = new long[ORDERS];
    purchases = new ArrayList<>(ORDERS);
    int n = 0;
    for (int i = 0; i < columns.size() && n < ORDERS; i++) {
      if (columns.statuses()[i] == OrderStatus.PAID) {
        userIds[n] = columns.userIds()[i];
        epochMillis[n] = columns.epochMillis()[i];
        amountMinor[n] = columns.amountMinor()[i];
        purchases.add(new Purchase(userIds[n], epochMillis[n], amountMinor[n]));
        n++;
      }
    }
    check(n == ORDERS, "expected " + ORDERS + " paid orders, got " + n);
    loadDuckDb();

    RfmFeatures expected = accumulator();
    users = expected.size();
    check(users >= 1_000_000, "expected >= 1M users, got " + users);
    check(expected.equals(accumulatorPerRow()), "accumulatorPerRow differs from the accumulator");
    check(expected.equals(separateArrays()), "separateArrays differs from the accumulator");
    check(expected.equals(streams()), "streams differs from the accumulator");
    check(expected.equals(duckDb()), "duckDb differs from the accumulator");
    long maxUser = expected.userId(users - 1);
    System.out.printf("%n%,d orders, %,d users (dense ids up to %,d); accumulator state 16 bytes per user id,"
        + " %.1f bytes per user with orders%n", ORDERS, users, maxUser, 16.0 * (maxUser + 1) / users);
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  private void loadDuckDb() throws SQLException {
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = duckdb.createStatement()) {
      s.execute("SET threads = 1");
      s.execute("CREATE TABLE orders (user_id BIGINT, ts BIGINT, amount BIGINT)");
    }
    try (DuckDBAppender appender = ((DuckDBConnection) duckdb).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "orders")) {
      for (int i = 0; i < ORDERS; i++) {
        appender.beginRow();
        appender.append(userIds[i]);
        appender.append(epochMillis[i]);
        appender.append(amountMinor[i]);
        appender.endRow();
      }
    }
  }

  @TearDown
  public void tearDown() throws SQLException {
    duckdb.close();
  }

  @Benchmark
  @OperationsPerInvocation(ORDERS)
  public RfmFeatures accumulator() {
    return spec.newAccumulator().add(userIds, epochMillis, amountMinor, 0, ORDERS).result();
  }

  @Benchmark
  @OperationsPerInvocation(ORDERS)
  public RfmFeatures accumulatorPerRow() {
    RfmAccumulator acc = spec.newAccumulator();
    long[] u = userIds;
    long[] t = epochMillis;
    long[] a = amountMinor;
    for (int i = 0; i < u.length; i++) {
      acc.add(u[i], t[i], a[i]);
    }
    return acc.result();
  }

  /** The plain loop with last order, orders and spend in three arrays indexed by user id. */
  @Benchmark
  @OperationsPerInvocation(ORDERS)
  public RfmFeatures separateArrays() {
    long[] last = new long[16];
    long[] count = new long[16];
    long[] spend = new long[16];
    for (int i = 0; i < userIds.length; i++) {
      int user = (int) userIds[i];
      if (user >= last.length) {
        int capacity = Math.max(user + 1, 2 * last.length);
        last = java.util.Arrays.copyOf(last, capacity);
        count = java.util.Arrays.copyOf(count, capacity);
        spend = java.util.Arrays.copyOf(spend, capacity);
      }
      last[user] = Math.max(last[user], epochMillis[i]);
      count[user]++;
      spend[user] = Math.addExact(spend[user], amountMinor[i]);
    }
    dev.userops.core.CalendarIndex calendar = dev.userops.core.CalendarIndex.of(zone);
    long asOfDay = calendar.dayIndex(asOfMillis);
    int n = 0;
    for (long c : count) {
      n += c > 0 ? 1 : 0;
    }
    long[][] out = new long[4][n];
    for (int user = 0, k = 0; user < count.length; user++) {
      if (count[user] > 0) {
        out[0][k] = user;
        out[1][k] = asOfDay - calendar.dayIndex(last[user]);
        out[2][k] = count[user];
        out[3][k++] = spend[user];
      }
    }
    return RfmFeatures.of(out[0], out[1], out[2], out[3]);
  }

  /** What a backend developer writes: group entities by user, then derive features with java.time. */
  @Benchmark
  @OperationsPerInvocation(ORDERS)
  public RfmFeatures streams() {
    Map<Long, List<Purchase>> byUser =
        purchases.stream().collect(Collectors.groupingBy(Purchase::userId, TreeMap::new, Collectors.toList()));
    LocalDate asOfDate = LocalDate.ofInstant(Instant.ofEpochMilli(asOfMillis), zone);
    long[][] out = new long[4][byUser.size()];
    int k = 0;
    for (Map.Entry<Long, List<Purchase>> e : byUser.entrySet()) {
      long last = e.getValue().stream().mapToLong(Purchase::epochMillis).max().orElseThrow();
      out[0][k] = e.getKey();
      out[1][k] = ChronoUnit.DAYS.between(LocalDate.ofInstant(Instant.ofEpochMilli(last), zone), asOfDate);
      out[2][k] = e.getValue().size();
      out[3][k++] = e.getValue().stream().mapToLong(Purchase::amountMinor).sum();
    }
    return RfmFeatures.of(out[0], out[1], out[2], out[3]);
  }

  /**
   * The SQL an analyst runs. The shop's zone, Asia/Shanghai, has kept UTC+8 since 1991, so a fixed
   * offset gives its local dates exactly without DuckDB's ICU time zones.
   */
  @Benchmark
  @OperationsPerInvocation(ORDERS)
  public RfmFeatures duckDb() throws SQLException {
    long offset = zone.getRules().getOffset(Instant.ofEpochMilli(asOfMillis)).getTotalSeconds() * 1000L;
    String sql = "SELECT user_id, ? - (max(ts) + ?) // ? AS recency, count(*) AS orders, sum(amount)::BIGINT AS spend"
        + " FROM orders GROUP BY user_id ORDER BY user_id";
    long[][] out = new long[4][users == 0 ? 2_000_000 : users];
    int k = 0;
    try (PreparedStatement statement = duckdb.prepareStatement(sql)) {
      statement.setLong(1, Math.floorDiv(asOfMillis + offset, MILLIS_PER_DAY));
      statement.setLong(2, offset);
      statement.setLong(3, MILLIS_PER_DAY);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          out[0][k] = rows.getLong(1);
          out[1][k] = rows.getLong(2);
          out[2][k] = rows.getLong(3);
          out[3][k++] = rows.getLong(4);
        }
      }
    }
    return RfmFeatures.of(
        java.util.Arrays.copyOf(out[0], k), java.util.Arrays.copyOf(out[1], k),
        java.util.Arrays.copyOf(out[2], k), java.util.Arrays.copyOf(out[3], k));
  }
}
