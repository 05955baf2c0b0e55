package dev.userops.spark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.UserOpsJson;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.internal.Json;
import dev.userops.core.internal.Timestamps;
import dev.userops.core.internal.Utf8;
import dev.userops.core.summary.OrderSummary;
import dev.userops.core.summary.OrderSummarySpec;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.retention.repurchase.RepurchaseResult;
import dev.userops.retention.repurchase.RepurchaseSpec;
import dev.userops.segmentation.dimensions.LifecycleRules;
import dev.userops.segmentation.dimensions.LifecycleStage;
import dev.userops.segmentation.dimensions.UserActivity;
import dev.userops.segmentation.dimensions.ValueTiers;
import dev.userops.segmentation.rfm.RfmFeatures;
import dev.userops.segmentation.rfm.RfmScoring;
import dev.userops.segmentation.rfm.RfmSpec;
import dev.userops.segmentation.rfm.SegmentTable;
import dev.userops.spark.UserOpsSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code userops report} as a Spark job: the same {@code report.json} sections ({@code records},
 * {@code summary}, {@code rfm}, {@code retention}, {@code repurchase} with its curve, {@code
 * lifecycle}, {@code valueTier}, {@code diagnostics}) from an order CSV or Parquet file or
 * directory, read by Spark and screened by the command's rules.
 *
 * <pre>
 * java -jar userops-spark.jar report --orders FILE|DIR [--format csv|csv-lines|parquet] --as-of DATE
 *     [--zone Z] --out DIR [--master local[*]] [--bad-records skip|reject] [--fraction-digits N]
 * </pre>
 *
 * <p>How the command's one sequential pass is kept: rows are numbered in file order; the first row
 * of an order id wins, later ones are {@code DUPLICATE_ORDER_ID}; users get dense ids in the order of
 * their first row that is not a duplicate; orders are then screened (negative amount, before 1970,
 * after as-of) and fed to the library's accumulators through {@link UserOpsSpark#aggregate}, or {@link
 * UserOpsSpark#aggregateByUser} where results of disjoint users add.
 */
public final class SparkReport {
  private static final String LATIN1 = "ISO-8859-1";
  /** The UTF-8 byte order mark as ISO-8859-1 chars. */
  private static final String LATIN1_BOM = "\u00EF\u00BB\u00BF";
  private static final String USAGE = "usage: report --orders FILE|DIR [--format csv|csv-lines|parquet]"
      + " --as-of DATE"
      + " [--zone ZONE] --out DIR [--master URL] [--bad-records skip|reject] [--fraction-digits N]";

  private SparkReport() {}

