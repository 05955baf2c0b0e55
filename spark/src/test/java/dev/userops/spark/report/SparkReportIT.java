package dev.userops.spark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.BadRecordPolicy;
import dev.userops.sample.SyntheticShop;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job's {@code report.json} sections equal those of {@code userops report} (the examples'
 * {@code userops.jar}, run in its own JVM) on the same order CSV: the bundled CDNOW data (also read
 * from a Parquet directory), and SyntheticShop orders with repeated order ids and rows of every bad
 * kind a reader screens.
 */
class SparkReportIT {
  /** The sections the job computes; it writes every other field of the command's report but {@code value}. */
  private static final List<String> SECTIONS = List.of(
      "records", "summary", "rfm", "retention", "repurchase", "lifecycle", "valueTier", "diagnostics");

  private static SparkSession spark;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("SparkReportIT")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void cdnowEqualsTheCommand() throws Exception {
    // The bundled CDNOW transactions as an order CSV: one paid order per line, at the start of its day.
    List<String> csv = new ArrayList<>(List.of("user_id,order_id,occurred_at,amount,status"));
    List<String> lines = Files.readAllLines(Path.of(System.getProperty("userops.cdnow")), StandardCharsets.ISO_8859_1);
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).trim().split("\\s+");
      csv.add(f[0] + ",cdnow-" + i + "," + f[1].substring(0, 4) + "-" + f[1].substring(4, 6) + "-"
          + f[1].substring(6, 8) + "," + f[3] + ",paid");
    }
    Path orders = dir.resolve("cdnow.csv");
    Files.write(orders, csv, StandardCharsets.UTF_8);

    JsonNode job = sparkReport(orders, "UTC", "1998-07-01", BadRecordPolicy.SKIP_AND_COUNT, "cdnow-spark");
    JsonNode command = commandReport(orders, "UTC", "1998-07-01", "cdnow-command");

    assertThat(command.get("summary").get("orders").asLong()).isEqualTo(69_659);
    assertReportEqual(job, command);

    // The same rows as a directory of Parquet files (strings, as read), in file order.
    Path parquet = dir.resolve("cdnow.parquet");
    spark.read().option("header", "true").csv(orders.toString()).coalesce(1).write()
        .parquet(parquet.toString());
    assertSectionsEqual(sparkReport(parquet, "parquet", "UTC", "1998-07-01", BadRecordPolicy.SKIP_AND_COUNT,
        "cdnow-parquet"), command);
  }

  @Test
  void syntheticShopWithDuplicatesAndBadRecordsEqualsTheCommand() throws Exception {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.ofOrders(6_000, 14));
    List<String> rows = new ArrayList<>();
    shop.forEachOrder((user, seq, millis, amountMinor, status) -> rows.add("s" + user + ",s" + user + "-" + seq + ","
        + Instant.ofEpochMilli(millis) + "," + BigDecimal.valueOf(amountMinor, 2) + ","
        + status.name().toLowerCase(Locale.ROOT)));
    Random random = new Random(14);
    List<String> dirty = new ArrayList<>();
    for (String row : rows) {
      dirty.add(random.nextInt(50) == 0 ? " " + row.replace(",paid", ",PAID") : row);
      int r = random.nextInt(100);
      if (r < 2) {
        dirty.add(row); // an exact repeat
      } else if (r < 3) {
        dirty.add(row.substring(0, row.lastIndexOf(',')) + ",cancelled"); // a repeated id, other status
      }
    }
    String first = rows.get(0);
    List<String> bad = List.of(
        ",x-1,2024-03-01T10:00:00Z,1.00,paid",
        "s1,x-2,2024-02-30T10:00:00Z,1.00,paid",
        "s1,x-3,yesterday,1.00,paid",
        "s1,x-4,2024-03-01T10:00:00Z,1.005,paid",
        "s1,x-5,2024-03-01T10:00:00Z,abc,paid",
        "s1,x-6,2024-03-01T10:00:00Z,1.00,shipped",
        "s1,x-7,2024-03-01T10:00:00Z,-5.00,paid",
        "s1,x-8,1969-12-31T00:00:00Z,1.00,paid",
        "s1,x-9,2024-03-01T10:00:00Z,1.00,paid,extra",
        "s1,x-10,2024-03-01",
        "s2, ,2024-03-01T10:00:00Z,1.00,paid",
        "s3,x-11,2099-01-01T00:00:00Z,1.00,paid",
        "s4,x-12,2024-03-01T10:00,2.50,refunded");
    for (String row : bad) {
      dirty.add(random.nextInt(dirty.size()), row);
    }
    dirty.add(0, first); // its later copy is the duplicate
    dirty.add(0, "user_id,order_id,occurred_at,amount,status");
    Path orders = dir.resolve("shop.csv");
    Files.write(orders, dirty, StandardCharsets.UTF_8);
    long span = shop.endMillis() - shop.startMillis();
    String asOf = LocalDate.ofInstant(Instant.ofEpochMilli(shop.startMillis() + span * 4 / 5), zone).toString();

    JsonNode job = sparkReport(orders, zone.getId(), asOf, BadRecordPolicy.SKIP_AND_COUNT, "shop-spark");
    JsonNode command = commandReport(orders, zone.getId(), asOf, "shop-command");

    JsonNode skipped = command.get("diagnostics").get("skipped");
    assertThat(skipped.fieldNames()).toIterable().contains("DUPLICATE_ORDER_ID", "EMPTY_ID", "MALFORMED_TIMESTAMP",
        "MALFORMED_AMOUNT", "MALFORMED_STATUS", "NEGATIVE_AMOUNT", "BEFORE_1970", "WRONG_FIELD_COUNT", "AFTER_AS_OF");
    assertThat(command.get("summary").get("users").asLong()).isGreaterThan(300);
    assertReportEqual(job, command);

    assertThatThrownBy(() -> sparkReport(orders, zone.getId(), asOf, BadRecordPolicy.REJECT, "shop-reject"))
        .hasStackTraceContaining("shop.csv");
  }

  /**
   * The command's messy export (BOM, CRLF, a quoted field spanning lines, ids {@code caf\xE9} and
   * {@code caf\xE8} that are not UTF-8, and one row of every malformed kind; see its README): bad
   * bytes are MALFORMED_ENCODING, never merged into one user, and a quoted line break is one record.
   */
  @Test
  void messyExportEqualsTheCommand() throws Exception {
    Path orders = Path.of(System.getProperty("userops.messy"), "orders.csv");
    JsonNode job = sparkReport(orders, "UTC", "2024-06-01", BadRecordPolicy.SKIP_AND_COUNT, "messy-spark");
    JsonNode command = commandReport(orders, "UTC", "2024-06-01", "messy-command");

    assertThat(command.get("diagnostics").get("skipped").get("MALFORMED_ENCODING").asLong()).isEqualTo(2);
    assertReportEqual(job, command);

    assertThatThrownBy(() -> sparkReport(orders, "UTC", "2024-06-01", BadRecordPolicy.REJECT, "messy-reject"))
        .hasStackTraceContaining("orders.csv");
    // A quote never closed holds the rest of the file: the command stops under either policy, and
    // so does the job, rather than count three rows as one bad record.
    Path unterminated = Path.of(System.getProperty("userops.messy"), "unterminated.csv");
    assertThatThrownBy(() -> sparkReport(unterminated, "UTC", "2024-06-01", BadRecordPolicy.SKIP_AND_COUNT,
        "unterminated")).hasStackTraceContaining("unterminated.csv")
        .hasStackTraceContaining("a quote opened in this row is never closed");
  }

  private static void assertSectionsEqual(JsonNode job, JsonNode command) {
    for (String section : SECTIONS) {
      assertThat(job.get(section)).as(section).isNotNull().isEqualTo(command.get(section));
    }
  }

  /** The sections, then the whole document: the same settings, and only {@code value} missing. */
  private static void assertReportEqual(JsonNode job, JsonNode command) {
    assertSectionsEqual(job, command);
    ObjectNode withoutValue = command.deepCopy();
    withoutValue.remove("value");
    assertThat(job).isEqualTo(withoutValue);
  }

  private static JsonNode sparkReport(Path orders, String zone, String asOf, BadRecordPolicy policy, String out)
      throws IOException {
    return sparkReport(orders, "csv", zone, asOf, policy, out);
  }

  private static JsonNode sparkReport(Path orders, String format, String zone, String asOf, BadRecordPolicy policy,
      String out) throws IOException {
    SparkReport.Options options = SparkReport.Options.parse(new String[] {"report", "--orders", orders.toString(),
        "--format", format, "--zone", zone, "--as-of", asOf, "--out", dir.resolve(out).toString(),
        "--bad-records", policy == BadRecordPolicy.REJECT ? "reject" : "skip"});
    return new ObjectMapper().readTree(SparkReport.report(spark, options));
  }

  /** {@code userops report} in its own JVM: its Jackson must not meet Spark's. */
  private static JsonNode commandReport(Path orders, String zone, String asOf, String out) throws Exception {
    Path jar = Path.of(System.getProperty("userops.jar"));
    assertThat(jar).as("examples/target/userops.jar: build the examples module first").exists();
    Path target = dir.resolve(out);
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "report", "--orders", orders.toString(), "--zone", zone, "--as-of", asOf,
        "--out", target.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(out + ".log").toFile())
        .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve(out + ".log"))).isZero();
    return new ObjectMapper().readTree(target.resolve("report.json").toFile());
  }
}
