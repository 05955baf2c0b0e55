package dev.userops.examples.input;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.internal.Checks;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * What a reader does with a row it cannot read, the same for every input: under {@link
 * BadRecordPolicy#SKIP_AND_COUNT} the row is skipped and counted by reason; under {@link
 * BadRecordPolicy#REJECT} the run ends with an {@link InputException} {@code file:line: field:
 * expected …, got "…"}. Nothing is replaced or guessed.
 */
final class RowScreen {
  private final String source;
  private final BadRecords badRecords;

  /**
   * @param source the input's name in messages
   * @param policy what a row that cannot be read does
   */
  RowScreen(String source, BadRecordPolicy policy) {
    this.source = Checks.requireNonNull(source, "source");
    this.badRecords = new BadRecords(policy);
  }

  String source() {
    return source;
  }

  /** The rows skipped so far, by reason. */
  Diagnostics diagnostics() {
    return badRecords.diagnostics();
  }

  /**
   * Skips and counts the row at {@code line}, or throws under {@code REJECT}.
   *
   * @throws InputException under {@code REJECT}, naming the line, the field and the problem
   */
  void malformed(long line, MalformedField e) {
    if (badRecords.policy() == BadRecordPolicy.REJECT) {
      throw new InputException(source, line, e.field(), e.getMessage(), null);
    }
    // The record index only appears in a rejection, which the branch above names by line instead.
    badRecords.report(line, e.reason(), e.getMessage());
  }

  /** Reads one non-blank line of a line-per-record input. */
  @FunctionalInterface
  interface LineReader {
    /**
     * Reads the line as one record.
     *
     * @param line the line's number in the file, from 1
     * @param latin1 the line's bytes as ISO-8859-1 characters ({@link Utf8Input#latin1Lines})
     * @throws MalformedField for a line that is not a record, which the screen then handles
     */
    void read(long line, String latin1);
  }

  /**
   * Reads the rest of {@code lines} into {@code reader}, one record per non-blank line; blank
   * lines are passed over, and a line the reader rejects is {@linkplain #malformed screened}.
   *
   * @param linesBefore lines already read (a header), so that numbering goes on after them
   * @return the non-blank lines read, bad ones included
   * @throws InputException for a bad line under {@code REJECT}
   */
  long forEachLine(BufferedReader lines, long linesBefore, LineReader reader) throws IOException {
    long line = linesBefore;
    long records = 0;
    for (String latin1 = lines.readLine(); latin1 != null; latin1 = lines.readLine()) {
      line++;
      if (latin1.isBlank()) {
        continue;
      }
      records++;
      try {
        reader.read(line, latin1);
      } catch (MalformedField e) {
        malformed(line, e);
      }
    }
    return records;
  }

  /** A reason and its detail reported for a well-formed row, rejected under {@code REJECT}. */
  void report(long line, String field, BadRecordReason reason, String detail) {
    try {
      badRecords.report(line, reason, detail);
    } catch (BadRecordException e) {
      throw rejected(line, field, e);
    }
  }

  /** The rejection of the row at {@code line} by a consumer, named by the column its reason is about. */
  InputException rejected(long line, String field, BadRecordException e) {
    // The record index counts the consumer's records, which means nothing to a reader of the file.
    return new InputException(source, line, field, e.reason() + ": " + e.detail(), e);
  }
}
