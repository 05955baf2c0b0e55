package dev.userops.examples.input;

import dev.userops.core.BadRecordReason;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.internal.Fields;
import dev.userops.core.internal.Timestamps;
import dev.userops.core.internal.Utf8;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One data row of a table input (a CSV or a whitespace-separated file), with its fields by column
 * name, read by the rules every reader shares: strict UTF-8, ids trimmed ({@link Fields#id}),
 * timestamps ({@link Timestamps#parse}), amounts ({@link Fields#amountMinor}) and statuses ({@link
 * Fields#status}). A field that cannot be read throws a {@link MalformedField} naming its column and
 * reason. Reused from row to row: a reader takes what it needs while it is called.
 */
final class Row {
  /** The columns a reader may ask for, and where each is in {@link #fields}. */
  private final String[] keys;
  private final int[] indexes;
  private final List<String> names;
  /** Each field as text, once made; a field of {@link #raw} is made only when asked for. */
  private final String[] fields;
  private final boolean[] ascii;
  private RawRow raw;
  private long line;

  /**
   * @param names the column names in file order
   * @param columns the index of each column a reader may ask for
   */
  Row(List<String> names, Map<String, Integer> columns) {
    this.names = List.copyOf(names);
    this.keys = columns.keySet().toArray(String[]::new);
    this.indexes = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      indexes[i] = columns.get(keys[i]);
    }
    this.fields = new String[names.size()];
    this.ascii = new boolean[names.size()];
  }

  /**
   * Makes this the row at {@code line}, whose fields were read as ISO-8859-1.
   *
   * @param latin1 the fields in column order, as many as there are columns
   * @throws MalformedField {@link BadRecordReason#MALFORMED_ENCODING} for the first field whose
   *     bytes are not UTF-8
   */
  void set(long line, List<String> latin1) {
    this.line = line;
    this.raw = null;
    for (int i = 0; i < fields.length; i++) {
      fields[i] = decode(i, latin1.get(i));
      ascii[i] = false;
    }
  }

  /**
   * Makes this the row at {@code line} that FastCSV read into {@code raw}, as ISO-8859-1.
   *
   * @param raw the fields in column order, as many as there are columns
   * @throws MalformedField {@link BadRecordReason#MALFORMED_ENCODING} for the first field whose
   *     bytes are not UTF-8
   */
  void set(long line, RawRow raw) {
    this.line = line;
    this.raw = raw;
    for (int i = 0; i < fields.length; i++) {
      // ASCII is its own UTF-8: such a field becomes a string only if a reader asks for one.
      ascii[i] = raw.isAscii(i);
      fields[i] = ascii[i] ? null : decode(i, raw.field(i));
    }
  }

  private String decode(int i, String latin1) {
    String decoded = Utf8.decode(latin1);
    if (decoded == null) {
      throw new MalformedField(names.get(i), BadRecordReason.MALFORMED_ENCODING, Utf8.malformed(latin1));
    }
    return decoded;
  }

  /** The row's first line in the file, 1-based. */
  long line() {
    return line;
  }

  /** The field of {@code column} as it is, or {@code null} if the input has no such column. */
  String text(String column) {
    int i = index(column);
    if (i < 0) {
      return null;
    }
    if (fields[i] == null) {
      fields[i] = raw.field(i);
    }
    return fields[i];
  }

  /** Where {@code column} is in the row, or -1 if the input has no such column. */
  private int index(String column) {
    // A reader asks with the constants the columns are keyed by: a few identity checks per field,
    // where a map lookup per field was a tenth of the time to read a row.
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == column) {
        return indexes[i];
      }
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(column)) {
        return indexes[i];
      }
    }
    return -1;
  }

  /**
   * The field of {@code column} like {@link #text}, as chars that are valid only until the next row:
   * for an ASCII field, a view of the row's chars, so that no string is made of a field that is only
   * parsed; {@code null} if the input has no such column.
   */
  private CharSequence chars(String column) {
    int i = index(column);
    return i < 0 || !ascii[i] || fields[i] != null ? text(column) : new Chars(raw.chars(), raw.start(i), raw.end(i));
  }

  /**
   * The id in {@code column} like {@link #id}, as chars that are valid only until the next row: for
   * an ASCII field, a view of the row's chars, so that no string is made of an id that is only
   * looked up.
   */
  CharSequence idChars(String column) {
    if (!(chars(column) instanceof Chars view)) {
      return id(column);
    }
    int start = view.start();
    int end = view.end();
    // The whitespace String.strip trims, among ASCII chars.
    while (start < end && Character.isWhitespace(view.array()[start])) {
      start++;
    }
    while (end > start && Character.isWhitespace(view.array()[end - 1])) {
      end--;
    }
    return start == end ? id(column) : new Chars(view.array(), start, end); // id throws Fields.id's message
  }

  /** A range of a char array, as the chars of an ASCII id. */
  private record Chars(char[] array, int start, int end) implements CharSequence {
    @Override
    public int length() {
      return end - start;
    }

    @Override
    public char charAt(int index) {
      return array[start + index];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return toString().subSequence(from, to);
    }

    @Override
    public String toString() {
      return new String(array, start, end - start);
    }
  }

  /** The id in {@code column}, trimmed; empty is {@link BadRecordReason#EMPTY_ID}. */
  String id(String column) {
    return parse(column, BadRecordReason.EMPTY_ID, Fields::id);
  }

  /** The instant in {@code column} ({@link Timestamps#parse}); else {@link BadRecordReason#MALFORMED_TIMESTAMP}. */
  Instant timestamp(String column, ZoneId zone) {
    try {
      return Timestamps.parse(chars(column), zone);
    } catch (IllegalArgumentException e) {
      throw new MalformedField(column, BadRecordReason.MALFORMED_TIMESTAMP, e.getMessage());
    }
  }

  /** The amount in {@code column} in minor units ({@link Fields#amountMinor}); else {@link BadRecordReason#MALFORMED_AMOUNT}. */
  long amountMinor(String column, int fractionDigits) {
    // Not through parse: a Function would box the amount of every row.
    try {
      return Fields.amountMinor(chars(column), fractionDigits);
    } catch (IllegalArgumentException e) {
      throw new MalformedField(column, BadRecordReason.MALFORMED_AMOUNT, e.getMessage());
    }
  }

  /** The status in {@code column} ({@link Fields#status}); else {@link BadRecordReason#MALFORMED_STATUS}. */
  OrderStatus status(String column) {
    CharSequence chars = chars(column);
    OrderStatus ascii = chars instanceof Chars ? Fields.asciiStatus(chars) : null;
    return ascii != null ? ascii : parse(column, BadRecordReason.MALFORMED_STATUS, Fields::status);
  }

  /**
   * The field of {@code column} read by {@code parser}.
   *
   * @param reason the reason the row is bad for if {@code parser} throws
   * @throws MalformedField with {@code reason} and the parser's message if it throws {@link
   *     IllegalArgumentException}
   */
  <T> T parse(String column, BadRecordReason reason, Function<String, T> parser) {
    try {
      return parser.apply(text(column));
    } catch (IllegalArgumentException e) {
      throw new MalformedField(column, reason, e.getMessage());
    }
  }
}
