package dev.userops.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userops.core.Accumulator;
import dev.userops.core.AccumulatorSpec;
import dev.userops.core.BadRecordException;
import dev.userops.core.UserOpsJson;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.summary.OrderSummary;
import dev.userops.core.summary.OrderSummaryAccumulator;
import dev.userops.core.summary.OrderSummarySpec;
import dev.userops.retention.active.ActiveUsers;
import dev.userops.retention.active.ActiveUsersAccumulator;
import dev.userops.retention.active.ActiveUsersSpec;
import dev.userops.retention.clv.ClvSummary;
import dev.userops.retention.clv.ClvSummaryAccumulator;
import dev.userops.retention.clv.ClvSummarySpec;
import dev.userops.retention.cohort.RetentionAccumulator;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.retention.repurchase.RepurchaseAccumulator;
import dev.userops.retention.repurchase.RepurchaseResult;
import dev.userops.retention.repurchase.RepurchaseSpec;
import dev.userops.retention.value.LtvAccumulator;
import dev.userops.retention.value.LtvResult;
import dev.userops.retention.value.LtvSpec;
import dev.userops.retention.winback.WinBackAccumulator;
import dev.userops.retention.winback.WinBackResult;
import dev.userops.retention.winback.WinBackSpec;
import dev.userops.segmentation.rfm.RfmAccumulator;
import dev.userops.segmentation.rfm.RfmFeatures;
import dev.userops.segmentation.rfm.RfmSpec;
import dev.userops.segmentation.tags.TagCountSpec;
import dev.userops.segmentation.tags.TagCounter;
import dev.userops.segmentation.tags.TagCounts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One accumulator family as Spark sees it: the SQL name, how its spec is read, which input columns
 * one row carries and how they feed the accumulator, and the result as JSON. An enum, so a
 * serialized aggregator carries only the constant's name to the executors.
 */
