package dev.userops.examples.input;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.internal.Fields;
import dev.userops.core.internal.IdTable;
import dev.userops.core.internal.Timestamps;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Streams the orders of one file to a consumer, one row at a time, so inputs of any size are read
 * in constant memory apart from the user dictionary and (for CSV) the set of order ids seen.
 *
 * <p>The rules every reader follows:
 *
 * <ul>
 *   <li><b>Strict UTF-8.</b> The file is UTF-8 with an optional BOM; a row with bytes that are not
 *       UTF-8 is a {@link BadRecordReason#MALFORMED_ENCODING} bad record, never decoded with
 *       replacement characters (so {@code caf\xE9} and {@code caf\xE8} can never become one user).
 *   <li><b>One id rule.</b> Surrounding whitespace of every id ({@code user_id}, {@code order_id},
 *       CDNOW's {@code customer_id}) is trimmed, so {@code " u1"} and {@code "u1 "} are the user
 *       {@code u1}; an id empty after trimming is {@link BadRecordReason#EMPTY_ID}.
 *   <li><b>Malformed is a bad record.</b> A row that cannot be parsed is a bad record of its own
 *       reason ({@link BadRecordReason#WRONG_FIELD_COUNT}, {@link
 *       BadRecordReason#MALFORMED_TIMESTAMP}, {@link BadRecordReason#MALFORMED_AMOUNT}, {@link
 *       BadRecordReason#MALFORMED_STATUS}, and the two above), handled by the reader's {@link
 *       BadRecordPolicy}: skipped and counted in {@link #diagnostics()} under {@code
 *       SKIP_AND_COUNT}, an {@link InputException} {@code file:line: field: expected …, got "…"} under {@code REJECT}. Nothing
 *       is replaced, rounded or guessed. A problem that leaves the rest of the file unreadable (a
 *       bad header, a quote never closed) is an {@link InputException} under either policy.
 * </ul>
 *
 * <p>User ids in the file are strings; every reader maps them to dense {@code long} ids with the
 * {@link UserIdDictionary} it is given, so results can be mapped back to the file's ids; a row
 * that is a bad record adds no user. A {@link dev.userops.core.BadRecordException} thrown by the
 * consumer (a bad record under {@code REJECT}) is rethrown as an {@link InputException} naming the
 * row's line and the field the reason is about.
 */
public interface OrderReader extends Closeable {

  /**
   * A reader of order CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks; LF or
   * CRLF). The header is required and names exactly the columns {@code user_id, order_id,
   * occurred_at, amount, status} and optionally {@code sales_channel}, in any order; a row with
   * another field count is {@link BadRecordReason#WRONG_FIELD_COUNT}. {@code occurred_at} takes the
   * forms of {@link Timestamps#parse} in {@code zone}; {@code amount} is a decimal in major units
   * ({@code -?[0-9]+(.[0-9]+)?}) with at most {@code fractionDigits} fraction digits, converted to
   * minor units exactly; {@code status} is {@code paid}, {@code cancelled} or {@code refunded} in
   * any case; an empty {@code sales_channel} is {@code null}. {@code user_id} and {@code order_id}
   * are trimmed; nothing else is.
   *
   * <p>An order id seen before in the file is a {@link BadRecordReason#DUPLICATE_ORDER_ID} bad
   * record and, when skipped, not passed on; the first occurrence wins. Memory: the ids seen are
   * kept, about 20 bytes plus the id's length per order.
   *
   * @param source the name used in messages, e.g. the path as the user typed it
   * @param in read to its end and closed by {@link #close()}
   * @param policy what a row that is malformed or repeats an order id does
   */
  static OrderReader csv(
      String source,
      InputStream in,
      ZoneId zone,
      int fractionDigits,
      UserIdDictionary users,
      BadRecordPolicy policy) {
    return new OrderCsvReader(source, in, zone, fractionDigits, users, new IdTable(), false, null, policy);
  }

  /**
   * A reader of the CDNOW transaction file of Fader, Hardie &amp; Lee (2005): whitespace separated,
   * one header line {@code customer_id date number_of_cds dollar_value}, dates {@code yyyyMMdd}.
   * Each row is a {@link dev.userops.core.event.OrderStatus#PAID} order with id {@code
   * cdnow-<line>} (unique by construction, so no duplicate check), placed at the start of its date
   * in {@code zone}, for {@code dollar_value} converted to cents exactly; the CD count is checked
   * and otherwise ignored. Fields are separated by whitespace, so ids have none around them and
   * cannot be empty; a row without exactly four fields is {@link
   * BadRecordReason#WRONG_FIELD_COUNT}, a malformed date {@link
   * BadRecordReason#MALFORMED_TIMESTAMP}, a malformed CD count or dollar value {@link
   * BadRecordReason#MALFORMED_AMOUNT}. Blank lines are ignored.
   *
   * @param source the name used in messages
   * @param in read to its end and closed by {@link #close()}
   * @param policy what a malformed row does
   */
  static OrderReader cdnow(String source, InputStream in, ZoneId zone, UserIdDictionary users, BadRecordPolicy policy) {
    return new CdnowReader(source, in, zone, users, policy);
  }

  /**
   * Reads every remaining order and passes it to {@code consumer} in file order. Call once.
   *
   * @return the number of data rows read, including rows skipped as bad records
   * @throws InputException for a file that cannot be read on, or a bad record rejected by policy
   * @throws IOException if reading fails
   */
  long forEach(Consumer<? super Order> consumer) throws IOException;

  /**
   * The rows this reader skipped, by reason: malformed rows and (for CSV) repeated order ids.
   *
   * @return the counts so far, complete after {@link #forEach}; empty under {@code REJECT}
   */
  Diagnostics diagnostics();
}
