package dev.userops.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.Accumulator;
import dev.userops.core.AccumulatorSpec;
import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.summary.OrderSummary;
import dev.userops.core.summary.OrderSummaryAccumulator;
import dev.userops.core.summary.OrderSummarySpec;
import dev.userops.retention.active.ActiveUsersAccumulator;
import dev.userops.retention.active.ActiveUsersSpec;
import dev.userops.retention.clv.ClvSummaryAccumulator;
import dev.userops.retention.clv.ClvSummarySpec;
import dev.userops.retention.cohort.CohortMode;
import dev.userops.retention.cohort.RetentionAccumulator;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.retention.cohort.ReturnMode;
import dev.userops.retention.repurchase.RepurchaseAccumulator;
import dev.userops.retention.repurchase.RepurchaseSpec;
import dev.userops.retention.value.LtvAccumulator;
import dev.userops.retention.value.LtvSpec;
import dev.userops.retention.winback.WinBackAccumulator;
import dev.userops.retention.winback.WinBackSpec;
import dev.userops.segmentation.rfm.RfmAccumulator;
import dev.userops.segmentation.rfm.RfmFeatures;
import dev.userops.segmentation.rfm.RfmSpec;
import dev.userops.segmentation.tags.TagCatalog;
import dev.userops.segmentation.tags.TagCountSpec;
import dev.userops.segmentation.tags.TagCounts;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every family by every Spark path (typed aggregator, SQL {@code _agg}, daily {@code _state} rolled
 * up with {@code _merge} and read with {@code _result}) equals one single-machine accumulator fed
 * the same rows, on seeded random data in random partitions; also with the object-hash aggregate's
 * sort-based fallback after two keys (buffers serialized) and in another session time zone.
 */
class SparkAdapterIT {
  private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  private static final StructType ORDERS = new StructType()
      .add("order_id", DataTypes.StringType)
      .add("user_id", DataTypes.LongType)
      .add("occurred_at", DataTypes.TimestampType)
      .add("amount_minor", DataTypes.LongType)
      .add("status", DataTypes.StringType);
  private static final StructType EVENTS = new StructType()
      .add("user_id", DataTypes.LongType)
      .add("occurred_at", DataTypes.TimestampType)
      .add("event", DataTypes.StringType);

