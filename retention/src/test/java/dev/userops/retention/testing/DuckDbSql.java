package dev.userops.retention.testing;

import dev.userops.retention.repurchase.RepurchaseResult.Cohort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL an analyst would run in DuckDB for retention's results, one copy of each: retention's
 * differential tests assert that the library equals it, and the benchmarks time it (they depend on
 * this module's test-jar). The queries live in {@code .sql} files beside this class, with {@code
 * ${name}} placeholders that the methods here fill with whole numbers before running them on a
 * connection that holds the table they read.
 */
public final class DuckDbSql {
  /** The table {@link #dayNMatrix} reads: one row per activity event, {@code event} its type. */
  public static final String EVENTS_TABLE =
      "CREATE TABLE events (user_id BIGINT, millis BIGINT, event VARCHAR)";

  /** The table {@link #repurchaseByMonth} reads: one row per valid order. */
  public static final String ORDERS_TABLE = "CREATE TABLE orders (user_id BIGINT, millis BIGINT)";

  /** The table {@link #ltvByMonth} reads: one row per valid order, its attribute or NULL. */
  public static final String VALUE_ORDERS_TABLE =
      "CREATE TABLE value_orders (user_id BIGINT, millis BIGINT, amount BIGINT, attribute VARCHAR)";

  /** The sign-ups {@link #acquisitionByMonth} reads beside {@link #VALUE_ORDERS_TABLE}. */
  public static final String SIGNUPS_TABLE =
      "CREATE TABLE signups (user_id BIGINT, millis BIGINT, channel VARCHAR)";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

  private DuckDbSql() {}

  /**
   * The day-N matrix of first-time cohorts by first {@code signup} event, a return on day k being
   * any event on the cohort's day plus k, in a fixed-offset zone, from {@link #EVENTS_TABLE}.
   *
   * @param duckDb a connection holding {@link #EVENTS_TABLE}
   * @param offsetMillis the zone's UTC offset, in milliseconds
   * @param fromDay first cohort day, epoch day, inclusive
   * @param toDay last cohort day, epoch day, inclusive
   * @param intervals the largest k
   * @param asOfMillis the as-of instant, epoch milliseconds, inclusive
   * @return per cohort with at least one user, by start date: its size, then the returners of
   *     each cell whose day k has ended by {@code asOfMillis}, k = 1 first
   * @throws SQLException if DuckDB fails
   */
  public static Map<LocalDate, List<Long>> dayNMatrix(Connection duckDb, long offsetMillis,
      long fromDay, long toDay, int intervals, long asOfMillis) throws SQLException {
    String sql = fill("day-n-matrix.sql", Map.of("offsetMillis", offsetMillis, "fromDay", fromDay,
        "toDay", toDay, "intervals", (long) intervals, "asOfMillis", asOfMillis));
    Map<LocalDate, List<Long>> rows = new TreeMap<>();
    forEachRow(duckDb, sql, result -> {
      List<Long> row = rows.computeIfAbsent(LocalDate.ofEpochDay(result.getLong(1)), d -> new ArrayList<>());
      if (row.isEmpty()) {
        row.add(result.getLong(2));
      }
      row.add(result.getLong(4));
    });
    return rows;
  }

  /**
   * N-day repurchase by calendar month of each user's first order, in a fixed-offset zone, from
   * {@link #ORDERS_TABLE}. A user is mature when the first day plus {@code windowDays} is at most
   * {@code lastCompleteDay}, and repurchased with another order on a later day at most {@code
   * windowDays} after the first.
   *
   * @param duckDb a connection holding {@link #ORDERS_TABLE}
   * @param offsetMillis the zone's UTC offset, in milliseconds
   * @param windowDays the repurchase window, in days
   * @param lastCompleteDay the last local day that has ended by the as-of instant, epoch day
   * @return one cohort per month with a first order, by month: first buyers, mature ones, mature
   *     repurchasers
   * @throws SQLException if DuckDB fails
   */
  public static List<Cohort> repurchaseByMonth(Connection duckDb, long offsetMillis,
      int windowDays, long lastCompleteDay) throws SQLException {
    String sql = fill("repurchase-by-month.sql", Map.of("offsetMillis", offsetMillis,
        "windowDays", (long) windowDays, "lastCompleteDay", lastCompleteDay));
    List<Cohort> cohorts = new ArrayList<>();
    forEachRow(duckDb, sql, row -> cohorts.add(
        new Cohort(row.getObject(1, LocalDate.class), row.getLong(2), row.getLong(3), row.getLong(4))));
    return cohorts;
  }

