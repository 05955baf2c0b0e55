package dev.userops.retention.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.event.Activity;
import dev.userops.retention.testing.DuckDbSql;
import dev.userops.sample.SyntheticShop;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The day-N matrix (first-time cohorts by first signup, return on calendar day k = any event) equals
 * the SQL an analyst would write ({@link DuckDbSql#dayNMatrix}, also timed by the benchmarks), run
 * in DuckDB on the same random data. The zone is Asia/Shanghai, which has kept UTC+8 since 1991, so
 * the SQL shifts epoch millis by 8 hours instead of using time-zone functions: the two sides share
 * no calendar code.
 */
class RetentionDuckDbTest {
  private static final long OFFSET = 8 * 3_600_000L;
  private static final int INTERVALS = 30;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void dayNMatrixEqualsDuckDbSql(long seed) throws SQLException {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.of(1500, seed)
        .withActivity(8, 0.1).withPeriod(LocalDate.of(2024, 1, 1), 90, 150));
    Instant asOf = Instant.parse("2024-04-20T05:00:00Z");
    Random random = new Random(seed);
    List<Activity> events = new ArrayList<>();
    for (Activity a : shop.activities()) {
      if (!a.occurredAt().isAfter(asOf)) {
        events.add(a);
      }
      // Second signups, earlier or later, so that "first" matters.
      if (random.nextInt(20) == 0) {
        events.add(new Activity(a.userId(), Instant.ofEpochMilli(shop.startMillis()
            + (long) (random.nextDouble() * (asOf.toEpochMilli() - shop.startMillis()))), "signup"));
      }
    }
    Collections.shuffle(events, random);
    RetentionSpec spec = new RetentionSpec(Granularity.DAY, shanghai, DayOfWeek.MONDAY, INTERVALS,
        List.of(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), asOf, List.of("signup"),
        List.of(), CohortMode.FIRST_TIME, ReturnMode.ON, WindowMode.CALENDAR, BadRecordPolicy.REJECT);
    RetentionAccumulator acc = spec.newAccumulator();
    events.forEach(acc::add);
    RetentionMatrix matrix = acc.result();

    Map<LocalDate, List<Long>> expected = duckDb(events, spec);

    assertThat(expected).hasSizeGreaterThan(80);
    for (RetentionMatrix.Cohort cohort : matrix.cohorts()) {
      List<Long> sqlRow = expected.get(cohort.start());
      if (sqlRow == null) {
        assertThat(cohort.size()).as("%s", cohort.start()).isZero();
        continue;
      }
      List<Long> mature = cohort.counts().stream().filter(c -> c != null).toList();
      assertThat(mature).as("%s", cohort.start()).isEqualTo(sqlRow);
    }
  }

  /** Per cohort start date: size, then the counts of its mature cells, from SQL. */
  private static Map<LocalDate, List<Long>> duckDb(List<Activity> events, RetentionSpec spec)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(DuckDbSql.EVENTS_TABLE);
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events VALUES (?, ?, ?)")) {
        for (Activity a : events) {
          insert.setLong(1, a.userId());
          insert.setLong(2, a.occurredAt().toEpochMilli());
          insert.setString(3, a.type());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return DuckDbSql.dayNMatrix(connection, OFFSET, spec.from().toEpochDay(),
          spec.to().toEpochDay(), INTERVALS, spec.asOf().toEpochMilli());
    }
  }
}
