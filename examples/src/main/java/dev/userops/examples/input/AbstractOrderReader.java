package dev.userops.examples.input;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Diagnostics;
import dev.userops.core.event.Order;
import dev.userops.core.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** What every order file reader shares: its source, its stream, its screen and how it names problems. */
abstract class AbstractOrderReader implements OrderReader {
  final InputStream in;
  final RowScreen screen;
  private final String orderIdColumn;
  private final String occurredAtColumn;
  private final String amountColumn;
  private boolean read;

  AbstractOrderReader(String source, InputStream in, BadRecordPolicy policy, String orderIdColumn,
      String occurredAtColumn, String amountColumn) {
    this.screen = new RowScreen(source, policy);
    this.in = Checks.requireNonNull(in, "in");
    this.orderIdColumn = orderIdColumn;
    this.occurredAtColumn = occurredAtColumn;
    this.amountColumn = amountColumn;
  }

  /** Throws unless this is the first call of {@link #forEach}: a stream cannot be re-read. */
  final void startReading() {
    Checks.checkState(!read, "%s has already been read", screen.source());
    read = true;
  }

  /** Passes {@code order} on, locating a rejection by the consumer at {@code line}. */
  final void emit(Consumer<? super Order> consumer, Order order, long line) {
    try {
      consumer.accept(order);
    } catch (BadRecordException e) {
      throw rejected(line, e);
    }
  }

  /** A rejection of the order at {@code line}, named by the column its reason is about. */
  final InputException rejected(long line, BadRecordException e) {
    return screen.rejected(line, field(e), e);
  }

  /** The column a consumer's reason is about. */
  private String field(BadRecordException e) {
    return switch (e.reason()) {
      case NEGATIVE_AMOUNT, MALFORMED_AMOUNT -> amountColumn;
      case BEFORE_1970, AFTER_AS_OF, MALFORMED_TIMESTAMP -> occurredAtColumn;
      case DUPLICATE_ORDER_ID, REFUND_OF_UNKNOWN_ORDER, REFUND_OF_UNPAID_ORDER, REFUND_EXCEEDS_ORDER, EMPTY_ID ->
          orderIdColumn;
      case MALFORMED_RECORD, MALFORMED_ENCODING, WRONG_FIELD_COUNT, MALFORMED_STATUS -> "row";
    };
  }

  @Override
  public Diagnostics diagnostics() {
    return screen.diagnostics();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