  /**
   * Runs the job and writes {@code report.json} to {@code --out}.
   *
   * @param args {@code report} and its options, as in the class description
   * @throws IOException if the report cannot be written
   * @throws IllegalArgumentException for bad options, or a bad record under {@code --bad-records reject}
   */
  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    SparkSession.Builder builder = SparkSession.builder().appName("userops report");
    if (options.master != null) {
      builder.master(options.master).config("spark.ui.enabled", "false");
    }
    SparkSession spark = builder.getOrCreate();
    if (options.master != null) {
      // Run locally, the report is the output; under spark-submit the cluster's logging applies.
      spark.sparkContext().setLogLevel("WARN");
    }
    try {
      String json = report(spark, options);
      Files.createDirectories(options.out);
      Files.writeString(options.out.resolve("report.json"), json + "\n", StandardCharsets.UTF_8);
      System.out.println("Wrote " + options.out.resolve("report.json"));
    } finally {
      spark.stop();
    }
  }

  /** The report's JSON, in the layout of {@code userops report}'s {@code report.json}. */
  static String report(SparkSession spark, Options options) {
    ZoneId zone = options.zone;
    Instant asOf = options.asOf;
    BadRecordPolicy policy = options.policy;
    Dataset<Row> raw = read(spark, options);
    boolean latin1 = !options.format.equals("parquet");
    Dataset<Row> screened = raw.map(new OrderScreen(zone, options.fractionDigits, policy, latin1),
        Encoders.row(OrderScreen.OUTPUT)).cache();
    long records = screened.count();

    Dataset<Row> parsed = screened.where("reason IS NULL")
        .withColumn("duplicate", functions.row_number()
            .over(Window.partitionBy("order_id").orderBy("position")).gt(1));
    Dataset<Row> firsts = parsed.where("NOT duplicate").drop("duplicate");
    Dataset<Row> orders = withDenseUserIds(spark, firsts).cache();

    Map<BadRecordReason, Long> read = new EnumMap<>(BadRecordReason.class);
    for (Row row : screened.where("reason IS NOT NULL").groupBy("reason").count().collectAsList()) {
      read.put(BadRecordReason.valueOf(row.getString(0)), row.getLong(1));
    }
    long duplicates = parsed.where("duplicate").count();
    if (duplicates > 0) {
      if (policy == BadRecordPolicy.REJECT) {
        Row first = parsed.where("duplicate").orderBy("position").first();
        throw new IllegalArgumentException("order_id: DUPLICATE_ORDER_ID: order_id \"" + first.getAs("order_id")
            + "\" appeared on an earlier row");
      }
      read.put(BadRecordReason.DUPLICATE_ORDER_ID, duplicates);
    }

    // The summary screens every order once; its bad records are the report's screen's. By user
    // partition, as its orders-per-user histogram needs no buffer of every user.
    OrderSummary summary = UserOpsSpark.aggregateByUser(orders, new OrderSummarySpec(zone, asOf, policy));
    Dataset<Row> valid = orders.filter(new Accepted(asOf)).where("status = 'PAID'").cache();
    RfmFeatures features = UserOpsSpark.aggregate(valid, new RfmSpec(zone, asOf, null, null, policy));
    // Cohorts from the epoch, as the command: the data's range is not known before it is read.
    // Retention and repurchase by user partition, as no one buffer need hold every user for them.
    RetentionMatrix retention = UserOpsSpark.aggregateByUser(
        valid.select(valid.col("user_id"), valid.col("occurred_at"), functions.lit("order").as("event")),
        new RetentionSpec(Granularity.MONTH, zone, DayOfWeek.MONDAY, RetentionSpec.MAX_SPAN, List.of(),
            LocalDate.EPOCH, LocalDate.ofInstant(asOf, zone), asOf, List.of(), List.of(), null, null, null, policy))
        .trimmed();
    RepurchaseResult repurchase =
        UserOpsSpark.aggregateByUser(valid, RepurchaseSpec.of(zone, asOf).withBadRecords(policy));
    Map<LifecycleStage, Long> lifecycle = lifecycle(valid, zone, asOf);

    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("source", options.orders);
    document.putNull("events");
    document.put("zone", zone.getId());
    document.put("asOf", asOf.toString());
    document.put("asOfRule", "--as-of");
    document.put("badRecords", policy.name());
    document.put("records", records);
    document.set("summary", section(mapper, summary));
    ObjectNode rfm = document.putObject("rfm");
    rfm.put("scoring", "quantile");
    rfm.put("segmentTable", "vignette");
    rfm.set("segments", mapper.valueToTree(SegmentTable.vignette()
        .segment(features, RfmScoring.quantiles(RfmScoring.DEFAULT_SCORES).score(features)).sizes()));
    document.set("retention", section(mapper, retention));
    document.set("repurchase", section(mapper, repurchase));
    ObjectNode stages = document.putObject("lifecycle");
    stages.put("basis", "valid orders");
    stages.set("rules", mapper.valueToTree(LifecycleRules.DEFAULT));
    stages.set("users", mapper.valueToTree(lifecycle));
    document.set("valueTier", mapper.valueToTree(ValueTiers.DEFAULT.tier(features)));
    document.set("diagnostics", mapper.valueToTree(new Diagnostics(read).plus(summary.diagnostics())));
    valid.unpersist();
    orders.unpersist();
    screened.unpersist();
    return Json.writePretty(document);
  }

  /** A result's own JSON form without its diagnostics, as a section of the report. */
  private static ObjectNode section(ObjectMapper mapper, Object result) {
    ObjectNode section = mapper.valueToTree(result);
    section.remove("diagnostics");
    return section;
  }

  /**
   * The input with every column as read, its file, and its position in file order (Spark's
   * partitions of a file follow its byte order).
   */
  private static Dataset<Row> read(SparkSession spark, Options options) {
    Dataset<Row> rows;
    if (options.format.equals("parquet")) {
      rows = spark.read().parquet(options.orders);
    } else {
      // Bytes as ISO-8859-1 chars, one per byte and lossless, for the screen's strict UTF-8 (Spark's
      // UTF-8 would replace bad bytes by U+FFFD and merge ids). csv reads whole files as one stream
      // of records, for quoted fields that span lines (RFC 4180) as the command reads them;
      // csv-lines splits files by line for parallel reading.
      String[] header = spark.read().option("header", "true").option("encoding", LATIN1).csv(options.orders)
          .columns();
      StructType schema = new StructType();
      List<String> names = new ArrayList<>();
      for (String column : header) {
        schema = schema.add(column, DataTypes.StringType);
        names.add(headerName(options.orders, column));
      }
      names.add(OrderScreen.CORRUPT);
      // The schema keeps the header's names as read, so Spark's header check agrees; then the names
      // are decoded.
      rows = spark.read()
          .option("header", "true")
          .option("encoding", LATIN1)
          .option("multiLine", String.valueOf(options.format.equals("csv")))
          .option("escape", "\"")
          .option("mode", "PERMISSIVE")
          .option("columnNameOfCorruptRecord", OrderScreen.CORRUPT)
          .schema(schema.add(OrderScreen.CORRUPT, DataTypes.StringType))
          .csv(options.orders)
          .toDF(names.toArray(String[]::new));
    }
    List<String> missing = new ArrayList<>(Arrays.asList(OrderScreen.REQUIRED));
    missing.removeAll(Arrays.asList(rows.columns()));
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(options.orders + ": missing columns " + missing + "; it has "
          + Arrays.toString(rows.columns()));
    }
    Dataset<Row> numbered = rows.withColumn(OrderScreen.FILE, functions.input_file_name())
        .withColumn(OrderScreen.POSITION, functions.monotonically_increasing_id());
    // Whole-file CSV reading gives one partition per file; the screen and all after it need not
    // wait on it.
    int parallelism = spark.sparkContext().defaultParallelism();
    return options.format.equals("csv") && numbered.rdd().getNumPartitions() < parallelism
        ? numbered.repartition(parallelism) : numbered;
  }

  /** A header field read as ISO-8859-1, without a leading BOM, as strict UTF-8 and trimmed. */
  private static String headerName(String source, String latin1) {
    String field = latin1.startsWith(LATIN1_BOM) ? latin1.substring(LATIN1_BOM.length()) : latin1;
    String name = Utf8.decode(field);
    if (name == null) {
      throw new IllegalArgumentException(source + ": header: " + Utf8.malformed(field));
    }
    return name.strip();
  }

  /** {@code rows} with {@code user_id}: dense, in the order of each user's first row. */
  private static Dataset<Row> withDenseUserIds(SparkSession spark, Dataset<Row> rows) {
    Dataset<Row> firstRows = rows.groupBy("user").agg(functions.min("position").as("first")).orderBy("first");
    StructType schema = new StructType().add("user", DataTypes.StringType).add("user_id", DataTypes.LongType);
    Dataset<Row> ids = spark.createDataFrame(
        firstRows.select("user").javaRDD().zipWithIndex().map(pair -> RowFactory.create(
            pair._1().getString(0), pair._2())), schema);
    return rows.join(ids, "user");
  }

  /** Users by lifecycle stage at {@code asOf}, every stage present, from the days of valid orders. */
  private static Map<LifecycleStage, Long> lifecycle(Dataset<Row> valid, ZoneId zone, Instant asOf) {
    Dataset<String> stages = valid.select("user_id", "occurred_at")
        .groupByKey((MapFunction<Row, Long>) row -> row.getLong(0), Encoders.LONG())
        .mapGroups(new Stage(zone, asOf), Encoders.STRING());
    Map<LifecycleStage, Long> users = new EnumMap<>(LifecycleStage.class);
    for (LifecycleStage stage : LifecycleStage.values()) {
      users.put(stage, 0L);
    }
    for (Row row : stages.groupBy("value").count().collectAsList()) {
      users.put(LifecycleStage.valueOf(row.getString(0)), row.getLong(1));
    }
    return users;
  }

  /** A user's lifecycle stage at as-of from the times of their valid orders. */
  private static final class Stage implements MapGroupsFunction<Long, Row, String> {
    private static final long serialVersionUID = 1L;
    private final String zone;
    private final long asOfMillis;
    private transient CalendarIndex calendar;

    Stage(ZoneId zone, Instant asOf) {
      this.zone = zone.getId();
      this.asOfMillis = asOf.toEpochMilli();
    }

    @Override
    public String call(Long user, Iterator<Row> orders) {
      if (calendar == null) {
        calendar = CalendarIndex.of(ZoneId.of(zone));
      }
      UserActivity activity = null;
      while (orders.hasNext()) {
        long millis = orders.next().getTimestamp(1).getTime();
        activity = activity == null ? UserActivity.of(millis, calendar) : activity.observe(millis, calendar);
      }
      return LifecycleRules.DEFAULT.stage(activity, calendar.dayIndex(asOfMillis)).name();
    }
  }

  /** Orders that pass the screen every calculation shares (amount, 1970, as-of): {@link BadRecords#acceptOrder}. */
  private static final class Accepted implements FilterFunction<Row> {
    private static final long serialVersionUID = 1L;
    private final long asOfMillis;
    /** Asked only whether an order passes; what it counts is not read (the summary counts). */
    private transient BadRecords screen;

    Accepted(Instant asOf) {
      this.asOfMillis = asOf.toEpochMilli();
    }

    @Override
    public boolean call(Row row) {
      if (screen == null) {
        screen = new BadRecords(BadRecordPolicy.SKIP_AND_COUNT);
      }
      return screen.acceptOrder(0, row.getTimestamp(row.fieldIndex("occurred_at")).getTime(),
          row.getLong(row.fieldIndex("amount_minor")), asOfMillis);
    }
  }

  /** The command line, checked. */
  record Options(String orders, String format, ZoneId zone, Instant asOf, Path out, String master,
      BadRecordPolicy policy, int fractionDigits) {
    static Options parse(String[] args) {
      if (args.length == 0 || !args[0].equals("report")) {
        throw new IllegalArgumentException(USAGE);
      }
      Map<String, String> values = new HashMap<>();
      for (int i = 1; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --option VALUE at " + args[i] + "; " + USAGE);
        }
        values.put(args[i], args[i + 1]);
      }
      List<String> known = List.of("--orders", "--format", "--as-of", "--zone", "--out", "--master",
          "--bad-records", "--fraction-digits");
      for (String name : values.keySet()) {
        if (!known.contains(name)) {
          throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
        }
      }
      for (String required : List.of("--orders", "--as-of", "--out")) {
        if (!values.containsKey(required)) {
          throw new IllegalArgumentException(required + " is required; " + USAGE);
        }
      }
      String format = values.getOrDefault("--format", "csv").toLowerCase(Locale.ROOT);
      if (!List.of("csv", "csv-lines", "parquet").contains(format)) {
        throw new IllegalArgumentException("--format must be csv, csv-lines or parquet, got " + format);
      }
      ZoneId zone = ZoneId.of(values.getOrDefault("--zone", "UTC"));
      BadRecordPolicy policy = switch (values.getOrDefault("--bad-records", "skip").toLowerCase(Locale.ROOT)) {
        case "skip" -> BadRecordPolicy.SKIP_AND_COUNT;
        case "reject" -> BadRecordPolicy.REJECT;
        default -> throw new IllegalArgumentException("--bad-records must be skip or reject, got "
            + values.get("--bad-records"));
      };
      return new Options(values.get("--orders"), format, zone, Timestamps.parse(values.get("--as-of"), zone),
          Path.of(values.get("--out")), values.get("--master"), policy,
          Integer.parseInt(values.getOrDefault("--fraction-digits", "2")));
    }
  }
}
