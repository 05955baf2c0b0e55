package dev.userops.examples.input;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Splits a CSV file into byte ranges that each start at the beginning of a row, so that the ranges
 * can be parsed at the same time and give exactly the rows of one sequential parse.
 *
 * <p>A row boundary is a line feed outside a quoted field. One raw scan of the file, in parallel
 * chunks, counts quotes and line breaks. Without a single {@code "} in the file, every line feed is
 * a row boundary and each cut is the first line feed after its chunk's start. With quotes, whether a
 * line feed is inside a field depends on everything before it (a quote opens a field only at the
 * field's start, {@code ""} is an escaped quote, a quote inside an unquoted field is a character),
 * so the cuts come from one sequential pass of the parser's quoting rules over the file. Line numbers
 * count line breaks as the parser does: LF, CRLF and a lone CR each end one line.
 */
public final class ByteRanges {
  private static final int BUFFER_BYTES = 1 << 20;
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long QUOTE = 0x2222_2222_2222_2222L;
  private static final long LF = 0x0A0A_0A0A_0A0A_0A0AL;
  private static final long CR = 0x0D0D_0D0D_0D0D_0D0DL;
  private static final long LOW_SEVEN = 0x7F7F_7F7F_7F7F_7F7FL;

  /**
   * One range of the file.
   *
   * @param start the offset of its first byte, at the start of a row (0 for the first range)
   * @param end the offset after its last byte
   * @param firstLine the 1-based line number of its first byte
   */
  public record Range(long start, long end, long firstLine) {
    /** Its length in bytes. */
    public long length() {
      return end - start;
    }
  }

  private record ChunkCounts(long quotes, long lineBreaks) {}

  private ByteRanges() {}

  /**
   * Splits {@code file} into at most {@code parts} ranges of about equal size that start at rows.
   * Fewer ranges come back when a chunk holds no row boundary (e.g. one huge quoted field); an empty
   * file is one empty range.
   *
   * @param executor runs the chunk scans, {@code parts} of them at a time at most
   * @throws IOException if the file cannot be read
   */
  public static List<Range> split(Path file, int parts, ExecutorService executor) throws IOException {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be >= 1, got " + parts);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (parts == 1 || size == 0) {
        return List.of(new Range(0, size, 1));
      }
      long[] rawStarts = new long[parts + 1];
      for (int k = 0; k <= parts; k++) {
        rawStarts[k] = size * k / parts;
      }
      List<Future<ChunkCounts>> counts = new ArrayList<>();
      for (int k = 0; k < parts; k++) {
        long from = rawStarts[k];
        long to = rawStarts[k + 1];
        counts.add(executor.submit(() -> count(file, from, to)));
      }
      long quotes = 0;
      long[] lineBreaksBefore = new long[parts];
      for (int k = 0; k < parts; k++) {
        ChunkCounts chunk = get(counts.get(k));
        quotes += chunk.quotes();
        if (k + 1 < parts) {
          lineBreaksBefore[k + 1] = lineBreaksBefore[k] + chunk.lineBreaks();
        }
      }
      long[][] cuts = quotes == 0 ? firstLineFeeds(channel, rawStarts, lineBreaksBefore) : rowStarts(channel, rawStarts);
      List<Range> ranges = new ArrayList<>();
      long start = 0;
      long startLine = 1;
      for (int k = 1; k < parts; k++) {
        long[] cut = cuts[k];
        if (cut == null || cut[0] <= start || cut[0] >= size) {
          continue;
        }
        ranges.add(new Range(start, cut[0], startLine));
        start = cut[0];
        startLine = cut[1];
      }
      ranges.add(new Range(start, size, startLine));
      return List.copyOf(ranges);
    }
  }

  /**
   * The result of a task of the input's readers, with its own exception: an I/O error or an
   * unchecked exception (a rejected record, a bug) as the task threw it.
   */
  static <T> T get(Future<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the input", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * Adds the quotes of {@code bytes[0, length)} to {@code counts[0]} and its line breaks to {@code
   * counts[1]}: each LF, and each CR that the next byte is not an LF (the last byte's CR is left
   * pending).
   *
   * @param pendingCr whether the byte before {@code bytes[0]} was a CR not yet counted
   * @return whether the last byte is a CR not yet counted
   */
  static boolean scan(byte[] bytes, int length, boolean pendingCr, long[] counts) {
    // Eight bytes at a time: quotes, LFs, and CRs not followed by LF (a CRLF is one break).
    int i = 0;
    for (; i <= length - Long.BYTES; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      long cr = bytesEqual(word, CR);
      long lf = bytesEqual(word, LF);
      counts[0] += Long.bitCount(bytesEqual(word, QUOTE));
      // A byte's flag is its bit 7, so the next byte's flag is 8 bits up (little-endian).
      long loneCr = cr & ~(lf >>> 8) & 0x0080_8080_8080_8080L;
      counts[1] += Long.bitCount(lf) + Long.bitCount(loneCr) + (pendingCr && (lf & 0x80L) == 0 ? 1 : 0);
      pendingCr = cr < 0;
    }
    for (; i < length; i++) {
      byte b = bytes[i];
      if (pendingCr && b != '\n') {
        counts[1]++;
      }
      pendingCr = b == '\r';
      if (b == '"') {
        counts[0]++;
      } else if (b == '\n') {
        counts[1]++;
      }
    }
    return pendingCr;
  }

  /** Bit 7 of each byte of {@code word} that equals the byte repeated in {@code bytes}; no other bit. */
  private static long bytesEqual(long word, long bytes) {
    long x = word ^ bytes;
    // Exact per byte, no carry between bytes: the low seven bits plus 0x7F reach bit 7 unless zero.
    return ~((x & LOW_SEVEN) + LOW_SEVEN | x | LOW_SEVEN);
  }

  /** Quotes and line breaks in {@code [from, to)}; a CR counts when the byte after it is not LF. */
  private static ChunkCounts count(Path file, long from, long to) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long[] counts = new long[2];
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
      byte[] bytes = buffer.array();
      long position = from;
      boolean pendingCr = false;
      while (position < to) {
        buffer.clear().limit((int) Math.min(BUFFER_BYTES, to - position));
        int read = channel.read(buffer, position);
        if (read < 0) {
          break;
        }
        pendingCr = scan(bytes, read, pendingCr, counts);
        position += read;
      }
      if (pendingCr && !nextIsLineFeed(channel, to)) {
        counts[1]++;
      }
      return new ChunkCounts(counts[0], counts[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean nextIsLineFeed(FileChannel channel, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    return channel.read(one, position) == 1 && one.get(0) == '\n';
  }

  /**
   * For a file without quotes: for each raw start after the first, the offset after the first line
   * feed at or after it and the line number there, or {@code null} if there is none.
   */
  private static long[][] firstLineFeeds(FileChannel channel, long[] rawStarts, long[] lineBreaksBefore)
      throws IOException {
    int parts = rawStarts.length - 1;
    long[][] cuts = new long[parts][];
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    byte[] bytes = buffer.array();
    for (int k = 1; k < parts; k++) {
      long lines = lineBreaksBefore[k];
      long position = rawStarts[k];
      boolean afterCr = false;
      search:
      while (true) {
        buffer.clear();
        int read = channel.read(buffer, position);
        if (read <= 0) {
          break;
        }
        for (int i = 0; i < read; i++) {
          byte b = bytes[i];
          if (b == '\n') {
            cuts[k] = new long[] {position + i + 1, lines + 2};
            break search;
          }
          if (afterCr) {
            lines++;
          }
          afterCr = b == '\r';
        }
        position += read;
      }
    }
    return cuts;
  }

  /**
   * For a file with quotes: one sequential pass of the parser's quoting rules, giving for each raw
   * start after the first the first row start (after a line feed outside quotes) at or after it,
   * and its line number.
   */
  private static long[][] rowStarts(FileChannel channel, long[] rawStarts) throws IOException {
    int parts = rawStarts.length - 1;
    long[][] cuts = new long[parts][];
    int next = 1;
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    byte[] bytes = buffer.array();
    long position = 0;
    long lines = 0;
    int state = FIELD_START;
    boolean afterCr = false;
    while (next < parts) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        break;
      }
      for (int i = 0; i < read && next < parts; i++) {
        byte b = bytes[i];
        boolean lineFeed = b == '\n';
        if (lineFeed || afterCr) {
          lines++;
        }
        afterCr = b == '\r';
        state = switch (state) {
          case QUOTED -> b == '"' ? QUOTE_IN_QUOTED : QUOTED;
          case QUOTE_IN_QUOTED -> b == '"' ? QUOTED : afterField(b);
          case FIELD_START -> b == '"' ? QUOTED : afterField(b);
          default -> afterField(b);
        };
        if (lineFeed && state == FIELD_START) {
          while (next < parts && rawStarts[next] <= position + i + 1) {
            cuts[next++] = new long[] {position + i + 1, lines + 1};
          }
        }
      }
      position += read;
    }
    return cuts;
  }

  /** The state after a byte outside quotes: a delimiter or line break starts a field. */
  private static int afterField(byte b) {
    return b == ',' || b == '\n' || b == '\r' ? FIELD_START : UNQUOTED;
  }
}
