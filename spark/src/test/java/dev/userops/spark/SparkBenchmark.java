package dev.userops.spark;

import dev.userops.core.Granularity;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.segmentation.rfm.RfmSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The adapter against the SQL an analyst would write, on the same cached orders in one JVM: RFM
 * features per user ({@link UserOpsSpark#rfmFeatures}) against a native {@code GROUP BY}, and the
 * monthly first-order retention matrix (the {@code retention} aggregator) against a self-join of
 * users' order months with their first month. Not JMH: Spark jobs take seconds and a forked JMH
 * run would repeat the data load, so this is a plain harness that runs warm-up rounds, then
 * measured rounds of each group of queries (which goes first rotates from round to round), and
 * prints median, min and max wall time and the shuffle bytes Spark's task metrics report. Each group
 * also times a reference that shows where the adapter's time goes.
 *
 * <p>Before timing, it checks that both sides compute the same answer: every user's RFM row, and
 * every mature cell of the matrix.
 *
 * <p>Input: an order CSV in the project's format ({@code user_id,order_id,occurred_at,amount,status},
 * ids {@code u<n>}, amounts with two decimals). It is read once with Spark's CSV reader into a
 * Parquet copy ({@code user_id} as the number after {@code u}, amounts in minor units), which later
 * runs reuse; the copy is then cached in memory. Run, from the project root, after {@code mvn -B
 * -pl spark/job -am -DskipTests package} (which puts the shaded jar and Spark 3.5's own dependency tree in
 * {@code spark/target/lib}):
 *
 * <pre>
 * OPENS=$(sed -n 's:.*&lt;spark.add-opens&gt;\(.*\)&lt;/spark.add-opens&gt;.*:\1:p' spark/pom.xml)
 * java -Xmx6g $OPENS \
 *   -cp 'spark/target/test-classes:spark/target/lib/*' \
 *   dev.userops.spark.SparkBenchmark /work/scale/orders10m.csv /work/scale/orders10m.parquet 2 5
 * </pre>
 *
 * <p>Arguments: the CSV, the Parquet copy (written if missing), warm-up rounds, measured rounds.
 */
public final class SparkBenchmark {
  private static final ZoneId ZONE = ZoneId.of("UTC");
  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  /** A valid order, as the accumulators screen one: paid, amount {@code >= 0}, not after as-of. */
  private static final String VALID = "upper(trim(status)) = 'PAID' AND amount_minor >= 0"
      + " AND occurred_at <= TIMESTAMP'2026-01-01 00:00:00'";
  private static final String NATIVE_RFM = "SELECT user_id,"
      + " datediff(DATE'2026-01-01', to_date(max(occurred_at))) AS recency_days,"
      + " count(*) AS frequency, sum(amount_minor) AS monetary_minor"
      + " FROM orders WHERE " + VALID + " GROUP BY user_id";
  private static final String NATIVE_RETENTION = "WITH months AS ("
      + "  SELECT DISTINCT user_id, (year(occurred_at) - 1970) * 12 + month(occurred_at) - 1 AS month"
      + "  FROM orders WHERE " + VALID + "),"
      + " firsts AS (SELECT user_id, min(month) AS cohort FROM months GROUP BY user_id)"
      + " SELECT f.cohort, m.month - f.cohort AS k, count(*) AS users"
      + " FROM firsts f JOIN months m ON m.user_id = f.user_id GROUP BY f.cohort, m.month - f.cohort";
  private static final LocalDate FIRST_COHORT = LocalDate.of(2023, 12, 1);
  private static final int INTERVALS = 24;

  private SparkBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args[0]);
    Path parquet = Path.of(args[1]);
    int warmups = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("SparkBenchmark")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        // Eight input partitions of the cached copy, so both cores work from the first stage.
        .config("spark.sql.files.maxPartitionBytes", "16m")
        // The spec's zone, so the native SQL's to_date, year and month are local to it, as the adapter's are.
        .config("spark.sql.session.timeZone", ZONE.getId())
        .getOrCreate();
    ShuffleBytes shuffle = new ShuffleBytes();
    spark.sparkContext().addSparkListener(shuffle);

    if (!Files.exists(parquet)) {
      long start = System.nanoTime();
      writeParquet(spark, csv, parquet);
      System.out.printf(Locale.ROOT, "wrote %s from %s in %.1f s%n", parquet, csv, seconds(start));
    }
    Dataset<Row> orders = spark.read().parquet(parquet.toString()).cache();
    long rows = orders.count();
    orders.createOrReplaceTempView("orders");
    System.out.printf(Locale.ROOT, "%,d orders in %d cached partitions; Spark %s, Java %s%n",
        rows, orders.rdd().getNumPartitions(), spark.version(), System.getProperty("java.version"));

    RfmSpec rfm = RfmSpec.of(ZONE, AS_OF);
    RetentionSpec retention = RetentionSpec.builder().granularity(Granularity.MONTH).zone(ZONE)
        .from(FIRST_COHORT).to(LocalDate.of(2025, 12, 31)).asOf(AS_OF).intervals(INTERVALS).build();
    Dataset<Row> validOrders = orders.where(VALID).select(orders.col("user_id"), orders.col("occurred_at"),
        functions.lit("order").as("event"));

    checkRfmEqual(spark, UserOpsSpark.rfmFeatures(orders, rfm), spark.sql(NATIVE_RFM));
    checkRetentionEqual(UserOpsSpark.aggregate(validOrders, retention), spark.sql(NATIVE_RETENTION).collectAsList());
    checkRetentionEqual(UserOpsSpark.aggregateByUser(validOrders, retention),
        spark.sql(NATIVE_RETENTION).collectAsList());
    System.out.println("checked: both sides equal");

    // Each group: the adapter, the SQL it is compared with, then a reference that shows where the
    // adapter's time goes (its shuffle alone; turning the columns the aggregator reads into Java Rows
    // and nothing else).
    List<List<Query>> groups = List.of(
        List.of(new Query("rfm: adapter rfmFeatures", () -> noop(UserOpsSpark.rfmFeatures(orders, rfm))),
            new Query("rfm: native GROUP BY", () -> noop(spark.sql(NATIVE_RFM))),
            new Query("rfm: repartition by user only", () -> noop(orders.repartition(orders.col("user_id"))))),
        List.of(new Query("retention: adapter aggregate", () -> UserOpsSpark.aggregate(validOrders, retention)),
            new Query("retention: native self-join", () -> spark.sql(NATIVE_RETENTION).collectAsList()),
            new Query("retention: adapter aggregateByUser", () -> UserOpsSpark.aggregateByUser(validOrders, retention)),
            new Query("retention: input as Rows only", () -> Family.RETENTION.narrow(validOrders, retention)
                .foreachPartition((ForeachPartitionFunction<Row>) partition -> partition.forEachRemaining(row -> { })))));
    Map<Query, List<Double>> times = new LinkedHashMap<>();
    Map<Query, Long> bytes = new HashMap<>();
    for (int round = 0; round < warmups + rounds; round++) {
      for (List<Query> group : groups) {
        // Which query runs first rotates from round to round.
        List<Query> order = new ArrayList<>(group);
        Collections.rotate(order, round);
        for (Query query : order) {
          shuffle.reset(spark);
          long start = System.nanoTime();
          query.run().run();
          double elapsed = seconds(start);
          bytes.put(query, shuffle.bytes(spark));
          if (round >= warmups) {
            times.computeIfAbsent(query, q -> new ArrayList<>()).add(elapsed);
          }
          System.out.printf(Locale.ROOT, "%s round %d: %-32s %6.2f s%n",
              round < warmups ? "warm-up" : "measure", round, query.name(), elapsed);
        }
      }
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "%-32s %8s %8s %8s %14s%n", "query", "median s", "min s", "max s", "shuffle bytes");
    times.forEach((query, list) -> {
      double[] t = sorted(list);
      System.out.printf(Locale.ROOT, "%-32s %8.2f %8.2f %8.2f %,14d%n",
          query.name(), median(t), t[0], t[t.length - 1], bytes.get(query));
    });
    for (List<Query> group : groups) {
      System.out.printf(Locale.ROOT, "%s / %s = %.2f (medians)%n", group.get(0).name(), group.get(1).name(),
          median(sorted(times.get(group.get(0)))) / median(sorted(times.get(group.get(1)))));
    }
    spark.stop();
  }

  /** One timed query; {@code run} computes its whole result. */
  private record Query(String name, Runnable run) {}

  /** Materializes every row of {@code rows} without collecting them (Spark's no-op sink). */
  private static void noop(Dataset<Row> rows) {
    rows.write().format("noop").mode("overwrite").save();
  }

  private static void writeParquet(SparkSession spark, Path csv, Path parquet) {
    spark.read()
        .option("header", "true")
        .schema("user_id STRING, order_id STRING, occurred_at STRING, amount DECIMAL(18,2), status STRING")
        .csv(csv.toString())
        .selectExpr(
            "CAST(substring(user_id, 2) AS BIGINT) AS user_id",
            "order_id",
            "CAST(occurred_at AS TIMESTAMP) AS occurred_at",
            "CAST(amount * 100 AS BIGINT) AS amount_minor",
            "status")
        .write()
        .parquet(parquet.toString());
  }

  private static void checkRfmEqual(SparkSession spark, Dataset<Row> adapter, Dataset<Row> nativeSql) {
    Dataset<Row> features = adapter.select("user_id", "recency_days", "frequency", "monetary_minor");
    long users = features.count();
    long onlyAdapter = features.exceptAll(nativeSql).count();
    long onlyNative = nativeSql.exceptAll(features).count();
    if (users == 0 || onlyAdapter != 0 || onlyNative != 0) {
      throw new IllegalStateException("RFM differs: " + users + " users, " + onlyAdapter
          + " rows only from the adapter, " + onlyNative + " only from SQL");
    }
    System.out.printf(Locale.ROOT, "RFM: %,d users, equal%n", users);
  }

  /** Every cohort size and every mature cell equal the self-join's count of users. */
  private static void checkRetentionEqual(RetentionMatrix matrix, List<Row> cells) {
    Map<List<Integer>, Long> joined = new HashMap<>();
    for (Row cell : cells) {
      joined.put(List.of(cell.getInt(0), cell.getInt(1)), cell.getLong(2));
    }
    int compared = 0;
    for (RetentionMatrix.Cohort cohort : matrix.cohorts()) {
      YearMonth month = YearMonth.from(cohort.start());
      int index = (month.getYear() - 1970) * 12 + month.getMonthValue() - 1;
      for (int k = 0; k < cohort.counts().size(); k++) {
        Long count = cohort.counts().get(k);
        if (count == null) {
          continue;
        }
        long expected = joined.getOrDefault(List.of(index, k), 0L);
        if (count != expected) {
          throw new IllegalStateException("retention differs at cohort " + month + ", interval " + k + ": adapter "
              + count + ", SQL " + expected);
        }
        compared++;
      }
    }
    System.out.printf(Locale.ROOT, "retention: %d cohorts, %d cells, equal%n", matrix.cohorts().size(), compared);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double[] sorted(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Shuffle bytes written by the tasks of the queries since the last {@link #reset}. */
  private static final class ShuffleBytes extends SparkListener {
    private final AtomicLong written = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
      if (taskEnd.taskMetrics() != null) {
        written.addAndGet(taskEnd.taskMetrics().shuffleWriteMetrics().bytesWritten());
      }
    }

    void reset(SparkSession spark) throws TimeoutException {
      spark.sparkContext().listenerBus().waitUntilEmpty();
      written.set(0);
    }

    long bytes(SparkSession spark) throws TimeoutException {
      spark.sparkContext().listenerBus().waitUntilEmpty();
      return written.get();
    }
  }
}
