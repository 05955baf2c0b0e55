package dev.userops.examples.input;

import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.internal.BadRecords;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Streams the orders of one file to a consumer, one row at a time, so inputs of any size are read
 * in constant memory apart from the user dictionary and (for CSV) the set of order ids seen.
 *
 * <p>User ids in the file are strings; every reader maps them to dense {@code long} ids with the
 * {@link UserIdDictionary} it is given, so results can be mapped back to the file's ids. Malformed
 * input throws {@link InputException}. A {@link dev.userops.core.BadRecordException} thrown by the
 * consumer (a bad record under {@code REJECT}) is rethrown as an {@link InputException} naming the
 * row's line and the field the reason is about.
 */
public interface OrderReader extends Closeable {

  /**
   * A reader of order CSV (RFC 4180, UTF-8, optional BOM). The header is required and names exactly
   * the columns {@code user_id, order_id, occurred_at, amount, status} and optionally {@code
   * sales_channel}, in any order. {@code occurred_at} takes the forms of {@link Timestamps#parse} in
   * {@code zone}; {@code amount} is a decimal in major units with at most {@code fractionDigits}
   * fraction digits, converted to minor units exactly; {@code status} is {@code paid}, {@code
   * cancelled} or {@code refunded} in any case; an empty {@code sales_channel} is {@code null}.
   *
   * <p>An order id seen before in the file is reported to {@code duplicates} as {@link
   * dev.userops.core.BadRecordReason#DUPLICATE_ORDER_ID} and, when skipped, not passed on; the
   * first occurrence wins. Memory: the ids seen are kept, about 60 bytes plus the id's length per
   * order.
   *
   * @param source the name used in messages, e.g. the path as the user typed it
   * @param in read to its end and closed by {@link #close()}
   */
  static OrderReader csv(
      String source,
      InputStream in,
      ZoneId zone,
      int fractionDigits,
      UserIdDictionary users,
      BadRecords duplicates) {
    return new OrderCsvReader(source, in, zone, fractionDigits, users, duplicates);
  }

  /**
   * A reader of the CDNOW transaction file of Fader, Hardie &amp; Lee (2005): whitespace separated,
   * one header line {@code customer_id date number_of_cds dollar_value}, dates {@code yyyyMMdd}.
   * Each row is a {@link dev.userops.core.event.OrderStatus#PAID} order with id {@code
   * cdnow-<line>} (unique by construction, so no duplicate check), placed at the start of its date
   * in {@code zone}, for {@code dollar_value} converted to cents exactly; the CD count is checked
   * and otherwise ignored.
   *
   * @param source the name used in messages
   * @param in read to its end and closed by {@link #close()}
   */
  static OrderReader cdnow(String source, InputStream in, ZoneId zone, UserIdDictionary users) {
    return new CdnowReader(source, in, zone, users);
  }

  /**
   * Reads every remaining order and passes it to {@code consumer} in file order. Call once.
   *
   * @return the number of data rows read, including rows skipped as bad records
   * @throws InputException for malformed input, or a bad record rejected by policy
   * @throws IOException if reading fails
   */
  long forEach(Consumer<? super Order> consumer) throws IOException;
}
