package dev.userops.spark.report;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.internal.Fields;
import dev.userops.core.internal.Timestamps;
import dev.userops.core.internal.Utf8;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one order row of Spark's CSV (or Parquet) reader by the rules of the command's readers
 * ({@link Fields}, {@link Timestamps}; fields in the order they read them: order id, user id, time,
 * amount, status), to either an order or the reason it is bad. Under {@code REJECT} a bad row fails
 * the job, naming its file and its fields: Spark's reader gives no line number.
 */
final class OrderScreen implements MapFunction<Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  /** What the screen gives for a row: an order, or its {@code reason} with the other columns null. */
  static final StructType OUTPUT = new StructType()
      .add("position", DataTypes.LongType, false)
      .add("user", DataTypes.StringType)
      .add("order_id", DataTypes.StringType)
      .add("occurred_at", DataTypes.TimestampType)
      .add("amount_minor", DataTypes.LongType)
      .add("status", DataTypes.StringType)
      .add("reason", DataTypes.StringType);

  /** The columns an order input must have; others are ignored. */
  static final String[] REQUIRED = {"user_id", "order_id", "occurred_at", "amount", "status"};
  /** Spark's column for a row it could not split into the header's fields. */
  static final String CORRUPT = "_corrupt_record";
  /** The file of a row, and its position in file order. */
  static final String FILE = "_file";
  static final String POSITION = "_position";

  private final ZoneId zone;
  private final int fractionDigits;
  private final BadRecordPolicy policy;
  private final boolean latin1;

  /**
   * A screen of rows read with {@code zone} and {@code fractionDigits} under {@code policy}.
   *
   * @param latin1 whether the rows' text fields hold bytes as ISO-8859-1 chars (the job's CSV
   *     reading), to be decoded as strict UTF-8; Parquet strings are already text
   */
  OrderScreen(ZoneId zone, int fractionDigits, BadRecordPolicy policy, boolean latin1) {
    this.zone = zone;
    this.fractionDigits = fractionDigits;
    this.policy = policy;
    this.latin1 = latin1;
  }

  @Override
  public Row call(Row row) {
    long position = row.getLong(row.fieldIndex(POSITION));
    if (hasCorrupt(row) && !row.isNullAt(row.fieldIndex(CORRUPT))) {
      String record = row.getString(row.fieldIndex(CORRUPT));
      if (record.chars().filter(c -> c == '"').count() % 2 == 1) {
        // As the command: the rest of the file is inside the quote, so no later row can be read.
        throw new IllegalArgumentException(row.getString(row.fieldIndex(FILE)) + ": row "
            + Fields.quote(Fields.cut(shown(record))) + ": malformed CSV: a quote opened in this row is never"
            + " closed, so the row runs to the end of the file");
      }
      return bad(row, position, "row", BadRecordReason.WRONG_FIELD_COUNT,
          "expected as many fields as the header, got " + Fields.quote(shown(record)));
    }
    try {
      checkEncoding(row);
      String orderId = field(row, "order_id", BadRecordReason.EMPTY_ID, value -> Fields.id(text(value)));
      String user = field(row, "user_id", BadRecordReason.EMPTY_ID, value -> Fields.id(text(value)));
      Instant at = field(row, "occurred_at", BadRecordReason.MALFORMED_TIMESTAMP, value ->
          value instanceof Timestamp timestamp ? timestamp.toInstant() : Timestamps.parse(text(value), zone));
      long amountMinor = field(row, "amount", BadRecordReason.MALFORMED_AMOUNT, value -> Fields.amountMinor(
          value instanceof BigDecimal decimal ? decimal.toPlainString() : text(value), fractionDigits));
      OrderStatus status = field(row, "status", BadRecordReason.MALFORMED_STATUS, value -> Fields.status(text(value)));
      return RowFactory.create(position, user, orderId, Timestamp.from(at), amountMinor, status.name(), null);
    } catch (BadField e) {
      return bad(row, position, e.field, e.reason, e.getMessage());
    }
  }

  /**
   * Checks, in column order, that each CSV field (read as ISO-8859-1, one char per byte) is UTF-8,
   * as the command's reader does: bytes that are not make the row {@code MALFORMED_ENCODING}, so
   * {@code caf\xE9} and {@code caf\xE8} never become one user. The fields a rule reads are decoded
   * there.
   */
  private void checkEncoding(Row row) {
    if (!latin1) {
      return;
    }
    for (int i = 0; i < row.length(); i++) {
      String name = row.schema().fields()[i].name();
      if (row.isNullAt(i) || name.equals(CORRUPT) || name.equals(FILE) || name.equals(POSITION)) {
        continue;
      }
      String field = row.getString(i);
      if (!Utf8.isUtf8(field, 0)) {
        throw new BadField(name, BadRecordReason.MALFORMED_ENCODING, Utf8.malformed(field));
      }
    }
  }

  /** The value of {@code column} read by {@code rule}, or a {@link BadField} for {@code reason}. */
  private <T> T field(Row row, String column, BadRecordReason reason, Function<Object, T> rule) {
    try {
      Object value = row.get(row.fieldIndex(column));
      return rule.apply(latin1 && value instanceof String text ? Utf8.decode(text) : value);
    } catch (IllegalArgumentException e) {
      throw new BadField(column, reason, e.getMessage());
    }
  }

  /** A field its rule rejects: its column, the reason and the rule's message. */
  private static final class BadField extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final BadRecordReason reason;

    BadField(String field, BadRecordReason reason, String message) {
      super(message, null, false, false);
      this.field = field;
      this.reason = reason;
    }
  }

  private static boolean hasCorrupt(Row row) {
    for (String name : row.schema().fieldNames()) {
      if (name.equals(CORRUPT)) {
        return true;
      }
    }
    return false;
  }

  /** A field as text; Spark reads an empty CSV field as null, which the rules see as empty. */
  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private Row bad(Row row, long position, String field, BadRecordReason reason, String detail) {
    if (policy == BadRecordPolicy.REJECT) {
      throw new IllegalArgumentException(row.getString(row.fieldIndex(FILE)) + ": row " + fields(row) + ": " + field
          + ": " + detail);
    }
    return RowFactory.create(position, null, null, null, null, null, reason.name());
  }

  /** A field as a message shows it: bytes that are not UTF-8 as {@code \xNN}. */
  private String shown(String field) {
    return latin1 ? Utf8.showMalformed(field) : field;
  }

  private String fields(Row row) {
    List<String> fields = new ArrayList<>();
    for (String column : REQUIRED) {
      fields.add(Fields.cut(shown(text(row.get(row.fieldIndex(column))))));
    }
    return fields.toString();
  }
}
