package dev.userops.retention.cohort;

import dev.userops.core.AccumulatorSpec;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.event.Activity;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collector;

/**
 * Defines a cohort retention matrix. JSON form (every field; omitted optional fields take the
 * defaults below):
 *
 * <pre>{@code
 * {"granularity":"DAY","zone":"Asia/Shanghai","weekStart":"MONDAY","intervals":7,"brackets":[],
 *  "from":"2026-01-01","to":"2026-01-31","asOf":"2026-03-01T00:00:00Z",
 *  "startEvents":["signup"],"returnEvents":[],"cohortMode":"FIRST_TIME","returnMode":"ON",
 *  "window":"CALENDAR","badRecords":"REJECT"}
 * }</pre>
 *
 * <p>Column 0 of the matrix is the cohort size; columns 1..n are either single intervals 1..{@code
 * intervals} or, when {@code brackets} is not empty, consecutive brackets of the given lengths
 * (lengths {@code [3, 4, 23]} give the columns of intervals 1–3, 4–7 and 8–30). The intervals
 * tracked, {@link #spanIntervals()}, are at most {@value #MAX_SPAN}.
 *
 * @param granularity the period of cohorts and intervals; {@code null} means DAY
 * @param zone calendar periods are local to this zone
 * @param weekStart the first day of a WEEK; {@code null} means MONDAY
 * @param intervals columns after column 0 without brackets; with brackets 0 or their count
 *     (required in JSON: write 0 next to brackets)
 * @param brackets lengths in periods of the bracket columns, each {@code >= 1}; {@code null} or
 *     empty for one column per interval
 * @param from the first cohort is the period containing this local date (inclusive)
 * @param to the last cohort is the period containing this local date (inclusive), not before
 *     {@code from}
 * @param asOf events after it are bad records; a cell is immature (null) until its last interval
 *     has fully elapsed at this instant
 * @param startEvents event names that start a cohort; {@code null} or empty means any event
 * @param returnEvents event names that count as a return; {@code null} or empty means any event
 * @param cohortMode first-time or recurring cohorts; {@code null} means FIRST_TIME
 * @param returnMode on or on-or-after; {@code null} means ON
 * @param window calendar periods or rolling windows; {@code null} means CALENDAR
 * @param badRecords what to do with events before 1970 or after {@code asOf}; {@code null} means
 *     REJECT
 */