  private static SparkSession spark;
  private static final List<Order> orders = new ArrayList<>();
  private static final List<Row> events = new ArrayList<>();
  /** Profile JSON, region, age. */
  private static final List<Row> profiles = new ArrayList<>();
  private static Dataset<Row> orderRows;
  private static Dataset<Row> eventRows;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("SparkAdapterIT")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
    UserOpsSpark.register(spark);
    Random random = new Random(20260101);
    long from = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    long span = AS_OF.toEpochMilli() - from;
    OrderStatus[] statuses = {OrderStatus.PAID, OrderStatus.PAID, OrderStatus.PAID, OrderStatus.PAID,
        OrderStatus.PAID, OrderStatus.PAID, OrderStatus.PAID, OrderStatus.CANCELLED, OrderStatus.REFUNDED};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Order order = Order.of("o" + i, random.nextInt(300), Instant.ofEpochMilli(from + (long) (random.nextDouble() * span)),
          random.nextInt(20_000), statuses[random.nextInt(statuses.length)]);
      orders.add(order);
      rows.add(RowFactory.create(order.orderId(), order.userId(), Timestamp.from(order.occurredAt()),
          order.amountMinor(), order.status().name().toLowerCase(Locale.ROOT)));
    }
    for (int i = 0; i < 4000; i++) {
      events.add(RowFactory.create((long) random.nextInt(400), new Timestamp(from + (long) (random.nextDouble() * span)),
          random.nextInt(3) == 0 ? "signup" : "visit"));
    }
    for (int i = 0; i < 500; i++) {
      String region = random.nextBoolean() ? "CN-SH" : "CN-BJ";
      int age = 10 + random.nextInt(50);
      profiles.add(RowFactory.create("{\"region\":\"" + region + "\",\"age\":" + age + "}", region, age));
    }
    spark.createDataFrame(profiles, new StructType().add("profile", DataTypes.StringType)
            .add("region", DataTypes.StringType).add("age", DataTypes.IntegerType))
        .repartition(3).createOrReplaceTempView("profiles");
    orderRows = spark.createDataFrame(rows, ORDERS).repartition(3 + random.nextInt(5));
    eventRows = spark.createDataFrame(events, EVENTS).repartition(3 + random.nextInt(5));
    orderRows.createOrReplaceTempView("orders");
    eventRows.createOrReplaceTempView("events");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @AfterEach
  void resetConf() {
    spark.conf().unset("spark.sql.objectHashAggregate.sortBased.fallbackThreshold");
    spark.conf().unset("spark.sql.session.timeZone");
  }

  /** A family's spec, its SQL columns and the single-machine answer. */
  record Case(String family, AccumulatorSpec<?, ?> spec, String specJson, String table, String columns,
      Object expected) {
    @Override
    public String toString() {
      return family;
    }
  }

  static List<Case> cases() {
    String orderColumns = "user_id, occurred_at, amount_minor, status, order_id";
    List<Case> cases = new ArrayList<>();
    OrderSummarySpec summary = OrderSummarySpec.of(ZONE);
    cases.add(orderCase("order_summary", summary, summary.toJson(), orderColumns, OrderSummaryAccumulator::add));
    RfmSpec rfm = RfmSpec.of(ZONE, AS_OF);
    cases.add(orderCase("rfm", rfm, rfm.toJson(), orderColumns, RfmAccumulator::add));
    RepurchaseSpec repurchase = RepurchaseSpec.of(ZONE, AS_OF);
    cases.add(orderCase("repurchase", repurchase, repurchase.toJson(), orderColumns, RepurchaseAccumulator::add));
    LtvSpec ltv = LtvSpec.of(ZONE, AS_OF, Granularity.MONTH, 6);
    cases.add(orderCase("ltv", ltv, ltv.toJson(), orderColumns, LtvAccumulator::add));
    ClvSummarySpec clv = ClvSummarySpec.of(ZONE, LocalDate.of(2025, 9, 30));
    cases.add(orderCase("clv_summary", clv, clv.toJson(), orderColumns, ClvSummaryAccumulator::add));

    RetentionSpec retention = RetentionSpec.builder().granularity(Granularity.MONTH).zone(ZONE)
        .from(LocalDate.of(2025, 1, 1)).to(LocalDate.of(2025, 12, 31)).asOf(AS_OF).intervals(6)
        .startEvents(List.of("signup")).build();
    RetentionAccumulator retained = retention.newAccumulator();
    events.forEach(e -> retained.add(e.getLong(0), e.getTimestamp(1).getTime(), e.getString(2)));
    cases.add(new Case("retention", retention, retention.toJson(), "events", "user_id, occurred_at, event", retained.result()));
    ActiveUsersSpec active = ActiveUsersSpec.of(ZONE, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
    ActiveUsersAccumulator actives = active.newAccumulator();
    events.forEach(e -> actives.add(e.getLong(0), e.getTimestamp(1).getTime()));
    cases.add(new Case("active_users", active, active.toJson(), "events", "user_id, occurred_at", actives.result()));
    WinBackSpec winBack = WinBackSpec.of(ZONE, LocalDate.of(2025, 7, 1), AS_OF, 30, 90);
    WinBackAccumulator wonBack = winBack.newAccumulator();
    events.forEach(e -> wonBack.add(e.getLong(0), e.getTimestamp(1).getTime()));
    cases.add(new Case("win_back", winBack, winBack.toJson(), "events", "user_id, occurred_at", wonBack.result()));
    // Expected counts by plain Java over the profiles' fields, not by the library's evaluation.
    TagCountSpec tags = TagCountSpec.of(TagCatalog.fromJson("{\"version\":1,\"tags\":["
        + "{\"id\":\"sh\",\"condition\":{\"region\":\"CN-SH\"}},"
        + "{\"id\":\"adult\",\"condition\":{\"age\":{\"$gte\":18}}}]}"));
    long shanghai = profiles.stream().filter(p -> p.getString(1).equals("CN-SH")).count();
    long adults = profiles.stream().filter(p -> p.getInt(2) >= 18).count();
    cases.add(new Case("tag_counts", tags, tags.toJson(), "profiles", "profile",
        new TagCounts(profiles.size(), Map.of("sh", shanghai, "adult", adults))));
    return cases;
  }

  private static <A extends Accumulator<A, ?>> Case orderCase(
      String family, AccumulatorSpec<A, ?> spec, String json, String columns, BiConsumer<A, Order> add) {
    A expected = spec.newAccumulator();
    orders.forEach(order -> add.accept(expected, order));
    return new Case(family, spec, json, "orders", columns, expected.result());
  }

  static Stream<Arguments> casesAndSettings() {
    List<Arguments> arguments = new ArrayList<>();
    for (Case c : cases()) {
      arguments.add(Arguments.of(c, Map.of()));
      arguments.add(Arguments.of(c, Map.of("spark.sql.objectHashAggregate.sortBased.fallbackThreshold", "2",
          "spark.sql.session.timeZone", "America/Los_Angeles")));
    }
    return arguments.stream();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("casesAndSettings")
  void everyPathEqualsOneAccumulator(Case c, Map<String, String> settings) {
    settings.forEach(spark.conf()::set);
    String expected = Family.of(c.spec()).resultJson(c.expected());
    Dataset<Row> input = spark.table(c.table());

    assertThat(UserOpsSpark.aggregate(input, (AccumulatorSpec) c.spec())).isEqualTo(c.expected());
    assertThat(input.select(RowAggregator.result(Family.of(c.spec()), c.specJson()).toColumn()).first())
        .isEqualTo(expected);
    Map<String, Object> spec = Map.of("spec", c.specJson());
    String agg = spark.sql("SELECT userops_" + c.family() + "_agg(:spec, " + c.columns() + ") FROM " + c.table(), spec)
        .first().getString(0);
    assertThat(agg).isEqualTo(expected);

    // A day's states stored, then rolled up: equal to the single pass (profiles: one state per age).
    String key = c.table().equals("profiles") ? "age" : "to_date(occurred_at)";
    spark.sql("SELECT " + key + " AS day, userops_" + c.family() + "_state(:spec, " + c.columns()
        + ") AS state FROM " + c.table() + " GROUP BY " + key, spec)
        .createOrReplaceTempView("daily_states");
    assertThat(spark.table("daily_states").count()).isGreaterThan(40);
    String rolledUp = spark.sql("SELECT userops_" + c.family() + "_result(userops_" + c.family()
        + "_merge(state)) FROM daily_states").first().getString(0);
    assertThat(rolledUp).isEqualTo(expected);
  }

  /** Under "any event" {@code aggregate} does not read the event column: nulls there change nothing. */
  @Test
  void retentionOfAnyEventDoesNotReadEventNames() {
    RetentionSpec anyEvent = RetentionSpec.builder().granularity(Granularity.MONTH).zone(ZONE)
        .from(LocalDate.of(2025, 1, 1)).to(LocalDate.of(2025, 12, 31)).asOf(AS_OF).intervals(6).build();
    RetentionAccumulator one = anyEvent.newAccumulator();
    events.forEach(e -> one.add(e.getLong(0), e.getTimestamp(1).getTime(), e.getString(2)));
    Dataset<Row> unnamed = eventRows.withColumn("event", functions.lit(null).cast(DataTypes.StringType));

    RetentionMatrix matrix = UserOpsSpark.aggregate(unnamed, anyEvent);

    assertThat(matrix).isEqualTo(one.result());
    assertThat(matrix.cohorts()).isNotEmpty();
  }

  static Stream<Arguments> rfmSpecsAndSettings() {
    RfmSpec spec = RfmSpec.of(ZONE, AS_OF);
    Map<String, String> fallbackElsewhere = Map.of("spark.sql.objectHashAggregate.sortBased.fallbackThreshold", "2",
        "spark.sql.session.timeZone", "America/Los_Angeles");
    return Stream.of(
        Arguments.of(spec, Map.of(), false),
        Arguments.of(spec.withMeasures(RfmSpec.Frequency.ORDERS, RfmSpec.Monetary.MEAN_PER_ORDER), fallbackElsewhere, true),
        Arguments.of(spec.withMeasures(RfmSpec.Frequency.PURCHASE_DAYS, RfmSpec.Monetary.TOTAL), fallbackElsewhere, false));
  }

  /**
   * Users' orders lie in several input partitions (round-robin), so the map side's partial states of
   * one user meet in the merge stage; under purchase days the orders themselves are shuffled.
   */
  @ParameterizedTest(name = "{0} {1} string ids {2}")
  @MethodSource("rfmSpecsAndSettings")
  void rfmFeaturesPerUserEqualOneAccumulator(RfmSpec spec, Map<String, String> settings, boolean stringIds) {
    settings.forEach(spark.conf()::set);
    RfmAccumulator one = spec.newAccumulator();
    orders.forEach(one::add);
    RfmFeatures expected = one.result();
    Set<List<Long>> expectedRows = new HashSet<>();
    for (int i = 0; i < expected.size(); i++) {
      expectedRows.add(List.of(expected.userId(i), expected.recencyDays(i), expected.frequency(i),
          expected.monetaryMinor(i), expected.spendMinor(i)));
    }
    // Sparse 64-bit ids, or strings: the per-partition dictionaries make them dense.
    Dataset<Row> sparse = orderRows.withColumn("user_id", orderRows.col("user_id").multiply(1_000_000_007L)
        .cast(stringIds ? DataTypes.StringType : DataTypes.LongType));
    Set<List<Long>> rows = new HashSet<>();
    for (Row row : UserOpsSpark.rfmFeatures(sparse, spec).collectAsList()) {
      long userId = stringIds ? Long.parseLong(row.getString(0)) : row.getLong(0);
      rows.add(List.of(userId / 1_000_000_007L, row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)));
    }
    assertThat(rows).hasSize(expected.size()).isEqualTo(expectedRows);
  }

  static Stream<Case> casesByUser() {
    return cases().stream().filter(c -> Family.of(c.spec()).addsResults());
  }

  /** Every family whose results add, by user partition, on sparse 64-bit ids. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  @ParameterizedTest(name = "{0}")
  @MethodSource("casesByUser")
  void aggregateByUserEqualsOneAccumulator(Case c) {
    Dataset<Row> rows = spark.table(c.table());
    Dataset<Row> sparse = rows.withColumn("user_id", rows.col("user_id").multiply(1_000_000_007L));

    assertThat(UserOpsSpark.aggregateByUser(sparse, (AccumulatorSpec) c.spec())).isEqualTo(c.expected());
  }

  @Test
  void aggregateByUserRefusesFamiliesWhoseResultsDoNotAdd() {
    assertThatThrownBy(() -> UserOpsSpark.aggregateByUser(orderRows, RfmSpec.of(ZONE, AS_OF)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rfm: results of disjoint users do not add; use aggregate");
  }

  static Stream<Arguments> retentionSpecsAndSettings() {
    RetentionSpec monthly = RetentionSpec.builder().granularity(Granularity.MONTH).zone(ZONE)
        .from(LocalDate.of(2025, 1, 1)).to(LocalDate.of(2025, 12, 31)).asOf(AS_OF).intervals(6)
        .startEvents(List.of("signup")).build();
    // Rolling weekly windows and recurring cohorts keep per-event state; skip counts the events
    // after asOf that the test adds.
    RetentionSpec rolling = RetentionSpec.builder().granularity(Granularity.WEEK).zone(ZONE)
        .from(LocalDate.of(2025, 3, 1)).to(LocalDate.of(2025, 8, 31)).asOf(AS_OF).intervals(8)
        .cohortMode(CohortMode.RECURRING).returnMode(ReturnMode.ON_OR_AFTER).window(WindowMode.ROLLING)
        .badRecords(BadRecordPolicy.SKIP_AND_COUNT).build();
    return Stream.of(
        Arguments.of(monthly, Map.of(), false),
        Arguments.of(rolling, Map.of("spark.sql.session.timeZone", "America/Los_Angeles"), true));
  }

  /** Events of sparse ids or strings, partitioned by user; the partitions' matrices add up. */
  @ParameterizedTest(name = "{0} {1} string ids {2}")
  @MethodSource("retentionSpecsAndSettings")
  void retentionByUserPartitionsEqualsOneAccumulator(RetentionSpec spec, Map<String, String> settings,
      boolean stringIds) {
    settings.forEach(spark.conf()::set);
    List<Row> rows = new ArrayList<>(events);
    int bad = spec.badRecords() == BadRecordPolicy.REJECT ? 0 : 7;
    for (int i = 0; i < bad; i++) {
      rows.add(RowFactory.create((long) i, Timestamp.from(AS_OF.plusSeconds(60 + i)), "visit"));
    }
    RetentionAccumulator one = spec.newAccumulator();
    rows.forEach(e -> one.add(e.getLong(0), e.getTimestamp(1).getTime(), e.getString(2)));
    Dataset<Row> input = spark.createDataFrame(rows, EVENTS).repartition(5);
    Dataset<Row> sparse = input.withColumn("user_id", input.col("user_id").multiply(1_000_000_007L)
        .cast(stringIds ? DataTypes.StringType : DataTypes.LongType));

    RetentionMatrix matrix = UserOpsSpark.aggregateByUser(sparse, spec);

    assertThat(matrix).isEqualTo(one.result());
    assertThat(matrix.diagnostics().totalSkipped()).isEqualTo(bad);
    assertThat(UserOpsSpark.aggregateByUser(sparse.limit(0), spec)).isEqualTo(spec.newAccumulator().result());
  }

  @Test
  void badRecordsUnderSkipAreCountedOverAllPartitionsAndUnderRejectFailTheQuery() {
    List<Order> withBad = new ArrayList<>(orders);
    for (int i = 0; i < 40; i++) {
      withBad.add(Order.of("bad" + i, i, i % 2 == 0 ? AS_OF.plusSeconds(3600) : AS_OF.minusSeconds(3600),
          i % 2 == 0 ? 100 : -100, OrderStatus.PAID));
    }
    List<Row> rows = new ArrayList<>();
    for (Order order : withBad) {
      rows.add(RowFactory.create(order.orderId(), order.userId(), Timestamp.from(order.occurredAt()),
          order.amountMinor(), order.status().name()));
    }
    Dataset<Row> input = spark.createDataFrame(rows, ORDERS).repartition(5);
    OrderSummarySpec skip = new OrderSummarySpec(ZONE, AS_OF, BadRecordPolicy.SKIP_AND_COUNT);
    OrderSummaryAccumulator one = skip.newAccumulator();
    withBad.forEach(one::add);

    OrderSummary result = UserOpsSpark.aggregate(input, skip);

    assertThat(result).isEqualTo(one.result());
    assertThat(result.diagnostics().skipped().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
    OrderSummarySpec reject = new OrderSummarySpec(ZONE, AS_OF, BadRecordPolicy.REJECT);
    assertThatThrownBy(() -> UserOpsSpark.aggregate(input, reject))
        .hasStackTraceContaining(BadRecordException.class.getSimpleName())
        .hasMessageMatching("(?s).*userops_order_summary: bad record \\[\\d+,\\d+,-?\\d+,PAID,bad\\d+\\].*");

    // rfmFeatures' map side: skipped bad orders leave the features of one accumulator; under
    // REJECT a bad paid order is named by user, time (epoch millis) and amount.
    RfmSpec rfmSkip = RfmSpec.of(ZONE, AS_OF).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    RfmAccumulator rfm = rfmSkip.newAccumulator();
    withBad.forEach(rfm::add);
    assertThat(UserOpsSpark.rfmFeatures(input, rfmSkip).count()).isEqualTo(rfm.result().size());
    assertThatThrownBy(() -> UserOpsSpark.rfmFeatures(input, RfmSpec.of(ZONE, AS_OF)).count())
        .hasStackTraceContaining(BadRecordException.class.getSimpleName())
        .hasMessageMatching("(?s).*userops_rfm: bad record \\[\\d+,\\d+,-?\\d+,null,true\\].*");
  }
}
