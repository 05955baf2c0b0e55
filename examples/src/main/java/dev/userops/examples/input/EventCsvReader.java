package dev.userops.examples.input;

import static dev.userops.examples.input.Columns.OCCURRED_AT;
import static dev.userops.examples.input.Columns.ORDER_ID;
import static dev.userops.examples.input.Columns.USER_ID;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams an events CSV to a consumer, one row at a time: the one events dialect of every command,
 * read by the rules of the order CSV ({@link OrderReader}): RFC 4180, strict UTF-8 with an optional
 * BOM, ids trimmed, and a row that cannot be read a bad record of its own reason. The header is
 * required and names the columns {@code user_id, occurred_at, event} and, optionally, {@code
 * event_id}, {@code value}, {@code order_id}, {@code plan_id} and {@code attributes}, each once, in
 * any order ({@value #HEADER}). {@code attributes} carries what only some events need, as {@code
 * key=value} pairs separated by {@code ;} (a key may repeat, e.g. {@code
 * fingerprint=device:9f;tag=app}), read on demand by {@link Row#attributes}. {@code
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
  private static final String EVENT = "event";
  private static final String EVENT_ID = "event_id";
  private static final String VALUE = "value";
  private static final String PLAN_ID = "plan_id";
  private static final String ATTRIBUTES = "attributes";
  private static final List<String> REQUIRED = List.of(USER_ID, OCCURRED_AT, EVENT);
  private static final List<String> OPTIONAL = List.of(EVENT_ID, VALUE, ORDER_ID, PLAN_ID, ATTRIBUTES);
  /** The header, optional columns in brackets, as help texts show it. */
  public static final String HEADER =
      "user_id,occurred_at,event[,event_id][,value][,order_id][,plan_id][,attributes]";

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
          optional(fields, EVENT_ID), optional(fields, VALUE), optional(fields, ORDER_ID),
          optional(fields, PLAN_ID), optional(fields, ATTRIBUTES));
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
   * @param planId the {@code plan_id} (a membership plan), or {@code null} if absent
   * @param attributes the {@code attributes} as written, or {@code null} if absent
   */
  public record Row(String source, long line, Activity activity, String eventId, String value, String orderId,
      String planId, String attributes) {
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
      String text = required(VALUE, value, what, BadRecordReason.MALFORMED_AMOUNT);
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
      String text = required(VALUE, value, what, BadRecordReason.MALFORMED_AMOUNT);
      try {
        return Fields.amountMinor(text, fractionDigits);
      } catch (IllegalArgumentException e) {
        throw malformedValue(e.getMessage());
      }
    }

    /**
     * {@code value} as an id, e.g. a referral code, required; else {@link BadRecordReason#EMPTY_ID}.
     *
     * @param what what the id is, for the message, e.g. {@code "the code"}
     */
    public String valueId(String what) {
      return required(VALUE, value, what, BadRecordReason.EMPTY_ID);
    }

    /**
     * {@code order_id}, required; else {@link BadRecordReason#EMPTY_ID}.
     *
     * @param what what the order is, for the message, e.g. {@code "the refunded order"}
     */
    public String requireOrderId(String what) {
      return required(ORDER_ID, orderId, what, BadRecordReason.EMPTY_ID);
    }

    /**
     * The values of {@code key} in {@code attributes}, in the order written; else, for text that is
     * not {@code key=value} pairs separated by {@code ;} with keys and values not empty (spaces
     * around them are stripped), {@link BadRecordReason#MALFORMED_RECORD} on {@code attributes}.
     *
     * @param key the attribute, e.g. {@code "fingerprint"}
     * @return its values, empty if it is not given
     */
    public List<String> attributes(String key) {
      if (attributes == null) {
        return List.of();
      }
      List<String> values = new ArrayList<>();
      for (String pair : attributes.split(";", -1)) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? "" : pair.substring(0, eq).strip();
        String text = eq < 0 ? "" : pair.substring(eq + 1).strip();
        if (name.isEmpty() || text.isEmpty()) {
          throw new MalformedField(ATTRIBUTES, BadRecordReason.MALFORMED_RECORD,
              "expected key=value pairs separated by ';', got " + Fields.quote(attributes));
        }
        if (name.equals(key)) {
          values.add(text);
        }
      }
      return values;
    }

    /**
     * The exception that makes this row a bad record for its {@code event}, {@link
     * BadRecordReason#MALFORMED_RECORD}: a value the command does not know.
     *
     * @param known the values the command reads, for the message
     */
    public RuntimeException unknownEvent(List<String> known) {
      return new MalformedField(EVENT, BadRecordReason.MALFORMED_RECORD,
          "expected one of " + String.join(", ", known) + ", got " + Fields.quote(activity.type()));
    }

    /**
     * {@code plan_id}, required; else {@link BadRecordReason#EMPTY_ID}.
     *
     * @param what what the plan is, for the message, e.g. {@code "the plan bought"}
     */
    public String requirePlanId(String what) {
      return required(PLAN_ID, planId, what, BadRecordReason.EMPTY_ID);
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

    private String required(String column, String text, String what, BadRecordReason reason) {
      if (text == null) {
        throw new MalformedField(column, reason, "expected " + what + " for event " + Fields.quote(activity.type()) + ", got no value");
      }
      return text;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
