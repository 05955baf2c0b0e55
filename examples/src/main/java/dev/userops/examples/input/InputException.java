package dev.userops.examples.input;

/**
 * Input that cannot be read as orders: a malformed field, a wrong header, or a bad record rejected
 * under {@link dev.userops.core.BadRecordPolicy#REJECT}. The message is one line naming the source,
 * the 1-based line and the field, e.g. {@code orders.csv:17: amount: expected a decimal amount in
 * major units like 12.34, got "abc"}.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String field;

  InputException(String source, long line, String field, String problem, Throwable cause) {
    super(source + ":" + line + ": " + field + ": " + problem, cause);
    this.source = source;
    this.line = line;
    this.field = field;
  }

  /** The file or resource name as given by the caller. */
  public String source() {
    return source;
  }

  /** The 1-based physical line the problem is on. */
  public long line() {
    return line;
  }

  /** The column named in the input's header, or {@code "header"} / {@code "row"} for the whole line. */
  public String field() {
    return field;
  }
}
