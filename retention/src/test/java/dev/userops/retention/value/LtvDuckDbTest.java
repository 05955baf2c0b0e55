package dev.userops.retention.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Granularity;
import dev.userops.retention.testing.DuckDbSql;
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
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The LTV triangle by month, split by the attribute of the first valid order and not, against the
 * SQL an analyst would write in DuckDB ({@link DuckDbSql#ltvByMonth}) on random valid orders with
 * many ties in time. Fixed-offset zones keep the SQL's local month plain arithmetic, independent of
 * the library's calendar code.
 */
class LtvDuckDbTest {
  private static final long HOUR = 3_600_000L;
  private static final String[] ATTRIBUTES = {null, "ads", "organic", "search"};

  /** A valid order row. */
  private record Row(long user, long millis, long amount, String attribute) {}

  @ParameterizedTest
  @CsvSource({"1, Z, 3", "2, +08:00, 6", "3, -05:00, 1", "4, +05:45, 12"})
  void matchesDuckDbOnRandomOrders(long seed, String offset, int intervals) throws SQLException {
    ZoneOffset zone = ZoneOffset.of(offset);
    Instant asOf = Instant.parse("2026-06-15T13:00:00Z");
    Random random = new Random(seed);
    long from = Instant.parse("2025-08-01T00:00:00Z").toEpochMilli();
    int hours = (int) ((asOf.toEpochMilli() - from) / HOUR);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      // Whole hours: users often order twice in the same hour, so first orders tie.
      long user = random.nextInt(400);
      long millis = from + (user * 97 % hours + random.nextInt(24 * 90)) % hours * HOUR;
      rows.add(new Row(user, millis, random.nextInt(20_000), ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]));
    }
    LtvAccumulator acc = LtvSpec.of(zone, asOf, Granularity.MONTH, intervals).newAccumulator();
    rows.forEach(r -> acc.add(r.user(), r.millis(), r.amount(), r.attribute()));
    LtvResult result = acc.result();

    long lastCompleteMonth = lastCompleteMonth(asOf, zone);
    List<LtvCell> split = duckDb(rows, zone, intervals, lastCompleteMonth, true);
    List<LtvCell> whole = duckDb(rows, zone, intervals, lastCompleteMonth, false);
    assertThat(split).hasSizeGreaterThan(20);
    List<LtvCell> library = new ArrayList<>();
    result.byAttribute().forEach(s -> library.addAll(cells(s.attribute(), s.triangle())));
    assertThat(library).containsExactlyElementsOf(split);
    assertThat(cells(null, result.all())).containsExactlyElementsOf(whole);
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

  /** asOf is inclusive: the month containing it is complete when asOf is its last millisecond. */
  private static long lastCompleteMonth(Instant asOf, ZoneOffset zone) {
    LocalDate next = asOf.plusMillis(1).atOffset(zone).toLocalDate();
    return (next.getYear() - 1970) * 12L + next.getMonthValue() - 2;
  }

  private static List<LtvCell> duckDb(
      List<Row> rows, ZoneOffset zone, int intervals, long lastCompleteMonth, boolean withAttributes)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(DuckDbSql.VALUE_ORDERS_TABLE);
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO value_orders VALUES (?, ?, ?, ?)")) {
        for (Row row : rows) {
          insert.setLong(1, row.user());
          insert.setLong(2, row.millis());
          insert.setLong(3, row.amount());
          insert.setString(4, withAttributes ? row.attribute() : null);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return DuckDbSql.ltvByMonth(connection, zone.getTotalSeconds() * 1000L, intervals, lastCompleteMonth);
    }
  }
}