enum Family {
  ORDER_SUMMARY("order_summary", OrderSummaryAccumulator.class, Input.ORDER, OrderSummarySpec::fromJson,
      spec -> ((OrderSummarySpec) spec).toJson(), new Adder<>(OrderSummary.class, OrderSummary::plus)) {
    @Override
    void add(Accumulator<?, ?> accumulator, Row row, int[] columns, long userId) {
      ((OrderSummaryAccumulator) accumulator).add(order(row, columns, userId));
    }

    @Override
    String resultJson(Object result) {
      return ((OrderSummary) result).toJson();
    }
  },
  RFM("rfm", RfmAccumulator.class, Input.ORDER, RfmSpec::fromJson,
      spec -> ((RfmSpec) spec).toJson()) {
    @Override
    void add(Accumulator<?, ?> accumulator, Row row, int[] columns, long userId) {
      ((RfmAccumulator) accumulator).add(order(row, columns, userId));
    }

    @Override
    String resultJson(Object result) {
      return rfmJson((RfmFeatures) result);
    }
  },
  REPURCHASE("repurchase", RepurchaseAccumulator.class, Input.ORDER, RepurchaseSpec::fromJson,
      spec -> ((RepurchaseSpec) spec).toJson(), new Adder<>(RepurchaseResult.class, RepurchaseResult::plus)) {
    @Override
    void add(Accumulator<?, ?> accumulator, Row row, int[] columns, long userId) {
      ((RepurchaseAccumulator) accumulator).add(order(row, columns, userId));
    }

    @Override
    String resultJson(Object result) {
      return ((RepurchaseResult) result).toJson();
    }
  },
  LTV("ltv", LtvAccumulator.class, Input.ORDER, LtvSpec::fromJson,
      spec -> ((LtvSpec) spec).toJson(), new Adder<>(LtvResult.class, LtvResult::plus)) {
    @Override
    void add(Accumulator<?, ?> accumulator, Row row, int[] columns, long userId) {
      ((LtvAccumulator) accumulator).add(order(row, columns, userId));
    }

    @Override
    String resultJson(Object result) {
      return ((LtvResult) result).toJson();
    }
  },
  CLV_SUMMARY("clv_summary", ClvSummaryAccumulator.class, Input.ORDER, ClvSummarySpec::fromJson,
      spec -> ((ClvSummarySpec) spec).toJson()) {
    @Override
    void add(Accumulator<?, ?> accumulator, Row row, int[] columns, long userId) {
      ((ClvSummaryAccumulator) accumulator).add(order(row, columns, userId));
    }

    @Override
    String resultJson(Object result) {
      return ((ClvSummary) result).toJson();
    }
  },
  RETENTION("retention", RetentionAccumulator.class, Input.EVENT, RetentionSpec::fromJson,
      spec -> ((RetentionSpec) spec).toJson(), new Adder<>(RetentionMatrix.class, RetentionMatrix::plus)) {
    @Override
    void add(Accumulator<?, ?> accumulator, Row row, int[] columns, long userId) {
      RetentionAccumulator retention = (RetentionAccumulator) accumulator;
      String event = readsEvent(retention.spec()) ? required(row, columns[2], String.class) : null;
      retention.add(userId, millis(row, columns), event);
    }

    @Override
    boolean reads(String column, AccumulatorSpec<?, ?> spec) {
      return !column.equals("event") || readsEvent((RetentionSpec) spec);
    }

    @Override
    String resultJson(Object result) {
      return ((RetentionMatrix) result).toJson();
    }
  },
  ACTIVE_USERS("active_users", ActiveUsersAccumulator.class, Input.ACTIVITY, ActiveUsersSpec::fromJson,
      spec -> ((ActiveUsersSpec) spec).toJson(), new Adder<>(ActiveUsers.class, ActiveUsers::plus)) {
    @Override
    void add(Accumulator<?, ?> accumulator, Row row, int[] columns, long userId) {
      ((ActiveUsersAccumulator) accumulator).add(userId, millis(row, columns));
    }

    @Override
    String resultJson(Object result) {
      return ((ActiveUsers) result).toJson();
    }
  },
  WIN_BACK("win_back", WinBackAccumulator.class, Input.ACTIVITY, WinBackSpec::fromJson,
      spec -> ((WinBackSpec) spec).toJson(), new Adder<>(WinBackResult.class, WinBackResult::plus)) {
    @Override
    void add(Accumulator<?, ?> accumulator, Row row, int[] columns, long userId) {
      ((WinBackAccumulator) accumulator).add(userId, millis(row, columns));
    }

    @Override
    String resultJson(Object result) {
      return ((WinBackResult) result).toJson();
    }
  },
  TAG_COUNTS("tag_counts", TagCounter.class, Input.PROFILE, TagCountSpec::fromJson,
      spec -> ((TagCountSpec) spec).toJson()) {
    @Override
    void add(Accumulator<?, ?> accumulator, Row row, int[] columns) {
      add(accumulator, row, columns, 0);
    }

    /** Profiles have no user id: {@code userId} is not read. */
    @Override
    void add(Accumulator<?, ?> accumulator, Row row, int[] columns, long userId) {
      String profile = required(row, columns[0], String.class);
      try {
        ((TagCounter) accumulator).add(PROFILES.readTree(profile));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("profile: expected a JSON object in row " + row, e);
      }
    }

    @Override
    String resultJson(Object result) {
      return ((TagCounts) result).toJson();
    }
  };

  /** Reads {@code tag_counts} profiles with the library's JSON conventions. */
  private static final ObjectMapper PROFILES = UserOpsJson.mapper();

  /**
   * Reads results back from their {@code toJson}: the values a result derives on request (rates,
   * ratios) are written too and are skipped, as its components give them again; never set through
   * their getters.
   */
  private static final ObjectMapper RESULTS = resultReader();

  /** The input columns of a family, in the order the SQL functions take them after the spec. */
  enum Input {
    ORDER("user_id", "occurred_at", "amount_minor", "status", "order_id"),
    EVENT("user_id", "occurred_at", "event"),
    ACTIVITY("user_id", "occurred_at"),
    PROFILE("profile");

    final List<String> columns;

    Input(String... columns) {
      this.columns = List.of(columns);
    }
  }

  /** The column holding the spec JSON in the SQL functions' input rows. */
  static final String SPEC_COLUMN = "spec";

  final String sqlName;
  final Class<? extends Accumulator<?, ?>> accumulatorType;
  final Input input;
  private final Function<String, ? extends AccumulatorSpec<?, ?>> specFromJson;
  private final Function<AccumulatorSpec<?, ?>, String> specToJson;
  /** How results add, for {@link UserOpsSpark#aggregateByUser}; {@code null} when they do not. */
  private final Adder<?> adder;

