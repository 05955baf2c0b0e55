package dev.userops.examples;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.internal.BadRecords;
import dev.userops.examples.input.EventCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --events} option of the commands that read activity ({@code retention}, {@code
 * active}), and the one place that reads either that events CSV or the order input of {@link
 * InputOptions} as events.
 */
final class EventsInput {
  /** The event name valid orders of an order file carry. */
  static final String ORDER_EVENT = "order";

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(names = "--events", paramLabel = "FILE",
      description = "Events CSV with header user_id,occurred_at,event (instead of --orders/--cdnow).")
  private Path file;

  /** Whether {@code --events} was given. */
  boolean given() {
    return file != null;
  }

  /**
   * Reads the events CSV, or else the order input of {@code input} (valid orders only, as event
   * {@link #ORDER_EVENT}), screening events before 1970 or after {@code asOf} ({@code null}: no
   * bound).
   */
  Events read(InputOptions input, ZoneId zone, Instant asOf) throws IOException {
    return Events.read(command, input, file, zone, asOf);
  }

  /**
   * The events of the input, held as primitive columns so that settings that depend on the data
   * ({@code asOf}, {@code from}) can be derived before the calculation runs. Events before 1970 or
   * after an explicit {@code --as-of} are screened while reading, so a rejection names its line.
   */
  static final class Events {
    private final String source;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> nameIds = new HashMap<>();
    private long[] users = new long[1024];
    private long[] millis = new long[1024];
    private int[] types = new int[1024];
    private int size;
    private Diagnostics diagnostics;

    private Events(String source) {
      this.source = source;
    }

    /** Reads {@code eventsFile}, or else the order input of {@code input} (valid orders only). */
    private static Events read(CommandSpec command, InputOptions input, Path eventsFile, ZoneId zone,
        Instant asOf) throws IOException {
      if (eventsFile != null && (command.commandLine().getParseResult().hasMatchedOption("--orders")
          || command.commandLine().getParseResult().hasMatchedOption("--cdnow"))) {
        throw new ParameterException(command.commandLine(), "--events cannot be combined with --orders or --cdnow");
      }
      BadRecords screen = new BadRecords(input.badRecords());
      long bound = asOf == null ? Long.MAX_VALUE : asOf.toEpochMilli();
      if (eventsFile != null) {
        Events events = new Events(eventsFile.toString());
        UserIdDictionary userIds = new UserIdDictionary();
        try (EventCsvReader reader = EventCsvReader.of(events.source, Files.newInputStream(eventsFile), zone, userIds)) {
          reader.forEach(a -> events.screenAndAdd(screen, a.userId(), a.occurredAt(), a.type(), bound));
        }
        events.diagnostics = screen.diagnostics();
        return events;
      }
      // Orders go through the one screen every subcommand shares: valid orders only.
      Events events = new Events(input.source());
      ValidOrders valid = ValidOrders.create(RefundTreatment.NET, input.badRecords(), asOf);
      InputOptions.ReadResult read = input.read(valid::addOrder);
      valid.forEach((userId, epochMillis, amountMinor) -> events.add(userId, epochMillis, ORDER_EVENT));
      events.diagnostics = read.diagnostics().plus(valid.diagnostics());
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

    String source() {
      return source;
    }

    Diagnostics diagnostics() {
      return diagnostics;
    }

    /** The last event's instant: the default {@code asOf}. */
    Instant asOf() {
      long last = 0;
      for (int i = 0; i < size; i++) {
        last = Math.max(last, millis[i]);
      }
      return Instant.ofEpochMilli(last);
    }

    /** The local date of the first event named in {@code starts} (any if empty) up to {@code asOf}. */
    LocalDate firstDate(ZoneId zone, List<String> starts, Instant asOf) {
      long first = asOf.toEpochMilli();
      for (int i = 0; i < size; i++) {
        if (starts.isEmpty() || starts.contains(names.get(types[i]))) {
          first = Math.min(first, millis[i]);
        }
      }
      return LocalDate.ofEpochDay(CalendarIndex.of(zone).dayIndex(first));
    }

    /** Passes every event to {@code sink}, classified once per event name. */
    void feed(Sink sink, Predicate<String> isStart, Predicate<String> isReturn) {
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
    interface Sink {
      void accept(long userId, long epochMillis, boolean start, boolean returned);
    }
  }
}
