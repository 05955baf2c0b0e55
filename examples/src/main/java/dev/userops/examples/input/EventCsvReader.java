package dev.userops.examples.input;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Activity;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Fields;
import dev.userops.core.internal.Timestamps;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams an events CSV to a consumer, one row at a time: the one events dialect of every command,
 * read by the rules of the order CSV ({@link OrderReader}): RFC 4180, strict UTF-8 with an optional
 * BOM, ids trimmed, and a row that cannot be read a bad record of its own reason. The header is
 * required and names the columns {@code user_id, occurred_at, event} and, optionally, {@code
 * event_id}, {@code value} and {@code order_id}, each once, in any order ({@value #HEADER}). {@code
 * occurred_at} takes the forms of {@link Timestamps#parse} in the reader's zone; {@code user_id} and
 * {@code event} are trimmed and must not be empty ({@link BadRecordReason#EMPTY_ID}). User ids are
 * mapped to dense ids with the given {@link UserIdDictionary}, only for rows that can be read.
 * Which {@code event} values a command uses, and what {@code value} means for them, is the
 * command's (its help says); an empty optional field is absent.
 *
 * <p>Under {@code REJECT}, a malformed row throws {@link InputException} naming file, line and field,
 * e.g. {@code events.csv:7: occurred_at: expected a date ...}; a {@link BadRecordException} thrown by
 * the consumer becomes one naming the row's line and {@code occurred_at}.
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

  private final InputStream in;
  private final ZoneId zone;
  private final UserIdDictionary users;
  private final RowScreen screen;
  private boolean read;

  private EventCsvReader(String source, InputStream in, ZoneId zone, UserIdDictionary users, BadRecordPolicy policy) {
    this.screen = new RowScreen(source, policy);
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
   * @param users maps user ids to the dense ids of {@link Activity#userId()}
   * @param policy what a malformed row does
   */
  public static EventCsvReader of(String source, InputStream in, ZoneId zone, UserIdDictionary users,
      BadRecordPolicy policy) {
    return new EventCsvReader(source, in, zone, users, policy);
  }

  /**
   * Reads every event and passes it to {@code consumer} in file order, as activity (user, time and
   * the {@code event} value). Call once.
   *
   * @return the number of data rows read, bad ones included
   * @throws InputException for a file that cannot be read on, or a bad record rejected by policy
   * @throws IOException if reading fails
   */
  public long forEach(Consumer<? super Activity> consumer) throws IOException {
    return forEachRow(row -> consumer.accept(row.activity()));
  }

  /**
   * Reads every row with all its columns and passes it to {@code consumer} in file order. Call once.
   * A malformed {@code value} or missing {@code order_id} the consumer asks for makes the row a bad
   * record, as does the {@link Row#malformedValue} it throws.
   *
   * @return the number of data rows read, bad ones included
   * @throws InputException for a file that cannot be read on, or a bad record rejected by policy
   * @throws IOException if reading fails
   */
  public long forEachRow(Consumer<? super Row> consumer) throws IOException {
    Checks.checkState(!read, "%s has already been read", screen.source());
    read = true;
    return CsvTable.read(in, REQUIRED, OPTIONAL, screen, fields -> {
      String user = fields.id(USER_ID);
      Instant at = fields.timestamp(OCCURRED_AT, zone);
      String event = fields.id(EVENT);
      // The user is added only once the row is known to be good.
      Row row = new Row(screen.source(), fields.line(), new Activity(users.indexOf(user), at, event),
          optional(fields, EVENT_ID), optional(fields, VALUE), optional(fields, ORDER_ID));
      try {
        consumer.accept(row);
      } catch (BadRecordException e) {
        throw screen.rejected(row.line(), OCCURRED_AT, e);
      }
    });
  }

  /** The field of an optional column, stripped; {@code null} if the column or the value is absent. */
  private static String optional(dev.userops.examples.input.Row fields, String column) {
    String text = fields.text(column);
    String value = text == null ? "" : text.strip();
    return value.isEmpty() ? null : value;
  }

  /**
   * The rows this reader skipped as malformed, by reason.
   *
   * @return the counts so far, complete after {@link #forEach}; empty under {@code REJECT}
   */
  public Diagnostics diagnostics() {
    return screen.diagnostics();
  }

  /**
   * One row of an events CSV. The typed reads of {@code value} and {@code order_id} throw an
   * unchecked exception that makes the row a bad record (or, under {@code REJECT}, ends the run
   * naming the file, line and column), when thrown back to the reader from the consumer.
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
     * {@code value} as a whole number, e.g. points; else {@link BadRecordReason#MALFORMED_AMOUNT}.
     *
     * @param what what the number is, for the message, e.g. {@code "points to redeem"}
     */
    public long integer(String what) {
      String text = required(VALUE, value, what);
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw malformedValue("expected " + what + " (an integer), got " + Fields.quote(text));
      }
    }

    /**
     * {@code value} as money in major units, e.g. {@code 12.34}, exactly in minor units; else
     * {@link BadRecordReason#MALFORMED_AMOUNT}.
     *
     * @param what what the amount is, for the message, e.g. {@code "the refunded amount"}
     * @param fractionDigits fraction digits of the currency
     */
    public long amountMinor(String what, int fractionDigits) {
      String text = required(VALUE, value, what);
      try {
        return Fields.amountMinor(text, fractionDigits);
      } catch (IllegalArgumentException e) {
        throw malformedValue(e.getMessage());
      }
    }

    /**
     * {@code order_id}, required; else {@link BadRecordReason#EMPTY_ID}.
     *
     * @param what what the order is, for the message, e.g. {@code "the refunded order"}
     */
    public String requireOrderId(String what) {
      return required(ORDER_ID, orderId, what);
    }

    /**
     * The exception that makes this row a bad record for its {@code value}, {@link
     * BadRecordReason#MALFORMED_AMOUNT}, e.g. for points to redeem that are not positive.
     *
     * @param problem what was expected and what was found
     */
    public RuntimeException malformedValue(String problem) {
      return new MalformedField(VALUE, BadRecordReason.MALFORMED_AMOUNT, problem);
    }

    private String required(String column, String text, String what) {
      if (text == null) {
        throw new MalformedField(column, column.equals(ORDER_ID) ? BadRecordReason.EMPTY_ID : BadRecordReason.MALFORMED_AMOUNT,
            "expected " + what + " for event " + Fields.quote(activity.type()) + ", got no value");
      }
      return text;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
