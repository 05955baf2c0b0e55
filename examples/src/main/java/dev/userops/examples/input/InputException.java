package dev.userops.examples.input;

/**
 * The one exception for input the command cannot use: a malformed field, a wrong header, a bad
 * record rejected under {@link dev.userops.core.BadRecordPolicy#REJECT}, or a configuration
 * document that is not valid. The message is one line naming the source and, where there is one,
 * the 1-based line and the field, e.g. {@code orders.csv:17: amount: expected a decimal amount in
 * major units like 12.34, got "abc"} or {@code policy.json: caps[0].max: expected an integer, got
 * "3"}. The command prints it after {@code userops: } and exits with 2.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String field;

  /**
   * A problem at one line of a file.
   *
   * @param source the file or resource name as the user gave it
   * @param line the 1-based physical line
   * @param field the column, or {@code "header"} / {@code "row"} for the whole line
   * @param problem what was expected and what was found
   * @param cause the underlying exception, or {@code null}
   */
  public InputException(String source, long line, String field, String problem, Throwable cause) {
    super(source + ":" + line + ": " + field + ": " + problem, cause);
    this.source = source;
    this.line = line;
    this.field = field;
  }

  private InputException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
    this.line = 0;
    this.field = null;
  }

  /**
   * A problem with a whole document, such as a configuration file.
   *
   * @param source the file or resource name as the user gave it
   * @param problem what is wrong, starting with the JSON path or field where there is one
   * @param cause the underlying exception, or {@code null}
   * @return the exception, with line 0 and no field
   */
  public static InputException of(String source, String problem, Throwable cause) {
    return new InputException(source, problem, cause);
  }

  /** The file or resource name as given by the caller. */
  public String source() {
    return source;
  }

  /** The 1-based physical line the problem is on, or 0 for a problem with the whole document. */
  public long line() {
    return line;
  }

  /** The column named in the input's header, {@code "header"} / {@code "row"} for the whole line, or null. */
  public String field() {
    return field;
  }
}
