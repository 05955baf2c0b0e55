package dev.userops.core;

/**
 * Invalid configuration or persisted-state JSON. The message starts with the JSON path of the
 * offending value, then says what was expected and what was found, for example {@code
 * points.earnRules[2].cap.window: expected ISO-8601 duration, got "1 day"}. The path is empty for
 * problems with the document as a whole (malformed JSON, too deep, too large).
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The JSON path of the offending value; empty for the document as a whole. */
  private final String path;
  /** What was expected and what was found. */
  private final String problem;

  /**
   * A configuration error at {@code path} (dot-separated fields, {@code [i]} for array items).
   *
   * @param path the JSON path, e.g. {@code points.earnRules[2].cap.window}; empty for the whole
   *     document, then the message is {@code problem} alone
   * @param problem what was expected and what was found
   * @param cause the parser's exception, or null
   * @throws NullPointerException if {@code path} is null
   */
  public ConfigException(String path, String problem, Throwable cause) {
    super(path.isEmpty() ? problem : path + ": " + problem, cause);
    this.path = path;
    this.problem = problem;
  }

  /**
   * A configuration error at {@code path} with no underlying exception.
   *
   * @param path the JSON path; empty for the whole document
   * @param problem what was expected and what was found
   * @throws NullPointerException if {@code path} is null
   */
  public ConfigException(String path, String problem) {
    this(path, problem, null);
  }

  /**
   * The JSON path of the offending value, e.g. {@code points.earnRules[2].cap.window}.
   *
   * @return the path; empty for problems with the document as a whole
   */
  public String path() {
    return path;
  }

  /**
   * What was expected and what was found, without the path.
   *
   * @return the problem as given to the constructor
   */
  public String problem() {
    return problem;
  }
}
