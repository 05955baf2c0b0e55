package dev.userops.benchmarks;

import dev.userops.core.CalendarIndex;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-event cost of mapping epoch millis to a local day, Monday-start week and month index:
 * {@link CalendarIndex} against the {@code java.time} code a backend developer would write. Both
 * paths must return the same index for every input; {@link #setUp()} checks that before timing.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CalendarIndexBenchmark -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CalendarIndexBenchmark {
  // A power of two so the input index is a mask, not a modulo; 4096 longs (32 KiB) stay in L1/L2
  // while being too many distinct inputs for the JIT or branch predictor to memorize.
  private static final int SIZE = 4096;
  private static final int MASK = SIZE - 1;
  private static final long FROM_MILLIS = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
  private static final long TO_MILLIS = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
  /** The Monday starting the week that contains 1970-01-01: week index 0 in {@link CalendarIndex}. */
  private static final LocalDate WEEK_ZERO_MONDAY = LocalDate.of(1969, 12, 29);

  // Fixed offset, a zone whose transitions end in 1991, and two zones with DST every year (past the
  // JDK's precomputed transitions, java.time derives them from the last rules per year).
  @Param({"UTC", "Asia/Shanghai", "America/Los_Angeles", "Europe/London"})
  public String zoneId;

  private ZoneId zone;
  private CalendarIndex calendar;
  private final long[] millis = new long[SIZE];
  private int next;

  @Setup
  public void setUp() {
    zone = ZoneId.of(zoneId);
    calendar = CalendarIndex.of(zone);
    SplittableRandom random = new SplittableRandom(20_260_101L);
    for (int i = 0; i < SIZE; i++) {
      millis[i] = random.nextLong(FROM_MILLIS, TO_MILLIS);
    }
    for (long t : millis) {
      requireEqual("day", t, calendar.dayIndex(t), javaTimeDay(t, zone));
      requireEqual("week", t, calendar.weekIndex(t), javaTimeWeek(t, zone));
      requireEqual("month", t, calendar.monthIndex(t), javaTimeMonth(t, zone));
    }
  }

  private void requireEqual(String granularity, long t, long calendarIndex, long javaTimeIndex) {
    if (calendarIndex != javaTimeIndex) {
      throw new IllegalStateException(granularity + " index disagrees in " + zone + " at " + t
          + " (" + Instant.ofEpochMilli(t) + "): CalendarIndex " + calendarIndex
          + ", java.time " + javaTimeIndex);
    }
  }

  private long nextMillis() {
    return millis[next++ & MASK];
  }

  @Benchmark
  public long dayCalendarIndex() {
    return calendar.dayIndex(nextMillis());
  }

  @Benchmark
  public long dayJavaTime() {
    return javaTimeDay(nextMillis(), zone);
  }

  @Benchmark
  public long weekCalendarIndex() {
    return calendar.weekIndex(nextMillis());
  }

  @Benchmark
  public long weekJavaTime() {
    return javaTimeWeek(nextMillis(), zone);
  }

  @Benchmark
  public long monthCalendarIndex() {
    return calendar.monthIndex(nextMillis());
  }

  @Benchmark
  public long monthJavaTime() {
    return javaTimeMonth(nextMillis(), zone);
  }

  private static LocalDate localDate(long epochMillis, ZoneId zone) {
    return Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
  }

  private static long javaTimeDay(long epochMillis, ZoneId zone) {
    return localDate(epochMillis, zone).toEpochDay();
  }

  private static long javaTimeWeek(long epochMillis, ZoneId zone) {
    LocalDate monday = localDate(epochMillis, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return ChronoUnit.WEEKS.between(WEEK_ZERO_MONDAY, monday);
  }

  private static long javaTimeMonth(long epochMillis, ZoneId zone) {
    LocalDate date = localDate(epochMillis, zone);
    return (date.getYear() - 1970) * 12L + date.getMonthValue() - 1;
  }
}
