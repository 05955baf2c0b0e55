package dev.userops.examples.input;

import dev.userops.core.BadRecordException;
import dev.userops.core.event.Order;
import dev.userops.core.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** What every order file reader shares: its source, its stream and how it names problems. */
abstract class AbstractOrderReader implements OrderReader {
  final String source;
  final InputStream in;
  private final String orderIdColumn;
  private final String occurredAtColumn;
  private final String amountColumn;
  private boolean read;

  AbstractOrderReader(
      String source, InputStream in, String orderIdColumn, String occurredAtColumn, String amountColumn) {
    this.source = Checks.requireNonNull(source, "source");
    this.in = Checks.requireNonNull(in, "in");
    this.orderIdColumn = orderIdColumn;
    this.occurredAtColumn = occurredAtColumn;
    this.amountColumn = amountColumn;
  }

  /** Throws unless this is the first call of {@link #forEach}: a stream cannot be re-read. */
  final void startReading() {
    Checks.checkState(!read, "%s has already been read", source);
    read = true;
  }

  final InputException problem(long line, String field, String problem, Throwable cause) {
    return new InputException(source, line, field, problem, cause);
  }

  /** Passes {@code order} on, locating a rejection by the consumer at {@code line}. */
  final void emit(Consumer<? super Order> consumer, Order order, long line) {
    try {
      consumer.accept(order);
    } catch (BadRecordException e) {
      throw rejected(line, e);
    }
  }

  /** The rejection of the record on {@code line}, named by the column the reason is about. */
  final InputException rejected(long line, BadRecordException e) {
    String field =
        switch (e.reason()) {
          case NEGATIVE_AMOUNT -> amountColumn;
          case BEFORE_1970, AFTER_AS_OF -> occurredAtColumn;
          case DUPLICATE_ORDER_ID, REFUND_OF_UNKNOWN_ORDER, REFUND_OF_UNPAID_ORDER, REFUND_EXCEEDS_ORDER ->
              orderIdColumn;
          case MALFORMED_RECORD -> "row";
        };
    // The record index counts the consumer's records, which means nothing to a reader of the file.
    return problem(line, field, e.reason() + ": " + e.detail(), e);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
