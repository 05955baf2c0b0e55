package dev.userops.retention.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Granularity;
import dev.userops.retention.testing.DuckDbSql;
import dev.userops.retention.testing.DuckDbSql.AcquisitionCohort;
import dev.userops.retention.testing.DuckDbSql.LtvCell;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The LTV triangle by month (split by the attribute of the first valid order and not) and the
 * acquisition cohorts by channel and month, against the SQL an analyst would write in DuckDB
 * ({@link DuckDbSql#ltvByMonth}, {@link DuckDbSql#acquisitionByMonth}), on random sign-ups and
 * valid orders whose attributes disagree and often tie in time, so that the tie rules decide.
 * Fixed-offset zones keep the SQL's local month plain arithmetic, independent of the library's
 * calendar code.
 */
class ValueDuckDbTest {
  private static final long DAY = 86_400_000L;
  private static final Instant AS_OF = Instant.parse("2026-06-15T13:00:00Z");
  private static final String[] ATTRIBUTES = {null, "ads", "organic", "search"};

  /** A sign-up ({@code amount < 0}) or a valid order. */
  private record Row(long user, long millis, long amount, String attribute) {
    boolean isSignup() {
      return amount < 0;
    }
  }

  @ParameterizedTest
  @CsvSource({"1, Z, 3", "2, +08:00, 6", "3, -05:00, 1", "4, +05:45, 12"})
  void ltvMatchesDuckDb(long seed, String offset, int intervals) throws SQLException {
    ZoneOffset zone = ZoneOffset.of(offset);
    List<Row> rows = randomRows(seed, false);
    LtvAccumulator acc = LtvSpec.of(zone, AS_OF, Granularity.MONTH, intervals).newAccumulator();
    rows.forEach(r -> acc.add(r.user(), r.millis(), r.amount(), r.attribute()));
    LtvResult result = acc.result();

    List<LtvCell> split;
    List<LtvCell> whole;
    try (Connection withAttributes = duckDb(rows, true); Connection without = duckDb(rows, false)) {
      split = DuckDbSql.ltvByMonth(withAttributes, offsetMillis(zone), intervals, lastCompleteMonth(zone));
      whole = DuckDbSql.ltvByMonth(without, offsetMillis(zone), intervals, lastCompleteMonth(zone));
    }
    assertThat(split).hasSizeGreaterThan(20);
    List<LtvCell> library = new ArrayList<>();
    result.byAttribute().forEach(s -> library.addAll(cells(s.attribute(), s.triangle())));
    assertThat(library).containsExactlyElementsOf(split);
    assertThat(cells(null, result.all())).containsExactlyElementsOf(whole);
  }

  @ParameterizedTest
  @CsvSource({"1, Z, 3", "2, +08:00, 6", "3, -03:30, 1"})
  void acquisitionMatchesDuckDb(long seed, String offset, int intervals) throws SQLException {
    ZoneOffset zone = ZoneOffset.of(offset);
    List<Row> rows = randomRows(seed, true);
    AcquisitionAccumulator acc =
        AcquisitionSpec.of(LtvSpec.of(zone, AS_OF, Granularity.MONTH, intervals)).newAccumulator();
    for (Row r : rows) {
      if (r.isSignup()) {
        acc.addSignup(r.user(), r.millis(), r.attribute());
      } else {
        acc.add(r.user(), r.millis(), r.amount(), r.attribute());
      }
    }
    List<AcquisitionCohort> library = new ArrayList<>();
    for (AcquisitionResult.Channel channel : acc.result().channels()) {
      for (AcquisitionResult.Cohort c : channel.cohorts()) {
        List<Long> mature = c.firstBuyers() == 0 ? List.of()
            : c.revenueMinor().stream().filter(Objects::nonNull).toList();
        library.add(new AcquisitionCohort(channel.acquisitionChannel(), c.start(), c.newUsers(),
            c.converted(), c.firstBuyers(), mature));
      }
    }

    List<AcquisitionCohort> expected;
    try (Connection connection = duckDb(rows, true)) {
      expected = DuckDbSql.acquisitionByMonth(connection, offsetMillis(zone), intervals, lastCompleteMonth(zone));
    }
    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(library).containsExactlyElementsOf(expected);
  }

  /** 3,000 rows of 400 users; a quarter of them sign-ups if {@code signups}. */
  private static List<Row> randomRows(long seed, boolean signups) {
    Random random = new Random(seed);
    long from = Instant.parse("2025-08-01T00:00:00Z").toEpochMilli();
    int days = (int) ((AS_OF.toEpochMilli() - from) / DAY);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      long user = random.nextInt(400);
      // Midnights UTC within 60 days of a user's start: a user's events often share an instant.
      long millis = from + (user * 97 % days + random.nextInt(60)) % days * DAY;
      long amount = signups && random.nextInt(4) == 0 ? -1 : random.nextInt(20_000);
      rows.add(new Row(user, millis, amount, ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]));
    }
    return rows;
  }

  /** The triangle's mature cells, as the SQL lists them. */
  private static List<LtvCell> cells(String attribute, LtvResult.Triangle triangle) {
    List<LtvCell> cells = new ArrayList<>();
    for (LtvResult.Cohort cohort : triangle.cohorts()) {
      for (int k = 0; k < cohort.revenueMinor().size() && cohort.revenueMinor().get(k) != null; k++) {
        cells.add(new LtvCell(attribute, cohort.start(), cohort.users(), k, cohort.revenueMinor().get(k)));
      }
    }
    return cells;
  }

  private static long offsetMillis(ZoneOffset zone) {
    return zone.getTotalSeconds() * 1000L;
  }

  /** asOf is inclusive: the month containing it is complete when asOf is its last millisecond. */
  private static long lastCompleteMonth(ZoneOffset zone) {
    LocalDate next = AS_OF.plusMillis(1).atOffset(zone).toLocalDate();
    return (next.getYear() - 1970) * 12L + next.getMonthValue() - 2;
  }

  /** An in-memory DuckDB holding the rows, with their attributes or all NULL. */
  private static Connection duckDb(List<Row> rows, boolean withAttributes) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute(DuckDbSql.VALUE_ORDERS_TABLE);
      statement.execute(DuckDbSql.SIGNUPS_TABLE);
    }
    try (PreparedStatement orders = connection.prepareStatement("INSERT INTO value_orders VALUES (?, ?, ?, ?)");
        PreparedStatement signups = connection.prepareStatement("INSERT INTO signups VALUES (?, ?, ?)")) {
      for (Row row : rows) {
        String attribute = withAttributes ? row.attribute() : null;
        PreparedStatement insert = row.isSignup() ? signups : orders;
        insert.setLong(1, row.user());
        insert.setLong(2, row.millis());
        if (row.isSignup()) {
          insert.setString(3, attribute);
        } else {
          insert.setLong(3, row.amount());
          insert.setString(4, attribute);
        }
        insert.addBatch();
      }
      orders.executeBatch();
      signups.executeBatch();
    }
    return connection;
  }
}