  /**
   * One mature cell of an LTV triangle by month of first valid order.
   *
   * @param attribute the attribute of the users' first valid orders, {@code null} for none
   * @param cohort the first day of the cohort's month
   * @param users users of the cohort
   * @param interval months after the cohort's
   * @param revenueMinor their revenue from the cohort's month to the interval's, both inclusive
   */
  public record LtvCell(String attribute, LocalDate cohort, long users, int interval, long revenueMinor) {}

  /**
   * The mature cells of cohort LTV triangles by calendar month of first valid order, one per
   * attribute of the first order, in a fixed-offset zone, from {@link #VALUE_ORDERS_TABLE}.
   *
   * @param duckDb a connection holding {@link #VALUE_ORDERS_TABLE}
   * @param offsetMillis the zone's UTC offset, in milliseconds
   * @param intervals the last interval
   * @param lastCompleteMonth the last month that has ended by the as-of instant, as {@code (year -
   *     1970) * 12 + month - 1}
   * @return the cells by attribute (none first), cohort, interval
   * @throws SQLException if DuckDB fails
   */
  public static List<LtvCell> ltvByMonth(Connection duckDb, long offsetMillis, int intervals,
      long lastCompleteMonth) throws SQLException {
    String sql = fill("ltv-by-month.sql", Map.of("offsetMillis", offsetMillis,
        "intervals", (long) intervals, "lastCompleteMonth", lastCompleteMonth));
    List<LtvCell> cells = new ArrayList<>();
    forEachRow(duckDb, sql, row -> cells.add(new LtvCell(row.getString(1),
        LocalDate.EPOCH.plusMonths(row.getLong(2)), row.getLong(3), row.getInt(4), row.getLong(5))));
    return cells;
  }

  /**
   * One acquisition cohort by channel and month, with its mature cells.
   *
   * @param channel the users' acquisition channel, {@code null} for none
   * @param cohort the first day of the cohort's month
   * @param newUsers users whose earliest sign-up fell in the month
   * @param converted those of them with a valid order
   * @param firstBuyers users whose first valid order fell in the month
   * @param revenueMinor per interval from 0, the first buyers' cumulative revenue, mature cells only
   */
  public record AcquisitionCohort(String channel, LocalDate cohort, long newUsers, long converted,
      long firstBuyers, List<Long> revenueMinor) {}

  /**
   * Acquisition cohorts by channel (of each user's earliest sign-up or order) and calendar month,
   * in a fixed-offset zone, from {@link #SIGNUPS_TABLE} and {@link #VALUE_ORDERS_TABLE}.
   *
   * @param duckDb a connection holding both tables
   * @param offsetMillis the zone's UTC offset, in milliseconds
   * @param intervals the last interval
   * @param lastCompleteMonth the last month that has ended by the as-of instant, as {@code (year -
   *     1970) * 12 + month - 1}
   * @return the cohorts by channel (none first) and month
   * @throws SQLException if DuckDB fails
   */
  public static List<AcquisitionCohort> acquisitionByMonth(Connection duckDb, long offsetMillis,
      int intervals, long lastCompleteMonth) throws SQLException {
    String sql = fill("acquisition-by-month.sql", Map.of("offsetMillis", offsetMillis,
        "intervals", (long) intervals, "lastCompleteMonth", lastCompleteMonth));
    List<AcquisitionCohort> cohorts = new ArrayList<>();
    forEachRow(duckDb, sql, row -> {
      String channel = row.getString(1);
      LocalDate cohort = LocalDate.EPOCH.plusMonths(row.getLong(2));
      AcquisitionCohort last = cohorts.isEmpty() ? null : cohorts.get(cohorts.size() - 1);
      if (last == null || !Objects.equals(last.channel(), channel) || !last.cohort().equals(cohort)) {
        last = new AcquisitionCohort(channel, cohort, row.getLong(3), row.getLong(4), row.getLong(5),
            new ArrayList<>());
        cohorts.add(last);
      }
      long revenue = row.getLong(7);
      if (!row.wasNull()) {
        last.revenueMinor().add(revenue);
      }
    });
    return cohorts;
  }

  /** Reads one row of a result, positioned on it. */
  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /** Runs {@code sql} and hands each row of its result to {@code reader}, in order. */
  private static void forEachRow(Connection duckDb, String sql, RowReader reader) throws SQLException {
    try (Statement statement = duckDb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        reader.read(rows);
      }
    }
  }

  private static String fill(String resource, Map<String, Long> values) {
    String sql;
    try (InputStream in = Objects.requireNonNull(DuckDbSql.class.getResourceAsStream(resource),
        resource)) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
    Matcher placeholder = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      Long value = values.get(placeholder.group(1));
      if (value == null) {
        throw new IllegalArgumentException(resource + ": no value for " + placeholder.group());
      }
      placeholder.appendReplacement(out, value.toString());
    }
    return placeholder.appendTail(out).toString();
  }
}
