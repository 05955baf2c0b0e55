package dev.userops.benchmarks.retention;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.retention.cohort.CohortMode;
import dev.userops.retention.cohort.RetentionAccumulator;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.retention.cohort.ReturnMode;
import dev.userops.retention.testing.DuckDbSql;
import dev.userops.sample.SyntheticShop;
import java.lang.ref.Reference;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The day-N retention matrix (first-time cohorts by signup, day 1..30 "on" returns of any activity,
 * calendar days in Asia/Shanghai, a year of daily cohorts) over SyntheticShop activity of 1M users,
 * on one core: {@link RetentionAccumulator} against the SQL an analyst would run in DuckDB with
 * {@code threads=1} on a table loaded in setup ({@link DuckDbSql#dayNMatrix}, the query
 * {@code RetentionDuckDbTest} checks against the library), and the Java-streams code a backend developer would
 * write (records grouped by user, java.time per event). {@link #setUp()} checks that the mature
 * cells of all three agree before timing. Time per matrix; events/s = events / time.
 *
 * <p>{@code meanActivityDays} 20 (the shop's default, about 20M events) runs all variants; 100
 * (about 100M events, {@code loyalShare} 0.35) the accumulator and DuckDB: the records of the
 * streams baseline do not fit a shared 2-core machine's memory there, so it throws at that size.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'RetentionMatrixBenchmark' -p meanActivityDays=20 -prof gc -f 1 -wi 2 -w 2s -i 3 -r 2s
 * java -jar benchmarks/target/benchmarks.jar 'RetentionMatrixBenchmark.(accumulator|duckDbSql)' -p meanActivityDays=100 -prof gc -f 1 -wi 2 -w 2s -i 3 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx10g", "-XX:+UseParallelGC"})
public class RetentionMatrixBenchmark {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final int INTERVALS = 30;
  private static final int USERS = 1_000_000;
  /** Asia/Shanghai has kept UTC+8 since 1991: the SQL shifts millis instead of using ICU. */
  private static final long OFFSET_MILLIS = 8 * 3_600_000L;

  @Param({"20", "100"})
  public int meanActivityDays;

  private RetentionSpec spec;
  private int size;
  private int[] users;
  private long[] millis;
  private boolean[] starts;
  private List<Event> records;
  private Connection duckDb;

  /** One activity event as a backend developer's record. */
  record Event(int userId, long epochMillis, boolean signup) {}

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    SyntheticShop.Config config = SyntheticShop.Config.of(USERS, 2026)
        .withActivity(meanActivityDays, meanActivityDays > 20 ? 0.35 : 0.1);
    SyntheticShop shop = SyntheticShop.of(config);
    users = new int[1 << 20];
    millis = new long[1 << 20];
    starts = new boolean[1 << 20];
    shop.forEachActivity((userId, epochMillis, type) -> {
      if (size == users.length) {
        users = Arrays.copyOf(users, size * 2);
        millis = Arrays.copyOf(millis, size * 2);
        starts = Arrays.copyOf(starts, size * 2);
      }
      users[size] = (int) userId;
      millis[size] = epochMillis;
      starts[size++] = type == SyntheticShop.ActivityType.SIGNUP;
    });
    LocalDate from = config.start();
    spec = new RetentionSpec(Granularity.DAY, ZONE, DayOfWeek.MONDAY, INTERVALS, List.of(), from,
        from.plusDays(config.acquisitionDays() - 1), Instant.ofEpochMilli(shop.endMillis() - 1), List.of("signup"),
        List.of(), CohortMode.FIRST_TIME, ReturnMode.ON, WindowMode.CALENDAR, BadRecordPolicy.REJECT);
    System.out.printf("%n%,d events of %,d users; retained state %.1f bytes/user%n", size, USERS, stateBytesPerUser());
    Map<LocalDate, List<Long>> expected = mature(accumulator());
    duckDb = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = duckDb.createStatement()) {
      statement.execute("SET threads = 1");
      statement.execute(DuckDbSql.EVENTS_TABLE);
    }
    String signup = SyntheticShop.ActivityType.SIGNUP.eventName();
    String launch = SyntheticShop.ActivityType.LAUNCH.eventName();
    try (DuckDBAppender appender = duckDb.unwrap(DuckDBConnection.class).createAppender("events")) {
      for (int i = 0; i < size; i++) {
        appender.beginRow().append((long) users[i]).append(millis[i]).append(starts[i] ? signup : launch)
            .endRow();
      }
    }
    requireEqual("DuckDB", expected, duckDbSql());
    if (meanActivityDays <= 20) {
      records = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        records.add(new Event(users[i], millis[i], starts[i]));
      }
      requireEqual("Java streams", expected, javaStreams());
    }
  }

  /** Heap retained by a filled accumulator, measured around a full GC. */
  private double stateBytesPerUser() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    RetentionAccumulator acc = feed();
    System.gc();
    long after = runtime.totalMemory() - runtime.freeMemory();
    Reference.reachabilityFence(acc);
    return (double) (after - before) / USERS;
  }

  private static void requireEqual(String name, Map<LocalDate, List<Long>> expected, Map<LocalDate, List<Long>> actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(name + " disagrees with RetentionAccumulator: expected " + expected
          + ", got " + actual);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    if (duckDb != null) {
      duckDb.close();
    }
  }

  private RetentionAccumulator feed() {
    RetentionAccumulator acc = spec.newAccumulator();
    for (int i = 0; i < size; i++) {
      acc.add(users[i], millis[i], starts[i], true);
    }
    return acc;
  }

  @Benchmark
  public RetentionMatrix accumulator() {
    return feed().result();
  }

  @Benchmark
  public Map<LocalDate, List<Long>> duckDbSql() throws SQLException {
    return DuckDbSql.dayNMatrix(duckDb, OFFSET_MILLIS, spec.from().toEpochDay(), spec.to().toEpochDay(), INTERVALS,
        spec.asOf().toEpochMilli());
  }

  @Benchmark
  public Map<LocalDate, List<Long>> javaStreams() {
    requireStreamsScale();
    Map<LocalDate, long[]> cells = new TreeMap<>();
    records.stream().collect(Collectors.groupingBy(Event::userId)).values().forEach(events -> {
      events.stream().filter(Event::signup).mapToLong(Event::epochMillis).min().ifPresent(first -> {
        LocalDate cohort = Instant.ofEpochMilli(first).atZone(ZONE).toLocalDate();
        if (cohort.isBefore(spec.from()) || cohort.isAfter(spec.to())) {
          return;
        }
        long[] row = cells.computeIfAbsent(cohort, d -> new long[INTERVALS + 1]);
        row[0]++;
        events.stream()
            .map(e -> ChronoUnit.DAYS.between(cohort, Instant.ofEpochMilli(e.epochMillis()).atZone(ZONE).toLocalDate()))
            .filter(k -> k >= 1 && k <= INTERVALS)
            .distinct()
            .forEach(k -> row[k.intValue()]++);
      });
    });
    Map<LocalDate, List<Long>> rows = new TreeMap<>();
    cells.forEach((cohort, row) -> {
      List<Long> mature = new ArrayList<>();
      mature.add(row[0]);
      for (int k = 1; k <= INTERVALS; k++) {
        if (!cohort.plusDays(k + 1L).atStartOfDay(ZONE).toInstant().isAfter(spec.asOf())) {
          mature.add(row[k]);
        }
      }
      rows.put(cohort, mature);
    });
    return rows;
  }

  private void requireStreamsScale() {
    if (records == null) {
      throw new IllegalStateException("the streams baseline runs at meanActivityDays 20 only (heap), got "
          + meanActivityDays);
    }
  }

  /** Non-empty cohorts: size, then the counts of mature cells. */
  private static Map<LocalDate, List<Long>> mature(RetentionMatrix matrix) {
    Map<LocalDate, List<Long>> rows = new TreeMap<>();
    for (RetentionMatrix.Cohort cohort : matrix.cohorts()) {
      if (cohort.size() > 0) {
        rows.put(cohort.start(), cohort.counts().stream().filter(c -> c != null).toList());
      }
    }
    return rows;
  }
}
