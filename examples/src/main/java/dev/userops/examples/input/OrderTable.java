package dev.userops.examples.input;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.internal.IdTable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The screened orders of one input as primitive columns, read in parts that may be parsed at the
 * same time and together hold exactly what one sequential read would: the same rows, the same user
 * ids (dense, in first-seen order over the whole input), the first occurrence of each order id, and
 * the same bad records by reason.
 *
 * <p>Each part is a byte range of the file (see {@link ByteRanges}) read by its own reader with its
 * own user dictionary and order-id table, which keeps every row's id and, once the part is read,
 * marks the repeats within the part in one pass. {@link #of} then joins the parts in file order: an
 * order id that an earlier part holds makes the later row a {@link
 * BadRecordReason#DUPLICATE_ORDER_ID}, as it would have been in one pass; the users of the rows
 * that are not duplicates are mapped into one dictionary in the order a sequential read meets them;
 * the other rows are then screened against a bound known before reading: negative amounts, times
 * before 1970 and times after the bound are bad records.
 *
 * <p>Memory: 21 bytes per row for the columns, and while reading the order-id table (the id's
 * length plus 4 bytes, plus 4 to 8 bytes of slots per row).
 */
public final class OrderTable {
  /** The status byte of a row that was read but screened out; kept so rows align with order ids. */
  private static final byte SCREENED_OUT = -1;

  private static final OrderStatus[] STATUSES = OrderStatus.values();
  private static final int SAMPLES = 8;
  private static final int SAMPLE_BYTES = 1 << 14;
  /** Slices of a part whose order ids are looked up in earlier parts at the same time. */
  private static final int DUPLICATE_SLICES = 4;

  private final List<Part> parts;
  private final UserIdDictionary users;
  private final Diagnostics diagnostics;
  private final long records;

  private OrderTable(List<Part> parts, UserIdDictionary users, Diagnostics diagnostics, long records) {
    this.parts = parts;
    this.users = users;
    this.diagnostics = diagnostics;
    this.records = records;
  }

  /** Receives the rows of a part. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * One screened, first-occurrence order.
     *
     * @param userId the buyer's dense id in {@link #users()}
     * @param epochMillis when it was placed
     * @param amountMinor its amount in minor units, {@code >= 0}
     * @param status its status
     */
    void order(long userId, long epochMillis, long amountMinor, OrderStatus status);
  }

  /**
   * The orders of one part of the input, filled by its reader. Not thread-safe; each part is read
   * by one thread.
   */
  static final class Part {
    private final UserIdDictionary users = new UserIdDictionary();
    /**
     * The order ids of the part's rows, for its reader's duplicate check, or {@code null} when the
     * input's order ids are unique by construction (CDNOW). Every order passed to {@link #add} has
     * its id added here, in the same order, so that row {@code i} has order id {@code i}: looked up
     * as it is read (the first occurrence only), or appended and indexed once the part is read.
     */
    private IdTable orderIds;
    private final BadRecords rejectScreen;
    private final long boundMillis;
    private int[] user;
    private long[] millis;
    private long[] amount;
    private byte[] status;
    private int size;
    private int[] globalUser;
    private final BitSet duplicate = new BitSet();

    /**
     * @param expectedRows rows the part is expected to hold, to size its columns and table without
     *     copies; more are fine
     */
    private Part(boolean uniqueOrderIds, BadRecordPolicy policy, long boundMillis, int expectedRows) {
      this.orderIds = uniqueOrderIds ? null : new IdTable(expectedRows);
      int capacity = Math.max(1024, expectedRows);
      this.user = new int[capacity];
      this.millis = new long[capacity];
      this.amount = new long[capacity];
      this.status = new byte[capacity];
      this.rejectScreen = policy == BadRecordPolicy.REJECT ? new BadRecords(policy) : null;
      this.boundMillis = boundMillis;
    }

    /** The part's user dictionary, for its reader. */
    UserIdDictionary users() {
      return users;
    }

    /**
     * Adds an order its reader parsed. Under {@code REJECT} it is screened here, so that the reader
     * can name its line; otherwise it is screened when the parts are joined, after duplicates,
     * because a row whose order id an earlier part holds is a duplicate whatever else is wrong.
     *
     * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
     */
    void add(Order order) {
      add(order.userId(), order.occurredAtMillis(), order.amountMinor(), order.status());
    }

    /**
     * Adds an order as its columns, like {@link #add(Order)}.
     *
     * @param userId the buyer's id in {@link #users()}
     * @param at when it was placed, epoch milliseconds
     * @param amountMinor its amount in minor units
     * @param orderStatus its status
     */
    void add(long userId, long at, long amountMinor, OrderStatus orderStatus) {
      if (rejectScreen != null) {
        rejectScreen.acceptOrder(size, at, amountMinor, boundMillis);
      }
      if (size == user.length) {
        int capacity = Math.multiplyExact(size, 2);
        user = Arrays.copyOf(user, capacity);
        millis = Arrays.copyOf(millis, capacity);
        amount = Arrays.copyOf(amount, capacity);
        status = Arrays.copyOf(status, capacity);
      }
      user[size] = Math.toIntExact(userId);
      millis[size] = at;
      amount[size] = amountMinor;
      status[size] = (byte) orderStatus.ordinal();
      size++;
    }

    /** Screens the rows that are not duplicates, marking the bad ones and counting them in {@code screen}. */
    private BadRecords screen(BadRecords screen) {
      for (int row = 0; row < size; row++) {
        if (!duplicate.get(row) && !screen.acceptOrder(row, millis[row], amount[row], boundMillis)) {
          status[row] = SCREENED_OUT;
        }
      }
      return screen;
    }
  }

  /** Opens the reader of an input, mapping its user ids with the dictionary it is given. */
  @FunctionalInterface
  public interface ReaderFactory {
    /** A reader whose orders carry dense ids of {@code users}. */
    OrderReader open(UserIdDictionary users) throws IOException;
  }

  /**
   * Reads an input whose order ids are unique by construction (CDNOW's {@code cdnow-<line>}) into a
   * table of one part, keeping no order ids.
   *
   * @param open opens the input's reader
   * @param policy what a bad record does
   * @param boundMillis orders after this instant are bad records ({@link BadRecordReason#AFTER_AS_OF})
   */
  public static OrderTable readUnique(ReaderFactory open, BadRecordPolicy policy, long boundMillis)
      throws IOException {
    Part part = new Part(true, policy, boundMillis, 0);
    try (OrderReader reader = open.open(part.users())) {
      long records = reader.forEach(part::add);
      return of(List.of(part), reader.diagnostics(), records, Runnable::run);
    }
  }

  /** Shows the progress of reading a stream of {@code length} bytes, e.g. on a terminal. */
  @FunctionalInterface
  public interface Tracker {
    /** {@code in}, or a stream reading through it that shows its progress. */
    InputStream track(InputStream in, long length);
  }

  /**
   * Reads an order CSV ({@link OrderReader#csv}) into a table, in up to {@code threads} parts
   * parsed at the same time. The result is the same for any number of threads: rows, user ids,
   * first occurrences of order ids and bad records by reason. Under {@code REJECT} the file is read
   * in one part, so the run ends at the first bad record in file order.
   *
   * @param file the CSV file
   * @param source its name in messages
   * @param boundMillis orders after this instant are bad records ({@link BadRecordReason#AFTER_AS_OF})
   * @param threads the most parts to parse at the same time
   * @param executor runs the parts
   * @param tracker shows the progress of the first part
   * @throws InputException for a file that cannot be read on, or a bad record under {@code REJECT}
   */
  public static OrderTable readCsv(Path file, String source, ZoneId zone, int fractionDigits, BadRecordPolicy policy,
      long boundMillis, int threads, ExecutorService executor, Tracker tracker) throws IOException {
    List<ByteRanges.Range> ranges = policy == BadRecordPolicy.REJECT || threads == 1
        ? List.of(new ByteRanges.Range(0, Files.size(file), 1))
        : ByteRanges.split(file, threads, executor);
    List<String> header = null;
    if (ranges.size() > 1) {
      try (InputStream in = Files.newInputStream(file)) {
        header = CsvTable.header(source, in);
      }
    }
    double rowsPerByte = rowsPerByte(file);
    List<Future<PartRead>> reads = new ArrayList<>();
    for (ByteRanges.Range range : ranges) {
      CsvTable.Part start = range.start() == 0 ? null : new CsvTable.Part(header, range.firstLine());
      // A little over the estimate, as rows further on may be a little shorter.
      Part part = new Part(false, policy, boundMillis,
          (int) Math.min(Integer.MAX_VALUE - 8, range.length() * rowsPerByte * 1.05));
      reads.add(executor.submit(() -> readRange(file, range, start, source, zone, fractionDigits, part, policy,
          range.start() == 0 ? tracker : (in, length) -> in)));
    }
    List<Part> parts = new ArrayList<>();
    Diagnostics diagnostics = Diagnostics.NONE;
    long records = 0;
    for (Future<PartRead> read : reads) {
      PartRead partRead = ByteRanges.get(read);
      parts.add(partRead.part());
      diagnostics = diagnostics.plus(partRead.diagnostics());
      records += partRead.records();
    }
    return of(parts, diagnostics, records, executor);
  }

  private record PartRead(Part part, Diagnostics diagnostics, long records) {}

  /**
   * Rows per byte in samples of 16 KiB at eight places in the file, to size the parts' columns and
   * tables without copies. A file whose samples are not like the rest costs copies (too few rows
   * expected) or unused capacity (too many), never a wrong result.
   */
  private static double rowsPerByte(Path file) throws IOException {
    long lineFeeds = 0;
    long sampled = 0;
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      ByteBuffer buffer = ByteBuffer.allocate(SAMPLE_BYTES);
      for (int k = 0; k < SAMPLES; k++) {
        buffer.clear();
        int read = Math.max(0, channel.read(buffer, size * k / SAMPLES));
        for (int i = 0; i < read; i++) {
          lineFeeds += buffer.get(i) == '\n' ? 1 : 0;
        }
        sampled += read;
      }
    }
    return sampled == 0 ? 0 : (double) lineFeeds / sampled;
  }

  private static PartRead readRange(Path file, ByteRanges.Range range, CsvTable.Part start, String source, ZoneId zone,
      int fractionDigits, Part part, BadRecordPolicy policy, Tracker tracker) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      InputStream in = tracker.track(limit(Channels.newInputStream(channel.position(range.start())), range.length()),
          range.length());
      // Under REJECT the reader looks each order id up, to name the line of the first repeat.
      boolean defer = policy != BadRecordPolicy.REJECT;
      try (OrderCsvReader reader = new OrderCsvReader(source, in, zone, fractionDigits, part.users(), part.orderIds,
          defer, start, policy)) {
        long records = reader.readInto(part);
        if (defer) {
          part.orderIds.indexAppended(part.duplicate);
        }
        return new PartRead(part, reader.diagnostics(), records);
      }
    }
  }

  /** The first {@code length} bytes of {@code in}. */
  private static InputStream limit(InputStream in, long length) {
    return new FilterInputStream(in) {
      private long left = length;

      @Override
      public int read() throws IOException {
        if (left == 0) {
          return -1;
        }
        int b = super.read();
        left -= b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int count) throws IOException {
        if (left == 0) {
          return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(count, left));
        left -= Math.max(n, 0);
        return n;
      }
    };
  }

  /**
   * Joins parts read from consecutive ranges of one input, in file order, looking up order ids and
   * screening rows on {@code executor} while this thread maps the users, which must go in file
   * order.
   *
   * @param parts the parts, the first range first
   * @param readerDiagnostics what the readers skipped (malformed rows, duplicates within a part)
   * @param records data rows read by all readers, bad ones included
   */
  private static OrderTable of(List<Part> parts, Diagnostics readerDiagnostics, long records, Executor executor)
      throws IOException {
    // Slices only read their own part's repeats, so every part's are marked once all are done.
    List<Map.Entry<Part, CompletableFuture<BitSet>>> slices = new ArrayList<>();
    for (int k = 1; k < parts.size(); k++) {
      Part part = parts.get(k);
      List<Part> earlier = parts.subList(0, k);
      for (int slice = 0; slice < DUPLICATE_SLICES; slice++) {
        int from = (int) ((long) part.size * slice / DUPLICATE_SLICES);
        int to = (int) ((long) part.size * (slice + 1) / DUPLICATE_SLICES);
        slices.add(Map.entry(part, CompletableFuture.supplyAsync(() -> duplicates(earlier, part, from, to), executor)));
      }
    }
    for (Map.Entry<Part, CompletableFuture<BitSet>> slice : slices) {
      slice.getKey().duplicate.or(ByteRanges.get(slice.getValue()));
    }
    List<CompletableFuture<BadRecords>> screens = new ArrayList<>();
    for (Part part : parts) {
      screens.add(CompletableFuture.supplyAsync(() -> part.screen(new BadRecords(BadRecordPolicy.SKIP_AND_COUNT)),
          executor));
    }
    Part first = parts.get(0);
    // The first part's users are the input's first users, unless a repeated order id added one.
    UserIdDictionary users = first.duplicate.isEmpty() ? first.users : new UserIdDictionary();
    long duplicates = 0;
    for (Part part : parts) {
      duplicates += part.duplicate.cardinality();
      if (users == part.users) {
        part.globalUser = new int[part.users.size()];
        Arrays.setAll(part.globalUser, i -> i);
      } else {
        mapUsers(users, part);
      }
    }
    BadRecords screen = new BadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    for (CompletableFuture<BadRecords> partScreen : screens) {
      screen.merge(ByteRanges.get(partScreen));
    }
    // Duplicates are marked: no one looks an order id up again.
    parts.forEach(part -> part.orderIds = null);
    Diagnostics joined = duplicates == 0
        ? Diagnostics.NONE
        : new Diagnostics(new EnumMap<>(Map.of(BadRecordReason.DUPLICATE_ORDER_ID, duplicates)));
    return new OrderTable(List.copyOf(parts), users, readerDiagnostics.plus(screen.diagnostics()).plus(joined),
        records);
  }

  /**
   * Maps the users of {@code part} into {@code users} in the order of their first row that is not a
   * duplicate, as one sequential read would have added them.
   */
  private static void mapUsers(UserIdDictionary users, Part part) {
    part.globalUser = new int[part.users.size()];
    Arrays.fill(part.globalUser, -1);
    for (int row = 0; row < part.size; row++) {
      int local = part.user[row];
      if (part.globalUser[local] < 0 && !part.duplicate.get(row)) {
        part.globalUser[local] = users.indexOf(part.users.userId(local));
      }
    }
  }

  /**
   * The rows of {@code part} in {@code [from, to)} whose order id an earlier part holds, and that
   * are not repeats within the part already: the first occurrence in file order wins. Each part's
   * table holds every order id of its range once, so no table grows, and slices may run at once.
   */
  private static BitSet duplicates(List<Part> earlier, Part part, int from, int to) {
    BitSet found = new BitSet();
    if (part.orderIds == null) {
      return found;
    }
    for (int row = part.duplicate.nextClearBit(from); row < to; row = part.duplicate.nextClearBit(row + 1)) {
      for (Part before : earlier) {
        if (before.orderIds.find(part.orderIds, row) >= 0) {
          found.set(row);
          break;
        }
      }
    }
    return found;
  }

  /** The number of parts, for {@link #forEach}. */
  public int parts() {
    return parts.size();
  }

  /**
   * Passes the screened, first-occurrence orders of part {@code part} to {@code visitor}, in file
   * order. Parts may be visited at the same time.
   */
  public void forEach(int part, Visitor visitor) {
    Part p = parts.get(part);
    for (int row = 0; row < p.size; row++) {
      byte s = p.status[row];
      if (s != SCREENED_OUT && !p.duplicate.get(row)) {
        visitor.order(p.globalUser[p.user[row]], p.millis[row], p.amount[row], STATUSES[s]);
      }
    }
  }

  /** The latest time of a valid order (screened, first occurrence, paid), or {@code Long.MIN_VALUE} if none. */
  public long lastMillis() {
    long[] last = {Long.MIN_VALUE};
    for (int k = 0; k < parts.size(); k++) {
      forEach(k, (userId, epochMillis, amountMinor, status) -> {
        if (status.isValidOrder()) {
          last[0] = Math.max(last[0], epochMillis);
        }
      });
    }
    return last[0];
  }

  /** Every user of the input, by the dense ids the visitor gets. */
  public UserIdDictionary users() {
    return users;
  }

  /** Records skipped by reason: malformed, duplicate, negative, before 1970 or after the bound. */
  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** Data rows read, bad ones included. */
  public long records() {
    return records;
  }
}
