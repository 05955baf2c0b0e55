package dev.userops.retention.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.event.Activity;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.Refund;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-worked matrices: every mode combination, zones, DST, week starts, month ends, leap day. */
class RetentionAccumulatorTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Instant AS_OF = Instant.parse("2026-03-10T00:00:00Z");

  static Activity event(long user, String utc, String type) {
    return new Activity(user, Instant.parse(utc), type);
  }

  private static Activity local(long user, String localDateTime, ZoneId zone, String type) {
    return new Activity(user, LocalDateTime.parse(localDateTime).atZone(zone).toInstant(), type);
  }

  /**
   * A DAY spec in UTC whose cohorts start at "signup", as of {@link #AS_OF}; each test sets what it
   * varies, the columns first.
   */
  static RetentionSpec.Builder days(String from, String to) {
    return RetentionSpec.builder().zone(UTC).from(LocalDate.parse(from)).to(LocalDate.parse(to))
        .asOf(AS_OF).startEvents(List.of("signup"));
  }

  private static RetentionMatrix matrix(RetentionSpec spec, List<Activity> events) {
    RetentionAccumulator acc = spec.newAccumulator();
    events.forEach(acc::add);
    RetentionMatrix result = acc.result();
    assertThat(result).as("reference").isEqualTo(ReferenceMatrix.of(spec, events));
    return result;
  }

  /**
   * Six users in UTC, cohorts 2026-03-01 and 03-02, start = signup, return = any event. u1 comes
   * back 23 h and 74 h after signing up (calendar days 1 and 3, rolling intervals 0 and 3); u2 at
   * 00:30 the next day, 1.5 h later (calendar day 1, rolling 0); u3 on calendar day 3 (rolling 3);
   * u6 exactly 24 h later (day 1 both ways); u4 first signed up before the range (first-time:
   * excluded; recurring: in 03-01 with a return on day 2); u5 never signs up.
   */
  static List<Activity> dataset() {
    return List.of(
        event(1, "2026-03-01T10:00:00Z", "signup"),
        event(1, "2026-03-01T20:00:00Z", "launch"),
        event(1, "2026-03-02T09:00:00Z", "launch"),
        event(1, "2026-03-04T12:00:00Z", "launch"),
        event(2, "2026-03-01T23:00:00Z", "signup"),
        event(2, "2026-03-02T00:30:00Z", "launch"),
        event(3, "2026-03-02T08:00:00Z", "signup"),
        event(3, "2026-03-05T12:00:00Z", "launch"),
        event(4, "2026-02-27T10:00:00Z", "signup"),
        event(4, "2026-03-01T09:00:00Z", "signup"),
        event(4, "2026-03-03T12:00:00Z", "launch"),
        event(5, "2026-03-01T10:00:00Z", "launch"),
        event(6, "2026-03-02T08:00:00Z", "signup"),
        event(6, "2026-03-03T08:00:00Z", "launch"));
  }

  /** u7 signs up on 03-01 and again exactly 24 h later: two cohorts when recurring. */
  static List<Activity> recurringDataset() {
    List<Activity> events = new ArrayList<>(dataset());
    events.add(event(7, "2026-03-01T12:00:00Z", "signup"));
    events.add(event(7, "2026-03-02T12:00:00Z", "signup"));
    return events;
  }

  @ParameterizedTest(name = "{0} {1} {2} brackets={3}")
  @CsvSource(delimiter = ';', value = {
      "FIRST_TIME; ON; CALENDAR; false; 2,2,0,1 | 2,1,0,1",
      "FIRST_TIME; ON_OR_AFTER; CALENDAR; false; 2,2,1,1 | 2,2,1,1",
      "FIRST_TIME; ON; CALENDAR; true; 2,2,1 | 2,1,1",
      "FIRST_TIME; ON_OR_AFTER; CALENDAR; true; 2,2,1 | 2,2,1",
      "FIRST_TIME; ON; ROLLING; false; 2,0,0,1 | 2,1,0,1",
      "FIRST_TIME; ON_OR_AFTER; ROLLING; false; 2,1,1,1 | 2,2,1,1",
      "FIRST_TIME; ON; ROLLING; true; 2,0,1 | 2,1,1",
      "FIRST_TIME; ON_OR_AFTER; ROLLING; true; 2,1,1 | 2,2,1",
      "RECURRING; ON; CALENDAR; false; 4,3,1,1 | 3,1,0,1",
      "RECURRING; ON_OR_AFTER; CALENDAR; false; 4,4,2,1 | 3,2,1,1",
      "RECURRING; ON; CALENDAR; true; 4,3,2 | 3,1,1",
      "RECURRING; ON_OR_AFTER; CALENDAR; true; 4,4,2 | 3,2,1",
      "RECURRING; ON; ROLLING; false; 4,1,1,1 | 3,1,0,1",
      "RECURRING; ON_OR_AFTER; ROLLING; false; 4,3,2,1 | 3,2,1,1",
      "RECURRING; ON; ROLLING; true; 4,1,2 | 3,1,1",
      "RECURRING; ON_OR_AFTER; ROLLING; true; 4,3,2 | 3,2,1",
  })
  void handWorkedMatrixForEveryModeCombination(
      CohortMode cohortMode, ReturnMode returnMode, WindowMode window, boolean brackets, String expected) {
    RetentionSpec.Builder days = days("2026-03-01", "2026-03-02");
    RetentionSpec spec = (brackets ? days.brackets(List.of(1, 2)) : days.intervals(3))
        .cohortMode(cohortMode).returnMode(returnMode).window(window).build();
    List<Activity> events = cohortMode == CohortMode.RECURRING ? recurringDataset() : dataset();

    RetentionMatrix matrix = matrix(spec, events);

    String[] rows = expected.split("\\|");
    assertThat(matrix.cohorts()).extracting(RetentionMatrix.Cohort::start)
        .containsExactly(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));
    for (int c = 0; c < rows.length; c++) {
      List<Long> counts = Arrays.stream(rows[c].trim().split(",")).map(Long::valueOf).toList();
      assertThat(matrix.cohorts().get(c).counts()).as("cohort %s", c).isEqualTo(counts);
      assertThat(matrix.cohorts().get(c).size()).isEqualTo(counts.get(0));
    }
  }

  @Test
  void bracketColumnsAreLabelledByTheirIntervals() {
    RetentionSpec spec = days("2026-03-01", "2026-03-01").brackets(List.of(3, 4, 23)).build();
    assertThat(spec.columns()).extracting(RetentionMatrix.Column::label).containsExactly("1-3", "4-7", "8-30");
    assertThat(spec.spanIntervals()).isEqualTo(30);
  }

  @Test
  void theSameEventsGiveDifferentCohortsEastAndWestOfUtc() {
    // 2026-03-01T20:00Z is 03-02 04:00 in Shanghai (UTC+8) and 03-01 12:00 in Los Angeles (UTC-8);
    // the return at 03-02T10:00Z is 18:00 the same day in Shanghai but the next day in LA.
    List<Activity> events = List.of(
        event(1, "2026-03-01T20:00:00Z", "signup"), event(1, "2026-03-02T10:00:00Z", "launch"));
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    ZoneId losAngeles = ZoneId.of("America/Los_Angeles");

    RetentionSpec.Builder days = days("2026-03-01", "2026-03-02").intervals(1);
    RetentionMatrix east = matrix(days.zone(shanghai).build(), events);
    RetentionMatrix west = matrix(days.zone(losAngeles).build(), events);

    assertThat(east.cohorts().get(0).counts()).containsExactly(0L, 0L);
    assertThat(east.cohorts().get(1).counts()).containsExactly(1L, 0L);
    assertThat(west.cohorts().get(0).counts()).containsExactly(1L, 1L);
    assertThat(west.cohorts().get(1).counts()).containsExactly(0L, 0L);
  }

  @Test
  void aDstDayIsOneCalendarDayAndMaturesAtLocalMidnight() {
    ZoneId newYork = ZoneId.of("America/New_York");
    // 2026-03-08 is 23 hours long in New York (clocks spring forward at 02:00).
    List<Activity> events = List.of(
        local(1, "2026-03-08T00:30", newYork, "signup"),
        local(1, "2026-03-08T23:30", newYork, "launch"),
        local(2, "2026-03-08T00:30", newYork, "signup"),
        local(2, "2026-03-09T00:15", newYork, "launch"));
    Instant nextMidnight = LocalDate.parse("2026-03-10").atStartOfDay(newYork).toInstant();

    RetentionSpec.Builder days = days("2026-03-08", "2026-03-08").intervals(1).zone(newYork);
    RetentionMatrix calendar = matrix(days.asOf(nextMidnight).build(), events);
    RetentionMatrix early = matrix(days.asOf(nextMidnight.minusMillis(2)).build(), events);
    RetentionMatrix lastMillisecond = matrix(days.asOf(nextMidnight.minusMillis(1)).build(), events);
    RetentionMatrix rolling =
        matrix(days.asOf(nextMidnight.plusSeconds(86_400)).window(WindowMode.ROLLING).build(), events);

    // u2's return 22 h 45 min after signup is the next calendar day, but rolling interval 0. A
    // rolling cell matures a whole window after the cohort's last instant, hence one day later.
    assertThat(calendar.cohorts().get(0).counts()).containsExactly(2L, 1L);
    assertThat(rolling.cohorts().get(0).counts()).containsExactly(2L, 0L);
    assertThat(early.cohorts().get(0).counts()).containsExactly(2L, null);
    // Events at asOf count, so a day whose last millisecond is asOf is complete.
    assertThat(lastMillisecond.cohorts().get(0).counts()).containsExactly(2L, 1L);
  }

  @Test
  void weeksStartOnTheConfiguredDay() {
    // 2026-03-01 is a Sunday: with Monday weeks the Monday after is week 1, with Sunday weeks week 0.
    assertThat(LocalDate.parse("2026-03-01").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    List<Activity> events = List.of(
        event(1, "2026-03-01T10:00:00Z", "signup"), event(1, "2026-03-02T10:00:00Z", "launch"));

    RetentionSpec.Builder weeks = days("2026-03-01", "2026-03-01").granularity(Granularity.WEEK)
        .intervals(1).asOf(AS_OF.plusSeconds(86_400 * 30));
    RetentionMatrix monday = matrix(weeks.weekStart(DayOfWeek.MONDAY).build(), events);
    RetentionMatrix sunday = matrix(weeks.weekStart(DayOfWeek.SUNDAY).build(), events);

    assertThat(monday.cohorts().get(0).start()).isEqualTo(LocalDate.parse("2026-02-23"));
    assertThat(monday.cohorts().get(0).counts()).containsExactly(1L, 1L);
    assertThat(sunday.cohorts().get(0).start()).isEqualTo(LocalDate.parse("2026-03-01"));
    assertThat(sunday.cohorts().get(0).counts()).containsExactly(1L, 0L);
  }

  @Test
  void monthsEndAtTheLocalEndOfTheirLastDay() {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    List<Activity> events = List.of(
        local(1, "2026-01-31T23:00", shanghai, "signup"),
        local(1, "2026-02-28T23:59", shanghai, "launch"),
        local(2, "2026-01-31T23:00", shanghai, "signup"),
        local(2, "2026-03-01T00:00", shanghai, "launch"));

    RetentionMatrix matrix = matrix(days("2026-01-15", "2026-01-15").granularity(Granularity.MONTH)
        .intervals(2).zone(shanghai).asOf(Instant.parse("2026-06-01T00:00:00Z")).build(), events);

    assertThat(matrix.cohorts().get(0).start()).isEqualTo(LocalDate.parse("2026-01-01"));
    assertThat(matrix.cohorts().get(0).counts()).containsExactly(2L, 1L, 1L);
  }

  @Test
  void theLeapDayIsADayOfItsOwn() {
    List<Activity> events = List.of(
        event(1, "2024-02-28T12:00:00Z", "signup"),
        event(1, "2024-02-29T12:00:00Z", "launch"),
        event(2, "2024-02-29T12:00:00Z", "signup"),
        event(2, "2024-03-01T12:00:00Z", "launch"));

    RetentionMatrix matrix = matrix(days("2024-02-28", "2024-02-29").intervals(2)
        .asOf(Instant.parse("2024-03-10T00:00:00Z")).build(), events);

    assertThat(matrix.cohorts()).extracting(RetentionMatrix.Cohort::start)
        .containsExactly(LocalDate.parse("2024-02-28"), LocalDate.parse("2024-02-29"));
    assertThat(matrix.cohorts().get(0).counts()).containsExactly(1L, 1L, 0L);
    assertThat(matrix.cohorts().get(1).counts()).containsExactly(1L, 1L, 0L);
  }

  @Test
  void immatureCellsAreNullAndLeftOutOfTheMeans() {
    // asOf 2026-03-03T12:00Z: cohort 03-01 has day 1 complete (03-02) but not day 2 (03-03);
    // cohort 03-02 has no complete day after its start.
    RetentionSpec spec = days("2026-03-01", "2026-03-02").intervals(2)
        .asOf(Instant.parse("2026-03-03T12:00:00Z")).build();
    List<Activity> events = List.of(
        event(1, "2026-03-01T10:00:00Z", "signup"),
        event(1, "2026-03-02T10:00:00Z", "launch"),
        event(2, "2026-03-02T10:00:00Z", "signup"),
        event(2, "2026-03-03T10:00:00Z", "launch"));

    RetentionMatrix matrix = matrix(spec, events);

    assertThat(matrix.cohorts().get(0).counts()).containsExactly(1L, 1L, null);
    assertThat(matrix.cohorts().get(0).rates()).containsExactly(1.0, 1.0, null);
    assertThat(matrix.cohorts().get(1).counts()).containsExactly(1L, null, null);
    assertThat(matrix.mean().counts()).containsExactly(2L, 1L, 0L);
    assertThat(matrix.mean().eligible()).containsExactly(2L, 1L, 0L);
    assertThat(matrix.mean().rates()).containsExactly(1.0, 1.0, null);
  }

  @Test
  void theMeanIsPooledAndTheSimpleMeanAveragesRates() {
    // Cohort 03-01: 1 user, returned; cohort 03-02: 3 users, none returned.
    List<Activity> events = List.of(
        event(1, "2026-03-01T10:00:00Z", "signup"),
        event(1, "2026-03-02T10:00:00Z", "launch"),
        event(2, "2026-03-02T10:00:00Z", "signup"),
        event(3, "2026-03-02T10:00:00Z", "signup"),
        event(4, "2026-03-02T10:00:00Z", "signup"));

    RetentionMatrix matrix = matrix(days("2026-03-01", "2026-03-02").intervals(1).build(), events);

    assertThat(matrix.mean().rates()).containsExactly(1.0, 0.25);
    assertThat(matrix.simpleMean()).containsExactly(1.0, 0.5);
  }

  @Test
  void returnsBeforeTheStartArePlacedWhenAnEarlierStartArrives() {
    RetentionSpec spec = days("2026-03-01", "2026-03-05").intervals(3).build();
    RetentionAccumulator acc = spec.newAccumulator();
    acc.add(event(1, "2026-03-04T10:00:00Z", "signup"));
    acc.add(event(1, "2026-03-03T10:00:00Z", "launch"));
    acc.add(event(1, "2026-03-02T10:00:00Z", "launch"));
    acc.add(event(1, "2026-03-01T10:00:00Z", "signup"));

    RetentionMatrix matrix = acc.result();

    // Days 1 (03-02) and 2 (03-03) from the real first signup; the later signup is day 3.
    assertThat(matrix.cohorts().get(0).counts()).containsExactly(1L, 1L, 1L, 1L);
    assertThat(matrix.cohorts().get(3).counts()).containsExactly(0L, 0L, 0L, 0L);
  }

  @Test
  void onOrAfterIsUnboundedBeyondTheLastColumn() {
    RetentionSpec spec =
        days("2026-01-01", "2026-01-01").intervals(2).returnMode(ReturnMode.ON_OR_AFTER).build();
    List<Activity> events = List.of(
        event(1, "2026-01-01T10:00:00Z", "signup"), event(1, "2026-03-01T10:00:00Z", "launch"));

    assertThat(matrix(spec, events).cohorts().get(0).counts()).containsExactly(1L, 1L, 1L);
  }

  @Test
  void eventsAfterAsOfAreBadRecords() {
    RetentionSpec.Builder days = days("2026-03-01", "2026-03-01").intervals(1);
    RetentionSpec reject = days.build();
    Activity late = event(1, "2026-03-11T00:00:00Z", "launch");
    assertThatThrownBy(() -> reject.newAccumulator().add(late))
        .isInstanceOf(BadRecordException.class)
        .hasMessageContaining("AFTER_AS_OF");

    RetentionSpec skip = days.badRecords(BadRecordPolicy.SKIP_AND_COUNT).build();
    RetentionAccumulator acc = skip.newAccumulator();
    acc.add(late).add(1, -1, true, true);
    assertThat(acc.result().diagnostics().skipped(BadRecordReason.AFTER_AS_OF)).isEqualTo(1);
    assertThat(acc.result().diagnostics().skipped(BadRecordReason.BEFORE_1970)).isEqualTo(1);
  }

  @Test
  void userIdsMustBeDenseIndexes() {
    RetentionAccumulator acc = RetentionSpec.daily(UTC, LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-03-01"), 1, AS_OF).newAccumulator();
    assertThatThrownBy(() -> acc.add(-1, 0, true, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId must be in [0, 2147483646], got -1");
  }

  @Test
  void theEventNamePathsAgree() {
    RetentionSpec spec = days("2026-03-01", "2026-03-02").intervals(3).build();
    RetentionAccumulator byRecord = spec.newAccumulator();
    RetentionAccumulator byName = spec.newAccumulator();
    RetentionAccumulator byFlags = spec.newAccumulator();
    for (Activity a : dataset()) {
      byRecord.add(a);
      byName.add(a.userId(), a.occurredAt().toEpochMilli(), a.type());
      byFlags.add(a.userId(), a.occurredAt().toEpochMilli(), spec.startsCohort(a.type()),
          spec.countsAsReturn(a.type()));
    }
    assertThat(byName.result()).isEqualTo(byRecord.result()).isEqualTo(byFlags.result());
    assertThat(dataset().stream().collect(spec.collector())).isEqualTo(byRecord.result());
  }

  @Test
  void theTextViewIsATriangleOfPercentages() {
    Instant asOf = Instant.parse("2026-03-04T00:00:00Z");
    RetentionSpec spec = days("2026-03-01", "2026-03-02").intervals(2).asOf(asOf).build();
    List<Activity> known = dataset().stream().filter(a -> !a.occurredAt().isAfter(asOf)).toList();

    String text = matrix(spec, known).toText();

    assertThat(text).isEqualTo(String.join("\n",
        "cohort           size       1       2",
        "2026-03-01          2  100.0%    0.0%",
        "2026-03-02          2   50.0%",
        "mean                    75.0%    0.0%",
        ""));
  }

  @Test
  void validOrdersGoInThroughTheOneScreen() {
    ZoneId utc = ZoneOffset.UTC;
    Instant asOf = Instant.parse("2026-04-01T00:00:00Z");
    RetentionSpec spec = RetentionSpec.builder().zone(utc).granularity(Granularity.MONTH).intervals(2)
        .from(LocalDate.parse("2026-01-01")).to(LocalDate.parse("2026-01-31")).asOf(asOf).build();
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.SKIP_AND_COUNT, asOf);
    valid.addOrder(Order.of("o1", 1, Instant.parse("2026-01-05T10:00:00Z"), 10_00, OrderStatus.PAID));
    valid.addOrder(Order.of("o2", 1, Instant.parse("2026-02-05T10:00:00Z"), 10_00, OrderStatus.PAID));
    valid.addOrder(Order.of("o3", 2, Instant.parse("2026-01-06T10:00:00Z"), 10_00, OrderStatus.PAID));
    // Not valid: a negative amount, a cancelled order, a repeated id and a fully refunded order.
    valid.addOrder(Order.of("o4", 2, Instant.parse("2026-02-06T10:00:00Z"), -5_00, OrderStatus.PAID));
    valid.addOrder(Order.of("o5", 2, Instant.parse("2026-02-07T10:00:00Z"), 5_00, OrderStatus.CANCELLED));
    valid.addOrder(Order.of("o1", 2, Instant.parse("2026-02-08T10:00:00Z"), 5_00, OrderStatus.PAID));
    valid.addOrder(Order.of("o6", 3, Instant.parse("2026-01-09T10:00:00Z"), 7_00, OrderStatus.PAID));
    valid.addRefund(new Refund("r6", "o6", 3, Instant.parse("2026-01-10T10:00:00Z"), 7_00));

    RetentionMatrix matrix = spec.newAccumulator().addAll(valid, "order").result();

    // Users 1 and 2 start in January; only user 1 returns in February.
    assertThat(matrix.cohorts().get(0).counts()).containsExactly(2L, 1L, 0L);
    assertThat(valid.diagnostics().skipped()).containsEntry(BadRecordReason.NEGATIVE_AMOUNT, 1L)
        .containsEntry(BadRecordReason.DUPLICATE_ORDER_ID, 1L);
  }
}
