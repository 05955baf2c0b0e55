package dev.userops.examples.input;

import dev.userops.core.BadRecordReason;

/**
 * A field of a row that cannot be read: thrown by {@link Row} while a reader builds its record,
 * caught by {@link RowScreen}, which skips and counts the row or ends the run. Carries no stack
 * trace, because under {@code --bad-records skip} a file may have many.
 */
final class MalformedField extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final BadRecordReason reason;

  /**
   * @param field the column, or {@code "row"} for the whole row
   * @param reason the bad-record reason the row is counted under
   * @param problem what was expected and what was found, e.g. {@code expected a date ..., got "x"}
   */
  MalformedField(String field, BadRecordReason reason, String problem) {
    super(problem, null, false, false);
    this.field = field;
    this.reason = reason;
  }

  String field() {
    return field;
  }

  BadRecordReason reason() {
    return reason;
  }
}
