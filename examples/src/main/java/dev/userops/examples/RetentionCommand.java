package dev.userops.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.BadRecords;
import dev.userops.core.CalendarIndex;
import dev.userops.core.ConfigException;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.UserOpsJson;
import dev.userops.core.event.OrderStatus;
import dev.userops.examples.input.EventCsvReader;
import dev.userops.retention.cohort.RetentionAccumulator;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.cohort.RetentionSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code userops retention}: the cohort retention matrix of an events CSV ({@code
 * user_id,occurred_at,event}) or of an order file (valid orders as event {@code order}). Settings
 * come from {@code --spec} (the retention spec's JSON form), each flag overriding its field; what
 * neither gives defaults to the data: {@code --as-of} its last event, {@code --from} the date of its
 * first start event, {@code --to} the date of {@code --as-of}.
 */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = "Cohort retention matrix: first-time or recurring cohorts, returns on or on-or-after"
        + " each interval or within brackets, calendar or rolling windows; immature cells blank.")
final class RetentionCommand implements Callable<Integer> {
  /** The event name valid orders of an order file carry. */
  static final String ORDER_EVENT = "order";

  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Option(names = "--events", paramLabel = "FILE",
      description = "Events CSV with header user_id,occurred_at,event (instead of --orders/--cdnow).")
  Path events;

  @Option(names = "--spec", paramLabel = "SPEC.json", description = "Retention spec JSON; flags override it.")
  Path specFile;

  @Option(names = "--json", description = "Write JSON instead of a table.")
  boolean json;

  @Option(names = "--granularity", paramLabel = "DAY|WEEK|MONTH", description = "Cohort and interval period.")
  Granularity granularity;

  @Option(names = "--intervals", paramLabel = "N",
      description = "Columns after column 0 (default: 30 days, 12 weeks or 12 months).")
  Integer intervals;

  @Option(names = "--from", paramLabel = "DATE", description = "First cohort date, inclusive.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last cohort date, inclusive.")
  LocalDate to;

  @Option(names = "--week-start", paramLabel = "MONDAY|SUNDAY", description = "First day of a week.")
  DayOfWeek weekStart;

  @Option(names = "--cohort", paramLabel = "first-time|recurring", description = "Cohort mode.")
  String cohort;

  @Option(names = "--return", paramLabel = "on|on-or-after", description = "Return mode.")
  String returnMode;

  @Option(names = "--brackets", paramLabel = "4,10,3", split = ",",
      description = "Bracket lengths in periods after column 0, instead of one column per interval.")
  List<Integer> brackets;

  @Option(names = "--window", paramLabel = "calendar|rolling", description = "Window mode.")
  String window;

  @Option(names = "--start-event", paramLabel = "NAME",
      description = "Event that starts a cohort; repeatable (default: any event).")
  List<String> startEvents;

  @Option(names = "--return-event", paramLabel = "NAME",
      description = "Event that counts as a return; repeatable (default: any event; with orders, valid orders).")
  List<String> returnEvents;

