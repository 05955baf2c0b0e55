package dev.userops.spark;

import dev.userops.core.Accumulator;
import dev.userops.core.AccumulatorSpec;
import dev.userops.core.summary.OrderSummarySpec;
import dev.userops.retention.active.ActiveUsersSpec;
import dev.userops.retention.clv.ClvSummarySpec;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.retention.repurchase.RepurchaseSpec;
import dev.userops.retention.value.LtvSpec;
import dev.userops.retention.winback.WinBackSpec;
import dev.userops.segmentation.rfm.RfmSpec;
import dev.userops.segmentation.tags.TagCountSpec;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The UserOps accumulators on Spark: typed {@link Aggregator}s over a {@code Dataset<Row>}, SQL
 * functions, and per-user features computed partition by partition.
 *
 * <p>Input columns, by name: orders ({@code order_summary}, {@code rfm}, {@code repurchase}, {@code
 * ltv}, {@code clv_summary}) have {@code user_id BIGINT, occurred_at TIMESTAMP, amount_minor BIGINT,
 * status STRING, order_id STRING} (status {@code paid}, {@code cancelled} or {@code refunded}, any
 * case); {@code retention} has {@code user_id, occurred_at, event STRING}; {@code active_users} and
 * {@code win_back} have {@code user_id, occurred_at}; {@code tag_counts} has {@code profile STRING}
 * (one user's attributes as a JSON object). Other columns are ignored. A null in one of
 * them fails the query with the row. The aggregators also take {@code occurred_at} as {@code
 * BIGINT} epoch milliseconds. Families that index users in arrays (all but the order summary) take
 * dense {@code user_id}s in {@code [0, 2^31)}, as the accumulators do; {@link #rfmFeatures} and
 * {@link #aggregateByUser} take any {@code BIGINT} or {@code STRING} ids.
 *
 * <p>Time: {@code occurred_at} is an instant, and all calendar logic uses the spec's zone and
 * {@code asOf}; {@code spark.sql.session.timeZone} never changes a result.
 */
public final class UserOpsSpark {
  private UserOpsSpark() {}

  /**
   * The order summary, as the JSON of {@link dev.userops.core.summary.OrderSummary#toJson()}.
   *
   * @param spec the summary's spec
   * @return an aggregator of order rows; {@code .toColumn()} selects it
   * @throws NullPointerException if {@code spec} is null
   */
  public static Aggregator<Row, ?, String> orderSummary(OrderSummarySpec spec) {
    return result(spec);
  }

  /**
   * RFM features of every user in one result, as JSON: {@code users} (each with {@code userId,
   * recencyDays, frequency, monetaryMinor, spendMinor}, ascending by user id) and {@code
   * diagnostics}. The one buffer holds every user (16 bytes each); for many users prefer {@link
   * #rfmFeatures}, which never does.
   *
   * @param spec the RFM spec
   * @return an aggregator of order rows
   * @throws NullPointerException if {@code spec} is null
   */
  public static Aggregator<Row, ?, String> rfm(RfmSpec spec) {
    return result(spec);
  }

  /**
   * The retention matrix, as the JSON of {@link dev.userops.retention.cohort.RetentionMatrix#toJson()}.
   *
   * @param spec the matrix's spec
   * @return an aggregator of event rows
   * @throws NullPointerException if {@code spec} is null
   */
  public static Aggregator<Row, ?, String> retention(RetentionSpec spec) {
    return result(spec);
  }

  /**
   * Daily, weekly and monthly active users, as the JSON of {@link
   * dev.userops.retention.active.ActiveUsers#toJson()}.
   *
   * @param spec the days reported
   * @return an aggregator of activity rows
   * @throws NullPointerException if {@code spec} is null
   */
  public static Aggregator<Row, ?, String> activeUsers(ActiveUsersSpec spec) {
    return result(spec);
  }

  /**
   * Repurchase rates, as the JSON of {@link dev.userops.retention.repurchase.RepurchaseResult#toJson()}.
   *
   * @param spec the repurchase spec
   * @return an aggregator of order rows
   * @throws NullPointerException if {@code spec} is null
   */
  public static Aggregator<Row, ?, String> repurchase(RepurchaseSpec spec) {
    return result(spec);
  }

  /**
   * Silent, lost and won-back users, as the JSON of {@link
   * dev.userops.retention.winback.WinBackResult#toJson()}.
   *
   * @param spec the win-back spec
   * @return an aggregator of activity rows
   * @throws NullPointerException if {@code spec} is null
   */
  public static Aggregator<Row, ?, String> winBack(WinBackSpec spec) {
    return result(spec);
  }

  /**
   * Cohort lifetime value, as the JSON of {@link dev.userops.retention.value.LtvResult#toJson()}.
   *
   * @param spec the cohorts' spec
   * @return an aggregator of order rows
   * @throws NullPointerException if {@code spec} is null
   */
  public static Aggregator<Row, ?, String> ltv(LtvSpec spec) {
    return result(spec);
  }

  /**
   * The customer-value summary, as the JSON of {@link dev.userops.retention.clv.ClvSummary#toJson()}.
   *
   * @param spec the calibration spec
   * @return an aggregator of order rows
   * @throws NullPointerException if {@code spec} is null
   */
  public static Aggregator<Row, ?, String> clvSummary(ClvSummarySpec spec) {
    return result(spec);
  }

  /**
   * Users per tag, as the JSON of {@link dev.userops.segmentation.tags.TagCounts#toJson()}.
   *
   * @param spec the tag catalog to evaluate
   * @return an aggregator of rows with a {@code profile} column: one user's attributes as a JSON
   *     object string per row
   * @throws NullPointerException if {@code spec} is null
   */
  public static Aggregator<Row, ?, String> tagCounts(TagCountSpec spec) {
    return result(spec);
  }

  /**
   * The accumulator of any supported family as its versioned bytes, to store and merge later (with
   * {@code userops_<family>_merge}, or {@link Accumulator#fromBytes(byte[])} and {@code merge}).
   *
   * @param spec a spec of a family listed in the class description
   * @return an aggregator of rows giving {@link Accumulator#toByteArray()}
   * @throws NullPointerException if {@code spec} is null
   * @throws IllegalArgumentException if the spec's family has no adapter
   */
  public static Aggregator<Row, ?, byte[]> state(AccumulatorSpec<?, ?> spec) {
    return RowAggregator.state(Family.of(spec), json(spec));
  }

  /**
   * Runs {@code spec}'s accumulator over {@code rows} and returns its result on the driver: the
   * partial accumulators of the partitions travel as versioned bytes and are merged. Only the
   * family's columns that the spec reads reach Java, {@code occurred_at} as epoch milliseconds; a
   * retention spec whose start and return events are both "any event" does not read {@code event}.
   *
   * @param <A> the accumulator type
   * @param <R> the result type
   * @param rows the input rows, with the family's columns
   * @param spec the spec
   * @return the result, equal to one accumulator fed every row; the empty result for no rows
   * @throws NullPointerException if an argument is null
   */
  public static <A extends Accumulator<A, R>, R> R aggregate(Dataset<Row> rows, AccumulatorSpec<A, R> spec) {
    Objects.requireNonNull(rows, "rows");
    byte[] bytes = Family.of(spec).narrow(rows, spec).select(state(spec).toColumn()).first();
    return spec.accumulatorFromBytes(bytes).result();
  }

  /**
   * RFM features per user as rows, in two stages. First each input partition runs its own
   * accumulator, with dense ids from a dictionary of its own users, and emits one partial state per
   * user (latest order time, orders, spend); only those are shuffled by {@code user_id}, and each
   * partition then merges its users' states in an accumulator of its own. No buffer ever holds the
   * users of more than one partition, and {@code user_id} may be any {@code BIGINT} or {@code
   * STRING}. Under {@link RfmSpec.Frequency#PURCHASE_DAYS}, whose state per user holds its purchase
   * days, the orders themselves are shuffled by user instead and feed one stage.
   *
   * <p>Bad-record counts are not returned; under the spec's {@code REJECT} policy a bad order fails
   * the query.
   *
   * @param orders order rows, with the columns listed in the class description but {@code order_id},
   *     which RFM does not read
   * @param spec the RFM spec
   * @return one row per user with a valid order: {@code user_id} (the input's type), {@code
   *     recency_days, frequency, monetary_minor, spend_minor} (all {@code BIGINT})
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code user_id} is neither {@code BIGINT} nor {@code STRING}
   */
  public static Dataset<Row> rfmFeatures(Dataset<Row> orders, RfmSpec spec) {
    DataType userIdType = orders.schema().apply("user_id").dataType();
    // Fails on the driver, before any task, for an id type the dictionaries do not take.
    PartitionUsers.of(userIdType);
    String specJson = json(spec);
    // Only what RfmByUser reads: handing a row's fields to Java costs per field, most for strings,
    // and every column read costs Spark its decoding even where a row then ignores it. The time as
    // epoch milliseconds (an instant whatever the session time zone) costs less than a
    // java.sql.Timestamp. A status spelled exactly "paid" or "PAID" is a flag; the status reaches
    // Java only for the other rows, which Family.status reads by its own rules. No order id: RFM
    // does not read it.
    Column status = orders.col("status");
    Column paid = status.isin("paid", "PAID");
    Dataset<Row> input = orders.select(
        orders.col("user_id"),
        functions.unix_millis(orders.col("occurred_at")).as("occurred_at"),
        orders.col("amount_minor"),
        functions.when(paid, null).otherwise(status).as("status"),
        paid.as("paid"));
    Encoder<Row> features = Encoders.row(RfmByUser.features(userIdType));
    if (spec.frequency() == RfmSpec.Frequency.PURCHASE_DAYS) {
      return input.repartition(input.col("user_id")).mapPartitions(RfmByUser.features(specJson, userIdType), features);
    }
    Dataset<Row> states = input.mapPartitions(RfmByUser.partials(specJson, userIdType),
        Encoders.row(RfmByUser.states(userIdType)));
    return states.repartition(states.col("user_id")).mapPartitions(RfmByUser.merged(specJson, userIdType), features);
  }

  /**
   * The result of {@code spec}'s accumulator in two stages, for any number of users: the rows are
   * partitioned by {@code user_id}, each partition's users get their own accumulator (dense ids
   * from a dictionary of that partition's users), and the partitions' results, which share no user,
   * are added on the driver ({@link RetentionMatrix#plus} and the like). No buffer holds the users
   * of more than one partition, the driver holds results only, and {@code user_id} may be any
   * {@code BIGINT} or {@code STRING}, where {@link #aggregate} merges every user's state into one
   * buffer and takes dense ids only. The cost: every row crosses the shuffle (the family's columns,
   * the time as epoch milliseconds).
   *
   * <p>Families: {@code order_summary}, {@code retention}, {@code active_users}, {@code repurchase},
   * {@code win_back}, {@code ltv}. Not the others: RFM features and the CLV summary hold every user,
   * and tag counts have no per-user state.
   *
   * @param <A> the accumulator type
   * @param <R> the result type
   * @param rows the input rows, with the family's columns
   * @param spec the spec
   * @return the result, equal to one accumulator fed every row (bad-record counts included); the
   *     empty result for no rows
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the family's results do not add, or {@code user_id} is
   *     neither {@code BIGINT} nor {@code STRING}
   */
  public static <A extends Accumulator<A, R>, R> R aggregateByUser(Dataset<Row> rows, AccumulatorSpec<A, R> spec) {
    Family family = Family.of(spec);
    if (!family.addsResults()) {
      throw new IllegalArgumentException(family.sqlName + ": results of disjoint users do not add; use aggregate");
    }
    DataType userIdType = rows.schema().apply("user_id").dataType();
    PartitionUsers.of(userIdType);
    Dataset<Row> input = family.narrow(rows, spec);
    List<String> partitions = input.repartition(input.col("user_id"))
        .mapPartitions(new ByUser(family, json(spec), userIdType), Encoders.STRING())
        .collectAsList();
    Object result = spec.newAccumulator().result();
    for (String partition : partitions) {
      result = family.plus(result, partition);
    }
    @SuppressWarnings("unchecked") // family.plus returns the family's result type, R
    R sum = (R) result;
    return sum;
  }

  /**
   * Registers, for every family ({@code order_summary}, {@code rfm}, {@code retention}, {@code
   * active_users}, {@code repurchase}, {@code win_back}, {@code ltv}, {@code clv_summary}, {@code
   * tag_counts}):
   *
   * <ul>
   *   <li>{@code userops_<family>_agg(spec, cols…)}: the result as a JSON string;
   *   <li>{@code userops_<family>_state(spec, cols…)}: the accumulator's versioned bytes, {@code BINARY};
   *   <li>{@code userops_<family>_merge(state)}: states merged into one, {@code BINARY};
   *   <li>{@code userops_<family>_result(state)}: a state's result as a JSON string.
   * </ul>
   *
   * <p>{@code spec} is the spec's JSON ({@code toJson()}), usually a literal; {@code cols…} are the
   * family's input columns in the order of the class description. Aggregates of no rows are {@code
   * NULL}, and so is the result of a {@code NULL} state.
   *
   * @param spark the session to register in; registering again replaces the functions
   * @throws NullPointerException if {@code spark} is null
   */
  public static void register(SparkSession spark) {
    for (Family family : Family.values()) {
      String prefix = "userops_" + family.sqlName;
      spark.udf().register(prefix + "_agg",
          functions.udaf(RowAggregator.result(family, null), Encoders.row(family.sqlInput())));
      spark.udf().register(prefix + "_state",
          functions.udaf(RowAggregator.state(family, null), Encoders.row(family.sqlInput())));
      spark.udf().register(prefix + "_merge", functions.udaf(new StateMerger(family), Encoders.BINARY()));
      spark.udf().register(prefix + "_result",
          (UDF1<byte[], String>) state -> state == null ? null : family.resultJson(family.fromBytes(state).result()),
          DataTypes.StringType);
    }
  }

  private static RowAggregator<String> result(AccumulatorSpec<?, ?> spec) {
    return RowAggregator.result(Family.of(spec), json(spec));
  }

  /** The spec's own JSON: every spec of an adapted family has {@code toJson()}. */
  private static String json(AccumulatorSpec<?, ?> spec) {
    Objects.requireNonNull(spec, "spec");
    return Family.of(spec).toJson(spec);
  }
}
