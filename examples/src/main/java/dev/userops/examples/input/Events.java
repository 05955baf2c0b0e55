package dev.userops.examples.input;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.internal.BadRecords;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
/**
 * The events of the input, held as primitive columns so that settings that depend on the data
 * ({@code asOf}, {@code from}) can be derived before the calculation runs. Events before 1970 or
 * after an explicit {@code --as-of} are screened while reading, so a rejection names its line.
 */
public final class Events {
  /** The event name valid orders of an order file carry. */
  public static final String ORDER_EVENT = "order";

  private final String source;
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> nameIds = new HashMap<>();
  private long[] users = new long[1024];
  private long[] millis = new long[1024];
  private int[] types = new int[1024];
  private int size;
  private long records;
  private Diagnostics diagnostics;

  private Events(String source) {
    this.source = source;
  }

  /**
   * Reads an events CSV ({@link EventCsvReader}), screening malformed rows and events before 1970
   * or after {@code asOf} ({@code null}: no bound) under {@code policy}.
   *
   * @param source the file's name for messages
   * @param in read to its end and closed
   */
  public static Events readCsv(String source, InputStream in, ZoneId zone, BadRecordPolicy policy, Instant asOf)
      throws IOException {
    return readCsv(source, in, zone, policy, asOf, new UserIdDictionary());
  }

  /**
   * Reads an events CSV like {@link #readCsv(String, InputStream, ZoneId, BadRecordPolicy,
   * Instant)}, with user ids mapped by {@code users}, e.g. those of the orders of the same users.
   */
  public static Events readCsv(String source, InputStream in, ZoneId zone, BadRecordPolicy policy, Instant asOf,
      UserIdDictionary users) throws IOException {
    BadRecords screen = new BadRecords(policy);
    long bound = asOf == null ? Long.MAX_VALUE : asOf.toEpochMilli();
    Events events = new Events(source);
    try (EventCsvReader reader = EventCsvReader.of(source, in, zone, users, policy)) {
      events.records = reader.forEach(a -> events.screenAndAdd(screen, a.userId(), a.occurredAt(), a.type(), bound));
      events.diagnostics = reader.diagnostics().plus(screen.diagnostics());
    }
    return events;
  }

  /**
   * The valid orders of {@code valid} as events named {@link #ORDER_EVENT}.
   *
   * @param source the order input's name
   * @param records the rows the reader read, bad ones included
   * @param readerDiagnostics what the reader skipped before the orders reached {@code valid}
   */
  public static Events ofValidOrders(String source, long records, ValidOrders valid, Diagnostics readerDiagnostics) {
    Events events = new Events(source);
    events.records = records;
    valid.forEach((userId, epochMillis, amountMinor) -> events.add(userId, epochMillis, ORDER_EVENT));
    events.diagnostics = readerDiagnostics.plus(valid.diagnostics());
    return events;
  }

  private void screenAndAdd(BadRecords screen, long user, Instant at, String type, long asOfMillis) {
    long t = at.toEpochMilli();
    // The time rules of orders (amount 0 passes the amount rule), as the calculations apply them.
    if (screen.acceptTime(size, t, asOfMillis)) {
      add(user, t, type);
    }
  }

  private void add(long user, long t, String type) {
    if (size == users.length) {
      users = Arrays.copyOf(users, size * 2);
      millis = Arrays.copyOf(millis, size * 2);
      types = Arrays.copyOf(types, size * 2);
    }
    users[size] = user;
    millis[size] = t;
    types[size++] = nameIds.computeIfAbsent(type, name -> {
      names.add(name);
      return names.size() - 1;
    });
  }

  public String source() {
    return source;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** The rows read from the input, bad ones included. */
  public long records() {
    return records;
  }

  /** The last event's instant, or {@code null} if there is none. */
  public Instant last() {
    if (size == 0) {
      return null;
    }
    long last = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      last = Math.max(last, millis[i]);
    }
    return Instant.ofEpochMilli(last);
  }

  /** The local date of the first event named in {@code starts} (any if empty) up to {@code asOf}. */
  public LocalDate firstDate(ZoneId zone, List<String> starts, Instant asOf) {
    long first = asOf.toEpochMilli();
    for (int i = 0; i < size; i++) {
      if (starts.isEmpty() || starts.contains(names.get(types[i]))) {
        first = Math.min(first, millis[i]);
      }
    }
    return LocalDate.ofEpochDay(CalendarIndex.of(zone).dayIndex(first));
  }

  /** Passes every event to {@code sink}, classified once per event name. */
  public void feed(Sink sink, Predicate<String> isStart, Predicate<String> isReturn) {
    boolean[] starts = new boolean[names.size()];
    boolean[] returns = new boolean[names.size()];
    for (int n = 0; n < names.size(); n++) {
      starts[n] = isStart.test(names.get(n));
      returns[n] = isReturn.test(names.get(n));
    }
    for (int i = 0; i < size; i++) {
      sink.accept(users[i], millis[i], starts[types[i]], returns[types[i]]);
    }
  }

  /** Receives classified events. */
  public interface Sink {
    void accept(long userId, long epochMillis, boolean start, boolean returned);
  }
}
