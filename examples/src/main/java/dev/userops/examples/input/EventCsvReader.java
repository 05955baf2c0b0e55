package dev.userops.examples.input;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Diagnostics;
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
 * Streams an events CSV to a consumer as {@link Activity} records, one row at a time, by the rules
 * of the order CSV ({@link OrderReader}): RFC 4180, strict UTF-8 with an optional BOM, ids trimmed,
 * and a row that cannot be read a bad record of its own reason. The header is required and names
 * exactly the columns {@code user_id, occurred_at, event} in any order. {@code occurred_at} takes
 * the forms of {@link Timestamps#parse} in the reader's zone; {@code user_id} and {@code event} are
 * trimmed and must not be empty ({@link dev.userops.core.BadRecordReason#EMPTY_ID}). User ids are
 * mapped to dense ids with the given {@link UserIdDictionary}.
 *
 * <p>Under {@code REJECT}, a malformed row throws {@link InputException} naming file, line and field,
 * e.g. {@code events.csv:7: occurred_at: expected a date ...}; a {@link BadRecordException} thrown by
 * the consumer becomes one naming the row's line and {@code occurred_at}.
 */
public final class EventCsvReader implements Closeable {
  private static final String USER_ID = "user_id";
  private static final String OCCURRED_AT = "occurred_at";
  private static final String EVENT = "event";
  private static final List<String> COLUMNS = List.of(USER_ID, OCCURRED_AT, EVENT);

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
   * @param policy what a malformed row does
   */
  public static EventCsvReader of(String source, InputStream in, ZoneId zone, UserIdDictionary users,
      BadRecordPolicy policy) {
    return new EventCsvReader(source, in, zone, users, policy);
  }

  /**
   * Reads every event and passes it to {@code consumer} in file order. Call once.
   *
   * @return the number of data rows read, bad ones included
   * @throws InputException for a file that cannot be read on, or a bad record rejected by policy
   * @throws IOException if reading fails
   */
  public long forEach(Consumer<? super Activity> consumer) throws IOException {
    Checks.checkState(!read, "%s has already been read", screen.source());
    read = true;
    return CsvTable.read(in, COLUMNS, List.of(), screen, row -> {
      String user = row.id(USER_ID);
      Instant at = row.timestamp(OCCURRED_AT, zone);
      String event = row.id(EVENT);
      // The user is added only once the row is known to be good.
      Activity activity = new Activity(users.indexOf(user), at, event);
      try {
        consumer.accept(activity);
      } catch (BadRecordException e) {
        throw screen.rejected(row.line(), OCCURRED_AT, e);
      }
    });
  }

  /**
   * The rows this reader skipped as malformed, by reason.
   *
   * @return the counts so far, complete after {@link #forEach}; empty under {@code REJECT}
   */
  public Diagnostics diagnostics() {
    return screen.diagnostics();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
