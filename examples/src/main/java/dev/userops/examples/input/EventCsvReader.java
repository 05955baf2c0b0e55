package dev.userops.examples.input;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.userops.core.BadRecordException;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Activity;
import dev.userops.core.internal.Checks;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams an events CSV (RFC 4180, UTF-8, optional BOM) to a consumer, one row at a time: the one
 * events dialect of every command. The header is required and names the columns {@code user_id,
 * occurred_at, event} and, optionally, {@code event_id}, {@code value} and {@code order_id}, each
 * once, in any order ({@value #HEADER}). {@code occurred_at} takes the forms of {@link
 * Timestamps#parse} in the reader's zone; {@code user_id} and {@code event} must not be blank.
 * User ids are mapped to dense ids with the given {@link UserIdDictionary}. Which {@code event}
 * values a command uses, and what {@code value} means for them, is the command's (its help says);
 * an empty optional field is absent.
 *
 * <p>Malformed input throws {@link InputException} naming file, line and field, e.g. {@code
 * events.csv:7: occurred_at: expected a date ...}; a {@link BadRecordException} thrown by the
 * consumer (a bad record under {@code REJECT}) becomes one naming the row's line and {@code
 * occurred_at}.
 */
public final class EventCsvReader implements Closeable {
  private static final String USER_ID = "user_id";
  private static final String OCCURRED_AT = "occurred_at";
  private static final String EVENT = "event";
  private static final String EVENT_ID = "event_id";
  private static final String VALUE = "value";
  private static final String ORDER_ID = "order_id";
  private static final List<String> REQUIRED = List.of(USER_ID, OCCURRED_AT, EVENT);
  private static final List<String> OPTIONAL = List.of(EVENT_ID, VALUE, ORDER_ID);
  /** The header, optional columns in brackets, as help texts show it. */
  public static final String HEADER = "user_id,occurred_at,event[,event_id][,value][,order_id]";

  private final String source;
  private final InputStream in;
  private final ZoneId zone;
  private final UserIdDictionary users;
  private boolean read;

  private EventCsvReader(String source, InputStream in, ZoneId zone, UserIdDictionary users) {
    this.source = Checks.requireNonNull(source, "source");
    this.in = Checks.requireNonNull(in, "in");
    this.zone = Checks.requireNonNull(zone, "zone");
    this.users = Checks.requireNonNull(users, "users");
  }

  /**
   * A reader of {@code in}.
   *
   * @param source the name used in messages, e.g. the path as the user typed it
   * @param in read to its end and closed by {@link #close()}
   * @param zone the zone of local date-times in {@code occurred_at}
   */
  public static EventCsvReader of(String source, InputStream in, ZoneId zone, UserIdDictionary users) {
    return new EventCsvReader(source, in, zone, users);
  }

  /**
   * Reads every event and passes it to {@code consumer} in file order, as activity (user, time and
   * the {@code event} value). Call once.
   *
   * @return the number of data rows read
   * @throws InputException for malformed input, or a bad record rejected by the consumer
   * @throws IOException if reading fails
   */
  public long forEach(Consumer<? super Activity> consumer) throws IOException {
    return forEachRow(row -> consumer.accept(row.activity()));
  }

  /**
   * Reads every row with all its columns and passes it to {@code consumer} in file order. Call once.
   *
   * @return the number of data rows read
   * @throws InputException for malformed input, a malformed {@code value} or {@code order_id} the
   *     consumer asks for, or a bad record rejected by the consumer
   * @throws IOException if reading fails
   */
  public long forEachRow(Consumer<? super Row> consumer) throws IOException {
    Checks.checkState(!read, "%s has already been read", source);
    read = true;
    return CsvTable.read(source, in, REQUIRED, OPTIONAL, (fields, line, columns) -> {
      String field = USER_ID;
      Row row;
      try {
        long user = users.indexOf(Fields.id(fields.getField(columns.get(USER_ID))));
        field = OCCURRED_AT;
        Instant at = Timestamps.parse(fields.getField(columns.get(OCCURRED_AT)), zone);
        field = EVENT;
        String event = Fields.id(fields.getField(columns.get(EVENT)));
        row = new Row(source, line, new Activity(user, at, event),
            optional(fields, columns, EVENT_ID), optional(fields, columns, VALUE), optional(fields, columns, ORDER_ID));
      } catch (IllegalArgumentException e) {
        throw problem(line, field, e.getMessage(), e);
      }
      try {
        consumer.accept(row);
      } catch (BadRecordException e) {
        throw problem(line, OCCURRED_AT, e.reason() + ": " + e.detail(), e);
      }
    });
  }

  /** The field of an optional column, stripped; {@code null} if the column or the value is absent. */
  private static String optional(CsvRecord fields, Map<String, Integer> columns, String column) {
    Integer index = columns.get(column);
    String value = index == null ? "" : fields.getField(index).strip();
    return value.isEmpty() ? null : value;
  }

  /**
   * One row of an events CSV. The typed reads of {@code value} and {@code order_id} throw {@link
   * InputException} naming the file, line and column.
   *
   * @param source the file's name for messages
   * @param line the row's first line in the file, 1-based
   * @param activity the user (dense id), time and {@code event} value
   * @param eventId the {@code event_id}, or {@code null} if absent
   * @param value the {@code value} as written, or {@code null} if absent
   * @param orderId the {@code order_id}, or {@code null} if absent
   */
  public record Row(String source, long line, Activity activity, String eventId, String value, String orderId) {
    /** {@link #eventId()}, or the row's own id, {@code line N}, when the file gives none. */
    public String eventIdOrLine() {
      return eventId != null ? eventId : "line " + line;
    }

    /**
     * {@code value} as a whole number, e.g. points.
     *
     * @param what what the number is, for the message, e.g. {@code "points to redeem"}
     */
    public long integer(String what) {
      String text = required(VALUE, value, what);
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new InputException(source, line, VALUE, "expected " + what + " (an integer), got " + Fields.quote(text), e);
      }
    }

    /**
     * {@code value} as money in major units, e.g. {@code 12.34}, exactly in minor units.
     *
     * @param what what the amount is, for the message, e.g. {@code "the refunded amount"}
     * @param fractionDigits fraction digits of the currency
     */
    public long amountMinor(String what, int fractionDigits) {
      String text = required(VALUE, value, what);
      try {
        return Fields.amountMinor(text, fractionDigits);
      } catch (IllegalArgumentException e) {
        throw new InputException(source, line, VALUE, e.getMessage(), e);
      }
    }

    /**
     * {@code order_id}, required.
     *
     * @param what what the order is, for the message, e.g. {@code "the refunded order"}
     */
    public String requireOrderId(String what) {
      return required(ORDER_ID, orderId, what);
    }

    private String required(String column, String text, String what) {
      if (text == null) {
        throw new InputException(source, line, column,
            "expected " + what + " for event " + Fields.quote(activity.type()) + ", got no value", null);
      }
      return text;
    }
  }

  private InputException problem(long line, String field, String problem, Throwable cause) {
    return new InputException(source, line, field, problem, cause);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