  Family(
      String sqlName,
      Class<? extends Accumulator<?, ?>> accumulatorType,
      Input input,
      Function<String, ? extends AccumulatorSpec<?, ?>> specFromJson,
      Function<AccumulatorSpec<?, ?>, String> specToJson) {
    this(sqlName, accumulatorType, input, specFromJson, specToJson, null);
  }

  Family(
      String sqlName,
      Class<? extends Accumulator<?, ?>> accumulatorType,
      Input input,
      Function<String, ? extends AccumulatorSpec<?, ?>> specFromJson,
      Function<AccumulatorSpec<?, ?>, String> specToJson,
      Adder<?> adder) {
    this.sqlName = sqlName;
    this.specToJson = specToJson;
    this.accumulatorType = accumulatorType;
    this.input = input;
    this.specFromJson = specFromJson;
    this.adder = adder;
  }

  /** Feeds one input row; {@code columns} are the row's indexes of {@link #input}'s columns. */
  void add(Accumulator<?, ?> accumulator, Row row, int[] columns) {
    add(accumulator, row, columns, userId(row, columns));
  }

  /** Feeds one input row as the user with dense id {@code userId}, whatever its {@code user_id}. */
  abstract void add(Accumulator<?, ?> accumulator, Row row, int[] columns, long userId);

  /**
   * {@code result} plus the result written as {@code json}, of the same spec over users that are
   * not in {@code result}: for the families whose results add ({@link #addsResults()}).
   */
  Object plus(Object result, String json) {
    if (adder == null) {
      throw new UnsupportedOperationException(sqlName + " results do not add");
    }
    return adder.plus(result, json);
  }

  /** Whether results of disjoint users add up, so {@link UserOpsSpark#aggregateByUser} can run it. */
  boolean addsResults() {
    return adder != null;
  }

  /** A result type whose {@code plus} adds the results of disjoint users. */
  private record Adder<R>(Class<R> type, BinaryOperator<R> plus) {
    Object plus(Object result, String json) {
      return plus.apply(type.cast(result), readResult(json, type));
    }
  }

  /** The family's result as the JSON its own {@code toJson} writes. */
  abstract String resultJson(Object result);

  /**
   * Whether {@link #add} reads {@code column}, one of {@link #input}'s, under {@code spec}; a column
   * it does not read may hold nulls.
   */
  boolean reads(String column, AccumulatorSpec<?, ?> spec) {
    return true;
  }

  /** A retention spec with "any event" for both start and return never compares event names. */
  private static boolean readsEvent(RetentionSpec spec) {
    return !spec.startEvents().isEmpty() || !spec.returnEvents().isEmpty();
  }