public record RetentionSpec(
    Granularity granularity,
    ZoneId zone,
    DayOfWeek weekStart,
    int intervals,
    List<Integer> brackets,
    LocalDate from,
    LocalDate to,
    Instant asOf,
    List<String> startEvents,
    List<String> returnEvents,
    CohortMode cohortMode,
    ReturnMode returnMode,
    WindowMode window,
    BadRecordPolicy badRecords)
    implements AccumulatorSpec<RetentionAccumulator, RetentionMatrix> {
  /** Format version of the JSON form, written as its {@code version} field. */
  private static final int JSON_VERSION = 1;

  /**
   * Most intervals after the start a matrix tracks: the per-user bitmap of first-time calendar
   * cohorts holds intervals 0..62 exactly and "63 or later" in its last bit.
   */
  public static final int MAX_SPAN = 62;
  /** Most cohort periods in the range, so a recurring bitmap per user stays bounded. */
  public static final int MAX_COHORTS = 10_000;

  /**
   * Applies the defaults and checks every field and their relations.
   *
   * @param granularity the period of cohorts and intervals, or {@code null} for DAY
   * @param zone calendar periods are local to this zone
   * @param weekStart the first day of a WEEK, or {@code null} for MONDAY
   * @param intervals columns after column 0, in [1, {@value #MAX_SPAN}] without brackets; 0 or
   *     the number of brackets with them
   * @param brackets bracket lengths in periods, each in [1, {@value #MAX_SPAN}] and together at
   *     most {@value #MAX_SPAN}; {@code null} or empty for none
   * @param from a local date in the first cohort period
   * @param to a local date in the last cohort period, not before {@code from}; at most {@value
   *     #MAX_COHORTS} periods after it
   * @param asOf the evaluation instant, at or after 1970-01-01T00:00:00Z
   * @param startEvents event names that start a cohort, or {@code null}/empty for any; sorted and
   *     deduplicated
   * @param returnEvents event names that count as a return, or {@code null}/empty for any; sorted
   *     and deduplicated
   * @param cohortMode first-time or recurring, or {@code null} for FIRST_TIME
   * @param returnMode on or on-or-after, or {@code null} for ON
   * @param window calendar or rolling, or {@code null} for CALENDAR; rolling needs DAY or WEEK
   * @param badRecords what to do with a bad record, or {@code null} for REJECT
   * @throws NullPointerException if {@code zone}, {@code from}, {@code to}, {@code asOf}, a bracket
   *     or an event name is null
   * @throws IllegalArgumentException if a value is out of range, an event name is blank, or the
   *     fields contradict each other (the message names them)
   */
  public RetentionSpec {
    granularity = granularity == null ? Granularity.DAY : granularity;
    Checks.requireNonNull(zone, "zone");
    weekStart = weekStart == null ? DayOfWeek.MONDAY : weekStart;
    brackets = brackets == null ? List.of() : List.copyOf(brackets);
    Checks.requireNonNull(from, "from");
    Checks.requireNonNull(to, "to");
    Checks.checkArgument(!to.isBefore(from), "to must not be before from, got from %s, to %s", from, to);
    Checks.requireNonNull(asOf, "asOf");
    Checks.checkArgument(asOf.toEpochMilli() >= 0, "asOf must be >= 1970-01-01T00:00:00Z, got %s", asOf);
    startEvents = normalized(startEvents, "startEvents");
    returnEvents = normalized(returnEvents, "returnEvents");
    cohortMode = cohortMode == null ? CohortMode.FIRST_TIME : cohortMode;
    returnMode = returnMode == null ? ReturnMode.ON : returnMode;
    window = window == null ? WindowMode.CALENDAR : window;
    badRecords = badRecords == null ? BadRecordPolicy.REJECT : badRecords;
    int span = 0;
    for (int i = 0; i < brackets.size(); i++) {
      span += Checks.requireInRange(brackets.get(i), 1, MAX_SPAN, "brackets[" + i + "]");
    }
    if (brackets.isEmpty()) {
      Checks.requireInRange(intervals, 1, MAX_SPAN, "intervals");
    } else {
      Checks.checkArgument(
          intervals == 0 || intervals == brackets.size(),
          "intervals must be 0 or the number of brackets %s when brackets are given, got %s",
          brackets.size(),
          intervals);
      Checks.checkArgument(
          span <= MAX_SPAN, "brackets must span at most %s intervals, got %s (%s)", MAX_SPAN, span, brackets);
      intervals = brackets.size();
    }
    Checks.checkArgument(
        window == WindowMode.CALENDAR || granularity != Granularity.MONTH,
        "window ROLLING needs granularity DAY or WEEK (a month has no fixed length), got %s",
        granularity);
    CalendarIndex calendar = CalendarIndex.of(zone, weekStart);
    long cohorts = calendar.indexOf(granularity, to) - calendar.indexOf(granularity, from) + 1;
    Checks.checkArgument(
        cohorts <= MAX_COHORTS,
        "from..to must hold at most %s %s cohorts, got %s (%s..%s)",
        MAX_COHORTS, granularity, cohorts, from, to);
  }

  private static List<String> normalized(List<String> events, String name) {
    if (events == null) {
      return List.of();
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (int i = 0; i < events.size(); i++) {
      sorted.add(Checks.requireNonBlank(events.get(i), name + "[" + i + "]"));
    }
    return List.copyOf(sorted);
  }

  /**
   * A day-N spec: DAY granularity and calendar days in {@code zone}, first-time cohorts started by
   * any event, return on day k for k = 1..{@code intervals}, bad records rejected.
   *
   * @param zone calendar days are local to this zone
   * @param from the first cohort day
   * @param to the last cohort day, inclusive
   * @param intervals the last day N reported, in [1, {@value #MAX_SPAN}]
   * @param asOf the evaluation instant, at or after 1970-01-01T00:00:00Z
   * @return the spec
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if a value is out of range
   */
  public static RetentionSpec daily(ZoneId zone, LocalDate from, LocalDate to, int intervals, Instant asOf) {
    return builder().zone(zone).from(from).to(to).intervals(intervals).asOf(asOf).build();
  }

  /**
   * A builder with every field unset: {@link Builder#build()} needs {@code zone}, {@code from},
   * {@code to} and {@code asOf}, and applies the record's defaults to the rest.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this spec's fields, to derive a changed spec. Setting columns or windows on it
   * replaces this spec's: {@code brackets(...)} on a builder of an interval spec is allowed, but
   * setting both {@code intervals} and {@code brackets} on one builder is rejected.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.granularity = granularity;
    builder.zone = zone;
    builder.weekStart = weekStart;
    builder.intervals = brackets.isEmpty() ? intervals : 0;
    builder.brackets = brackets;
    builder.from = from;
    builder.to = to;
    builder.asOf = asOf;
    builder.startEvents = startEvents;
    builder.returnEvents = returnEvents;
    builder.cohortMode = cohortMode;
    builder.returnMode = returnMode;
    builder.window = window;
    builder.badRecords = badRecords;
    return builder;
  }

  /**
   * Builds a {@link RetentionSpec} by name instead of fourteen positions. Settings that contradict
   * each other are rejected when the second is set, naming both: {@code intervals} and {@code
   * brackets} on one builder, and a {@code ROLLING} window with {@code MONTH} granularity. Values are
   * checked by {@link #build()} as the record's constructor checks them.
   */
  public static final class Builder {
    private Granularity granularity;
    private ZoneId zone;
    private DayOfWeek weekStart;
    private Integer intervals;
    private List<Integer> brackets = List.of();
    private LocalDate from;
    private LocalDate to;
    private Instant asOf;
    private List<String> startEvents;
    private List<String> returnEvents;
    private CohortMode cohortMode;
    private ReturnMode returnMode;
    private WindowMode window;
    private BadRecordPolicy badRecords;
    /** Which of intervals and brackets this builder's caller set, as opposed to toBuilder's copy. */
    private String columnsSetBy;

    private Builder() {}

    /**
     * The period of cohorts and intervals.
     *
     * @param granularity DAY, WEEK or MONTH (default DAY)
     * @return this builder
     * @throws NullPointerException if {@code granularity} is null
     * @throws IllegalStateException for MONTH when the window is ROLLING
     */
    public Builder granularity(Granularity granularity) {
      Checks.requireNonNull(granularity, "granularity");
      checkRollingMonth(granularity, window);
      this.granularity = granularity;
      return this;
    }

    /**
     * The zone calendar periods are local to; required.
     *
     * @param zone the zone
     * @return this builder
     * @throws NullPointerException if {@code zone} is null
     */
    public Builder zone(ZoneId zone) {
      this.zone = Checks.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * The first day of a WEEK.
     *
     * @param weekStart the day (default MONDAY)
     * @return this builder
     * @throws NullPointerException if {@code weekStart} is null
     */
    public Builder weekStart(DayOfWeek weekStart) {
      this.weekStart = Checks.requireNonNull(weekStart, "weekStart");
      return this;
    }

    /**
     * One column per interval 1..{@code intervals}. Default: 30 for DAY, 12 for WEEK and MONTH.
     *
     * @param intervals the number of columns, checked by {@link #build()} to be in [1, {@value
     *     #MAX_SPAN}]
     * @return this builder
     * @throws IllegalStateException if this builder was given brackets
     */
    public Builder intervals(int intervals) {
      Checks.checkState(!"brackets".equals(columnsSetBy),
          "intervals %s cannot be combined with brackets %s: brackets set the columns", intervals, brackets);
      this.intervals = intervals;
      this.brackets = List.of();
      this.columnsSetBy = "intervals";
      return this;
    }

    /**
     * Bracket columns of the given lengths in periods instead of one column per interval.
     *
     * @param brackets lengths, each {@code >= 1}, together at most {@value #MAX_SPAN}
     * @return this builder
     * @throws NullPointerException if {@code brackets} or a length is null
     * @throws IllegalStateException if this builder was given intervals
     */
    public Builder brackets(List<Integer> brackets) {
      Checks.checkState(!"intervals".equals(columnsSetBy),
          "brackets %s cannot be combined with intervals %s: intervals set the columns", brackets, intervals);
      this.brackets = List.copyOf(brackets);
      this.intervals = 0;
      this.columnsSetBy = "brackets";
      return this;
    }

    /**
     * The first cohort is the period containing this local date; required.
     *
     * @param from the date, inclusive
     * @return this builder
     * @throws NullPointerException if {@code from} is null
     */
    public Builder from(LocalDate from) {
      this.from = Checks.requireNonNull(from, "from");
      return this;
    }

    /**
     * The last cohort is the period containing this local date; required.
     *
     * @param to the date, inclusive, not before {@code from}
     * @return this builder
     * @throws NullPointerException if {@code to} is null
     */
    public Builder to(LocalDate to) {
      this.to = Checks.requireNonNull(to, "to");
      return this;
    }

    /**
     * The evaluation instant; required.
     *
     * @param asOf events after it are bad records, cells mature at it
     * @return this builder
     * @throws NullPointerException if {@code asOf} is null
     */
    public Builder asOf(Instant asOf) {
      this.asOf = Checks.requireNonNull(asOf, "asOf");
      return this;
    }

    /**
     * Event names that start a cohort.
     *
     * @param startEvents the names; empty (the default) for any event
     * @return this builder
     * @throws NullPointerException if {@code startEvents} is null
     */
    public Builder startEvents(List<String> startEvents) {
      this.startEvents = List.copyOf(startEvents);
      return this;
    }

    /**
     * Event names that count as a return.
     *
     * @param returnEvents the names; empty (the default) for any event
     * @return this builder
     * @throws NullPointerException if {@code returnEvents} is null
     */
    public Builder returnEvents(List<String> returnEvents) {
      this.returnEvents = List.copyOf(returnEvents);
      return this;
    }

    /**
     * First-time or recurring cohorts.
     *
     * @param cohortMode the mode (default FIRST_TIME)
     * @return this builder
     * @throws NullPointerException if {@code cohortMode} is null
     */
    public Builder cohortMode(CohortMode cohortMode) {
      this.cohortMode = Checks.requireNonNull(cohortMode, "cohortMode");
      return this;
    }

    /**
     * Return on each interval or on or after it.
     *
     * @param returnMode the mode (default ON)
     * @return this builder
     * @throws NullPointerException if {@code returnMode} is null
     */
    public Builder returnMode(ReturnMode returnMode) {
      this.returnMode = Checks.requireNonNull(returnMode, "returnMode");
      return this;
    }

    /**
     * Calendar periods or rolling windows from each user's start.
     *
     * @param window the mode (default CALENDAR)
     * @return this builder
     * @throws NullPointerException if {@code window} is null
     * @throws IllegalStateException for ROLLING when the granularity is MONTH
     */
    public Builder window(WindowMode window) {
      Checks.requireNonNull(window, "window");
      checkRollingMonth(granularity, window);
      this.window = window;
      return this;
    }

    /**
     * What to do with events before 1970 or after {@code asOf}.
     *
     * @param badRecords the policy (default REJECT)
     * @return this builder
     * @throws NullPointerException if {@code badRecords} is null
     */
    public Builder badRecords(BadRecordPolicy badRecords) {
      this.badRecords = Checks.requireNonNull(badRecords, "badRecords");
      return this;
    }

    private static void checkRollingMonth(Granularity granularity, WindowMode window) {
      Checks.checkState(
          !(granularity == Granularity.MONTH && window == WindowMode.ROLLING),
          "window ROLLING cannot be combined with granularity MONTH: a month has no fixed length");
    }

    /**
     * The spec.
     *
     * @return a new spec with the defaults applied to unset fields
     * @throws NullPointerException naming {@code zone}, {@code from}, {@code to} or {@code asOf} if
     *     unset
     * @throws IllegalArgumentException if a value is out of range, as the record's constructor says
     */
    public RetentionSpec build() {
      int columns = intervals != null ? intervals
          : granularity == null || granularity == Granularity.DAY ? 30 : 12;
      return new RetentionSpec(granularity, zone, weekStart, columns, brackets, from, to, asOf,
          startEvents, returnEvents, cohortMode, returnMode, window, badRecords);
    }
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @param json the JSON form; {@code zone}, {@code intervals}, {@code from}, {@code to} and
   *     {@code asOf} are required
   * @return the spec
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static RetentionSpec fromJson(String json) {
    return Json.readVersioned(json, RetentionSpec.class, JSON_VERSION);
  }

  /**
   * This spec's JSON form.
   *
   * @return compact JSON with every field written out, read back by {@link #fromJson}
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * Whether an event named {@code event} starts a cohort.
   *
   * @param event the event name, compared exactly
   * @return {@code true} if it is one of {@code startEvents}, or any event when they are empty
   */
  public boolean startsCohort(String event) {
    return startEvents.isEmpty() || startEvents.contains(event);
  }

  /**
   * Whether an event named {@code event} counts as a return.
   *
   * @param event the event name, compared exactly
   * @return {@code true} if it is one of {@code returnEvents}, or any event when they are empty
   */
  public boolean countsAsReturn(String event) {
    return returnEvents.isEmpty() || returnEvents.contains(event);
  }

  /**
   * Intervals after the start the columns cover: the sum of the brackets, or {@code intervals}.
   *
   * @return the span, in [1, {@value #MAX_SPAN}]
   */
  public int spanIntervals() {
    return columns().get(columns().size() - 1).last();
  }

  /**
   * The columns after column 0, in order.
   *
   * @return a new unmodifiable list of {@code intervals} consecutive columns starting at interval 1
   */
  public List<RetentionMatrix.Column> columns() {
    List<RetentionMatrix.Column> columns = new ArrayList<>();
    int next = 1;
    for (int c = 0; c < intervals; c++) {
      int length = brackets.isEmpty() ? 1 : brackets.get(c);
      columns.add(new RetentionMatrix.Column(next, next + length - 1));
      next += length;
    }
    return List.copyOf(columns);
  }

  /**
   * A collector building the matrix from activities; parallel streams merge partial accumulators.
   *
   * @return a collector classifying each activity by its type
   */
  public Collector<Activity, RetentionAccumulator, RetentionMatrix> collector() {
    return Accumulators.collector(this, RetentionAccumulator::add);
  }

  @Override
  public RetentionAccumulator newAccumulator() {
    return new RetentionAccumulator(this);
  }

  @Override
  public RetentionAccumulator accumulatorFromBytes(byte[] bytes) {
    return RetentionAccumulator.FORM.read(bytes, this);
  }
}
