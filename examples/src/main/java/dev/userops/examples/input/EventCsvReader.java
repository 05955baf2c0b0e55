package dev.userops.examples.input;

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
import java.util.function.Consumer;

/**
 * Streams an events CSV (RFC 4180, UTF-8, optional BOM) to a consumer as {@link Activity} records,
 * one row at a time. The header is required and names exactly the columns {@code user_id,
 * occurred_at, event} in any order. {@code occurred_at} takes the forms of {@link Timestamps#parse}
 * in the reader's zone; {@code user_id} and {@code event} must not be blank. User ids are mapped to
 * dense ids with the given {@link UserIdDictionary}.
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
  private static final List<String> COLUMNS = List.of(USER_ID, OCCURRED_AT, EVENT);

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
   * Reads every event and passes it to {@code consumer} in file order. Call once.
   *
   * @return the number of data rows read
   * @throws InputException for malformed input, or a bad record rejected by the consumer
   * @throws IOException if reading fails
   */
  public long forEach(Consumer<? super Activity> consumer) throws IOException {
    Checks.checkState(!read, "%s has already been read", source);
    read = true;
    return CsvTable.read(source, in, COLUMNS, List.of(), (row, line, columns) -> {
      String field = USER_ID;
      Activity activity;
      try {
        long user = users.indexOf(Fields.id(row.getField(columns.get(USER_ID))));
        field = OCCURRED_AT;
        Instant at = Timestamps.parse(row.getField(columns.get(OCCURRED_AT)), zone);
        field = EVENT;
        activity = new Activity(user, at, Fields.id(row.getField(columns.get(EVENT))));
      } catch (IllegalArgumentException e) {
        throw problem(line, field, e.getMessage(), e);
      }
      try {
        consumer.accept(activity);
      } catch (BadRecordException e) {
        throw problem(line, OCCURRED_AT, e.reason() + ": " + e.detail(), e);
      }
    });
  }

  private InputException problem(long line, String field, String problem, Throwable cause) {
    return new InputException(source, line, field, problem, cause);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
