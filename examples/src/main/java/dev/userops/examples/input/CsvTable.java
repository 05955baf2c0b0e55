package dev.userops.examples.input;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.internal.Fields;
import dev.userops.core.internal.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape every CSV input shares: RFC 4180 (quoted fields may hold commas, quotes and line
 * breaks; lines end in LF or CRLF) over strict UTF-8 with an optional BOM, a required header naming
 * each required column once, optional columns at most once and nothing else, in any order, and
 * data rows with the header's field count.
 *
 * <p>A data row that cannot be read is a bad record of its own reason, handled by the reader's
 * {@link RowScreen}: {@link BadRecordReason#WRONG_FIELD_COUNT} for a short or long row, {@link
 * BadRecordReason#MALFORMED_ENCODING} for a field that is not UTF-8, and whatever the reader's
 * {@link Row} parsers throw. Problems that leave the rest of the file unreadable end the run with an
 * {@link InputException} naming the source and line: an empty file, a bad header, a quote that is
 * never closed, or text after a closing quote.
 */
final class CsvTable {
  private static final Pattern STARTED_IN_LINE = Pattern.compile("started in line (\\d+)");

  private CsvTable() {}

  /** Receives the data rows of one table. */
  @FunctionalInterface
  interface Rows {
    /**
     * One data row, with the header's field count and valid UTF-8.
     *
     * @throws MalformedField for a field that cannot be read: the row is a bad record
     */
    void row(Row row);
  }

  /**
   * Reads the header and passes each data row to {@code rows}.
   *
   * @param screen skips and counts, or rejects, rows that cannot be read
   * @return the number of data rows, bad ones included
   * @throws InputException for an empty file, a bad header or malformed CSV, or a row rejected by
   *     {@code screen}
   */
  static long read(InputStream in, List<String> required, List<String> optional, RowScreen screen, Rows rows)
      throws IOException {
    return read(in, null, required, optional, screen, rows);
  }

  /**
   * Reads one part of a table, split at rows by {@link ByteRanges}: like {@link #read(InputStream,
   * List, List, RowScreen, Rows)} for the part at the file's start ({@code part == null}), and for
   * a later part its data rows only, with the columns of the header and the line numbers of the
   * whole file.
   *
   * @param in the part's bytes
   * @param part the header read from the first part and where this part starts; {@code null} for
   *     the first part, which starts with the header
   */
  static long read(InputStream in, Part part, List<String> required, List<String> optional, RowScreen screen,
      Rows rows) throws IOException {
    String source = screen.source();
    String expected = String.join(",", required) + (optional.isEmpty() ? "" : "[," + String.join(",", optional) + "]");
    CloseableIterator<RawRow> iterator = rows(part == null ? Utf8Input.withoutBom(in) : in);
    long lineOffset = part == null ? 0 : part.firstLine() - 1;
    long line = lineOffset + 1;
    try {
      List<String> names;
      Row row;
      if (part == null) {
        if (!iterator.hasNext()) {
          throw new InputException(source, 1, "header", "expected a header " + expected + ", got an empty file", null);
        }
        RawRow header = iterator.next();
        names = header(source, header);
        row = new Row(names, columns(source, header.line(), names, required, optional, expected));
      } else {
        names = part.header();
        row = new Row(names, columns(source, 1, names, required, optional, expected));
      }
      long records = 0;
      while (iterator.hasNext()) {
        RawRow record = iterator.next();
        line = lineOffset + record.line();
        records++;
        try {
          if (record.size() != names.size()) {
            // Before hasNext, which reads the next row into the same RawRow.
            int size = record.size();
            boolean spansLines = record.spansLines();
            throw wrongFieldCount(source, line, size, spansLines, names.size(), !iterator.hasNext());
          }
          row.set(line, record);
          rows.row(row);
        } catch (MalformedField e) {
          screen.malformed(line, e);
        }
      }
      return records;
    } catch (CsvParseException e) {
      throw malformedCsv(source, line, lineOffset, e);
    }
  }

  /**
   * The header of a table, for reading its later parts.
   *
   * @throws InputException for an empty file or a header that is not UTF-8; its columns are checked
   *     when the first part is read
   */
  static List<String> header(String source, InputStream in) throws IOException {
    CloseableIterator<RawRow> iterator = rows(Utf8Input.withoutBom(in));
    try {
      if (!iterator.hasNext()) {
        throw new InputException(source, 1, "header", "expected a header, got an empty file", null);
      }
      return header(source, iterator.next());
    } catch (CsvParseException e) {
      throw malformedCsv(source, 1, 0, e);
    }
  }

  /** The rows of {@code in}, read as ISO-8859-1 into one reused {@link RawRow}. */
  private static CloseableIterator<RawRow> rows(InputStream in) {
    // Field counts are checked by read, so that a short row is a bad record of its own.
    return CsvReader.builder()
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .build(new RawRow(), in, StandardCharsets.ISO_8859_1)
        .iterator();
  }

  /**
   * Where a later part of a table starts.
   *
   * @param header the column names of the table's header, trimmed
   * @param firstLine the 1-based line of the part's first byte in the file
   */
  record Part(List<String> header, long firstLine) {}

  /** The header's column names, trimmed; strict UTF-8, or the run ends. */
  private static List<String> header(String source, RawRow header) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String field = header.field(i);
      String name = Utf8.decode(field);
      if (name == null) {
        throw new InputException(source, header.line(), "header", Utf8.malformed(field), null);
      }
      names.add(name.strip());
    }
    return names;
  }

  /**
   * The bad record of a short or long row, unless the row is the last and spans lines: then a
   * quote was opened and never closed, and the row holds the rest of the file.
   */
  private static MalformedField wrongFieldCount(String source, long line, int size, boolean spansLines,
      int expected, boolean last) {
    if (last && spansLines) {
      throw new InputException(source, line, "row",
          "malformed CSV: a quote opened in this row is never closed, so the row runs to the end of the file", null);
    }
    return new MalformedField("row", BadRecordReason.WRONG_FIELD_COUNT,
        "expected " + expected + " fields as in the header, got " + size);
  }

  /** FastCSV names the record's first line in the message and the problem in its cause. */
  private static InputException malformedCsv(String source, long lastLine, long lineOffset, CsvParseException e) {
    // FastCSV wraps whatever its parser throws, an OutOfMemoryError included: only its own parse
    // errors are about the file.
    if (e.getCause() instanceof Error error) {
      throw error;
    }
    if (e.getCause() instanceof RuntimeException cause && !(cause instanceof CsvParseException)) {
      throw cause;
    }
    Matcher started = STARTED_IN_LINE.matcher(String.valueOf(e.getMessage()));
    long line = started.find() ? lineOffset + Long.parseLong(started.group(1)) : lastLine + 1;
    Throwable problem = e.getCause() instanceof CsvParseException cause ? cause : e;
    String what = String.valueOf(problem.getMessage());
    return new InputException(source, line, "row", "malformed CSV: "
        + Character.toLowerCase(what.charAt(0)) + what.substring(1), e);
  }

  private static Map<String, Integer> columns(
      String source, long line, List<String> names, List<String> required, List<String> optional, String expected) {
    Map<String, Integer> columns = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      // Keyed by the reader's own column constants, which Row compares by identity first.
      String key = required.contains(name) ? required.get(required.indexOf(name))
          : optional.contains(name) ? optional.get(optional.indexOf(name)) : null;
      if (key == null) {
        unknown.add(name);
      } else if (columns.putIfAbsent(key, i) != null) {
        repeated.add(name);
      }
    }
    List<String> missing = required.stream().filter(name -> !columns.containsKey(name)).toList();
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("missing column(s) " + String.join(", ", missing));
    }
    if (!unknown.isEmpty()) {
      problems.add("unknown column(s) " + Fields.cut(String.join(", ", unknown)));
    }
    if (!repeated.isEmpty()) {
      problems.add("repeated column(s) " + String.join(", ", repeated));
    }
    if (!problems.isEmpty()) {
      throw new InputException(source, line, "header", String.join("; ", problems) + " (expected " + expected + ")", null);
    }
    return columns;
  }
}
