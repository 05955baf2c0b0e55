package dev.userops.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The DuckDB side of the {@code userops report} comparison: runs {@code
 * benchmarks/report/report.sql} (packaged in this jar) on an order CSV in an in-memory database and
 * writes its figures as JSON, shaped like the parts of {@code report.json} that {@code
 * benchmarks/report/compare.sh} checks. Prints to stderr the time of each statement, split into load
 * (the statement that reads and parses the CSV) and compute (the rest). Run with {@code
 * /usr/bin/time -v} for end-to-end wall time and peak RSS:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.userops.benchmarks.report.DuckDbReport \
 *     orders.csv 2026-01-01 duckdb.json [THREADS]
 * </pre>
 *
 * <p>{@code AS_OF} is read in UTC like {@code --as-of}: a date is the start of that day, a local
 * date-time is UTC, a date-time with an offset is that instant. {@code THREADS} defaults to 2.
 */
public final class DuckDbReport {
  private static final String SCRIPT = "report.sql";

  private DuckDbReport() {}

  public static void main(String[] args) throws IOException, SQLException {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: DuckDbReport ORDERS_CSV AS_OF OUT_JSON [THREADS]");
      System.exit(2);
    }
    Path orders = Path.of(args[0]);
    long asOfMillis = asOf(args[1]).toEpochMilli();
    Path out = Path.of(args[2]);
    int threads = args.length == 4 ? Integer.parseInt(args[3]) : 2;
    List<String> statements = statements(script());

    long start = System.nanoTime();
    String json = null;
    double load = 0;
    double compute = 0;
    try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
      execute(duckDb, "SET threads = " + threads);
      execute(duckDb, "SET VARIABLE orders_csv = '" + orders.toString().replace("'", "''") + "'");
      execute(duckDb, "SET VARIABLE as_of_ms = " + asOfMillis);
      System.err.printf(Locale.ROOT, "%7.2f s  connect and settings (threads %d)%n", seconds(start), threads);
      for (int i = 0; i < statements.size(); i++) {
        long t0 = System.nanoTime();
        try (Statement statement = duckDb.createStatement()) {
          if (statement.execute(statements.get(i)) && i == statements.size() - 1) {
            try (ResultSet result = statement.getResultSet()) {
              result.next();
              json = result.getString(1);
            }
          }
        }
        double took = seconds(t0);
        if (statements.get(i).contains("read_csv(")) {
          load += took;
        } else {
          compute += took;
        }
        System.err.printf(Locale.ROOT, "%7.2f s  %s%n", took, label(statements.get(i)));
      }
    }
    Files.writeString(out, Objects.requireNonNull(json, "the script's last statement returned no JSON") + "\n");
    System.err.printf(Locale.ROOT, "DuckDB: load %.2f s, compute %.2f s, total %.2f s (in process); wrote %s%n",
        load, compute, seconds(start), out);
  }

  /** Like {@code userops --as-of} in UTC: a date, a local date-time or a date-time with an offset. */
  private static Instant asOf(String text) {
    int t = text.indexOf('T');
    if (t < 0) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    String time = text.substring(t);
    return time.contains("Z") || time.contains("+") || time.contains("-")
        ? OffsetDateTime.parse(text).toInstant()
        : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
  }

  private static String script() {
    try (InputStream in = DuckDbReport.class.getResourceAsStream(SCRIPT)) {
      return new String(Objects.requireNonNull(in, SCRIPT + " is not packaged").readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The script's statements: each ends with a line ending in ';', as the script promises. */
  private static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";") && !line.strip().startsWith("--")) {
        statements.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.toString().lines().anyMatch(line -> !line.isBlank() && !line.strip().startsWith("--"))) {
      throw new IllegalArgumentException(SCRIPT + ": text after the last ';'");
    }
    return statements;
  }

  /** The statement's first line of code, for the timing lines. */
  private static String label(String statement) {
    return statement.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("--"))
        .findFirst()
        .map(line -> line.length() > 70 ? line.substring(0, 70) + "…" : line)
        .orElse("");
  }

  private static void execute(Connection duckDb, String sql) throws SQLException {
    try (Statement statement = duckDb.createStatement()) {
      statement.execute(sql);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