  @Override
  public Integer call() throws IOException {
    ObjectNode settings = specFile == null ? UserOpsJson.mapper().createObjectNode() : readSpec(specFile);
    ZoneId zone = flagOr(settings, "--zone", "zone") ? input.zone() : specZone(settings);
    Instant asOf = flagOr(settings, "--as-of", "asOf") ? input.asOf() : specAsOf(settings);
    Events data = Events.read(spec, input, events, zone, asOf);
    override(settings, zone, data, asOf == null ? data.asOf() : asOf);
    RetentionSpec retention = parse(settings);
    RetentionAccumulator accumulator = retention.newAccumulator();
    data.feed(accumulator::add, retention::startsCohort, retention::countsAsReturn);
    RetentionMatrix matrix = accumulator.result();
    Diagnostics diagnostics = data.diagnostics().plus(matrix.diagnostics());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(UserOpsJson.writePretty(json(matrix)));
    } else {
      printTable(out, retention, matrix, diagnostics, data);
    }
    out.flush();
    return 0;
  }

  /** Whether the option was typed or the spec file lacks the field: then the flag decides. */
  private boolean flagOr(ObjectNode settings, String option, String field) {
    return spec.commandLine().getParseResult().hasMatchedOption(option) || !settings.hasNonNull(field);
  }

  private ZoneId specZone(ObjectNode settings) {
    try {
      return ZoneId.of(settings.get("zone").asText());
    } catch (DateTimeException e) {
      throw new ParameterException(spec.commandLine(), "--spec: zone: expected a time zone id (e.g."
          + " \"Asia/Shanghai\"), got " + settings.get("zone"), e);
    }
  }

  private Instant specAsOf(ObjectNode settings) {
    try {
      return Instant.parse(settings.get("asOf").asText());
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), "--spec: asOf: expected ISO-8601 instant, got "
          + settings.get("asOf"), e);
    }
  }

  private ObjectNode readSpec(Path file) throws IOException {
    String text = Files.readString(file);
    try {
      JsonNode node = UserOpsJson.mapper().readTree(text);
      if (!(node instanceof ObjectNode object)) {
        throw new ParameterException(spec.commandLine(), "--spec " + file + ": expected a JSON object");
      }
      return object;
    } catch (JsonProcessingException e) {
      throw new ParameterException(spec.commandLine(),
          "--spec " + file + ": " + UserOpsJson.toConfigException(e).getMessage(), e, null, file.toString());
    }
  }

  private void override(ObjectNode settings, ZoneId zone, Events data, Instant asOf) {
    settings.put("zone", zone.getId());
    if (granularity != null) {
      settings.put("granularity", granularity.name());
    }
    if (weekStart != null) {
      settings.put("weekStart", weekStart.name());
    }
    if (brackets != null) {
      ArrayNode array = settings.putArray("brackets");
      brackets.forEach(array::add);
      settings.put("intervals", intervals == null ? 0 : intervals);
    } else if (intervals != null) {
      settings.put("intervals", intervals);
    } else if (!settings.has("intervals")) {
      String period = settings.path("granularity").asText(Granularity.DAY.name());
      settings.put("intervals", Granularity.DAY.name().equals(period) ? 30 : 12);
    }
    putEnum(settings, "cohortMode", "--cohort", cohort, "first-time", "recurring");
    putEnum(settings, "returnMode", "--return", returnMode, "on", "on-or-after");
    putEnum(settings, "window", "--window", window, "calendar", "rolling");
    if (startEvents != null) {
      putArray(settings, "startEvents", startEvents);
    }
    if (returnEvents != null) {
      putArray(settings, "returnEvents", returnEvents);
    } else if (events == null && !settings.has("returnEvents")) {
      putArray(settings, "returnEvents", List.of(ORDER_EVENT));
    }
    if (flagOr(settings, "--bad-records", "badRecords")) {
      settings.put("badRecords", input.badRecords().name());
    }
    settings.put("asOf", asOf.toString());
    if (from != null) {
      settings.put("from", from.toString());
    } else if (!settings.has("from")) {
      List<String> starts = new ArrayList<>();
      settings.path("startEvents").forEach(name -> starts.add(name.asText()));
      settings.put("from", data.firstDate(zone, starts, asOf).toString());
    }
    if (to != null) {
      settings.put("to", to.toString());
    } else if (!settings.has("to")) {
      settings.put("to", LocalDate.ofInstant(asOf, zone).toString());
    }
  }

  /** Puts {@code value}, one of the lower-case hyphenated {@code names}, as its enum constant. */
  private void putEnum(ObjectNode settings, String field, String option, String value, String... names) {
    if (value == null) {
      return;
    }
    if (!Arrays.asList(names).contains(value)) {
      throw new ParameterException(spec.commandLine(),
          option + ": expected " + String.join(" or ", names) + ", got \"" + value + "\"");
    }
    settings.put(field, value.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  private static void putArray(ObjectNode settings, String field, List<String> values) {
    ArrayNode array = settings.putArray(field);
    values.forEach(array::add);
  }

  private RetentionSpec parse(ObjectNode settings) {
    try {
      return RetentionSpec.fromJson(settings.toString());
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), "retention spec: " + e.getMessage(), e);
    }
  }

  /** The shape: granularity, zone, cohorts (start, size, counts, rates), mean (counts, rates). */
  static ObjectNode json(RetentionMatrix matrix) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("granularity", matrix.granularity().name());
    document.put("zone", matrix.zone().getId());
    ArrayNode cohorts = document.putArray("cohorts");
    for (RetentionMatrix.Cohort cohort : matrix.cohorts()) {
      ObjectNode row = cohorts.addObject();
      row.put("start", cohort.start().toString());
      row.put("size", cohort.size());
      row.set("counts", mapper.valueToTree(cohort.counts()));
      row.set("rates", mapper.valueToTree(cohort.rates()));
    }
    ObjectNode mean = document.putObject("mean");
    mean.set("counts", mapper.valueToTree(matrix.mean().counts()));
    mean.set("rates", mapper.valueToTree(matrix.mean().rates()));
    return document;
  }

  private void printTable(PrintWriter out, RetentionSpec retention, RetentionMatrix matrix,
      Diagnostics diagnostics, Events data) {
    out.println("Retention");
    out.printf("  %-14s %s%n", "source", data.source());
    out.printf("  %-14s %s, weeks from %s%n", "zone", retention.zone().getId(), retention.weekStart());
    out.printf("  %-14s %s .. %s by %s%n", "cohorts", retention.from(), retention.to(), retention.granularity());
    out.printf("  %-14s %s, return %s, %s windows%n", "modes", retention.cohortMode(),
        retention.returnMode(), retention.window());
    out.printf("  %-14s %s%n", "start events", retention.startEvents().isEmpty() ? "any" : retention.startEvents());
    out.printf("  %-14s %s%n", "return events", retention.returnEvents().isEmpty() ? "any" : retention.returnEvents());
    out.printf("  %-14s %s (blank cells: not yet complete)%n", "as of", retention.asOf());
    out.println();
    out.print(matrix.toText());
    Reports.printSkipped(out, diagnostics);
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
    static Events read(CommandSpec command, InputOptions input, Path eventsFile, ZoneId zone, Instant asOf)
        throws IOException {
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
      Events events = new Events(input.source());
      InputOptions.ReadResult read = input.read(order -> {
        if (order.status() == OrderStatus.PAID) {
          events.screenAndAdd(screen, order.userId(), order.occurredAt(), ORDER_EVENT, bound);
        }
      });
      events.diagnostics = read.diagnostics().plus(screen.diagnostics());
      return events;
    }

    private void screenAndAdd(BadRecords screen, long user, Instant at, String type, long asOfMillis) {
      long t = at.toEpochMilli();
      // The time rules of orders (amount 0 passes the amount rule), as the calculations apply them.
      if (screen.acceptTime(size, t, asOfMillis)) {
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
