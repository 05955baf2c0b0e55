package dev.userops.examples.input;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape every CSV input shares: RFC 4180 over UTF-8 with an optional BOM, a required header
 * naming each required column once, optional columns at most once and nothing else, in any order,
 * and data rows with the header's field count. Problems are {@link InputException}s naming the
 * source, line and field.
 */
final class CsvTable {
  private CsvTable() {}

  /** Receives the data rows of one table. */
  @FunctionalInterface
  interface Rows {
    /**
     * One data row.
     *
     * @param row the row, with as many fields as the header
     * @param line the row's first line in the file, 1-based
     * @param columns field index by column name; optional columns absent from the header are absent
     */
    void row(CsvRecord row, long line, Map<String, Integer> columns);
  }

  /**
   * Reads the header and passes each data row to {@code rows}.
   *
   * @return the number of data rows
   * @throws InputException for an empty file, a bad header, a row of the wrong width or malformed CSV
   */
  static long read(String source, InputStream in, List<String> required, List<String> optional, Rows rows)
      throws IOException {
    String expected = String.join(",", required) + (optional.isEmpty() ? "" : "[," + String.join(",", optional) + "]");
    // Field counts are checked here, so that the message names the line and the header.
    CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .detectBomHeader(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(in, StandardCharsets.UTF_8);
    CloseableIterator<CsvRecord> iterator = csv.iterator();
    long line = 1;
    try {
      if (!iterator.hasNext()) {
        throw new InputException(source, 1, "header", "expected a header " + expected + ", got an empty file", null);
      }
      CsvRecord header = iterator.next();
      line = header.getStartingLineNumber();
      Map<String, Integer> columns = columns(source, header, required, optional, expected);
      long records = 0;
      while (iterator.hasNext()) {
        CsvRecord row = iterator.next();
        line = row.getStartingLineNumber();
        if (row.getFieldCount() != header.getFieldCount()) {
          throw new InputException(source, line, "row",
              "expected " + header.getFieldCount() + " fields as in the header, got " + row.getFieldCount(), null);
        }
        records++;
        rows.row(row, line, columns);
      }
      return records;
    } catch (CsvParseException e) {
      throw new InputException(source, line + 1, "row", "malformed CSV: " + e.getMessage(), e);
    }
  }

  private static Map<String, Integer> columns(
      String source, CsvRecord header, List<String> required, List<String> optional, String expected) {
    Map<String, Integer> columns = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    for (int i = 0; i < header.getFieldCount(); i++) {
      String name = header.getField(i).strip();
      if (!required.contains(name) && !optional.contains(name)) {
        unknown.add(name);
      } else if (columns.putIfAbsent(name, i) != null) {
        repeated.add(name);
      }
    }
    List<String> missing = required.stream().filter(name -> !columns.containsKey(name)).toList();
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("missing column(s) " + String.join(", ", missing));
    }
    if (!unknown.isEmpty()) {
      problems.add("unknown column(s) " + String.join(", ", unknown));
    }
    if (!repeated.isEmpty()) {
      problems.add("repeated column(s) " + String.join(", ", repeated));
    }
    if (!problems.isEmpty()) {
      throw new InputException(source, header.getStartingLineNumber(), "header",
          String.join("; ", problems) + " (expected " + expected + ")", null);
    }
    return columns;
  }
}