  /**
   * {@code rows} narrowed to what {@link #add} reads under {@code spec}, by name: handing a row to
   * Java costs per field, most for strings and timestamps. A {@code TIMESTAMP} {@code occurred_at}
   * becomes epoch milliseconds (the same instant whatever the session time zone; a long costs less
   * than a {@link Timestamp}), and a column the spec does not read becomes a null literal.
   */
  Dataset<Row> narrow(Dataset<Row> rows, AccumulatorSpec<?, ?> spec) {
    List<Column> columns = new ArrayList<>();
    for (String name : input.columns) {
      Column column = rows.col(name);
      if (!reads(name, spec)) {
        column = functions.lit(null).cast(rows.schema().apply(name).dataType());
      } else if (name.equals("occurred_at") && rows.schema().apply(name).dataType() == DataTypes.TimestampType) {
        column = functions.unix_millis(column);
      }
      columns.add(column.as(name));
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  AccumulatorSpec<?, ?> spec(String json) {
    return specFromJson.apply(json);
  }

  String toJson(AccumulatorSpec<?, ?> spec) {
    return specToJson.apply(spec);
  }

  private static ObjectMapper resultReader() {
    ObjectMapper mapper = UserOpsJson.mapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return mapper.setConfig(mapper.getDeserializationConfig().without(MapperFeature.USE_GETTERS_AS_SETTERS));
  }

  /** A result of this family's type from the JSON a partition wrote with {@link #resultJson}. */
  static <R> R readResult(String json, Class<R> type) {
    try {
      return RESULTS.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a partition's " + type.getSimpleName() + " back", e);
    }
  }

  /** The family whose accumulators {@code spec} makes. */
  static Family of(AccumulatorSpec<?, ?> spec) {
    Accumulator<?, ?> accumulator = spec.newAccumulator();
    for (Family family : values()) {
      if (family.accumulatorType.isInstance(accumulator)) {
        return family;
      }
    }
    throw new IllegalArgumentException("no Spark adapter for " + spec.getClass().getSimpleName());
  }

  /** Reads an accumulator's versioned bytes, which must hold this family. */
  Accumulator<?, ?> fromBytes(byte[] bytes) {
    Accumulator<?, ?> accumulator = Accumulator.fromBytes(bytes);
    if (!accumulatorType.isInstance(accumulator)) {
      throw new IllegalArgumentException("userops_" + sqlName + ": expected a state of "
          + accumulatorType.getSimpleName() + ", got one of " + accumulator.getClass().getSimpleName());
    }
    return accumulator;
  }

  /** The SQL functions' input: the spec JSON, then the family's columns. */
  StructType sqlInput() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(SPEC_COLUMN, DataTypes.StringType, false));
    for (String column : input.columns) {
      fields.add(DataTypes.createStructField(column, columnType(column), true));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType columnType(String column) {
    return switch (column) {
      case "user_id", "amount_minor" -> DataTypes.LongType;
      case "occurred_at" -> DataTypes.TimestampType;
      default -> DataTypes.StringType;
    };
  }

  /** The order of a row of {@link Input#ORDER} columns, with {@code userId} for its user. */
  static Order order(Row row, int[] columns, long userId) {
    return new Order(
        required(row, columns[4], String.class),
        userId,
        Instant.ofEpochMilli(millis(row, columns)),
        required(row, columns[2], Number.class).longValue(),
        status(row, columns[3]),
        null);
  }

  /** The order status at {@code index}, in any case and with surrounding blanks. */
  static OrderStatus status(Row row, int index) {
    return OrderStatus.valueOf(required(row, index, String.class).trim().toUpperCase(Locale.ROOT));
  }

  private static long userId(Row row, int[] columns) {
    return required(row, columns[0], Number.class).longValue();
  }

  /**
   * Event time as epoch milliseconds, from a {@code TIMESTAMP} or from a {@code BIGINT} of epoch
   * milliseconds ({@link #narrow}'s). A Spark {@code TIMESTAMP} is an instant, so the session time
   * zone never enters: calendar logic uses the spec's zone only.
   */
  static long millis(Row row, int[] columns) {
    Object time = required(row, columns[1], Object.class);
    if (time instanceof Long epochMillis) {
      return epochMillis;
    }
    if (time instanceof Timestamp timestamp) {
      return timestamp.getTime();
    }
    if (time instanceof Instant instant) {
      return instant.toEpochMilli();
    }
    throw new IllegalArgumentException(
        "occurred_at: expected a TIMESTAMP or BIGINT epoch milliseconds, got " + time.getClass().getSimpleName() + " " + time);
  }

  /** The value at {@code index}; a null fails naming the column and the row. */
  static <T> T required(Row row, int index, Class<T> type) {
    Object value = row.get(index);
    if (value == null) {
      throw new IllegalArgumentException(
          "column " + row.schema().fields()[index].name() + " is null in row " + row);
    }
    return type.cast(value);
  }

  /**
   * A bad record under {@code REJECT}, named by its row: the accumulator's record index counts rows
   * of one partition only, which Spark does not expose.
   */
  IllegalArgumentException badRow(Row row, BadRecordException e) {
    return new IllegalArgumentException("userops_" + sqlName + ": bad record " + row + ": " + e.getMessage(), e);
  }

  /** The row indexes of this family's input columns, by name. */
  int[] columnIndexes(Row row) {
    int[] indexes = new int[input.columns.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = row.fieldIndex(input.columns.get(i));
    }
    return indexes;
  }

  private static String rfmJson(RfmFeatures features) {
    List<Map<String, Long>> users = new ArrayList<>(features.size());
    for (int i = 0; i < features.size(); i++) {
      Map<String, Long> user = new LinkedHashMap<>();
      user.put("userId", features.userId(i));
      user.put("recencyDays", features.recencyDays(i));
      user.put("frequency", features.frequency(i));
      user.put("monetaryMinor", features.monetaryMinor(i));
      user.put("spendMinor", features.spendMinor(i));
      users.add(user);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("users", users);
    json.put("diagnostics", features.diagnostics());
    try {
      return UserOpsJson.mapper().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write RFM features as JSON", e);
    }
  }
}
