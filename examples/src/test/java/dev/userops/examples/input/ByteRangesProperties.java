package dev.userops.examples.input;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;

/**
 * Parsing each range of {@link ByteRanges#split} on its own gives exactly the records and line
 * numbers of one sequential parse, whatever the quoting and line ends.
 */
class ByteRangesProperties {
  private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2);

  @AfterContainer
  static void shutDown() {
    EXECUTOR.shutdownNow();
  }

  /** One parsed record: its fields and its first line. */
  private record Parsed(List<String> fields, long line) {}

  /** The word-at-a-time count equals a byte-by-byte count, whatever the bytes and the buffer cuts. */
  @Property(tries = 1_000)
  void quotesAndLineBreaksAreCountedAsByteByByte(@ForAll("bytes") byte[] bytes, @ForAll @IntRange(max = 64) int cut) {
    int split = Math.min(cut, bytes.length);
    long[] counts = new long[2];
    boolean pending = ByteRanges.scan(bytes, split, false, counts);
    byte[] rest = Arrays.copyOfRange(bytes, split, bytes.length);
    pending = ByteRanges.scan(rest, rest.length, pending, counts);
    long quotes = 0;
    long lineBreaks = 0;
    for (int i = 0; i < bytes.length; i++) {
      quotes += bytes[i] == '"' ? 1 : 0;
      lineBreaks += bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n') ? 1 : 0;
    }
    boolean endsInCr = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
    assertThat(counts[0]).isEqualTo(quotes);
    // A CR at the very end stays pending: the caller counts it unless the next chunk starts with LF.
    assertThat(counts[1] + (pending ? 1 : 0)).isEqualTo(lineBreaks);
    assertThat(pending).isEqualTo(endsInCr);
  }

  /** Bytes the count cares about, and their neighbours with the high bit set (no carry between bytes). */
  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.of((byte) '"', (byte) '\n', (byte) '\r', (byte) 'a', (byte) 0x8A, (byte) 0x8D, (byte) 0xA2,
        (byte) 0x0B, (byte) 0x0C, (byte) 0x21, (byte) 0x23, (byte) 0xFF, (byte) 0x00).array(byte[].class).ofMaxSize(80);
  }

  @Property(tries = 500)
  void rangesParseLikeTheWholeFile(@ForAll("files") String csv, @ForAll @IntRange(min = 1, max = 7) int parts)
      throws IOException {
    Path file = Files.createTempFile("ranges", ".csv");
    try {
      Files.writeString(file, csv, StandardCharsets.UTF_8);
      List<ByteRanges.Range> ranges = ByteRanges.split(file, parts, EXECUTOR);

      assertThat(ranges).isNotEmpty().hasSizeLessThanOrEqualTo(parts);
      assertThat(ranges.get(0).start()).isZero();
      assertThat(ranges.get(ranges.size() - 1).end()).isEqualTo(Files.size(file));
      List<Parsed> pieced = new ArrayList<>();
      for (int i = 0; i < ranges.size(); i++) {
        if (i > 0) {
          assertThat(ranges.get(i).start()).isEqualTo(ranges.get(i - 1).end());
        }
        pieced.addAll(parse(slice(file, ranges.get(i)), ranges.get(i).firstLine()));
      }
      assertThat(pieced).as("%s in %s", escaped(csv), ranges).isEqualTo(parse(csv, 1));
    } finally {
      Files.delete(file);
    }
  }

  private static String escaped(String csv) {
    return csv.replace("\r", "\\r").replace("\n", "\\n");
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsACharacterNotAnOpening() throws IOException {
    String csv = "a,b\n1,x\"y\n" + "2,z\n".repeat(50) + "3,\"multi\nline\"\n" + "4,w\n".repeat(50);
    Path file = Files.createTempFile("ranges", ".csv");
    try {
      Files.writeString(file, csv);
      for (int parts = 2; parts <= 8; parts++) {
        List<Parsed> pieced = new ArrayList<>();
        for (ByteRanges.Range range : ByteRanges.split(file, parts, EXECUTOR)) {
          pieced.addAll(parse(slice(file, range), range.firstLine()));
        }
        assertThat(pieced).isEqualTo(parse(csv, 1));
      }
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<String> files() {
    Arbitrary<String> field = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abc1 ").ofMaxLength(6),
        // A lone CR last: FastCSV before 4.3.0 dropped such a field and joined its row with the next.
        // Not a CR before a later LF in the field: FastCSV 4.3.1 then counts the two as one line break.
        Arbitraries.strings().withChars("ab,\n\" ").ofMaxLength(6).flatMap(s -> Arbitraries.of("", "\r")
            .map(cr -> "\"" + s.replace("\"", "\"\"").replace("b\n", "b\r\n") + cr + "\"")),
        Arbitraries.strings().withChars("ab\"").ofMinLength(2).ofMaxLength(4).filter(s -> s.charAt(0) != '"'));
    Arbitrary<String> lineEnd = Arbitraries.of("\n", "\r\n", "\r");
    Arbitrary<String> row = field.list().ofMinSize(1).ofMaxSize(4).map(fields -> String.join(",", fields));
    return Arbitraries.entries(row, lineEnd).list().ofMaxSize(40).map(rows -> {
      StringBuilder csv = new StringBuilder();
      rows.forEach(entry -> csv.append(entry.getKey()).append(entry.getValue()));
      return csv.toString();
    });
  }

  private static String slice(Path file, ByteRanges.Range range) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer bytes = ByteBuffer.allocate((int) range.length());
      channel.read(bytes, range.start());
      return new String(bytes.array(), StandardCharsets.UTF_8);
    }
  }

  private static List<Parsed> parse(String csv, long firstLine) {
    List<Parsed> records = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder()
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .ofCsvRecord(csv)) {
      for (CsvRecord record : reader) {
        records.add(new Parsed(record.getFields(), firstLine - 1 + record.getStartingLineNumber()));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return records;
  }
}
