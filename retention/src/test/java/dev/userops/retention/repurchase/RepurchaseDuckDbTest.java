package dev.userops.retention.repurchase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.BadRecordPolicy;
import dev.userops.retention.repurchase.RepurchaseResult.Cohort;
import dev.userops.retention.repurchase.RepurchaseResult.CurvePoint;
import dev.userops.retention.testing.DuckDbSql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * N-day repurchase by month cohort, and the repurchase curve as that query at each checkpoint,
 * against the SQL an analyst would write in DuckDB ({@link DuckDbSql#repurchaseByMonth}, also timed
 * by the benchmarks), on random valid orders. Fixed-offset zones keep the SQL's local day plain
 * arithmetic, independent of the library's calendar code.
 */
class RepurchaseDuckDbTest {
  private static final long DAY = 86_400_000L;

  @ParameterizedTest
  @CsvSource({"1, Z, 30", "2, +08:00, 30", "3, -05:00, 30", "4, +05:45, 7"})
  void matchesDuckDbOnRandomOrders(long seed, String offset, int window) throws SQLException {
    ZoneOffset zone = ZoneOffset.of(offset);
    Instant asOf = Instant.parse("2026-06-15T13:00:00Z");
    Random random = new Random(seed);
    long from = Instant.parse("2025-10-01T00:00:00Z").toEpochMilli();
    long span = asOf.toEpochMilli() - from;
    int users = 400;
    List<long[]> orders = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      // Users buy in bursts so that gaps near the window's edge are common.
      long user = random.nextInt(users);
      long base = from + Math.floorMod(user * 7_919 * DAY / 3, span);
      long millis = Math.min(asOf.toEpochMilli(), base + (long) (random.nextDouble() * 60 * DAY));
      orders.add(new long[] {user, millis});
    }
    RepurchaseSpec spec =
        RepurchaseSpec.of(zone, asOf)
            .withWindowDays(window)
            .withBadRecords(BadRecordPolicy.REJECT)
            .withCurveDays(List.of(1, window, 45));
    RepurchaseAccumulator acc = spec.newAccumulator();
    orders.forEach(o -> acc.add(o[0], o[1]));
    RepurchaseResult result = acc.result();

    assertThat(result.cohorts()).containsExactlyElementsOf(duckDb(orders, zone, asOf, window));
    // Each point of the curve is the analyst's query with its checkpoint as the window.
    for (int d : spec.curveDays()) {
      List<CurvePoint> expected = new ArrayList<>();
      for (Cohort c : duckDb(orders, zone, asOf, d)) {
        expected.add(new CurvePoint(c.start(), d, c.mature(), c.repurchasers()));
      }
      assertThat(result.curve()).filteredOn(p -> p.days() == d).containsExactlyElementsOf(expected);
    }
  }

  private static List<Cohort> duckDb(List<long[]> orders, ZoneOffset zone, Instant asOf, int window)
      throws SQLException {
    long offsetMillis = zone.getTotalSeconds() * 1000L;
    // asOf is inclusive: a day is complete when its last millisecond is at or before asOf.
    long lastCompleteDay = Math.floorDiv(asOf.toEpochMilli() + 1 + offsetMillis, DAY) - 1;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(DuckDbSql.ORDERS_TABLE);
      }
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
        for (long[] order : orders) {
          insert.setLong(1, order[0]);
          insert.setLong(2, order[1]);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return DuckDbSql.repurchaseByMonth(connection, offsetMillis, window, lastCompleteDay);
    }
  }
}
